/**
 * What the HTTP benchmarks share: the server in a child process (bench/support/child-server.ts,
 * on 127.0.0.1, with its memory readable after a GC), interviews prepared over real HTTP,
 * voice streams at real-time pace, autocannon runs with per-request latencies, and formatting.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import autocannon, { type Options, type Result } from 'autocannon';
import WebSocket from 'ws';
import { FRAME_BYTES } from '../../src/speech/signal.js';
import { fixturePcm } from '../../tests/support/audio.js';
import { HttpVisitor, questionIn, setUpSessionOverHttp } from '../../tests/support/http-visitor.js';
import { fixture } from '../../tests/support/interview-driver.js';
import { baseServerEnv, freePort, TSX, waitForHealth } from '../../tests/support/server-process.js';
import { quantile } from '../results.js';
import { SERVER_NODE_FLAGS } from './server-flags.js';

/**
 * BENCH_PIN=1 pins the server and the load generator to different cores (needs 2+ cores and
 * taskset). Off by default: on the 2-core development VM it made tail latencies worse, as
 * neither process could borrow the other core for GC or the kernel's work.
 */
export const PIN_CPUS = process.env.BENCH_PIN === '1' && os.cpus().length >= 2 && spawnSync('taskset', ['-V'], { stdio: 'ignore' }).status === 0;

export const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
export const ms = (value: number) => value.toFixed(2);

export interface Memory {
  heapUsed: number;
  rss: number;
  external: number;
  arrayBuffers: number;
}

/** Server-side figures since the last reset, ms: event-loop delay, and time per response. */
interface LoopDelay {
  p50: number;
  p99: number;
  max: number;
  mean: number;
  server: { p50: number; p99: number; max: number; count: number };
}

export interface BenchServer {
  url: string;
  child: ChildProcess;
  dataDir: string;
  /** The server's memory after a full GC. */
  memory(): Promise<Memory>;
  /** Starts a new event-loop delay measurement in the server. */
  resetLoopDelay(): void;
  /** The server's event-loop delay since the last reset, ms. */
  loopDelay(): Promise<LoopDelay>;
  stop(): Promise<void>;
}

/**
 * Starts the server with the production defaults (JSON logs at info, to /dev/null) except for
 * what a benchmark must change: a temporary DATA_DIR, offline interviewer, no rate limits
 * (they would answer 429 long before the machine is busy), no per-address connection cap, no
 * transcriber model.
 */
export async function startBenchServer(env: Record<string, string> = {}): Promise<BenchServer> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rehearse-bench-'));
  // Server on CPU 0, this process (the load generator) on CPU 1, when the machine allows it:
  // less noise from the scheduler moving them around.
  const pin = PIN_CPUS ? ['taskset', '-c', '0'] : [];
  if (PIN_CPUS) spawnSync('taskset', ['-p', '-c', '1', String(process.pid)], { stdio: 'ignore' });
  const command = [...pin, process.execPath, ...SERVER_NODE_FLAGS, '--expose-gc', '--import', TSX, path.join(import.meta.dirname, 'child-server.ts')];
  const child = spawn(command[0]!, command.slice(1), {
    cwd: dataDir,
    // Every simulated candidate connects from 127.0.0.1: the per-address connection cap (64,
    // meant for one real client) would cut the 50 voice sockets plus the load generator's
    // connections, so it is off here like the rate limits.
    env: { ...baseServerEnv(), LOG_LEVEL: 'info', DATA_DIR: dataDir, PORT: String(port), MAX_CONNECTIONS_PER_ADDRESS: '0', ...env },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url, 60_000, exited);
  return {
    url,
    child,
    dataDir,
    memory: () =>
      new Promise<Memory>((resolve) => {
        const onMessage = (message: { type?: string } & Memory) => {
          if (message.type !== 'memory') return;
          child.off('message', onMessage);
          resolve(message);
        };
        child.on('message', onMessage);
        child.send({ type: 'memory' });
      }),
    resetLoopDelay: () => void child.send({ type: 'eld-reset' }),
    loopDelay: () =>
      new Promise((resolve) => {
        const onMessage = (message: { type?: string } & LoopDelay) => {
          if (message.type !== 'eld') return;
          child.off('message', onMessage);
          resolve(message);
        };
        child.on('message', onMessage);
        child.send({ type: 'eld' });
      }),
    async stop() {
      child.kill('SIGTERM');
      await exited;
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface Interview {
  id: string;
  cookie: string;
  token: string;
  visitor: HttpVisitor;
}

const CV = { name: 'cv-alex-morgan.txt', content: fixture('cv-alex-morgan.txt') };
const JOB = fixture('job-backend-engineer.txt').toString('utf8');

/** Runs `fn` over `items` with at most `concurrency` at a time. */
export async function pool<T, R>(items: T[], concurrency: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await fn(items[i]!, i);
      }
    }),
  );
  return results;
}

