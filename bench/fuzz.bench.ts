/**
 * The large fuzz run (tests/support/fuzz.ts; the test suite runs a small one): thousands of
 * absurd requests on every POST route, mutated PDFs and DOCX files, random WebSocket frames —
 * then a full GC and a look at the heap. Then the hostile-client cases of issue 17 against a
 * listening app: slow-body, slow-header and idle sockets (all must be cut by the server's
 * deadlines or caps), and PDF bombs (nested form XObjects, 40,000 pages, huge text) uploaded
 * alongside real CVs (bombs: 422/429 with their code; CVs: 303), with heap and RSS measured.
 * Fails (exit 1) on any 5xx, hang, crash, a slow socket left open, a real upload refused, or
 * a heap that does not come back near its baseline.
 *
 *   npm run bench:fuzz            (≈ 3–5 minutes; FUZZ_CASES, FUZZ_SEED, FUZZ_SLOW, FUZZ_BOMBS to change)
 */
import { NO_RATE_LIMITS } from '../src/config.js';
import v8 from 'node:v8';
import vm from 'node:vm';
import { readFileSync } from 'node:fs';
import { fuzzApp } from '../tests/support/fuzz.js';
import { createTestApp, sessionIdFrom, Visitor } from '../tests/support/test-app.js';
import { openSlowClients } from '../tests/support/slow-clients.js';
import { hugeTextPdf, manyPagesPdf, nestedXObjectBomb } from '../tests/support/pdf-bombs.js';
import { testConfig } from '../src/config.js';
import { appendResults } from './results.js';

const CASES = Number(process.env.FUZZ_CASES ?? 4000);
const SEED = Number(process.env.FUZZ_SEED ?? 424242);
const WS = Number(process.env.FUZZ_WS ?? 150);
const SLOW = Number(process.env.FUZZ_SLOW ?? 200);
const BOMBS = Number(process.env.FUZZ_BOMBS ?? 60);
/** Heap growth (after GC) tolerated once the run is over. */
const HEAP_SLACK_MB = 16;

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;
const heap = () => {
  gc();
  gc();
  return process.memoryUsage();
};
const mb = (n: number) => (n / 1024 / 1024).toFixed(1);

const app = await createTestApp({
  rateLimits: NO_RATE_LIMITS,
  documentTimeoutMs: 3000,
});

// Warm-up run (different seed), so module loading and caches are in the baseline.
const warm = await fuzzApp(app, { seed: SEED + 1, httpCases: 200, wsConnections: 0, framesPerConnection: 0, caseTimeoutMs: 20_000, concurrency: 4 });
const before = heap();
const started = performance.now();
const report = await fuzzApp(app, {
  seed: SEED,
  httpCases: CASES,
  wsConnections: WS,
  framesPerConnection: 60,
  caseTimeoutMs: 20_000,
  concurrency: 4,
  progressEvery: 500,
  onProgress: (done) => console.log(`${done}/${CASES} requests, heap ${mb(process.memoryUsage().heapUsed)} MB`),
});
const seconds = (performance.now() - started) / 1000;
const after = heap();
await app.close();

const growth = (after.heapUsed - before.heapUsed) / 1024 / 1024;
const failures = [...warm.failures, ...report.failures];
const memoryOk = growth < HEAP_SLACK_MB;

// --- hostile clients (issue 17): slow sockets and PDF bombs against a listening app -------------
const hostile = await createTestApp({
  rateLimits: NO_RATE_LIMITS,
  documentWarmStart: true,
  // Short deadlines so the run ends soon; the caps (64 per address) are the defaults.
  connections: { ...testConfig().connections, headersTimeoutMs: 1000, requestTimeoutMs: 2000, keepAliveTimeoutMs: 1000 },
});
await hostile.listen({ host: '127.0.0.1', port: 0 });
while (!hostile.services.documentsReady().ready) await new Promise((r) => setTimeout(r, 20));
const port = (hostile.server.address() as { port: number }).port;
const hostileBefore = heap();
let peakRss = hostileBefore.rss;
const rssSampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 100);

const slowStarted = performance.now();
const slow = await Promise.all((['body', 'headers', 'idle'] as const).map((kind) => openSlowClients(port, SLOW, { kind })));
const slowSockets = slow.flatMap((f) => f.sockets);
const stillOpenAfterCap = slowSockets.filter((x) => !x.closed).length;
await Promise.race([Promise.all(slow.map((f) => f.allClosed())), new Promise((r) => setTimeout(r, 30_000))]);
const slowSeconds = (performance.now() - slowStarted) / 1000;
const slowLeftOpen = slowSockets.filter((x) => !x.closed).length;
const slow408 = slowSockets.filter((x) => x.received.startsWith('HTTP/1.1 408')).length;
const slowOther = slowSockets.filter((x) => x.received !== '' && !x.received.startsWith('HTTP/1.1 408')).length;
for (const f of slow) await f.leave();
if (slowLeftOpen > 0) failures.push(`${slowLeftOpen} slow sockets still open after 30 s`);
if (slowOther > 0) failures.push(`${slowOther} slow sockets got something other than 408`);

