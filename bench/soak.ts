/**
 * Soak: a steady request mix for 5 minutes (SOAK_SECONDS) at a fixed rate (SOAK_RATE req/s)
 * against the server in a child process, sampling its memory after a full GC every 10 s.
 * Virtual users walk whole interviews — create, upload CV and job description, start, read the
 * page and answer until done, finish, read the feedback and the dashboard — with health,
 * readiness and queue checks mixed in. Loopback only; every loop stops at the deadline.
 *
 * Pass: heap growth over the last four minutes under 1 MB/min (least-squares slope of the
 * samples) and no 5xx. Not part of `npm run bench` (it is long):
 *
 *   npm run bench:soak
 */
import os from 'node:os';
import { HttpVisitor, questionIn, setUpSessionOverHttp } from '../tests/support/http-visitor.js';
import { fixture } from '../tests/support/interview-driver.js';
import { appendResults, quantile } from './results.js';
import { mb, startBenchServer, type Memory } from './support/harness.js';

const SECONDS = Number(process.env.SOAK_SECONDS ?? 300);
const RATE = Number(process.env.SOAK_RATE ?? 200);
const USERS = Number(process.env.SOAK_USERS ?? 20);
const SAMPLE_MS = 10_000;

const CV = { name: 'cv-alex-morgan.txt', content: fixture('cv-alex-morgan.txt') };
const JOB = fixture('job-backend-engineer.txt').toString('utf8');
const ANSWER = 'At Brightwave I owned the records API; I added indexes and a cache, and p99 fell from 900 ms to 210 ms in one quarter.';

const server = await startBenchServer();
const { url } = server;
const started = performance.now();
const deadline = started + SECONDS * 1000;
const elapsed = () => (performance.now() - started) / 1000;

// --- pacing: one token every 1/RATE s, shared by all users ------------------------------------
const interval = 1000 / RATE;
let nextSlot = performance.now();
async function slot() {
  const now = performance.now();
  nextSlot = Math.max(nextSlot, now) + interval;
  const wait = nextSlot - interval - now;
  if (wait > 1) await new Promise((r) => setTimeout(r, wait));
}

// --- bookkeeping per minute -----------------------------------------------------------------------
interface Minute {
  /** The machine's 1-minute load average when the minute was last sampled (other processes share the cores). */
  load: number;
  requests: number;
  statuses: Record<string, number>;
  latencies: number[];
}
const minutes: Minute[] = [];
const minute = () => {
  const m = (minutes[Math.min(Math.floor(elapsed() / 60), Math.ceil(SECONDS / 60) - 1)] ??= { load: 0, requests: 0, statuses: {}, latencies: [] });
  m.load = os.loadavg()[0]!;
  return m;
};
const failures: string[] = [];
let interviewsDone = 0;

async function timed<T extends { status: number }>(what: string, fn: () => Promise<T>): Promise<T | null> {
  if (performance.now() >= deadline) return null;
  await slot();
  const t = performance.now();
  try {
    const res = await fn();
    const m = minute();
    m.requests++;
    m.statuses[res.status] = (m.statuses[res.status] ?? 0) + 1;
    m.latencies.push(performance.now() - t);
    if (res.status >= 500) failures.push(`${what}: ${res.status}`);
    return res;
  } catch (error) {
    failures.push(`${what}: ${(error as Error).message}`);
    return null;
  }
}

async function user(n: number) {
  const visitor = new HttpVisitor(url, 60_000);
  while (performance.now() < deadline) {
    let id: string;
    try {
      for (let i = 0; i < 3; i++) await slot();
      id = await setUpSessionOverHttp(visitor, { cv: CV, job: JOB, jobTitle: `Soak role ${n}` }); // 3 requests (+1 for the token once)
      minute().requests += 3;
    } catch (error) {
      if (performance.now() < deadline) failures.push(`set-up: ${(error as Error).message}`);
      continue;
    }
    if (!(await timed('start', () => visitor.post(`/session/${id}/start`)))) break;
    for (let guard = 0; guard < 20 && performance.now() < deadline; guard++) {
      const page = await timed('interview page', () => visitor.get(`/session/${id}/interview`));
      if (!page) break;
      const q = questionIn(page.body);
      if (!q) break;
      if (!(await timed('answer', () => visitor.post(`/session/${id}/message`, { answer: ANSWER, question_id: q.id }, { htmx: true })))) break;
      if (guard % 4 === 0) await timed('queue', () => visitor.get(`/session/${id}/queue`, { htmx: true }));
    }
    if (!(await timed('complete', () => visitor.post(`/session/${id}/complete`)))) break;
    await timed('feedback', () => visitor.get(`/session/${id}/feedback`));
    await timed('dashboard', () => visitor.get('/dashboard'));
    await timed('health', () => visitor.get('/health'));
    await timed('ready', () => visitor.get('/ready'));
    interviewsDone++;
  }
}

