/**
 * The real server as a child process (`node --import tsx src/server.ts`, or any entry), on
 * 127.0.0.1 and a free port, for tests and benchmarks that need a process they can kill —
 * with SIGTERM to check a graceful stop, or SIGKILL to simulate a crash.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

export const PROJECT_ROOT = path.resolve(import.meta.dirname, '../..');
/** tsx's loader as an absolute URL, so the child may run in any working directory. */
export const TSX = import.meta.resolve('tsx');

/** A port nobody listens on right now (the OS picks it; it is released before returning). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface ServerProcess {
  url: string;
  port: number;
  child: ChildProcess;
  /** Everything written to stdout and stderr so far. */
  output(): string;
  /** Resolves with the exit code (or signal) once the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Sends `signal` and waits for the exit. */
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export interface StartOptions {
  /** Environment on top of a minimal, quiet, offline one (see below). */
  env?: Record<string, string>;
  /** Command line after `node` (default: the TypeScript entry through tsx). */
  args?: string[];
  /** How long to wait for the server to be up (see `waitFor`). */
  readyTimeoutMs?: number;
  /**
   * 'ready' (default): until GET /ready answers 200 — database migrated and the document parsing
   * threads warm, i.e. ready for traffic; 'health': until GET /health does (the process is up).
   */
  waitFor?: 'health' | 'ready';
  port?: number;
  /** Start the server with this soft limit on open files (`ulimit -n`), to test descriptor exhaustion. */
  maxOpenFiles?: number;
}

/** Environment that keeps a test server self-contained: no keys, no .env, no rate limits or quota, no models. */
export function baseServerEnv(): Record<string, string> {
  const keep = ['PATH', 'HOME', 'LANG', 'TMPDIR', 'NODE_OPTIONS'];
  const env: Record<string, string> = {};
  for (const k of keep) if (process.env[k] !== undefined) env[k] = process.env[k]!;
  return {
    ...env,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    SESSION_SECRET: 'server-process-secret-server-process-secret-0123',
    AI_PROVIDERS: 'offline',
    TRANSCRIBER: 'none',
    RATE_LIMIT_SIGN_IN: '0',
    RATE_LIMIT_UPLOADS: '0',
    RATE_LIMIT_INTERVIEW: '0',
    RATE_LIMIT_CREATE: '0',
    RATE_LIMIT_RETRY: '0',
    // A busy test machine can starve a child process for over half a second, and its 503s would
    // measure the machine, not the code (the overload check has its own tests).
    MAX_EVENT_LOOP_DELAY_MS: '0',
    // Benchmarks walk many interviews per visitor (the soak: ~70 each); the quota has its own tests.
    MAX_INTERVIEWS_PER_VISITOR: '100000',
  };
}

export async function waitForHealth(url: string, timeoutMs: number, exited?: Promise<unknown>, path: '/health' | '/ready' = '/health'): Promise<number> {
  const started = performance.now();
  let gone = false;
  void exited?.then(() => (gone = true));
  while (performance.now() - started < timeoutMs) {
    if (gone) throw new Error('the server exited before it was healthy');
    try {
      const res = await fetch(`${url}${path}`);
      await res.arrayBuffer();
      if (res.status === 200) return performance.now() - started;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`no ${path} 200 from ${url} within ${timeoutMs} ms`);
}

export async function startServerProcess(options: StartOptions = {}): Promise<ServerProcess> {
  const port = options.port ?? (await freePort());
  const args = options.args ?? ['--import', TSX, path.join(PROJECT_ROOT, 'src/server.ts')];
  // With a descriptor limit, bash sets it and then becomes node (exec): same pid, same signals.
  const [command, commandArgs] =
    options.maxOpenFiles === undefined
      ? [process.execPath, args]
      : ['bash', ['-c', `ulimit -n ${Math.floor(options.maxOpenFiles)} && exec "$0" "$@"`, process.execPath, ...args]];
  const child = spawn(command, commandArgs, {
    cwd: options.env?.DATA_DIR ?? PROJECT_ROOT, // no stray .env is read from the project
    env: { ...baseServerEnv(), ...options.env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(url, options.readyTimeoutMs ?? 60_000, exited, options.waitFor === 'health' ? '/health' : '/ready');
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${(error as Error).message}\n--- server output ---\n${output}`);
  }
  return {
    url,
    port,
    child,
    output: () => output,
    exited,
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}
