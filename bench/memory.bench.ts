/**
 * Memory per interview, measured in the server process (child, after a full GC each time):
 *
 * - idle: interviews created, CV and job description read, started, a question waiting —
 *   everything is in SQLite, so this is what the page cache and caches add per interview;
 * - active: an answer stored while the (hanging) remote model takes its turn and evaluates
 *   it — the page has been answered; the two AI calls and the step following them are held
 *   in memory;
 * - voice: a live recording streaming audio in real time (analysis state per recording).
 *
 *   npm run bench:memory          (≈ 1 minute)
 */
import { hang, startFakeAiServer } from '../tests/support/fake-ai-server.js';
import { appendResults } from './results.js';
import { createInterviews, mb, pool, startAudioStreams, startBenchServer, waitingQuestion, type Memory } from './support/harness.js';

const IDLE = 500;
const ACTIVE = 200;
const VOICE = 50;
const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const delta = (a: Memory, b: Memory, n: number) => ({ heap: (b.heapUsed - a.heapUsed) / n, external: (b.external - a.external) / n, rss: (b.rss - a.rss) / n });

const fake = await startFakeAiServer();
// A remote provider that hangs on turns and evaluations (first questions come normally): the
// interviewer's work after each answer stays in flight.
const server = await startBenchServer({
  AI_PROVIDERS: 'openai',
  OPENAI_BASE_URL: fake.openaiBaseUrl,
  OPENAI_MODEL: 'fake-model',
  AI_ATTEMPT_TIMEOUT_MS: '600000',
  AI_CALL_BUDGET_MS: '600000',
  AI_MAX_RETRIES: '0',
  AI_CONCURRENCY: String(2 * ACTIVE),
  LOG_LEVEL: 'warn',
});
const { url } = server;

// Warm up every code path once, then take the baseline.
await createInterviews(url, 20, { visitors: 10 });
const baseline = await server.memory();

const idle = await createInterviews(url, IDLE, { visitors: 50 });
const afterIdle = await server.memory();

// Active: one answer in flight per interview, each waiting on the model.
fake.setDefault('openai', (request) => (request.intent === 'evaluateAnswer' || request.intent === 'nextTurn' ? hang() : { kind: 'ok' }));
const active = idle.slice(0, ACTIVE);
const questions = await pool(active, 8, (iv) => waitingQuestion(iv));
const inFlight = active.map((iv, i) =>
  fetch(`${url}/session/${iv.id}/message`, {
    method: 'POST',
    headers: { cookie: iv.cookie, 'content-type': 'application/x-www-form-urlencoded', 'x-csrf-token': iv.token, 'hx-request': 'true' },
    body: new URLSearchParams({ answer: 'I led the migration and cut deploy time from 40 to 6 minutes.', question_id: questions[i]!.id }),
  }).then(
    (r) => r.status,
    () => 0,
  ),
);
const deadline = Date.now() + 30_000;
const turns = () => fake.requests.filter((r) => r.intent === 'nextTurn').length;
while ((turns() < ACTIVE || fake.requests.filter((r) => r.intent === 'evaluateAnswer').length < ACTIVE) && Date.now() < deadline) {
  await new Promise((r) => setTimeout(r, 50));
}
const hanging = turns();
const afterActive = await server.memory();

// Release them: the fake server drops the calls, the app falls back to the offline interviewer.
await fake.close();
const statuses = await Promise.all(inFlight);
const afterRelease = await server.memory();

// Voice: live recordings streaming in real time.
const voiceInterviews = await createInterviews(url, 60, { visitors: 20 });
const beforeVoice = await server.memory();
const streams = await startAudioStreams(url, voiceInterviews, VOICE);
await new Promise((r) => setTimeout(r, 10_000));
const withVoice = await server.memory();
await streams.stop();
await server.stop();

const perIdle = delta(baseline, afterIdle, IDLE);
const perActive = delta(afterIdle, afterActive, hanging);
const perVoice = delta(beforeVoice, withVoice, VOICE);
const answered = statuses.filter((s) => s === 200).length;
appendResults('Memory per interview (server process, after a full GC)', 'npm run bench:memory', [
  `Baseline after start-up and a warm-up: ${mb(baseline.heapUsed)} MB heap, ${mb(baseline.rss)} MB RSS.`,
  '',
  '| state | count | heap per interview | external (buffers) per interview | RSS per interview | heap / RSS after |',
  '|---|---|---|---|---|---|',
  `| idle (started, question waiting; all state in SQLite) | ${IDLE} | ${kb(perIdle.heap)} KB | ${kb(perIdle.external)} KB | ${kb(perIdle.rss)} KB | ${mb(afterIdle.heapUsed)} / ${mb(afterIdle.rss)} MB |`,
  `| active (answer stored, the model's turn and evaluation pending) | ${hanging} | ${kb(perActive.heap)} KB | ${kb(perActive.external)} KB | ${kb(perActive.rss)} KB | ${mb(afterActive.heapUsed)} / ${mb(afterActive.rss)} MB |`,
  `| live voice recording (real-time PCM, analysis, no transcription) | ${VOICE} | ${kb(perVoice.heap)} KB | ${kb(perVoice.external)} KB | ${kb(perVoice.rss)} KB | ${mb(withVoice.heapUsed)} / ${mb(withVoice.rss)} MB |`,
  '',
  `The ${ACTIVE} answers were acknowledged at once (${answered}/${ACTIVE} answered 200, the page following the interviewer). After the pending calls were released (fallback to the offline interviewer): ${mb(afterRelease.heapUsed)} MB heap, ${mb(afterRelease.rss)} MB RSS.`,
]);
