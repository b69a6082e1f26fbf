/**
 * The semantic stream: turning a voiced segment of audio into text. The rest of the speech
 * pipeline only knows this interface, so a local model, a remote service or a test fake can
 * stand behind it. When no transcriber is available everything else (levels, pauses, pitch,
 * syllable-based pace) still works; only captions, word counts and fillers are missing.
 */

import { messageOf } from '../errors.js';

export interface TranscriberStatus {
  name: string;
  available: boolean;
  /** Why it is unavailable, or a note (e.g. "loads on first use"). Never a secret. */
  reason?: string;
  /** Where the audio goes when it is not transcribed on this server ("Google Gemini (gemini-2.5-flash)"), for the consent step. */
  sendsAudioTo?: string;
}

/** What is known about an utterance before it is transcribed. */
export interface TranscriptionHints {
  /** ISO 639-1 code of the language spoken, when the interview has one. */
  language?: string | null;
  /** Words the audio is likely to hold (the job's skills, the company…), so they are spelled right. */
  vocabulary?: readonly string[];
}

export interface Transcriber {
  readonly name: string;
  /** Whether it can be used now, cheaply (no model loading). Shown on /health and the page. */
  status(): TranscriberStatus;
  /**
   * Text of one voiced segment: 16 kHz mono float samples, at most ~30 s. The buffer may be
   * transferred (detached) by the call. Rejects with TranscriberError.
   */
  transcribe(audio: Float32Array, hints?: TranscriptionHints): Promise<string>;
  /**
   * Whether its transcripts are asked to keep hesitations ("um", "uh"). Even then recognisers
   * drop some, so filler counts from any transcript are a lower bound.
   */
  readonly verbatim?: boolean;
  close(): Promise<void>;
}

export type TranscriberErrorKind = 'unavailable' | 'busy' | 'failed' | 'timeout';

export class TranscriberError extends Error {
  override name = 'TranscriberError';
  constructor(
    readonly kind: TranscriberErrorKind,
    message: string,
    /** False when trying again can't help (a refused key, a model the server does not have). */
    readonly retryable = kind === 'failed' || kind === 'timeout',
  ) {
    super(message);
  }
}

/**
 * The same transcriber, trying a failed utterance once more before giving up: a dropped
 * connection or a 500 from a speech server is often gone a moment later. Only failures that
 * can pass are retried (not "busy", "unavailable" or a refused key).
 */
export function withOneRetry(inner: Transcriber): Transcriber {
  return {
    name: inner.name,
    ...(inner.verbatim !== undefined ? { verbatim: inner.verbatim } : {}),
    status: () => inner.status(),
    async transcribe(audio, hints) {
      // The first call may transfer (detach) the buffer: keep a copy for the second.
      const copy = audio.slice();
      try {
        return await inner.transcribe(audio, hints);
      } catch (error) {
        if (!(error instanceof TranscriberError) || !error.retryable) throw error;
        return inner.transcribe(copy, hints);
      }
    },
    close: () => inner.close(),
  };
}

/** "No transcriber": the operator turned it off (TRANSCRIBER=none). */
export function createNoTranscriber(reason = 'Transcription is turned off on this server (TRANSCRIBER=none).'): Transcriber {
  return {
    name: 'none',
    status: () => ({ name: 'none', available: false, reason }),
    transcribe: () => Promise.reject(new TranscriberError('unavailable', reason)),
    close: async () => undefined,
  };
}

/**
 * The same transcriber, with every text that can reach a visitor — its status reason, the
 * message of a failed transcription (shown as a caption notice) — passed through `redact`
 * (the app removes server paths: security/redact-paths.ts).
 */
export function withRedactedMessages(inner: Transcriber, redact: (text: string) => string): Transcriber {
  return {
    name: inner.name,
    ...(inner.verbatim !== undefined ? { verbatim: inner.verbatim } : {}),
    status() {
      const status = inner.status();
      return status.reason === undefined ? status : { ...status, reason: redact(status.reason) };
    },
    transcribe: (audio, hints) =>
      inner.transcribe(audio, hints).catch((error: unknown) => {
        if (error instanceof TranscriberError) throw new TranscriberError(error.kind, redact(error.message), error.retryable);
        throw new TranscriberError('failed', redact(messageOf(error)));
      }),
    close: () => inner.close(),
  };
}
