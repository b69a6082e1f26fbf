/**
 * A warm pool of parsing threads (piscina) for PDF and DOCX uploads, started with the app so
 * the first upload is as fast as the rest. It replaced one fresh worker per upload, which issue
 * 17 measured at ~300 ms of CPU per small PDF (thread start-up, loading pdf.js) and 7–11 s for
 * the first upload after start-up.
 *
 * - Threads: `threads` of them, all started at once and kept (min = max), each with a V8 heap
 *   limit and a lower CPU priority (nice), so parsing can't starve the event loop serving pages.
 * - Deadline: a job still running after `timeoutMs` is aborted, which terminates its thread;
 *   piscina starts a replacement. A thread that can't start (the process is out of file
 *   descriptors, say) fails only the job waiting for it; the next job gets a new one.
 * - Recycling: a thread is retired after `jobsPerThread` jobs, or when it reports a heap grown
 *   past `recycleHeapMb` (extract-worker.mjs): parsers cache fonts and may leak, and a fresh
 *   thread is cheap next to a bloated one. A retiring thread gets no new job (the pool's load
 *   balancer skips it) and is terminated once idle; piscina starts its replacement.
 *
 * Admission (how many run, who waits, per-visitor fairness) is parse-limiter.ts's job: the
 * pool is only ever given as many jobs as it has threads.
 */
import { Piscina } from 'piscina';
import { errorCode } from './errors.js';

/** A thread and a task as piscina's load balancer sees them (the types are not exported by name). */
type Balancer = NonNullable<NonNullable<ConstructorParameters<typeof Piscina>[0]>['loadBalancer']>;
type PiscinaWorker = Parameters<Balancer>[1][number];
type PiscinaTask = Parameters<Balancer>[0];

const WORKER_URL = new URL('./extract-worker.mjs', import.meta.url);

/**
 * V8 heap cap per parsing thread: a CV takes ~25 MB; the cap keeps the worst case of every
 * thread at once well inside the memory budget. Buffers/ArrayBuffers live outside this heap.
 */
const WORKER_RESOURCE_LIMITS = { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 16, stackSizeMb: 4 };

export interface ParsePoolOptions {
  threads: number;
  /** Deadline of one job; past it the thread is terminated. */
  timeoutMs: number;
  jobsPerThread: number;
  recycleHeapMb: number;
  /** The worker module (tests use their own); default extract-worker.mjs. */
  workerUrl?: URL;
  /** false: start threads on demand and never recycle (tests build hundreds of apps); the server starts them all at once. */
  warmStart?: boolean;
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
  /** True once every thread has loaded its parsers and parsed its warm-up document. */
  readonly warm: boolean;
  /** Why the threads could not start (e.g. the worker file is missing), until a job succeeds; or null. */
  readonly startupError: Error | null;
  close(): Promise<void>;
}

