/**
 * Admission to the parsing pool, fairly. Each parse runs on a pool thread (parse-pool.ts), so
 * at most `maxParallel` run at once and at most `maxQueued` more wait, each no longer than
 * `maxWaitMs`; beyond that an upload is refused at once with DOCUMENTS_BUSY (503) — nothing is
 * lost, the user tries again in a moment.
 *
 * Fairness, so one visitor can't hold every slot (issue 17: twelve bombs in flight turned away
 * 12 of 13 legitimate CVs):
 * - one visitor runs at most one parse at a time, and has at most `maxPerVisitor` running or
 *   waiting; one address (anyone can mint guest identities) at most five times that;
 *   beyond: TOO_MANY_DOCUMENTS (429);
 * - one address never runs on every thread (with two or more, one is always left for others)
 *   and never fills more than half of the waiting line;
 * - a freed slot goes to the longest-waiting parse that these rules allow, so a visitor's
 *   second file waits behind other visitors' first ones.
 */
import { Errors } from '../errors.js';

export interface ParseLimiterOptions {
  maxParallel: number;
  maxQueued: number;
  /** Longest a parse may wait for its turn before it gives up with DOCUMENTS_BUSY. */
  maxWaitMs: number;
  /** Parses one visitor may have running or waiting (five times that per address); 0: no limit. */
  maxPerVisitor?: number;
}

/** Who asked for a parse: the visitor (cookie identity) and the client address. */
export interface Requester {
  visitor: string | null;
  address: string | null;
}

export interface ParseLimiter {
  run<T>(task: () => Promise<T>, requester?: Requester): Promise<T>;
  readonly active: number;
  readonly queued: number;
}

/** Per address, this many times a visitor's allowance (as for the rate limits). */
const ADDRESS_FACTOR = 5;

interface Entry {
  visitor: string | null;
  address: string | null;
  start: () => void;
  timer?: NodeJS.Timeout;
}

export function createParseLimiter({ maxParallel, maxQueued, maxWaitMs, maxPerVisitor = 0 }: ParseLimiterOptions): ParseLimiter {
  const running: Entry[] = [];
  const waiting: Entry[] = [];
  const addressRunningCap = Math.max(1, maxParallel - 1);

  const count = (list: Entry[], key: 'visitor' | 'address', value: string | null) =>
    value === null ? 0 : list.reduce((n, e) => n + (e[key] === value ? 1 : 0), 0);

  function mayStart(entry: Entry): boolean {
    if (running.length >= maxParallel) return false;
    if (entry.visitor !== null && count(running, 'visitor', entry.visitor) >= 1) return false;
    if (entry.address !== null && count(running, 'address', entry.address) >= addressRunningCap) return false;
    return true;
  }

  /** Starts every waiting parse the rules now allow, longest-waiting first. */
  function dispatch() {
    for (let i = 0; i < waiting.length && running.length < maxParallel; ) {
      const entry = waiting[i]!;
      if (!mayStart(entry)) {
        i++;
        continue;
      }
      waiting.splice(i, 1);
      clearTimeout(entry.timer);
      running.push(entry);
      entry.start();
    }
  }

  return {
    get active() {
      return running.length;
    },
    get queued() {
      return waiting.length;
    },
    async run<T>(task: () => Promise<T>, requester: Requester = { visitor: null, address: null }): Promise<T> {
      const all = [...running, ...waiting];
      if (maxPerVisitor > 0) {
        if (count(all, 'visitor', requester.visitor) >= maxPerVisitor) throw Errors.tooManyDocuments();
        if (count(all, 'address', requester.address) >= maxPerVisitor * ADDRESS_FACTOR) throw Errors.tooManyDocuments();
      }
      const entry: Entry = { ...requester, start: () => undefined };
      // After every dispatch no waiting parse may start, so one that may start now jumps no queue.
      if (mayStart(entry)) {
        running.push(entry);
      } else {
        if (waiting.length >= maxQueued) throw Errors.documentsBusy();
        if (requester.address !== null && count(waiting, 'address', requester.address) >= Math.ceil(maxQueued / 2)) throw Errors.tooManyDocuments();
        await new Promise<void>((resolve, reject) => {
          entry.start = resolve;
          entry.timer = setTimeout(() => {
            const i = waiting.indexOf(entry);
            if (i >= 0) waiting.splice(i, 1);
            reject(Errors.documentsBusy());
          }, maxWaitMs);
          waiting.push(entry);
        });
        // dispatch() moved this entry to `running` before starting it.
      }
      try {
        return await task();
      } finally {
        running.splice(running.indexOf(entry), 1);
        dispatch();
      }
    },
  };
}
