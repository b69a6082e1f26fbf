/**
 * A concurrency limit with a bounded queue, for slow work that must not all run at once —
 * above all AI calls: a remote model has rate limits and every call holds a socket and memory
 * for seconds. At most `concurrency` tasks run; up to `maxWaiting` more wait in FIFO order;
 * beyond that `run` refuses at once (QueueFullError) instead of letting requests pile up until
 * everyone times out.
 *
 * Tasks may carry a key (the interview's id), so a page can tell its user "you are number 3
 * in the queue" (see `position`).
 */
import type { AiClient } from '../ai/ai-client.js';
import { Errors } from '../errors.js';

export class QueueFullError extends Error {
  override name = 'QueueFullError';
  constructor(readonly maxWaiting: number) {
    super(`the queue is full (${maxWaiting} waiting)`);
  }
}

export interface WorkQueueStats {
  running: number;
  waiting: number;
  concurrency: number;
  maxWaiting: number;
}

export interface WorkQueue {
  /** Runs `task` when a slot is free; rejects with QueueFullError when too many are waiting. */
  run<T>(task: () => Promise<T>, key?: string | null): Promise<T>;
  /**
   * Where `key`'s work stands: N ≥ 1 when its first task waits with N - 1 tasks ahead of it,
   * 0 when it is running (and nothing of it waits), null when it has nothing queued or running.
   */
  position(key: string): number | null;
  stats(): WorkQueueStats;
}

interface Waiter {
  key: string | null;
  start: () => void;
}

export function createWorkQueue({ concurrency, maxWaiting }: { concurrency: number; maxWaiting: number }): WorkQueue {
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new RangeError('concurrency must be a positive integer');
  if (!Number.isInteger(maxWaiting) || maxWaiting < 0) throw new RangeError('maxWaiting must be a non-negative integer');
  let running = 0;
  const waiting: Waiter[] = [];
  /** Running tasks per key. */
  const runningKeys = new Map<string, number>();

  function begin(key: string | null) {
    running++;
    if (key !== null) runningKeys.set(key, (runningKeys.get(key) ?? 0) + 1);
  }

  function end(key: string | null) {
    running--;
    if (key !== null) {
      const left = (runningKeys.get(key) ?? 1) - 1;
      if (left > 0) runningKeys.set(key, left);
      else runningKeys.delete(key);
    }
    const next = waiting.shift();
    if (next) next.start();
  }

  async function execute<T>(task: () => Promise<T>, key: string | null): Promise<T> {
    try {
      return await task();
    } finally {
      end(key);
    }
  }

  return {
    run<T>(task: () => Promise<T>, key: string | null = null): Promise<T> {
      if (running < concurrency) {
        begin(key);
        return execute(task, key);
      }
      if (waiting.length >= maxWaiting) return Promise.reject(new QueueFullError(maxWaiting));
      return new Promise<T>((resolve, reject) => {
        waiting.push({
          key,
          start: () => {
            begin(key);
            execute(task, key).then(resolve, reject);
          },
        });
      });
    },

    position(key: string): number | null {
      const index = waiting.findIndex((w) => w.key === key);
      if (index >= 0) return index + 1;
      return runningKeys.has(key) ? 0 : null;
    },

    stats: () => ({ running, waiting: waiting.length, concurrency, maxWaiting }),
  };
}

/**
 * The AI client with every interviewer call going through `queue`. `keyOf` names the work
 * (the interview being served, read from the request context) so its queue position can be shown.
 * A full queue becomes AI_BUSY (503): the answer that led to the call is already stored.
 */
export function limitAiClient(ai: AiClient, queue: WorkQueue, keyOf: () => string | null = () => null): AiClient {
  const limited = <T>(call: () => Promise<T>): Promise<T> =>
    queue.run(call, keyOf()).catch((error: unknown) => {
      if (error instanceof QueueFullError) throw Errors.aiBusy();
      throw error;
    });
  return {
    ...ai,
    providerNames: ai.providerNames,
    providerStatus: () => ai.providerStatus(),
    planQuestion: (input) => limited(() => ai.planQuestion(input)),
    evaluateAnswer: (input) => limited(() => ai.evaluateAnswer(input)),
    summarizeInterview: (input) => limited(() => ai.summarizeInterview(input)),
  };
}