export function createParsePool(options: ParsePoolOptions): ParsePool {
  const warmStart = options.warmStart !== false;
  /** Threads that take no new job and are terminated once idle (by threadId = piscina's worker id). */
  const retiring = new Set<number>();
  /** Retired threads being terminated: still in piscina's list until their exit, never picked again. */
  const retired = new Set<number>();
  const jobsOn = new Map<number, number>();
  const seen = new Map<number, PiscinaWorker>();

  /**
   * An idle thread, never a retiring one; counts each thread's jobs and retires it at the limit.
   * Only real jobs count: they carry an abort signal (the deadline), start-up probes do not.
   */
  const balancer = (task: PiscinaTask, workers: PiscinaWorker[]): PiscinaWorker | null => {
    let pick: PiscinaWorker | null = null;
    for (const worker of workers) {
      seen.set(worker.id, worker);
      if (retiring.has(worker.id) || retired.has(worker.id) || worker.terminating || worker.destroyed) continue;
      if (worker.currentUsage === 0) {
        pick = worker;
        break;
      }
    }
    if (pick && warmStart && task.isAbortable) {
      const jobs = (jobsOn.get(pick.id) ?? 0) + 1;
      jobsOn.set(pick.id, jobs);
      if (jobs >= options.jobsPerThread) retiring.add(pick.id);
    }
    return pick;
  };

  const pool = new Piscina({
    filename: (options.workerUrl ?? WORKER_URL).href,
    minThreads: warmStart ? options.threads : 0,
    maxThreads: options.threads,
    // Jobs are admitted by the parse limiter; this queue only bridges a thread's replacement.
    maxQueue: options.threads * 4,
    // Atomics would park an idle thread in Atomics.wait, where it can't run its own timers.
    atomics: 'disabled',
    resourceLimits: options.resourceLimits ?? WORKER_RESOURCE_LIMITS,
    niceIncrement: 5,
    // The worker is plain JavaScript: it must not inherit a TypeScript loader (`npm start` and the
    // tests run under tsx), which would transform pdf.js and keep its source maps — ~80 MB of
    // heap per thread.
    execArgv: [],
    workerData: { recycleHeapBytes: options.recycleHeapMb * 1024 * 1024 },
    loadBalancer: balancer,
    closeTimeout: 2000,
  });
  let threadsStarted = 0;
  pool.on('workerCreate', () => threadsStarted++);
  // A thread that dies between jobs, or can't start (EMFILE while the process is out of
  // descriptors), is reported here; piscina starts another for the next job that needs one.
  pool.on('error', () => undefined);

  /** Terminates every retiring thread that is idle now (called whenever a job ends). */
  function retireIdle(): void {
    for (const id of retiring) {
      const worker = seen.get(id);
      if (!worker || worker.currentUsage > 0) continue;
      retiring.delete(id);
      retired.add(id);
      jobsOn.delete(id);
      seen.delete(id);
      const thread = pool.threads.find((t) => t.threadId === id);
      void thread?.terminate().then(
        () => retired.delete(id),
        () => retired.delete(id),
      );
    }
  }

  // One no-op job per thread: each resolves once its thread has loaded pdf.js and mammoth and
  // parsed a tiny PDF (extract-worker.mjs does that before taking jobs). /ready waits for it.
  let warm = !warmStart;
  let startupError: Error | null = null;
  if (!warm) {
    void Promise.all(Array.from({ length: options.threads }, () => pool.run({ warmUp: true }))).then(
      () => (warm = true),
      (error: unknown) => (startupError = error instanceof Error ? error : new Error(String(error))),
    );
  }

  return {
    get threadsStarted() {
      return threadsStarted;
    },
    get warm() {
      return warm;
    },
    get startupError() {
      return startupError;
    },
    async run(request) {
      const abort = new AbortController();
      const timer = setTimeout(() => abort.abort(new Error('document parse deadline')), options.timeoutMs);
      try {
        const message: unknown = await pool.run(request, { transferList: [request.data], signal: abort.signal });
        const reply = (typeof message === 'object' && message !== null ? message : {}) as { recycle?: unknown; threadId?: unknown };
        if (warmStart && reply.recycle === true && typeof reply.threadId === 'number') retiring.add(reply.threadId);
        if (!warm) {
          // The threads failed to start before, and work now.
          warm = true;
          startupError = null;
        }
        return { status: 'message', message };
      } catch (error) {
        if (abort.signal.aborted) {
          // While no thread could ever start, say why rather than blame the file; the job still
          // ran, so a pool whose threads start again (descriptors freed) recovers by itself.
          return startupError ? { status: 'crashed', error: startupError, outOfMemory: false } : { status: 'timeout' };
        }
        const err = error instanceof Error ? error : new Error(String(error));
        return { status: 'crashed', error: err, outOfMemory: errorCode(error) === 'ERR_WORKER_OUT_OF_MEMORY' };
      } finally {
        clearTimeout(timer);
        retireIdle();
      }
    },
    close: () => pool.destroy(),
  };
}
