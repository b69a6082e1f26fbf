// @ts-check
/**
 * What the model workers (speech/whisper-worker.mjs, coverage/embeddings-worker.mjs) share:
 * the message loop that runs one job at a time, loading a @huggingface/transformers pipeline
 * from a local model folder, and the error replies. Each worker keeps only its pipeline task,
 * its job message and the shape of its result. Plain JavaScript so the same file loads under
 * tsx, Vitest and `node` on compiled output (`npm run build` copies it next to the compiled
 * code); the host side is model-worker-client.ts.
 *
 * Protocol (only plain objects cross the thread boundary):
 *   → { type: 'load', modelId, modelDir, dtype, … }
 *   ← { type: 'loaded' } | { type: 'load-failed', notFound: boolean, message }
 *   → { type: <the worker's job type>, id, … }
 *   ← { type: 'result', id, …the worker's result } | { type: 'error', id, message }
 * Jobs run one at a time, in the order they arrive.
 */
import { parentPort } from 'node:worker_threads';

/**
 * @typedef {{ modelId: string, modelDir: string, dtype: string, allowDownload?: boolean }} LoadMessage
 * @typedef {{ result: Record<string, unknown>, transfer?: ArrayBuffer[] }} JobOutcome
 */

/**
 * Answers the host's messages on this worker thread's port.
 * @param {{
 *   file: string,
 *   load: (message: any) => Promise<any>,
 *   jobType: string,
 *   run: (model: any, message: any) => Promise<JobOutcome>,
 * }} worker `file` names the worker in the error when it is not started as a worker thread;
 *   `load` returns the loaded model, which `run` then gets with each `jobType` message.
 */
export function serveModelWorker({ file, load, jobType, run }) {
  if (!parentPort) throw new Error(`${file} must be started as a worker thread.`);
  const port = parentPort;

  /** @type {any} */
  let model = null;
  /** @type {Promise<unknown>} */
  let queue = Promise.resolve();

  port.on('message', (message) => {
    queue = queue.then(() => handle(message)).catch(() => undefined);
  });

  /** @param {any} message */
  async function handle(message) {
    if (message?.type === 'load') {
      try {
        model = await load(message);
        port.postMessage({ type: 'loaded' });
      } catch (error) {
        port.postMessage({ type: 'load-failed', notFound: isNotFound(error), message: describe(error) });
      }
      return;
    }
    if (message?.type === jobType) {
      try {
        if (!model) throw new Error('The model is not loaded.');
        const { result, transfer = [] } = await run(model, message);
        port.postMessage({ type: 'result', id: message.id, ...result }, transfer);
      } catch (error) {
        port.postMessage({ type: 'error', id: message.id, message: describe(error) });
      }
    }
  }
}

/**
 * A transformers pipeline for `task`, from <modelDir>/<owner>/<name>/{config.json, onnx/…}.
 * Nothing is fetched unless `allowDownload` (then it is downloaded into the same folder).
 * @param {string} task
 * @param {LoadMessage} options
 */
export async function loadLocalPipeline(task, { modelId, modelDir, dtype, allowDownload = false }) {
  const { env, pipeline } = await import('@huggingface/transformers');
  env.allowLocalModels = true;
  env.localModelPath = modelDir.endsWith('/') ? modelDir : `${modelDir}/`;
  env.cacheDir = modelDir;
  env.allowRemoteModels = allowDownload;
  return pipeline(/** @type {any} */ (task), modelId, {
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
