/**
 * A concurrency limit with a bounded queue, for slow work that must not all run at once —
 * above all AI calls: a remote model has rate limits and every call holds a socket and memory
 * for seconds. At most `concurrency` tasks run; up to `maxWaiting` more wait in FIFO order;
 * beyond that `run` refuses at once (QueueFullError) instead of letting requests pile up until
 * everyone times out.
 *
 * Tasks may carry a key (the interview's id), so a page can tell its user "you are number 3
 * in the queue" (see `position`). Background tasks (evaluations nobody is waiting for) queue
 * behind every task someone is waiting for, and never take a waiting place from one: they have
 * their own bound (BACKGROUND_WAITING_FACTOR × maxWaiting), past which they are refused and
 * done later (feedback evaluates whatever is missing).
 *
 * With several instances (REDIS_URL), a running task also takes a slot of the global limit
 * (`global`, AI_GLOBAL_CONCURRENCY; shared-semaphore.ts) before it starts: the local queue
 * keeps its order, priorities and bound, and the global slot caps the total across instances.
 * A task waiting for a global slot counts as running here (its position is 0).
 */
import type { AiClient, CallOptions } from './ai-client.js';
import { Errors } from '../errors.js';
import { SemaphoreWaitTimeout, type SharedSemaphore } from '../shared-semaphore.js';

export class QueueFullError extends Error {
  override name = 'QueueFullError';
  constructor(readonly maxWaiting: number) {
    super(`the queue is full (${maxWaiting} waiting)`);
  }
}

interface WorkQueueStats {
  running: number;
  waiting: number;
  concurrency: number;
  maxWaiting: number;
}

type Priority = NonNullable<CallOptions['priority']>;

/** How many background tasks may wait, per waiting place for interactive ones. */
const BACKGROUND_WAITING_FACTOR = 10;

export interface WorkQueue {
  /** Runs `task` when a slot is free; rejects with QueueFullError when too many are waiting. */
  run<T>(task: () => Promise<T>, key?: string | null, priority?: Priority): Promise<T>;
  /**
   * Where `key`'s work stands: N ≥ 1 when its first interactive task waits with N - 1 tasks
   * ahead of it, 0 when something of it is running (and no interactive task of it waits), null
   * when it has nothing running and no interactive task waiting.
   */
  position(key: string): number | null;
  stats(): WorkQueueStats;
}

interface Waiter {
  key: string | null;
  priority: Priority;
  start: () => void;
}

export function createWorkQueue({
  concurrency,
  maxWaiting,
  global = null,
}: {
  concurrency: number;
  maxWaiting: number;
  /** The limit shared by every instance, taken inside each local slot; null: this process's limit only. */
  global?: SharedSemaphore | null;
}): WorkQueue {
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

  async function execute<T>(task: () => Promise<T>, key: string | null, priority: Priority): Promise<T> {
    try {
      return await (global ? global.run(task, priority) : task());
    } finally {
      end(key);
    }
  }

  return {
    run<T>(task: () => Promise<T>, key: string | null = null, priority: Priority = 'interactive'): Promise<T> {
      if (running < concurrency) {
        begin(key);
        return execute(task, key, priority);
      }
      const alike = waiting.filter((w) => w.priority === priority).length;
      const room = priority === 'interactive' ? maxWaiting : maxWaiting * BACKGROUND_WAITING_FACTOR;
      if (alike >= room) return Promise.reject(new QueueFullError(room));
      return new Promise<T>((resolve, reject) => {
        const waiter: Waiter = {
          key,
          priority,
          start: () => {
            begin(key);
            execute(task, key, priority).then(resolve, reject);
          },
        };
        // Someone is waiting for an interactive task: it goes ahead of every background one.
        const at = priority === 'interactive' ? waiting.findIndex((w) => w.priority === 'background') : -1;
        if (at >= 0) waiting.splice(at, 0, waiter);
        else waiting.push(waiter);
      });
    },

    position(key: string): number | null {
      // What someone waits for: background work (an evaluation) does not make anyone wait.
      const index = waiting.findIndex((w) => w.key === key && w.priority === 'interactive');
      if (index >= 0) return index + 1;
      return runningKeys.has(key) ? 0 : null;
    },

    stats: () => ({ running, waiting: waiting.length, concurrency, maxWaiting }),
  };
}

/**
 * The AI client with every interviewer call going through `queue`. `keyOf` names the work
 * (the interview being served, read from the request context) so its queue position can be shown.
 * A full queue, or no global slot freeing in time, becomes AI_BUSY (503): the answer that led
 * to the call is already stored.
 */
export function limitAiClient(ai: AiClient, queue: WorkQueue, keyOf: () => string | null = () => null): AiClient {
  const limited = <T>(call: () => Promise<T>, options?: CallOptions): Promise<T> =>
    queue.run(call, keyOf(), options?.priority).catch((error: unknown) => {
      if (error instanceof QueueFullError || error instanceof SemaphoreWaitTimeout) throw Errors.aiBusy();
      throw error;
    });
  return {
    providerNames: ai.providerNames,
    providerStatus: () => ai.providerStatus(),
    planQuestion: (input, options) => limited(() => ai.planQuestion(input, options), options),
    evaluateAnswer: (input, options) => limited(() => ai.evaluateAnswer(input, options), options),
    summarizeInterview: (input, options) => limited(() => ai.summarizeInterview(input, options), options),
    nextTurn: (input, options) => limited(() => ai.nextTurn(input, options), options),
    close: () => ai.close(),
  };
}
