/**
 * A warm pool of parsing threads (piscina) for PDF and DOCX uploads, started with the app so
 * the first upload is as fast as the rest. It replaced one fresh worker per upload, which cost
 * ~300 ms of CPU per small PDF (thread start-up, loading pdf.js) and 7–11 s for the first.
 *
 * - Threads: `threads` of them, all kept (min = max), each with a V8 heap limit and a lower
 *   CPU priority (nice), so parsing can't starve the event loop that serves pages.
 * - Deadline: a job still running after `timeoutMs` is aborted, which terminates its thread;
 *   piscina starts a replacement.
 * - Recycling: a thread asks to be replaced after `jobsPerThread` jobs or once its heap has
 *   grown past `recycleHeapMb` (extract-worker.mjs); the pool terminates it before the next
 *   job is admitted, so no job ever lands on a thread that is going away.
 *
 * Admission (how many run, who waits, per-visitor fairness) is parse-limiter.ts's job: the
 * pool is only ever given as many jobs as it has threads.
 */
import { Piscina } from 'piscina';
import { errorCode } from './errors.js';

const WORKER_URL = new URL('./extract-worker.mjs', import.meta.url);

/** V8 heap cap per parsing thread. Note: Buffers/ArrayBuffers live outside this heap. */
export const WORKER_RESOURCE_LIMITS = { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 };

export interface ParsePoolOptions {
  threads: number;
  /** Deadline of one job; past it the thread is terminated. */
  timeoutMs: number;
  jobsPerThread: number;
  recycleHeapMb: number;
  /** The worker module (tests use their own); default extract-worker.mjs. */
  workerUrl?: URL;
  /** Default WORKER_RESOURCE_LIMITS. */
  resourceLimits?: typeof WORKER_RESOURCE_LIMITS;
}

export type ParseOutcome =
  | { status: 'message'; message: unknown }
  | { status: 'timeout' }
  | { status: 'crashed'; error: Error; outOfMemory: boolean };

export interface ParsePool {
  /** Runs one job; never rejects (the outcome says how it ended). `data` is transferred. */
  run(request: Record<string, unknown> & { data: ArrayBuffer }): Promise<ParseOutcome>;
  /** Threads started so far, replacements included (for tests and benchmarks). */
  readonly threadsStarted: number;
  close(): Promise<void>;
}

export function createParsePool(options: ParsePoolOptions): ParsePool {
  const pool = new Piscina({
    filename: (options.workerUrl ?? WORKER_URL).href,
    minThreads: options.threads,
    maxThreads: options.threads,
    // Jobs are admitted by the parse limiter; this queue only bridges a thread's replacement.
    maxQueue: options.threads * 4,
    // Atomics would park an idle thread in Atomics.wait, where it can't run its own timers.
    atomics: 'disabled',
    resourceLimits: options.resourceLimits ?? WORKER_RESOURCE_LIMITS,
    niceIncrement: 5,
    workerData: { jobsPerThread: options.jobsPerThread, recycleHeapBytes: options.recycleHeapMb * 1024 * 1024 },
    closeTimeout: 2000,
  });
  let threadsStarted = 0;
  pool.on('workerCreate', () => threadsStarted++);
  // A thread that dies between jobs is replaced by piscina; without a listener the event would throw.
  pool.on('error', () => undefined);

  async function recycle(threadId: unknown): Promise<void> {
    const thread = pool.threads.find((t) => t.threadId === threadId);
    // Awaiting the exit means piscina has already dropped the thread when the next job comes.
    if (thread) await thread.terminate().catch(() => undefined);
  }

  return {
    get threadsStarted() {
      return threadsStarted;
    },
    async run(request) {
      const abort = new AbortController();
      const timer = setTimeout(() => abort.abort(new Error('document parse deadline')), options.timeoutMs);
      try {
        const message: unknown = await pool.run(request, { transferList: [request.data], signal: abort.signal });
        if (typeof message === 'object' && message !== null && (message as { recycle?: unknown }).recycle === true) {
          await recycle((message as { threadId?: unknown }).threadId);
        }
        return { status: 'message', message };
      } catch (error) {
        if (abort.signal.aborted) return { status: 'timeout' };
        const err = error instanceof Error ? error : new Error(String(error));
        return { status: 'crashed', error: err, outOfMemory: errorCode(error) === 'ERR_WORKER_OUT_OF_MEMORY' };
      } finally {
        clearTimeout(timer);
      }
    },
    close: () => pool.destroy(),
  };
}
