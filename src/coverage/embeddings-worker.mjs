// @ts-check
/**
 * Worker thread that runs the sentence-embedding model (all-MiniLM-L6-v2 through
 * @huggingface/transformers and onnxruntime-node), so loading it and embedding an answer never
 * block the main thread. Plain JavaScript so the same file loads under tsx, Vitest and `node`
 * on compiled output (started with `new URL('./embeddings-worker.mjs', import.meta.url)`;
 * `npm run build` copies it next to the compiled code).
 *
 * Local files only: the model is read from <modelDir>/<owner>/<name>/ and never downloaded.
 *
 * Protocol (only plain objects cross the thread boundary):
 *   → { type: 'load', modelId, modelDir, dtype }
 *   ← { type: 'loaded' } | { type: 'load-failed', notFound: boolean, message }
 *   → { type: 'embed', id, texts: string[] }
 *   ← { type: 'result', id, dims: [n, d], data: Float32Array (its buffer transferred) } | { type: 'error', id, message }
 * Vectors are mean-pooled over tokens and L2-normalised, so a dot product is the cosine.
 * Jobs run one at a time, in the order they arrive.
 */
import { parentPort } from 'node:worker_threads';

if (!parentPort) throw new Error('embeddings-worker.mjs must be started as a worker thread.');
const port = parentPort;

/** @type {any} */
let extractor = null;
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
  if (message?.type === 'embed') {
    try {
      if (!extractor) throw new Error('The model is not loaded.');
      const output = await extractor(message.texts, { pooling: 'mean', normalize: true });
      const data = Float32Array.from(output.data);
      port.postMessage({ type: 'result', id: message.id, dims: output.dims, data }, [data.buffer]);
    } catch (error) {
      port.postMessage({ type: 'error', id: message.id, message: describe(error) });
    }
  }
}

/** @param {{ modelId: string, modelDir: string, dtype: string }} options */
async function load({ modelId, modelDir, dtype }) {
  const { env, pipeline } = await import('@huggingface/transformers');
  env.allowLocalModels = true;
  env.localModelPath = modelDir.endsWith('/') ? modelDir : `${modelDir}/`;
  env.cacheDir = modelDir;
  env.allowRemoteModels = false;
  extractor = await pipeline('feature-extraction', modelId, {
    dtype: /** @type {any} */ (dtype),
    device: 'cpu',
    local_files_only: true,
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