// --- memory sampling ------------------------------------------------------------------------------
const samples: Array<{ t: number } & Memory> = [];
samples.push({ t: 0, ...(await server.memory()) });
const sampler = (async () => {
  while (performance.now() < deadline) {
    await new Promise((r) => setTimeout(r, Math.min(SAMPLE_MS, Math.max(0, deadline - performance.now()))));
    samples.push({ t: elapsed(), ...(await server.memory()) });
    const last = samples.at(-1)!;
    console.log(`${last.t.toFixed(0)} s: heap ${mb(last.heapUsed)} MB, RSS ${mb(last.rss)} MB, ${interviewsDone} interviews done, ${failures.length} failures`);
  }
})();

await Promise.all([...Array.from({ length: USERS }, (_, i) => user(i)), sampler]);
const final = await server.memory();
await server.stop();

// --- verdict ----------------------------------------------------------------------------------------
/** Least-squares slope of heapUsed over time, in MB per minute, for samples after `from` s. */
function slope(from: number): number {
  const pts = samples.filter((s) => s.t >= from);
  const n = pts.length;
  const mx = pts.reduce((a, s) => a + s.t, 0) / n;
  const my = pts.reduce((a, s) => a + s.heapUsed, 0) / n;
  const num = pts.reduce((a, s) => a + (s.t - mx) * (s.heapUsed - my), 0);
  const den = pts.reduce((a, s) => a + (s.t - mx) ** 2, 0);
  return den === 0 ? 0 : ((num / den) * 60) / 1024 / 1024;
}
const warmupS = Math.min(60, SECONDS / 5);
const growth = slope(warmupS);
const ok = growth < 1 && failures.length === 0;
const atWarmup = samples.find((s) => s.t >= warmupS) ?? samples[0]!;
const rows = minutes.map((m, i) => {
  const sorted = [...m.latencies].sort((a, b) => a - b);
  const mem = samples.filter((s) => s.t <= (i + 1) * 60).at(-1)!;
  return `| ${i + 1} | ${m.requests} | ${(m.requests / 60).toFixed(0)} | ${quantile(sorted, 0.5).toFixed(1)} | ${quantile(sorted, 0.99).toFixed(1)} | ${JSON.stringify(m.statuses)} | ${mb(mem.heapUsed)} | ${mb(mem.rss)} | ${m.load.toFixed(1)} |`;
});
appendResults(`Soak: ${SECONDS} s steady request mix`, 'npm run bench:soak', [
  `The machine's load average (last column) counts every process on its ${os.cpus().length} cores: the soak's server and client use about 1.5 of them, anything above is other work running at the same time.`,
  '',
  `${USERS} virtual users at ${RATE} req/s overall walk whole interviews (create, CV, job, start, page + answer until done, finish, feedback, dashboard, health, ready, queue) against the server in a child process (offline interviewer, SQLite file, JSON logs at info to /dev/null, rate limits off); ${interviewsDone} interviews completed. Memory: server heap/RSS after a full GC every ${SAMPLE_MS / 1000} s.`,
  '',
  '| minute | requests | req/s | p50 ms | p99 ms | statuses | heap MB (end) | RSS MB (end) | load average |',
  '|---|---|---|---|---|---|---|---|---|',
  ...rows,
  '',
  `Heap after GC: ${mb(samples[0]!.heapUsed)} MB at start, ${mb(atWarmup.heapUsed)} MB at ${atWarmup.t.toFixed(0)} s, ${mb(final.heapUsed)} MB at the end; slope after ${warmupS.toFixed(0)} s: ${growth >= 0 ? '+' : ''}${growth.toFixed(2)} MB/min. RSS ${mb(samples[0]!.rss)} → ${mb(final.rss)} MB.`,
  `Failures (5xx or errors): ${failures.length}${failures.length ? ' — ' + failures.slice(0, 5).join('; ') : ''}. Verdict: ${ok ? 'no memory growth, no failures' : '**growth or failures — see above**'}.`,
]);
process.exit(ok ? 0 : 1);
