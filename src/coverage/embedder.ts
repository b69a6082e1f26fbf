/**
 * Sentence embeddings from all-MiniLM-L6-v2 (or another feature-extraction model) in one
 * long-lived worker thread (embeddings-worker.mjs), mirroring the Whisper transcriber:
 * loaded lazily on the first call, from `<modelDir>/<owner>/<name>/` with local files only
 * (nothing is ever downloaded), and a missing model is reported with where it looked.
 *
 * The coverage scorer only knows the `Embedder` interface, so tests hand it a fake with
 * deterministic vectors; this file is the real one.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';

const WORKER_URL = new URL('./embeddings-worker.mjs', import.meta.url);

/** Turns texts into unit-length vectors (one per text, same order). */
export interface Embedder {
  embed(texts: string[]): Promise<number[][]>;
  close?(): Promise<void>;
}

export type EmbedderState =
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

type Reply =
  | { type: 'loaded' }
  | { type: 'load-failed'; notFound: boolean; message: string }
  | { type: 'result'; id: number; dims: number[]; data: Float32Array }
  | { type: 'error'; id: number; message: string };

interface Job {
  resolve: (vectors: number[][]) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

/** Where the model's config must be for a local load. */
export function embeddingsModelConfigPath(modelDir: string, modelId: string): string {
  return path.join(modelDir, ...modelId.split('/'), 'config.json');
}

/** The operator's message for a missing model: where it looked, and what happens meanwhile. */
export function embeddingsNotFoundMessage(modelId: string, modelDir: string, missing = embeddingsModelConfigPath(modelDir, modelId)): string {
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

  let worker: Worker | null = null;
  let loading: Promise<void> | null = null;
  let failure: string | null = null;
  let loaded = false;
  let loadPending = false;
  let nextId = 1;
  const jobs = new Map<number, Job>();

  function state(): EmbedderState {
    if (failure) return { kind: 'failed', message: failure };
    if (loaded) return { kind: 'loaded' };
    if (!fs.existsSync(embeddingsModelConfigPath(modelDir, modelId))) return { kind: 'missing', message: embeddingsNotFoundMessage(modelId, modelDir) };
    return { kind: 'unloaded' };
  }

  function failAll(error: Error) {
    for (const [id, job] of jobs) {
      clearTimeout(job.timer);
      job.reject(error);
      jobs.delete(id);
    }
  }

  function stopWorker() {
    const w = worker;
    worker = null;
    loaded = false;
    loading = null;
    loadPending = false;
    w?.removeAllListeners();
    w?.on('error', () => undefined);
    void w?.terminate().catch(() => undefined);
  }

  /** Keeps the process alive only while the worker has something to do. */
  function refreshRef() {
    if (!worker) return;
    if (jobs.size > 0 || loadPending) worker.ref();
    else worker.unref();
  }

  function load(): Promise<void> {
    if (loading) return loading;
    const now = state();
    if (now.kind === 'missing' || now.kind === 'failed') return Promise.reject(new Error(now.message));
    loading = new Promise<void>((resolve, reject) => {
      const w = new Worker(WORKER_URL);
      worker = w;
      loadPending = true;
      const fail = (message: string) => {
        failure = message;
        reject(new Error(message));
        failAll(new Error(message));
        stopWorker();
      };
      const timer = setTimeout(() => fail(`Loading the sentence-embedding model ${modelId} took longer than ${Math.round(loadTimeoutMs / 1000)} s — answer coverage uses the lexical method (BM25).`), loadTimeoutMs);
      timer.unref();
      w.on('message', (reply: Reply) => {
        if (reply.type === 'loaded') {
          clearTimeout(timer);
          loaded = true;
          loadPending = false;
          resolve();
        } else if (reply.type === 'load-failed') {
          clearTimeout(timer);
          const missing = /not found locally at "([^"]+)"/.exec(reply.message)?.[1];
          fail(
            reply.notFound
              ? embeddingsNotFoundMessage(modelId, modelDir, missing)
              : `The sentence-embedding model ${modelId} could not be loaded (${reply.message}) — answer coverage uses the lexical method (BM25).`,
          );
        } else {
          const job = jobs.get(reply.id);
          if (job) {
            jobs.delete(reply.id);
            clearTimeout(job.timer);
            if (reply.type === 'result') job.resolve(toVectors(reply.dims, reply.data));
            else job.reject(new Error(`Embedding failed: ${reply.message}`));
          }
        }
        refreshRef();
      });
      const crashed = (error: Error) => {
        clearTimeout(timer);
        const wasLoaded = loaded;
        stopWorker();
        failAll(new Error(`The embeddings worker stopped: ${error.message}`));
        // Before loading finished this is a load failure; after, the next call restarts it.
        if (!wasLoaded) {
          failure = `The sentence-embedding model ${modelId} could not be loaded (${error.message}) — answer coverage uses the lexical method (BM25).`;
          reject(new Error(failure));
        }
      };
      w.on('error', crashed);
      w.on('exit', (code) => {
        if (worker === w) crashed(new Error(`exit code ${code}`));
      });
      w.postMessage({ type: 'load', modelId, modelDir, dtype });
      refreshRef();
    });
    // Callers that only wanted to start loading must not see an unhandled rejection.
    loading.catch(() => undefined);
    return loading;
  }

  return {
    state,
    load,
    async embed(texts: string[]): Promise<number[][]> {
      if (texts.length === 0) return [];
      await load();
      const w = worker;
      if (!w) throw new Error(failure ?? 'The embeddings worker is not running.');
      const id = nextId++;
      return new Promise<number[][]>((resolve, reject) => {
        const timer = setTimeout(() => {
          jobs.delete(id);
          refreshRef();
          reject(new Error(`Embedding took longer than ${Math.round(jobTimeoutMs / 1000)} s.`));
        }, jobTimeoutMs);
        timer.unref();
        jobs.set(id, { resolve, reject, timer });
        w.postMessage({ type: 'embed', id, texts });
        refreshRef();
      });
    },
    async close(): Promise<void> {
      failAll(new Error('The server is shutting down.'));
      stopWorker();
    },
  };
}

/** The worker's flat [n × d] array as n vectors. */
function toVectors(dims: number[], data: Float32Array): number[][] {
  const [n = 0, d = 0] = dims;
  return Array.from({ length: n }, (_, i) => Array.from(data.subarray(i * d, (i + 1) * d)));
}
