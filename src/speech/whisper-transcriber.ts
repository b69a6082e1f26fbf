/**
 * Local Whisper through @huggingface/transformers, in one long-lived worker thread.
 *
 * The model is loaded lazily, on the first segment to transcribe, from
 * `<modelDir>/<modelId>/` (e.g. data/models/Xenova/whisper-tiny.en/{config.json, onnx/…}).
 * It is only downloaded (into the same folder) when the operator allows it. A missing model
 * makes the transcriber unavailable with a message saying where it looked and what to do;
 * nothing else in the app is affected.
 *
 * Jobs are queued in the worker one at a time; the queue is bounded so a burst of segments
 * from many visitors can't pile up memory — over the bound, a segment is skipped (and the
 * recording's summary says how many were).
 */
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { TranscriberError, type Transcriber, type TranscriberStatus } from './transcriber.js';

const WORKER_URL = new URL('./whisper-worker.mjs', import.meta.url);

export interface WhisperOptions {
  modelId: string;
  modelDir: string;
  allowDownload: boolean;
  /** ONNX weights variant: 'q8' (quantized, small) or 'fp32'. */
  dtype?: string;
  /** Most segments waiting or running at once. */
  maxQueue?: number;
  /** Longest one segment may take, model loading excluded. */
  jobTimeoutMs?: number;
  /** Longest loading may take (a download on a slow link included). */
  loadTimeoutMs?: number;
}

type Reply =
  | { type: 'loaded' }
  | { type: 'load-failed'; notFound: boolean; message: string }
  | { type: 'result'; id: number; text: string }
  | { type: 'error'; id: number; message: string };

interface Job {
  resolve: (text: string) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

/** Where the model's config must be for a local load. */
export function modelConfigPath(modelDir: string, modelId: string): string {
  return path.join(modelDir, ...modelId.split('/'), 'config.json');
}

/** `missing`: the file the loader could not find, when known (the model may be incomplete). */
export function notFoundMessage(modelId: string, modelDir: string, missing = modelConfigPath(modelDir, modelId)): string {
  return (
    `Whisper model "${modelId}" was not found in ${modelDir} (missing ${missing}). ` +
    `Put the model's files there (config.json, tokenizer files and onnx/), point WHISPER_MODEL_DIR at a folder that has them, ` +
    `or set WHISPER_ALLOW_DOWNLOAD=true to download it on first use.`
  );
}

export function createWhisperTranscriber(options: WhisperOptions): Transcriber & { load(): Promise<void> } {
  const { modelId, modelDir, allowDownload } = options;
  const dtype = options.dtype ?? 'q8';
  const maxQueue = options.maxQueue ?? 16;
  const jobTimeoutMs = options.jobTimeoutMs ?? 60_000;
  const loadTimeoutMs = options.loadTimeoutMs ?? 10 * 60_000;
  const name = `whisper:${modelId}`;

  let worker: Worker | null = null;
  let loading: Promise<void> | null = null;
  let failure: string | null = null;
  let loaded = false;
  /** True from starting the worker until its load reply (keeps the process alive meanwhile). */
  let loadPending = false;
  let nextId = 1;
  const jobs = new Map<number, Job>();

  const modelPresent = () => fs.existsSync(modelConfigPath(modelDir, modelId));

  function status(): TranscriberStatus {
    if (failure) return { name, available: false, reason: failure };
    if (loaded) return { name, available: true };
    if (modelPresent()) return { name, available: true, reason: 'The model loads on first use.' };
    if (allowDownload) return { name, available: true, reason: `The model is downloaded into ${modelDir} on first use.` };
    return { name, available: false, reason: notFoundMessage(modelId, modelDir) };
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

  /** Starts the worker and loads the model (once); rejects with a clear message if it can't. */
  function load(): Promise<void> {
    if (loading) return loading;
    loading = new Promise<void>((resolve, reject) => {
      const w = new Worker(WORKER_URL);
      worker = w;
      loadPending = true;
      const timer = setTimeout(() => {
        failure = `Loading the Whisper model took longer than ${Math.round(loadTimeoutMs / 1000)} s.`;
        reject(new TranscriberError('unavailable', failure));
        stopWorker();
      }, loadTimeoutMs);
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
          failure = reply.notFound ? notFoundMessage(modelId, modelDir, missing) : `The Whisper model could not be loaded: ${reply.message}`;
          reject(new TranscriberError('unavailable', failure));
          stopWorker();
        } else {
          const job = jobs.get(reply.id);
          if (!job) return;
          jobs.delete(reply.id);
          clearTimeout(job.timer);
          if (reply.type === 'result') job.resolve(reply.text);
          else job.reject(new TranscriberError('failed', `Transcription failed: ${reply.message}`));
        }
        refreshRef();
      });
      const crashed = (error: Error) => {
        clearTimeout(timer);
        const wasLoaded = loaded;
        stopWorker();
        const err = new TranscriberError('failed', `The transcription worker stopped: ${error.message}`);
        failAll(err);
        // Before loading finished this is a load failure; after, the next segment restarts it.
        if (!wasLoaded) {
          failure = `The Whisper model could not be loaded: ${error.message}`;
          reject(new TranscriberError('unavailable', failure));
        }
      };
      w.on('error', crashed);
      w.on('exit', (code) => {
        if (worker === w) crashed(new Error(`exit code ${code}`));
      });
      w.postMessage({ type: 'load', modelId, modelDir, allowDownload, dtype });
      refreshRef();
    });
    // Callers that only wanted to start loading must not see an unhandled rejection.
    loading.catch(() => undefined);
    return loading;
  }

  return {
    name,
    status,
    load,

    async transcribe(audio: Float32Array): Promise<string> {
      const now = status();
      if (!now.available) throw new TranscriberError('unavailable', now.reason ?? 'Transcription is unavailable.');
      if (jobs.size >= maxQueue) throw new TranscriberError('busy', 'Too many segments are waiting to be transcribed.');
      await load();
      const w = worker;
      if (!w) throw new TranscriberError('unavailable', failure ?? 'The transcription worker is not running.');
      const id = nextId++;
      return new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => {
          jobs.delete(id);
          refreshRef();
          reject(new TranscriberError('timeout', `Transcribing one segment took longer than ${Math.round(jobTimeoutMs / 1000)} s.`));
        }, jobTimeoutMs);
        timer.unref();
        jobs.set(id, { resolve, reject, timer });
        try {
          w.postMessage({ type: 'transcribe', id, audio }, [audio.buffer as ArrayBuffer]);
        } catch (error) {
          clearTimeout(timer);
          jobs.delete(id);
          reject(new TranscriberError('failed', `Could not send audio to the transcription worker: ${(error as Error).message}`));
        }
        refreshRef();
      });
    },

    async close(): Promise<void> {
      failAll(new TranscriberError('unavailable', 'The server is shutting down.'));
      stopWorker();
    },
  };
}
