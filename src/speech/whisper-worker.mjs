// @ts-check
/**
 * Worker thread that runs Whisper (through @huggingface/transformers and onnxruntime-node), so
 * loading the model and decoding never block the main thread: other visitors' pages and audio
 * frames keep flowing while a segment is transcribed. Plain JavaScript so the same file loads
 * under tsx, Vitest and `node` on compiled output (started with
 * `new URL('./whisper-worker.mjs', import.meta.url)`).
 *
 * Protocol (only plain objects cross the thread boundary):
 *   → { type: 'load', modelId, modelDir, allowDownload, dtype }
 *   ← { type: 'loaded' } | { type: 'load-failed', notFound: boolean, message }
 *   → { type: 'transcribe', id, audio: Float32Array (16 kHz mono; its buffer transferred) }
 *   ← { type: 'result', id, text } | { type: 'error', id, message }
 * Jobs run one at a time, in the order they arrive.
 */
import { parentPort } from 'node:worker_threads';

if (!parentPort) throw new Error('whisper-worker.mjs must be started as a worker thread.');
const port = parentPort;

/** @type {any} */
let recognizer = null;
/** @type {Promise<unknown>} */
let queue = Promise.resolve();

port.on('message', (message) => {
  queue = queue.then(() => handle(message)).catch(() => undefined);
});

/** @param {any} message */
async function handle(message) {
  if (message?.type === 'load') {
    try {
      await load(message);
      port.postMessage({ type: 'loaded' });
    } catch (error) {
      port.postMessage({ type: 'load-failed', notFound: isNotFound(error), message: describe(error) });
    }
    return;
  }
  if (message?.type === 'transcribe') {
    try {
      if (!recognizer) throw new Error('The model is not loaded.');
      const output = await recognizer(message.audio, { return_timestamps: false });
      const text = Array.isArray(output) ? output.map((o) => o.text).join(' ') : output?.text;
      port.postMessage({ type: 'result', id: message.id, text: typeof text === 'string' ? text.trim() : '' });
    } catch (error) {
      port.postMessage({ type: 'error', id: message.id, message: describe(error) });
    }
  }
}

/** @param {{ modelId: string, modelDir: string, allowDownload: boolean, dtype: string }} options */
async function load({ modelId, modelDir, allowDownload, dtype }) {
  const { env, pipeline } = await import('@huggingface/transformers');
  // Models live in (and, when allowed, are downloaded into) the configured folder, laid out as
  // <modelDir>/<owner>/<name>/{config.json, onnx/…}. Nothing is fetched unless allowed.
  env.allowLocalModels = true;
  env.localModelPath = modelDir.endsWith('/') ? modelDir : `${modelDir}/`;
  env.cacheDir = modelDir;
  env.allowRemoteModels = allowDownload;
  recognizer = await pipeline('automatic-speech-recognition', modelId, {
    dtype: /** @type {any} */ (dtype),
    device: 'cpu',
    local_files_only: !allowDownload,
    // One thread for inference leaves the other cores to the web server.
    session_options: { intraOpNumThreads: 1, interOpNumThreads: 1 },
  });
}

/** @param {unknown} error */
function isNotFound(error) {
  const name = error instanceof Error ? error.name : '';
  return name === 'ModelFileNotFoundError' || /not found locally|file was not found|could not locate|ENOENT|404/i.test(describe(error));
}

/** @param {unknown} error */
function describe(error) {
  return error instanceof Error ? error.message : String(error);
}
