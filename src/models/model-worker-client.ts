/**
 * The host side of a model worker (model-worker-runtime.mjs): one long-lived worker thread,
 * started on the first load, that answers 'load' with 'loaded' or 'load-failed' and then runs
 * jobs by id. Shared by the Whisper transcriber and the sentence embedder, which supply their
 * own messages and error types (their wording is part of what the operator sees).
 *
 * A load failure is remembered (`failure()`) and every pending job is failed when the worker
 * stops; after a crash once loaded, the next job starts a fresh worker. The worker keeps the
 * process alive only while it has something to do.
 */
import { Worker } from 'node:worker_threads';

export interface ModelWorkerClientOptions<Reply extends object, Output> {
  workerUrl: URL;
  /** The 'load' message's other fields (modelId, modelDir, dtype, …). */
  loadMessage: Record<string, unknown>;
  loadTimeoutMs: number;
  jobTimeoutMs: number;
  /** The error for "unavailable" (load failures, shutdown), given its message. */
  unavailable(message: string): Error;
  /** When it returns a message, load() is refused with it instead of starting the worker. */
  refuseLoad?(): string | undefined;
  loadTimedOutMessage: string;
  /** The model is missing; `missing` is the file the loader could not find, when known. */
  notFoundMessage(missing: string | undefined): string;
  /** Any other load failure, or the worker stopping before it loaded. */
  couldNotLoadMessage(detail: string): string;
  /** Fails the pending jobs when the worker stops. */
  workerStopped(detail: string): Error;
  /** When the worker is gone after load() (it failed): `failure() ?? notRunningMessage`. */
  notRunningMessage: string;
  jobFailed(message: string): Error;
  jobTimedOut(): Error;
  /** Posting the job threw (e.g. a buffer that can't be transferred); the error as thrown by default. */
  sendFailed?(error: Error): Error;
  /** The output of one job from its 'result' reply. */
  result(reply: Reply): Output;
}

export interface ModelWorkerClient<Output> {
  /** Why loading failed (not retried until restart), if it did. */
  failure(): string | null;
  loaded(): boolean;
  /** Jobs sent and not answered yet. */
  pending(): number;
  /** Starts the worker and loads the model (once); rejects with a clear message if it can't. */
  load(): Promise<void>;
  /** Loads if needed, then sends `{ ...job, id }` and waits for its result. */
  run(job: Record<string, unknown>, transfer?: ArrayBuffer[]): Promise<Output>;
  /** Fails the pending jobs ('The server is shutting down.') and terminates the worker. */
  close(): void;
}

type Reply<R> =
  | { type: 'loaded' }
  | { type: 'load-failed'; notFound: boolean; message: string }
  | ({ type: 'result'; id: number } & R)
  | { type: 'error'; id: number; message: string };

interface Job<Output> {
  resolve: (output: Output) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

export function createModelWorkerClient<R extends object, Output>(options: ModelWorkerClientOptions<R, Output>): ModelWorkerClient<Output> {
  let worker: Worker | null = null;
  let loading: Promise<void> | null = null;
  let failure: string | null = null;
  let loaded = false;
  /** True from starting the worker until its load reply (keeps the process alive meanwhile). */
  let loadPending = false;
  let nextId = 1;
  const jobs = new Map<number, Job<Output>>();

  function failAll(error: Error) {
    for (const [id, job] of jobs) {
      clearTimeout(job.timer);
      job.reject(error);
      jobs.delete(id);
    }
  }

  function stopWorker() {
    const w = worker;
    worker = null;
    loaded = false;
    loading = null;
    loadPending = false;
    w?.removeAllListeners();
    w?.on('error', () => undefined);
    void w?.terminate().catch(() => undefined);
  }

  /** Keeps the process alive only while the worker has something to do. */
  function refreshRef() {
    if (!worker) return;
    if (jobs.size > 0 || loadPending) worker.ref();
    else worker.unref();
  }

  function load(): Promise<void> {
    if (loading) return loading;
    const refused = options.refuseLoad?.();
    if (refused !== undefined) return Promise.reject(options.unavailable(refused));
    loading = new Promise<void>((resolve, reject) => {
      const w = new Worker(options.workerUrl);
      worker = w;
      loadPending = true;
      const fail = (message: string) => {
        failure = message;
        reject(options.unavailable(message));
        failAll(options.unavailable(message));
        stopWorker();
      };
      const timer = setTimeout(() => fail(options.loadTimedOutMessage), options.loadTimeoutMs);
      timer.unref();
      w.on('message', (reply: Reply<R>) => {
        if (reply.type === 'loaded') {
          clearTimeout(timer);
          loaded = true;
          loadPending = false;
          resolve();
        } else if (reply.type === 'load-failed') {
          clearTimeout(timer);
          const missing = /not found locally at "([^"]+)"/.exec(reply.message)?.[1];
          fail(reply.notFound ? options.notFoundMessage(missing) : options.couldNotLoadMessage(reply.message));
        } else {
          const job = jobs.get(reply.id);
          if (job) {
            jobs.delete(reply.id);
            clearTimeout(job.timer);
            if (reply.type === 'result') job.resolve(options.result(reply));
            else job.reject(options.jobFailed(reply.message));
          }
        }
        refreshRef();
      });
      const crashed = (error: Error) => {
        clearTimeout(timer);
        const wasLoaded = loaded;
        stopWorker();
        failAll(options.workerStopped(error.message));
        // Before loading finished this is a load failure; after, the next job restarts it.
        if (!wasLoaded) {
          failure = options.couldNotLoadMessage(error.message);
          reject(options.unavailable(failure));
        }
      };
      w.on('error', crashed);
      w.on('exit', (code) => {
        if (worker === w) crashed(new Error(`exit code ${code}`));
      });
      w.postMessage({ type: 'load', ...options.loadMessage });
      refreshRef();
    });
    // Callers that only wanted to start loading must not see an unhandled rejection.
    loading.catch(() => undefined);
    return loading;
  }

  return {
    failure: () => failure,
    loaded: () => loaded,
    pending: () => jobs.size,
    load,

    async run(job: Record<string, unknown>, transfer: ArrayBuffer[] = []): Promise<Output> {
      await load();
      const w = worker;
      if (!w) throw options.unavailable(failure ?? options.notRunningMessage);
      const id = nextId++;
      return new Promise<Output>((resolve, reject) => {
        const timer = setTimeout(() => {
          jobs.delete(id);
          refreshRef();
          reject(options.jobTimedOut());
        }, options.jobTimeoutMs);
        timer.unref();
        jobs.set(id, { resolve, reject, timer });
        try {
          w.postMessage({ ...job, id }, transfer);
        } catch (error) {
          clearTimeout(timer);
          jobs.delete(id);
          reject(options.sendFailed?.(error as Error) ?? error);
        }
        refreshRef();
      });
    },

    close(): void {
      failAll(options.unavailable('The server is shutting down.'));
      stopWorker();
    },
  };
}
