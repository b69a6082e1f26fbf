/**
 * Sentence embeddings from all-MiniLM-L6-v2 (or another feature-extraction model) in one
 * long-lived worker thread (embeddings-worker.mjs), driven like the Whisper transcriber by
 * ../models/model-worker-client.ts: loaded lazily on the first call, from
 * `<modelDir>/<owner>/<name>/` with local files only (nothing is ever downloaded), and a
 * missing model is reported with where it looked.
 *
 * The coverage scorer only knows the `Embedder` interface, so tests hand it a fake with
 * deterministic vectors; this file is the real one.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createModelWorkerClient } from '../models/model-worker-client.js';

const WORKER_URL = new URL('./embeddings-worker.mjs', import.meta.url);

/** Turns texts into unit-length vectors (one per text, same order). */
export interface Embedder {
  embed(texts: string[]): Promise<number[][]>;
  close?(): Promise<void>;
}

type EmbedderState =
  /** The model's config.json is not where it should be: never started. */
  | { kind: 'missing'; message: string }
  /** Present, loads on first use. */
  | { kind: 'unloaded' }
  | { kind: 'loaded' }
  /** Loading failed (incomplete folder, corrupt file, timeout): not retried until restart. */
  | { kind: 'failed'; message: string };

export interface WorkerEmbedderOptions {
  modelId: string;
  modelDir: string;
  /** ONNX weights variant: 'q8' (onnx/model_quantized.onnx) or 'fp32' (onnx/model.onnx). */
  dtype?: string;
  /** Longest loading may take. */
  loadTimeoutMs?: number;
  /** Longest one batch may take in the worker before it is given up on. */
  jobTimeoutMs?: number;
}

export interface WorkerEmbedder extends Embedder {
  state(): EmbedderState;
  /** Starts the worker and loads the model (once); rejects with a clear message if it can't. */
  load(): Promise<void>;
  close(): Promise<void>;
}

/** Where the model's config must be for a local load. */
export function embeddingsModelConfigPath(modelDir: string, modelId: string): string {
  return path.join(modelDir, ...modelId.split('/'), 'config.json');
}

/** The operator's message for a missing model: where it looked, and what happens meanwhile. */
function embeddingsNotFoundMessage(modelId: string, modelDir: string, missing = embeddingsModelConfigPath(modelDir, modelId)): string {
  return (
    `Sentence-embedding model ${modelId} not found in ${modelDir} (missing ${missing}) — answer coverage uses the lexical method (BM25). ` +
    `Put the model files there (config.json, tokenizer files and onnx/) or point EMBEDDINGS_MODEL_DIR at a folder that has them to enable it.`
  );
}

export function createWorkerEmbedder(options: WorkerEmbedderOptions): WorkerEmbedder {
  const { modelId, modelDir } = options;
  const dtype = options.dtype ?? 'q8';
  const loadTimeoutMs = options.loadTimeoutMs ?? 2 * 60_000;
  const jobTimeoutMs = options.jobTimeoutMs ?? 30_000;

  const worker = createModelWorkerClient({
    workerUrl: WORKER_URL,
    loadMessage: { modelId, modelDir, dtype },
    loadTimeoutMs,
    jobTimeoutMs,
    unavailable: (message) => new Error(message),
    refuseLoad() {
      const now = state();
      return now.kind === 'missing' || now.kind === 'failed' ? now.message : undefined;
    },
    loadTimedOutMessage: `Loading the sentence-embedding model ${modelId} took longer than ${Math.round(loadTimeoutMs / 1000)} s — answer coverage uses the lexical method (BM25).`,
    notFoundMessage: (missing) => embeddingsNotFoundMessage(modelId, modelDir, missing),
    couldNotLoadMessage: (detail) => `The sentence-embedding model ${modelId} could not be loaded (${detail}) — answer coverage uses the lexical method (BM25).`,
    workerStopped: (detail) => new Error(`The embeddings worker stopped: ${detail}`),
    notRunningMessage: 'The embeddings worker is not running.',
    jobFailed: (message) => new Error(`Embedding failed: ${message}`),
    jobTimedOut: () => new Error(`Embedding took longer than ${Math.round(jobTimeoutMs / 1000)} s.`),
    result: (reply: { dims: number[]; data: Float32Array }) => toVectors(reply.dims, reply.data),
  });

  function state(): EmbedderState {
    const failure = worker.failure();
    if (failure) return { kind: 'failed', message: failure };
    if (worker.loaded()) return { kind: 'loaded' };
    if (!fs.existsSync(embeddingsModelConfigPath(modelDir, modelId))) return { kind: 'missing', message: embeddingsNotFoundMessage(modelId, modelDir) };
    return { kind: 'unloaded' };
  }

  return {
    state,
    load: worker.load,
    async embed(texts: string[]): Promise<number[][]> {
      if (texts.length === 0) return [];
      return worker.run({ type: 'embed', texts });
    },
    async close(): Promise<void> {
      worker.close();
    },
  };
}

/** The worker's flat [n × d] array as n vectors. */
function toVectors(dims: number[], data: Float32Array): number[][] {
  const [n = 0, d = 0] = dims;
  return Array.from({ length: n }, (_, i) => Array.from(data.subarray(i * d, (i + 1) * d)));
}
