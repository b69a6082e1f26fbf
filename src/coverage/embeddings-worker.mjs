// @ts-check
/**
 * Worker thread that runs the sentence-embedding model (all-MiniLM-L6-v2 through
 * @huggingface/transformers and onnxruntime-node), so loading it and embedding an answer never
 * block the main thread. Plain JavaScript so the same file loads under tsx, Vitest and `node`
 * on compiled output (started with `new URL('./embeddings-worker.mjs', import.meta.url)`;
 * `npm run build` copies it, and ../models/model-worker-runtime.mjs, next to the compiled code).
 *
 * Local files only: the model is read from <modelDir>/<owner>/<name>/ and never downloaded.
 *
 * Protocol (only plain objects cross the thread boundary; the loop is model-worker-runtime.mjs):
 *   → { type: 'load', modelId, modelDir, dtype }
 *   ← { type: 'loaded' } | { type: 'load-failed', notFound: boolean, message }
 *   → { type: 'embed', id, texts: string[] }
 *   ← { type: 'result', id, dims: [n, d], data: Float32Array (its buffer transferred) } | { type: 'error', id, message }
 * Vectors are mean-pooled over tokens and L2-normalised, so a dot product is the cosine.
 * Jobs run one at a time, in the order they arrive.
 */
import { loadLocalPipeline, serveModelWorker } from '../models/model-worker-runtime.mjs';

serveModelWorker({
  file: 'embeddings-worker.mjs',
  /** @param {{ modelId: string, modelDir: string, dtype: string }} options */
  load: ({ modelId, modelDir, dtype }) => loadLocalPipeline('feature-extraction', { modelId, modelDir, dtype, allowDownload: false }),
  jobType: 'embed',
  /** @param {any} extractor @param {{ texts: string[] }} message */
  async run(extractor, message) {
    const output = await extractor(message.texts, { pooling: 'mean', normalize: true });
    const data = Float32Array.from(output.data);
    return { result: { dims: output.dims, data }, transfer: [data.buffer] };
  },
});
