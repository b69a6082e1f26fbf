/**
 * Document uploads against the real server (a child process on 127.0.0.1, offline interviewer):
 *
 * 1. The first upload after start-up (once /ready is 200) against the ones after it: the parsing
 *    threads start with the server and /ready waits for them, so the first should cost what
 *    the rest do.
 * 2. Server CPU per upload of the 5 KB fixture PDF (the whole process, parsing threads
 *    included, from /proc/<pid>/stat), and client-side latency. Target: ≤ 100 ms of CPU.
 * 3. The abuse mix for ABUSE_SECONDS (default 60): PDF bombs from four identities, 300
 *    slow-body sockets kept open, and ordinary visitors creating interviews and uploading their
 *    CV — with the server's resident memory sampled throughout (and VmHWM at the end).
 *    Target: peak RSS < 600 MB, every ordinary upload read (303).
 *
 * The server runs behind TRUST_PROXY=true so each visitor can be its own address
 * (X-Forwarded-For), as behind a reverse proxy; everything else is the default configuration.
 *
 *   npm run bench -- documents              (ABUSE_SECONDS=300 for a five-minute mix)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { appendResults, quantile } from './results.js';
import { startServerProcess, type ServerProcess } from '../tests/support/server-process.js';
import { HttpVisitor, sessionIdFromLocation } from '../tests/support/http-visitor.js';
import { openSlowClients, type SlowFlood } from '../tests/support/slow-clients.js';
import { hugeTextPdf, manyPagesPdf, nestedXObjectBomb } from '../tests/support/pdf-bombs.js';

const ABUSE_SECONDS = Number(process.env.ABUSE_SECONDS ?? 60);
const UPLOADS = Number(process.env.UPLOADS ?? 40);
const cv = fs.readFileSync(path.join(import.meta.dirname, '../tests/fixtures/cv-alex-morgan.pdf'));
const TICKS = 100; // USER_HZ on Linux

const cpuMs = (pid: number) => {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) / TICKS) * 1000; // utime + stime
};
const statusKb = (pid: number, key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN);
const mb = (kb: number) => (kb / 1024).toFixed(0);
const ms = (n: number) => n.toFixed(0);

/** Polls /ready (database, migrations, warm parsing threads) until 200; returns how long that took. */
async function readyAfter(server: ServerProcess): Promise<number> {
  const started = performance.now();
  for (;;) {
    const res = await fetch(`${server.url}/ready`).catch(() => null);
    if (res?.status === 200) return performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function start(): Promise<{ server: ServerProcess; dir: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rehearse-bench-docs-'));
  const server = await startServerProcess({
    env: { DATA_DIR: dir, TRUST_PROXY: 'true', RATE_LIMIT_UPLOADS: '30', RATE_LIMIT_INTERVIEW: '60', RATE_LIMIT_SIGN_IN: '10', LOG_LEVEL: 'warn' },
    readyTimeoutMs: 60_000,
    waitFor: 'health', // readyAfter() measures the rest
  });
  return { server, dir };
}

let nextAddress = 1;
function visitor(server: ServerProcess): HttpVisitor {
  const n = nextAddress++;
  return new HttpVisitor(server.url, 60_000, { 'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` });
}

async function interview(v: HttpVisitor): Promise<string> {
  const created = await v.post('/session/create', { job_title: 'Backend Engineer', company_name: 'Acme' });
  return sessionIdFromLocation(created);
}

async function timedUpload(v: HttpVisitor, id: string, content: Buffer, name = 'cv.pdf') {
  const started = performance.now();
  const res = await v.upload(`/session/${id}/upload-cv`, {}, [{ field: 'cv_file', fileName: name, content }]);
  return { status: res.status, ms: performance.now() - started, code: /data-code="([A-Z_]+)"/.exec(res.body)?.[1] ?? null };
}

// --- 1 and 2: first upload, then steady uploads with the server's CPU ------------------------------
const first = await start();
const pid = first.server.child.pid!;
const readyMs = await readyAfter(first.server);
const firstVisitor = visitor(first.server);
const firstId = await interview(firstVisitor);
const firstUpload = await timedUpload(firstVisitor, firstId, cv);
const later: number[] = [];
// Several visitors in turn, each well under the upload rate limit (30 per visitor per minute).
const steady = await Promise.all(Array.from({ length: 8 }, async () => {
  const v = visitor(first.server);
  return { v, id: await interview(v) };
}));
const baselineCpu = cpuMs(pid);
for (let i = 0; i < UPLOADS; i++) {
  const { v, id } = steady[i % 4]!;
  const r = await timedUpload(v, id, cv);
  if (r.status !== 303) throw new Error(`upload ${i}: ${r.status}`);
  later.push(r.ms);
}
const cpuPerUpload = (cpuMs(pid) - baselineCpu) / UPLOADS;
// The same requests without parsing (a .txt CV of the same text), to show what the PDF itself costs.
const txt = fs.readFileSync(path.join(import.meta.dirname, '../tests/fixtures/cv-alex-morgan.txt'));
const txtCpuStart = cpuMs(pid);
for (let i = 0; i < UPLOADS; i++) {
  const { v, id } = steady[4 + (i % 4)]!;
  await timedUpload(v, id, txt, 'cv.txt');
}
const cpuPerTxt = (cpuMs(pid) - txtCpuStart) / UPLOADS;
const idleRssKb = statusKb(pid, 'VmRSS');
await first.server.stop();
fs.rmSync(first.dir, { recursive: true, force: true });
later.sort((a, b) => a - b);

// --- 3: the abuse mix -------------------------------------------------------------------------------
const abuse = await start();
const apid = abuse.server.child.pid!;
await readyAfter(abuse.server);
const until = performance.now() + ABUSE_SECONDS * 1000;
const bombs = { nested: nestedXObjectBomb(), pages: manyPagesPdf(), huge: hugeTextPdf() };
const bombStatuses: Record<string, number> = {};
const honest: Array<{ status: number; ms: number; code: string | null }> = [];
let peakKb = 0;
const sampler = setInterval(() => {
  try {
    peakKb = Math.max(peakKb, statusKb(apid, 'VmRSS'));
  } catch {
    // exited
  }
}, 200);

const attackers = Array.from({ length: 4 }, async (_, a) => {
  const v = visitor(abuse.server);
  const id = await interview(v);
  const kinds = Object.keys(bombs) as Array<keyof typeof bombs>;
  for (let round = 0; performance.now() < until; round++) {
    const kind = kinds[(a + round) % kinds.length]!;
    const r = await timedUpload(v, id, bombs[kind], `${kind}.pdf`);
    const key = `${kind} ${r.status} ${r.code ?? ''}`.trim();
    bombStatuses[key] = (bombStatuses[key] ?? 0) + 1;
    if (r.status === 429) await new Promise((resolve) => setTimeout(resolve, 1000));
  }
});

let slowOpened = 0;
let slowClosedByServer = 0;
const slowKeeper = (async () => {
  const floods: SlowFlood[] = [];
  while (performance.now() < until) {
    const open = floods.reduce((n, f) => n + f.sockets.filter((s) => !s.closed).length, 0);
    if (open < 300) {
      floods.push(await openSlowClients(abuse.server.port, 300 - open));
      slowOpened += 300 - open;
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  for (const f of floods) {
    slowClosedByServer += f.closedByServer().length;
    await f.leave();
  }
})();

const ordinary = Array.from({ length: 4 }, async () => {
  while (performance.now() < until) {
    const v = visitor(abuse.server);
    const id = await interview(v);
    honest.push(await timedUpload(v, id, cv));
    await v.get(`/session/${id}/upload`);
  }
});

await Promise.all([...attackers, slowKeeper, ...ordinary]);
clearInterval(sampler);
const hwmKb = statusKb(apid, 'VmHWM');
const afterKb = statusKb(apid, 'VmRSS');
await abuse.server.stop();
fs.rmSync(abuse.dir, { recursive: true, force: true });

const honestMs = honest.map((h) => h.ms).sort((a, b) => a - b);
const honestStatuses = honest.reduce<Record<string, number>>((acc, h) => {
  const key = h.code ? `${h.status} ${h.code}` : String(h.status);
  acc[key] = (acc[key] ?? 0) + 1;
  return acc;
}, {});
const peakMb = Math.max(peakKb, hwmKb) / 1024;
appendResults('Document uploads: warm parsing pool, work budget, abuse mix', `npm run bench -- documents${ABUSE_SECONDS !== 60 ? ` (ABUSE_SECONDS=${ABUSE_SECONDS})` : ''}`, [
  'Server: child process on 127.0.0.1 (`node --import tsx src/server.ts`), default configuration except TRUST_PROXY=true (each visitor its own X-Forwarded-For address) and LOG_LEVEL=warn; offline interviewer; client in the benchmark process; the two share the 2 cores.',
  '',
  '| measure | figure | target |',
  '|---|---|---|',
  `| /ready 200 after /health 200 (parsing threads loading pdf.js and mammoth, one warm-up parse each) | ${ms(readyMs)} ms | — |`,
  `| first upload of the 5 KB fixture PDF after /ready turned 200 | ${ms(firstUpload.ms)} ms (status ${firstUpload.status}) | as fast as the rest |`,
  `| later uploads of the same PDF (${UPLOADS}, one at a time): p50 / p90 / max | ${ms(quantile(later, 0.5))} / ${ms(quantile(later, 0.9))} / ${ms(later[later.length - 1]!)} ms | — |`,
  `| server CPU per PDF upload (whole process, parsing threads included) | ${ms(cpuPerUpload)} ms | ≤ 100 ms: ${cpuPerUpload <= 100 ? 'met' : '**missed**'} |`,
  `| server CPU per upload of the same CV as .txt (no parsing thread) | ${ms(cpuPerTxt)} ms | — |`,
  `| server RSS after those uploads | ${mb(idleRssKb)} MB | — |`,
  `| abuse mix, ${ABUSE_SECONDS} s: peak RSS (sampled every 200 ms, and VmHWM) | ${peakMb.toFixed(0)} MB (sampled ${mb(peakKb)}, VmHWM ${mb(hwmKb)}); ${mb(afterKb)} MB at the end | < 600 MB: ${peakMb < 600 ? 'met' : '**missed**'} |`,
  `| abuse mix: ordinary uploads (4 visitors at a time, each a new interview) | ${JSON.stringify(honestStatuses)}; p50 ${ms(quantile(honestMs, 0.5))} / p99 ${ms(quantile(honestMs, 0.99))} ms | all 303 |`,
  '',
  `Abuse mix: 4 attacker identities uploading the three bombs in turn (nested form XObjects ${bombs.nested.length} B, 40,000 pages ${(bombs.pages.length / 1048576).toFixed(1)} MB, a page of 5 M characters ${(bombs.huge.length / 1024).toFixed(0)} KB), statuses: ${JSON.stringify(bombStatuses)}; 300 slow-body sockets kept open (${slowOpened} opened, ${slowClosedByServer} cut by the server's deadlines).`,
  `Machine load average (1 min, all processes) at the end: ${os.loadavg()[0]!.toFixed(1)}.`,
]);
if (honest.some((h) => h.status !== 303) || peakMb >= 600) process.exitCode = 1;
