/**
 * The large fuzz run (tests/support/fuzz.ts; the test suite runs a small one): thousands of
 * absurd requests on every POST route, mutated PDFs and DOCX files, random WebSocket frames —
 * then a full GC and a look at the heap. Fails (exit 1) on any 5xx, hang, crash, or a heap
 * that does not come back near its baseline.
 *
 *   npm run bench:fuzz            (≈ 3–5 minutes; FUZZ_CASES, FUZZ_SEED to change)
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import { fuzzApp } from '../tests/support/fuzz.js';
import { createTestApp } from '../tests/support/test-app.js';
import { appendResults } from './results.js';

const CASES = Number(process.env.FUZZ_CASES ?? 4000);
const SEED = Number(process.env.FUZZ_SEED ?? 424242);
const WS = Number(process.env.FUZZ_WS ?? 150);
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
  rateLimits: { signInPer15Min: 0, uploadsPerMinute: 0, interviewPerMinute: 0, createPerHour: 0, retryPerMinute: 0 },
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
appendResults('Fuzzing: every POST route, mutated documents, WebSocket frames', 'npm run bench:fuzz', [
  `Seed ${SEED}: ${report.httpCases} requests over ${report.routes.length} POST routes (+ page GETs), ${report.wsConnections} WebSocket connections with ${report.wsFrames} random frames, in ${seconds.toFixed(0)} s (4 in flight); in-process app (inject), offline interviewer.`,
  '',
  `- statuses: ${JSON.stringify(report.byStatus)}`,
  `- WebSocket endings (close code, or -HTTP status when the upgrade was refused): ${JSON.stringify(report.wsCloseCodes)}`,
  `- failures (5xx, hang > 20 s, 1011/1006, /health not 200): ${failures.length}${failures.length ? ' — ' + failures.slice(0, 5).join('; ') : ''}`,
  `- heap after GC: ${mb(before.heapUsed)} MB before → ${mb(after.heapUsed)} MB after (${growth >= 0 ? '+' : ''}${growth.toFixed(1)} MB; limit +${HEAP_SLACK_MB} MB: ${memoryOk ? 'ok' : '**exceeded**'}); RSS ${mb(before.rss)} → ${mb(after.rss)} MB`,
]);
if (failures.length > 0 || !memoryOk) {
  console.error(failures.join('\n'));
  process.exit(1);
}