/**
 * `count` interviews, started (question 1 waiting), spread over `visitors` browsers; with
 * several instances (`url` a list), the browsers are spread over them.
 */
export async function createInterviews(url: string | readonly string[], count: number, { visitors = 20, concurrency = 8 } = {}): Promise<Interview[]> {
  const urls = typeof url === 'string' ? [url] : url;
  const browsers = Array.from({ length: Math.min(visitors, count) }, (_, i) => new HttpVisitor(urls[i % urls.length]!));
  for (const b of browsers) await b.csrfToken();
  return pool(Array.from({ length: count }, (_, i) => i), concurrency, async (i) => {
    const visitor = browsers[i % browsers.length]!;
    const id = await setUpSessionOverHttp(visitor, { cv: CV, job: JOB });
    const started = await visitor.post(`/session/${id}/start`);
    if (started.status !== 303) throw new Error(`start: ${started.status}`);
    return { id, cookie: visitor.cookieHeader!, token: await visitor.csrfToken(), visitor };
  });
}

export async function waitingQuestion(interview: Interview) {
  return questionIn((await interview.visitor.get(`/session/${interview.id}/interview`)).body);
}

export interface LoadResult {
  result: Result;
  /** Client-measured latency of every 2xx response, ms (float, unlike autocannon's integer histogram). */
  p50: number;
  p99: number;
  p999: number;
  max: number;
  rps: number;
  statusCounts: Record<string, number>;
}

/**
 * An autocannon run that also records each response's latency and status. With several
 * instances, as a round-robin balancer spreads connections: one autocannon run per URL,
 * started together, each with its share of the connections (and of `amount` and
 * `overallRate`); the request list (its closures) is shared, so the requests still go out in
 * one sequence across the instances. One URL: a plain autocannon run.
 */
export async function loadAcross(urls: readonly string[], options: Omit<Options, 'url'>): Promise<LoadResult> {
  const n = urls.length;
  const share = (value: number | undefined) => (value === undefined ? undefined : Math.ceil(value / n));
  const samples: number[] = [];
  const statusCounts: Record<string, number> = {};
  const results = await Promise.all(
    urls.map((url) => {
      const connections = share(options.connections ?? 10)!;
      const amount = share(options.amount);
      const overallRate = share(options.overallRate);
      const instance = autocannon({
        ...options,
        url,
        connections,
        ...(amount !== undefined ? { amount } : {}),
        ...(overallRate !== undefined ? { overallRate } : {}),
      });
      instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
        statusCounts[statusCode] = (statusCounts[statusCode] ?? 0) + 1;
        if (statusCode >= 200 && statusCode < 300) samples.push(responseTime);
      });
      return instance;
    }),
  );
  samples.sort((a, b) => a - b);
  const total = Object.values(statusCounts).reduce((a, b) => a + b, 0);
  // One run: autocannon's result as it is; several: the longest run's duration and the sums.
  const result =
    n === 1
      ? results[0]!
      : ({
          duration: Math.max(...results.map((r) => r.duration)),
          errors: results.reduce((sum, r) => sum + r.errors, 0),
          timeouts: results.reduce((sum, r) => sum + r.timeouts, 0),
        } as Result);
  return {
    result,
    p50: quantile(samples, 0.5),
    p99: quantile(samples, 0.99),
    p999: quantile(samples, 0.999),
    max: samples.at(-1) ?? NaN,
    rps: total / result.duration,
    statusCounts,
  };
}

export const describeLoad = (r: LoadResult) =>
  `${r.rps.toFixed(0)} req/s, p50 ${ms(r.p50)} ms, p99 ${ms(r.p99)} ms, p99.9 ${ms(r.p999)} ms, max ${ms(r.max)} ms, statuses ${JSON.stringify(r.statusCounts)}, errors ${r.result.errors}, timeouts ${r.result.timeouts}`;

export interface PacedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/**
 * An open-loop load at a steady rate: request i is due at start + i / rate, sent on one of
 * `connections` keep-alive sockets, and its latency is counted from when it was due (so a
 * slow server cannot hide its delay by slowing the client: no coordinated omission).
 * autocannon's `overallRate` is not smooth — each connection sends flat out until it has
 * used its share of the current second, then waits for the next — so its latencies at a
 * "fixed rate" are those of bursts at full speed.
 */
