/**
 * Local Whisper through @huggingface/transformers, in one long-lived worker thread
 * (whisper-worker.mjs, driven by ../models/model-worker-client.ts).
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
import { createModelWorkerClient } from '../models/model-worker-client.js';
import { TranscriberError, type Transcriber, type TranscriberStatus, type TranscriptionHints } from './transcriber.js';

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

/** Where the model's config must be for a local load. */
export function modelConfigPath(modelDir: string, modelId: string): string {
  return path.join(modelDir, ...modelId.split('/'), 'config.json');
}

/** `missing`: the file the loader could not find, when known (the model may be incomplete). */
function notFoundMessage(modelId: string, modelDir: string, missing = modelConfigPath(modelDir, modelId)): string {
  return (
    `Whisper model "${modelId}" was not found in ${modelDir} (missing ${missing}). ` +
    `Run \`npm run models:download\` to fetch it, put the model's files there (config.json, tokenizer files and onnx/), ` +
    `point WHISPER_MODEL_DIR at a folder that has them, or set WHISPER_ALLOW_DOWNLOAD=true to download it on first use.`
  );
}

export function createWhisperTranscriber(options: WhisperOptions): Transcriber & { load(): Promise<void> } {
  const { modelId, modelDir, allowDownload } = options;
  const dtype = options.dtype ?? 'q8';
  const maxQueue = options.maxQueue ?? 16;
  const jobTimeoutMs = options.jobTimeoutMs ?? 60_000;
  const loadTimeoutMs = options.loadTimeoutMs ?? 10 * 60_000;
  const name = `whisper:${modelId}`;
  /** Whisper's English-only checkpoints end in ".en" (whisper-tiny.en, whisper-base.en…). */
  const multilingual = !/\.en$/i.test(modelId);

  const worker = createModelWorkerClient({
    workerUrl: WORKER_URL,
    loadMessage: { modelId, modelDir, allowDownload, dtype },
    loadTimeoutMs,
    jobTimeoutMs,
    unavailable: (message) => new TranscriberError('unavailable', message),
    loadTimedOutMessage: `Loading the Whisper model took longer than ${Math.round(loadTimeoutMs / 1000)} s.`,
    notFoundMessage: (missing) => notFoundMessage(modelId, modelDir, missing),
    couldNotLoadMessage: (detail) => `The Whisper model could not be loaded: ${detail}`,
    workerStopped: (detail) => new TranscriberError('failed', `The transcription worker stopped: ${detail}`),
    notRunningMessage: 'The transcription worker is not running.',
    jobFailed: (message) => new TranscriberError('failed', `Transcription failed: ${message}`),
    jobTimedOut: () => new TranscriberError('timeout', `Transcribing one segment took longer than ${Math.round(jobTimeoutMs / 1000)} s.`),
    sendFailed: (error) => new TranscriberError('failed', `Could not send audio to the transcription worker: ${error.message}`),
    result: (reply: { text: string }) => reply.text,
  });

  const modelPresent = () => fs.existsSync(modelConfigPath(modelDir, modelId));

  function status(): TranscriberStatus {
    const failure = worker.failure();
    if (failure) return { name, available: false, reason: failure };
    if (worker.loaded()) return { name, available: true };
    if (modelPresent()) return { name, available: true, reason: 'The model loads on first use.' };
    if (allowDownload) return { name, available: true, reason: `The model is downloaded into ${modelDir} on first use.` };
    return { name, available: false, reason: notFoundMessage(modelId, modelDir) };
  }

  return {
    name,
    // Whisper was trained on tidied transcripts: it drops most "um"s, and transformers.js has
    // no prompt to ask otherwise.
    verbatim: false,
    status,
    /** Starts the worker and loads the model (once); rejects with a clear message if it can't. */
    load: worker.load,

    // transformers.js takes a language only for multilingual models (an English-only ".en" model
    // refuses one) and has no prompt option, so the job's vocabulary is not passed on here.
    async transcribe(audio: Float32Array, hints?: TranscriptionHints): Promise<string> {
      const now = status();
      if (!now.available) throw new TranscriberError('unavailable', now.reason ?? 'Transcription is unavailable.');
      if (worker.pending() >= maxQueue) throw new TranscriberError('busy', 'Too many segments are waiting to be transcribed.');
      const language = multilingual && hints?.language ? hints.language : null;
      return worker.run({ type: 'transcribe', audio, language }, [audio.buffer as ArrayBuffer]);
    },

    async close(): Promise<void> {
      worker.close();
    },
  };
}
