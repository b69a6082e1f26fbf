/**
 * The semantic stream: turning a voiced segment of audio into text. The rest of the speech
 * pipeline only knows this interface, so a local model, a remote service or a test fake can
 * stand behind it. When no transcriber is available everything else (levels, pauses, pitch,
 * syllable-based pace) still works; only captions, word counts and fillers are missing.
 */

export interface TranscriberStatus {
  name: string;
  available: boolean;
  /** Why it is unavailable, or a note (e.g. "loads on first use"). Never a secret. */
  reason?: string;
}

export interface Transcriber {
  readonly name: string;
  /** Whether it can be used now, cheaply (no model loading). Shown on /health and the page. */
  status(): TranscriberStatus;
  /**
   * Text of one voiced segment: 16 kHz mono float samples, at most ~30 s. The buffer may be
   * transferred (detached) by the call. Rejects with TranscriberError.
   */
  transcribe(audio: Float32Array): Promise<string>;
  close(): Promise<void>;
}

export type TranscriberErrorKind = 'unavailable' | 'busy' | 'failed' | 'timeout';

export class TranscriberError extends Error {
  override name = 'TranscriberError';
  constructor(
    readonly kind: TranscriberErrorKind,
    message: string,
  ) {
    super(message);
  }
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
    status() {
      const status = inner.status();
      return status.reason === undefined ? status : { ...status, reason: redact(status.reason) };
    },
    transcribe: (audio) =>
      inner.transcribe(audio).catch((error: unknown) => {
        if (error instanceof TranscriberError) throw new TranscriberError(error.kind, redact(error.message));
        throw new TranscriberError('failed', redact(error instanceof Error ? error.message : String(error)));
      }),
    close: () => inner.close(),
  };
}
