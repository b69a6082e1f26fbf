/**
 * Runs one job in a fresh `worker_threads` Worker and reports how it ended — it never
 * rejects and never leaves an `error` event unhandled, whatever the worker does
 * (replies, throws, runs out of memory, exits, or hangs past the deadline).
 *
 * One worker per job: start-up costs ~100 ms, but a crashed or bloated parser can't
 * affect the next document, and all its memory goes back when the thread ends.
 */
import { Worker, type ResourceLimits } from 'node:worker_threads';

export type WorkerOutcome =
  | { status: 'message'; message: unknown }
  | { status: 'timeout' }
  | { status: 'crashed'; error: Error; outOfMemory: boolean };

export interface RunWorkerOptions {
  /** Deadline for the whole run, worker start-up included. On expiry the worker is terminated. */
  timeoutMs: number;
  resourceLimits?: ResourceLimits;
  /** Objects in `request` to transfer (not copy) to the worker; they are detached on this side. */
  transferList?: ArrayBuffer[];
}

export function runWorkerOnce(workerUrl: URL, request: unknown, options: RunWorkerOptions): Promise<WorkerOutcome> {
  return new Promise<WorkerOutcome>((resolve) => {
    let worker: Worker | undefined;
    let timer: NodeJS.Timeout | undefined;
    let settled = false;

    const finish = (outcome: WorkerOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
      // Replied or not, this worker's job is over: free its thread and memory now.
      worker?.terminate().catch(() => undefined);
    };
    const crashed = (error: unknown) =>
      finish({ status: 'crashed', error: toError(error), outOfMemory: errorCode(error) === 'ERR_WORKER_OUT_OF_MEMORY' });

    try {
      worker = new Worker(workerUrl, { resourceLimits: options.resourceLimits });
    } catch (error) {
      crashed(error);
      return;
    }
    timer = setTimeout(() => finish({ status: 'timeout' }), options.timeoutMs);

    // These listeners stay attached until the worker is gone, so a late 'error' (after a
    // reply or a timeout) is swallowed here instead of becoming an uncaught exception.
    worker.on('message', (message: unknown) => finish({ status: 'message', message }));
    worker.on('error', crashed);
    worker.on('messageerror', crashed);
    worker.on('exit', (code) => crashed(new Error(`The worker exited with code ${code} before replying.`)));

    try {
      worker.postMessage(request, options.transferList ?? []);
    } catch (error) {
      crashed(error);
    }
  });
}

function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

export function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}
