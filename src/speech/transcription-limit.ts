/**
 * A bound on remote transcription across the whole server: at most `concurrency` requests in
 * flight and `maxWaiting` more waiting their turn. Past that an utterance is refused as "busy"
 * at once (the recording's summary counts it as failed and the page says captions are behind),
 * so a burst from many candidates can't pile up memory or open hundreds of sockets to a
 * provider. The recordings themselves (signal metrics) are never slowed down by it.
 */
import { TranscriberError, type Transcriber } from './transcriber.js';

export interface TranscriptionLimit {
  concurrency: number;
  maxWaiting: number;
}

export function withConcurrencyLimit(inner: Transcriber, { concurrency, maxWaiting }: TranscriptionLimit): Transcriber & { inFlight(): number; waiting(): number } {
  let running = 0;
  const queue: Array<() => void> = [];

  const release = () => {
    running--;
    const next = queue.shift();
    if (next) {
      running++;
      next();
    }
  };

  return {
    name: inner.name,
    ...(inner.verbatim !== undefined ? { verbatim: inner.verbatim } : {}),
    status: () => inner.status(),
    inFlight: () => running,
    waiting: () => queue.length,
    async transcribe(audio, hints) {
      if (running >= concurrency) {
        if (queue.length >= maxWaiting) throw new TranscriberError('busy', 'Too many answers are waiting to be transcribed.');
        await new Promise<void>((resolve) => queue.push(resolve));
      } else running++;
      try {
        return await inner.transcribe(audio, hints);
      } finally {
        release();
      }
    },
    close: () => inner.close(),
  };
}