const cv = readFileSync(new URL('../tests/fixtures/cv-alex-morgan.pdf', import.meta.url));
const bombFiles = { nested: nestedXObjectBomb(), pages: manyPagesPdf(), huge: hugeTextPdf() };
const bombKinds = Object.keys(bombFiles) as Array<keyof typeof bombFiles>;
const bombStatuses: Record<string, number> = {};
const cvStatuses: Record<string, number> = {};
const count = (into: Record<string, number>, key: string) => (into[key] = (into[key] ?? 0) + 1);
async function interview(visitor: Visitor) {
  return sessionIdFrom((await visitor.post('/session/create', { job_title: 'Engineer', company_name: 'Acme' })).headers.location as string);
}
const bombStarted = performance.now();
const attackers = Array.from({ length: 4 }, async (_, a) => {
  const visitor = new Visitor(hostile, '203.0.113.7');
  const id = await interview(visitor);
  for (let i = a; i < BOMBS; i += 4) {
    const kind = bombKinds[i % bombKinds.length]!;
    const res = await visitor.upload(`/session/${id}/upload-cv`, {}, [{ field: 'cv_file', fileName: `${kind}.pdf`, content: bombFiles[kind] }]);
    count(bombStatuses, `${kind} ${res.statusCode} ${/data-code="([A-Z_]+)"/.exec(res.body)?.[1] ?? ''}`.trim());
    if (res.statusCode >= 500) failures.push(`bomb ${kind}: ${res.statusCode}`);
  }
});
const people = Array.from({ length: 3 }, async (_, p) => {
  for (let i = 0; i < BOMBS / 6; i++) {
    const visitor = new Visitor(hostile, `198.51.100.${p * 50 + i + 1}`);
    const id = await interview(visitor);
    const res = await visitor.upload(`/session/${id}/upload-cv`, {}, [{ field: 'cv_file', fileName: 'cv.pdf', content: cv }]);
    count(cvStatuses, String(res.statusCode));
    if (res.statusCode !== 303) failures.push(`a real CV upload got ${res.statusCode}`);
  }
});
await Promise.all([...attackers, ...people]);
const bombSeconds = (performance.now() - bombStarted) / 1000;
clearInterval(rssSampler);
const hostileAfter = heap();
await hostile.close();
const hostileGrowth = (hostileAfter.heapUsed - hostileBefore.heapUsed) / 1024 / 1024;
const hostileMemoryOk = hostileGrowth < HEAP_SLACK_MB;

appendResults('Fuzzing: every POST route, mutated documents, WebSocket frames, slow clients and PDF bombs', 'npm run bench:fuzz', [
  `Seed ${SEED}: ${report.httpCases} requests over ${report.routes.length} POST routes (+ page GETs), ${report.wsConnections} WebSocket connections with ${report.wsFrames} random frames, in ${seconds.toFixed(0)} s (4 in flight); in-process app (inject), offline interviewer.`,
  '',
  `- statuses: ${JSON.stringify(report.byStatus)}`,
  `- WebSocket endings (close code, or -HTTP status when the upgrade was refused): ${JSON.stringify(report.wsCloseCodes)}`,
  `- heap after GC: ${mb(before.heapUsed)} MB before → ${mb(after.heapUsed)} MB after (${growth >= 0 ? '+' : ''}${growth.toFixed(1)} MB; limit +${HEAP_SLACK_MB} MB: ${memoryOk ? 'ok' : '**exceeded**'}); RSS ${mb(before.rss)} → ${mb(after.rss)} MB`,
  '',
  `Hostile clients against the app listening on 127.0.0.1 (default caps: 64 connections per address; deadlines shortened to headers 1 s, request 2 s, keep-alive 1 s):`,
  '',
  `- slow clients: ${SLOW} slow-body + ${SLOW} slow-header + ${SLOW} idle sockets from one address; ${stillOpenAfterCap} not yet seen closed by the client once all had connected, ${slowLeftOpen} left open after ${slowSeconds.toFixed(1)} s; ${slow408} answered 408 before being closed (the ones the per-address cap let in), the rest closed on connection; ${slowOther} answered anything else`,
  `- PDF bombs: ${BOMBS} from 4 identities on one address (nested form XObjects ${bombFiles.nested.length} B, 40,000 pages ${(bombFiles.pages.length / 1048576).toFixed(1)} MB, a page of 5 M characters ${(bombFiles.huge.length / 1024).toFixed(0)} KB) alongside ${Object.values(cvStatuses).reduce((a, b) => a + b, 0)} real CV uploads from other addresses, in ${bombSeconds.toFixed(1)} s: bombs ${JSON.stringify(bombStatuses)}; CVs ${JSON.stringify(cvStatuses)}`,
  `- memory (the benchmark process holds the app and the clients): heap after GC ${mb(hostileBefore.heapUsed)} → ${mb(hostileAfter.heapUsed)} MB (${hostileGrowth >= 0 ? '+' : ''}${hostileGrowth.toFixed(1)} MB: ${hostileMemoryOk ? 'ok' : '**exceeded**'}); RSS ${mb(hostileBefore.rss)} MB before, peak ${mb(peakRss)} MB, ${mb(hostileAfter.rss)} MB after`,
  '',
  `- failures (5xx, hang > 20 s, 1011/1006, /health not 200, slow socket left open, real upload refused): ${failures.length}${failures.length ? ' — ' + failures.slice(0, 5).join('; ') : ''}`,
]);
if (failures.length > 0 || !memoryOk || !hostileMemoryOk) {
  console.error(failures.join('\n'));
  process.exit(1);
}