export async function pacedLoad(options: {
  /** Several URLs: request i goes to instance i mod n (round-robin), the connections shared out. */
  url: string | readonly string[];
  rate: number;
  durationS: number;
  connections: number;
  request: (i: number) => PacedRequest;
}): Promise<LoadResult> {
  const { rate, durationS } = options;
  const urls = typeof options.url === 'string' ? [options.url] : options.url;
  const targets = urls.map((url) => ({
    url: new URL(url),
    agent: new http.Agent({ keepAlive: true, maxSockets: Math.ceil(options.connections / urls.length) }),
  }));
  const total = Math.round(rate * durationS);
  const samples: number[] = [];
  const statusCounts: Record<string, number> = {};
  let errors = 0;
  let done = 0;
  const start = performance.now() + 50;
  let sent = 0;
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      while (sent < total && start + (sent * 1000) / rate <= now) {
        const due = start + (sent * 1000) / rate;
        const { url: target, agent } = targets[sent % targets.length]!;
        const spec = options.request(sent++);
        const req = http.request(
          { host: target.hostname, port: target.port, method: spec.method, path: spec.path, headers: spec.headers, agent },
          (res) => {
            res.resume();
            res.on('end', () => {
              statusCounts[res.statusCode ?? 0] = (statusCounts[res.statusCode ?? 0] ?? 0) + 1;
              if ((res.statusCode ?? 0) >= 200 && (res.statusCode ?? 0) < 300) samples.push(performance.now() - due);
              if (++done === total) resolve();
            });
          },
        );
        req.on('error', () => {
          errors++;
          if (++done === total) resolve();
        });
        req.end(spec.body);
      }
      if (sent < total) setTimeout(tick, Math.max(0, Math.min(1, start + (sent * 1000) / rate - performance.now())));
    };
    tick();
  });
  for (const { agent } of targets) agent.destroy();
  const seconds = (performance.now() - start) / 1000;
  samples.sort((a, b) => a - b);
  return {
    result: { duration: seconds, errors, timeouts: 0 } as Result,
    p50: quantile(samples, 0.5),
    p99: quantile(samples, 0.99),
    p999: quantile(samples, 0.999),
    max: samples.at(-1) ?? NaN,
    rps: done / seconds,
    statusCounts,
  };
}

export interface AudioStreams {
  opened: number;
  framesSent(): number;
  closeCodes(): Record<string, number>;
  stop(): Promise<void>;
}

/**
 * `count` voice recordings streaming a speech fixture in real time (one 100 ms frame every
 * 100 ms) over /session/:id/audio, each on its own interview (3 per visitor at most).
 */
export async function startAudioStreams(url: string | readonly string[], interviews: Interview[], count: number): Promise<AudioStreams> {
  const urls = typeof url === 'string' ? [url] : url;
  const pcm = fixturePcm('speech-normal.wav');
  const frames: Buffer[] = [];
  for (let i = 0; i + FRAME_BYTES <= pcm.length; i += FRAME_BYTES) frames.push(pcm.subarray(i, i + FRAME_BYTES));
  const byVisitor = new Map<HttpVisitor, number>();
  const chosen = interviews.filter((i) => {
    const n = byVisitor.get(i.visitor) ?? 0;
    if (n >= 3) return false;
    byVisitor.set(i.visitor, n + 1);
    return true;
  });
  if (chosen.length < count) throw new Error(`need ${count} interviews from ${Math.ceil(count / 3)}+ visitors, have ${chosen.length}`);
  let sent = 0;
  const closeCodes: Record<string, number> = {};
  // Each candidate agrees to recording first (the socket refuses to open before).
  for (const interview of chosen.slice(0, count)) {
    const consent = await interview.visitor.post(`/session/${interview.id}/voice-consent`, {}, { htmx: true });
    if (consent.status !== 204) throw new Error(`voice consent: ${consent.status}`);
  }
  const sockets = await Promise.all(
    chosen.slice(0, count).map(
      (interview, k) =>
        new Promise<{ ws: WebSocket; timer?: NodeJS.Timeout }>((resolve, reject) => {
          // With several instances, the sockets are spread over them (round-robin).
          const ws = new WebSocket(`${urls[k % urls.length]!.replace('http', 'ws')}/session/${interview.id}/audio`, { headers: { cookie: interview.cookie } });
          ws.on('close', (code) => (closeCodes[code] = (closeCodes[code] ?? 0) + 1));
          ws.once('error', reject);
          ws.once('open', () => {
            ws.send('{"type":"start"}');
            const stream = { ws, timer: undefined as NodeJS.Timeout | undefined };
            let i = 0;
            stream.timer = setInterval(() => {
              if (ws.readyState !== WebSocket.OPEN) return clearInterval(stream.timer);
              ws.send(frames[i++ % frames.length]!, { binary: true });
              sent++;
            }, 100);
            resolve(stream);
          });
        }),
    ),
  );
  return {
    opened: sockets.length,
    framesSent: () => sent,
    closeCodes: () => closeCodes,
    async stop() {
      await Promise.all(
        sockets.map(
          ({ ws, timer }) =>
            new Promise<void>((resolve) => {
              clearInterval(timer);
              if (ws.readyState !== WebSocket.OPEN) return resolve();
              ws.once('close', () => resolve());
              ws.send('{"type":"stop"}');
              setTimeout(() => {
                ws.terminate();
                resolve();
              }, 5000).unref();
            }),
        ),
      );
    },
  };
}
