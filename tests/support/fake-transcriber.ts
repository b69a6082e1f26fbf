/**
 * A Transcriber for tests: returns scripted texts, one per utterance, in order, and records
 * how much audio each call received. `fail` makes every call reject as the real one would.
 */
import { TranscriberError, type Transcriber, type TranscriberErrorKind } from '../../src/speech/transcriber.js';

export interface FakeTranscriber extends Transcriber {
  /** Seconds of audio in each call, in order. */
  calls: number[];
}

export function createFakeTranscriber(texts: string[], options: { fail?: TranscriberErrorKind; delayMs?: number } = {}): FakeTranscriber {
  const calls: number[] = [];
  return {
    name: 'fake',
    calls,
    status: () => ({ name: 'fake', available: true }),
    async transcribe(audio: Float32Array) {
      calls.push(audio.length / 16000);
      if (options.delayMs) await new Promise((r) => setTimeout(r, options.delayMs));
      if (options.fail) throw new TranscriberError(options.fail, 'The fake transcriber was told to fail.');
      return texts[calls.length - 1] ?? '';
    },
    close: async () => undefined,
  };
}
