/**
 * `npm run models:download [-- --only whisper|embeddings]`: the local models into the folders
 * the app reads them from (WHISPER_MODEL_DIR, EMBEDDINGS_MODEL_DIR), with progress, checks and
 * resume (download.ts). In the container image: `node dist/src/models/cli.js`.
 */
import { pathToFileURL } from 'node:url';
import { loadConfigOrExit, type AppConfig } from '../config.js';
import { DownloadError, downloadModel, embeddingsSpec, whisperSpec, type DownloadOptions, type ModelSpec } from './download.js';

function modelSpecs(config: AppConfig, only: string | null): ModelSpec[] {
  const specs = [
    { key: 'whisper', spec: whisperSpec(config.speech.whisperModel, config.speech.whisperModelDir) },
    { key: 'embeddings', spec: embeddingsSpec(config.coverage.embeddingsModel, config.coverage.embeddingsModelDir) },
  ];
  return specs.filter((s) => only === null || only.split(',').includes(s.key)).map((s) => s.spec);
}

/** Runs the command; returns the exit code (0 done, 1 failed, 2 bad arguments). */
export async function runModelsDownload(argv: string[], config: AppConfig, options: Omit<DownloadOptions, 'baseUrl'> = {}): Promise<number> {
  const out = options.out ?? process.stderr;
  const onlyArg = argv.find((a) => a.startsWith('--only'));
  const only = onlyArg ? (onlyArg.includes('=') ? onlyArg.split('=')[1]! : argv[argv.indexOf(onlyArg) + 1] ?? '') : null;
  if (only !== null && !/^(whisper|embeddings)(,(whisper|embeddings))*$/.test(only)) {
    out.write('Usage: npm run models:download [-- --only whisper|embeddings]\n');
    return 2;
  }
  try {
    for (const spec of modelSpecs(config, only)) await downloadModel(spec, { ...options, out, baseUrl: config.modelsBaseUrl });
    out.write('Models are in place. Captions (TRANSCRIBER=whisper or auto) and embedding coverage use them from the next start.\n');
    return 0;
  } catch (error) {
    if (!(error instanceof DownloadError)) throw error;
    out.write(`\n${error.message}\n`);
    return 1;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = await runModelsDownload(process.argv.slice(2), loadConfigOrExit());
}
