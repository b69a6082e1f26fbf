// @ts-check
/**
 * Worker thread that runs Whisper (through @huggingface/transformers and onnxruntime-node), so
 * loading the model and decoding never block the main thread: other visitors' pages and audio
 * frames keep flowing while a segment is transcribed. Plain JavaScript so the same file loads
 * under tsx, Vitest and `node` on compiled output (started with
 * `new URL('./whisper-worker.mjs', import.meta.url)`).
 *
 * Models live in (and, when allowed, are downloaded into) the configured folder, laid out as
 * <modelDir>/<owner>/<name>/{config.json, onnx/…}. Nothing is fetched unless allowed.
 *
 * Protocol (only plain objects cross the thread boundary; the loop is model-worker-runtime.mjs):
 *   → { type: 'load', modelId, modelDir, allowDownload, dtype }
 *   ← { type: 'loaded' } | { type: 'load-failed', notFound: boolean, message }
 *   → { type: 'transcribe', id, audio: Float32Array (16 kHz mono; its buffer transferred), language: string | null }
 *   ← { type: 'result', id, text } | { type: 'error', id, message }
 * Jobs run one at a time, in the order they arrive.
 */
import { loadLocalPipeline, serveModelWorker } from '../models/model-worker-runtime.mjs';

serveModelWorker({
  file: 'whisper-worker.mjs',
  /** @param {{ modelId: string, modelDir: string, allowDownload: boolean, dtype: string }} options */
  load: ({ modelId, modelDir, allowDownload, dtype }) => loadLocalPipeline('automatic-speech-recognition', { modelId, modelDir, dtype, allowDownload }),
  jobType: 'transcribe',
  /** @param {any} recognizer @param {{ audio: Float32Array, language?: string | null }} message */
  async run(recognizer, message) {
    // language only reaches multilingual models (the host checks); English-only ones refuse it.
    const options = message.language ? { return_timestamps: false, language: message.language, task: 'transcribe' } : { return_timestamps: false };
    const output = await recognizer(message.audio, options);
    const text = Array.isArray(output) ? output.map((o) => o.text).join(' ') : output?.text;
    return { result: { text: typeof text === 'string' ? text.trim() : '' } };
  },
});
