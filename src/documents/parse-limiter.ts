/**
 * Caps how many PDF/DOCX parses run at once. Each one is a worker thread with up to ~300 MB of
 * heap, so a burst of uploads must queue rather than start a worker each: at most
 * `maxParallel` run, at most `maxQueued` wait (each no longer than `maxWaitMs`), and anything
 * beyond that is refused at once with DOCUMENTS_BUSY (503) — nothing is lost, the user tries
 * again in a moment.
 */
import { Errors } from '../errors.js';

export interface ParseLimiterOptions {
  maxParallel: number;
  maxQueued: number;
  /** Longest a parse may wait for its turn before it gives up with DOCUMENTS_BUSY. */
  maxWaitMs: number;
}

export interface ParseLimiter {
  run<T>(task: () => Promise<T>): Promise<T>;
  readonly active: number;
  readonly queued: number;
}

export function createParseLimiter({ maxParallel, maxQueued, maxWaitMs }: ParseLimiterOptions): ParseLimiter {
  let active = 0;
  const waiting: Array<{ start: () => void; timer: NodeJS.Timeout }> = [];

  /** A finished parse hands its slot straight to the next in line (so nobody can slip in between). */
  function release() {
    const next = waiting.shift();
    if (next) {
      clearTimeout(next.timer);
      next.start();
    } else {
      active--;
    }
  }

  return {
    get active() {
      return active;
    },
    get queued() {
      return waiting.length;
    },
    async run<T>(task: () => Promise<T>): Promise<T> {
      if (active < maxParallel) {
        active++;
      } else {
        if (waiting.length >= maxQueued) throw Errors.documentsBusy();
        await new Promise<void>((resolve, reject) => {
          const slot = {
            start: () => resolve(),
            timer: setTimeout(() => {
              const i = waiting.indexOf(slot);
              if (i >= 0) waiting.splice(i, 1);
              reject(Errors.documentsBusy());
            }, maxWaitMs),
          };
          waiting.push(slot);
        });
        // The slot was handed over by release(): `active` already counts this parse.
      }
      try {
        return await task();
      } finally {
        release();
      }
    },
  };
}
