/**
 * HTTP throughput and latency with autocannon against the server in a child process on
 * 127.0.0.1 (offline interviewer, file database, JSON logs at info level to /dev/null):
 *
 * 1. the interview page (GET /session/:id/interview) at a fixed 500 req/s — target p99 < 10 ms —
 *    and flat out;
 * 2. the answer endpoint (POST /session/:id/message, as htmx sends it) flat out over many
 *    prepared interviews, so every request answers a real waiting question — target ≥ 1,000
 *    answers/s;
 * 3. both again while 50 voice recordings stream audio in real time over the WebSocket.
 *
 * Rate limits are off (they would answer 429 long before the machine is busy). Latencies are
 * measured per response by the client (autocannon's own histogram has 1 ms resolution).
 *
 *   npm run bench:http            (≈ 2–3 minutes)
 */
import os from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Request } from 'autocannon';
import { appendResults } from './results.js';
import {
  createInterviews,
  describeLoad,
  load,
  mb,
  ms,
  pacedLoad,
  PIN_CPUS,
  pool,
  startAudioStreams,
  startBenchServer,
  waitingQuestion,
  type Interview,
  type LoadResult,
} from './support/harness.js';

const ANSWER =
  'At Brightwave I owned our patient-records API, which had grown to a p99 latency of 900 ms. I profiled the Node.js services, found N+1 queries against PostgreSQL, added composite indexes and a Redis cache, and moved report generation to a worker. p99 dropped from 900 ms to 210 ms and both hospital clients renewed.';
const ANSWERS_PER_INTERVIEW = 8; // every interview has 8 main questions (follow-ups only add room)
const INTERVIEWS_PER_ANSWER_RUN = Number(process.env.BENCH_ANSWER_INTERVIEWS ?? 1200);

function pageRequests(interviews: Interview[]): Request[] {
  let k = 0;
  return [
    {
      method: 'GET',
      setupRequest: (request) => {
        const iv = interviews[k++ % interviews.length]!;
        return { ...request, path: `/session/${iv.id}/interview`, headers: { cookie: iv.cookie } };
      },
    },
  ];
}

function pagedRequest(interviews: Interview[]) {
  return (i: number) => {
    const iv = interviews[i % interviews.length]!;
    return { method: 'GET', path: `/session/${iv.id}/interview`, headers: { cookie: iv.cookie } };
  };
}

/**
 * Each answer names the question it answers (the form's question_id): the first one from the
 * page, each next one from the fragment the previous answer returned.
 */
function answerRequests(interviews: Interview[], questionIds: Map<string, string>): Request[] {
  let k = 0;
  return [
    {
      method: 'POST',
      setupRequest: (request, context: Record<string, unknown>) => {
        const iv = interviews[k++ % interviews.length]!;
        context.interview = iv.id;
        return {
          ...request,
          path: `/session/${iv.id}/message`,
          body: new URLSearchParams({ answer: ANSWER, question_id: questionIds.get(iv.id) ?? '' }).toString(),
          headers: { cookie: iv.cookie, 'content-type': 'application/x-www-form-urlencoded', 'x-csrf-token': iv.token, 'hx-request': 'true' },
        };
      },
      onResponse: (_status, body, context: Record<string, unknown>) => {
        const next = /name="question_id" value="([^"]+)"/.exec(body)?.[1];
        if (next) questionIds.set(context.interview as string, next);
      },
    },
  ];
}

async function answerRun(url: string, interviews: Interview[], connections: number): Promise<LoadResult> {
  const first = await pool(interviews, 8, async (iv) => [iv.id, (await waitingQuestion(iv))?.id ?? ''] as const);
  const questionIds = new Map(first);
  return load({ url, connections, amount: interviews.length * ANSWERS_PER_INTERVIEW, requests: answerRequests(interviews, questionIds), timeout: 30 });
}

const answersPerSecond = (r: LoadResult) => (r.statusCounts['200'] ?? 0) / r.result.duration;

const started = performance.now();
const loadAtStart = os.loadavg()[0]!;
const server = await startBenchServer();
const { url } = server;
console.log(`server up at ${url}; preparing interviews…`);
const idle = await server.memory();

const pageInterviews = await createInterviews(url, 40, { visitors: 20 });
const answerSetA = await createInterviews(url, INTERVIEWS_PER_ANSWER_RUN, { visitors: 40 });
const answerSetB = await createInterviews(url, INTERVIEWS_PER_ANSWER_RUN, { visitors: 40 });
const voiceInterviews = await createInterviews(url, 60, { visitors: 20 });
const warmUpInterviews = await createInterviews(url, 200, { visitors: 20 });
console.log(`prepared ${300 + 2 * INTERVIEWS_PER_ANSWER_RUN} interviews in ${((performance.now() - started) / 1000).toFixed(0)} s`);

// Warm-up: JIT, SQLite page cache, template cache — both endpoints.
await load({ url, connections: 10, duration: 5, requests: pageRequests(pageInterviews) });
await answerRun(url, warmUpInterviews, 16);

server.resetLoopDelay();
const clientLoop = monitorEventLoopDelay({ resolution: 1 });
clientLoop.enable();
const page500 = await pacedLoad({ url, rate: 500, durationS: 20, connections: 10, request: pagedRequest(pageInterviews) });
clientLoop.disable();
const page500Loop = await server.loopDelay();
console.log(`page @500 req/s (paced): ${describeLoad(page500)}; server ${JSON.stringify(page500Loop)}; client loop p99 ${ms(clientLoop.percentile(99) / 1e6)} max ${ms(clientLoop.max / 1e6)}`);
const page500Bursty = await load({ url, connections: 10, overallRate: 500, duration: 20, requests: pageRequests(pageInterviews) });
console.log(`page @500 req/s (autocannon overallRate): ${describeLoad(page500Bursty)}`);
const pageMax = await load({ url, connections: 10, duration: 10, requests: pageRequests(pageInterviews) });
console.log(`page flat out: ${describeLoad(pageMax)}`);
const answers = await answerRun(url, answerSetA, 16);
console.log(`answers: ${answersPerSecond(answers).toFixed(0)} answers/s — ${describeLoad(answers)}`);
const afterLoad = await server.memory();

// The same with 50 voice recordings streaming audio in real time.
const streams = await startAudioStreams(url, voiceInterviews, 50);
await new Promise((r) => setTimeout(r, 3000));
const withAudio = await server.memory();
server.resetLoopDelay();
const page500Audio = await pacedLoad({ url, rate: 500, durationS: 20, connections: 10, request: pagedRequest(pageInterviews) });
const page500AudioLoop = await server.loopDelay();
console.log(`page @500 req/s + 50 streams: ${describeLoad(page500Audio)}`);
const answersAudio = await answerRun(url, answerSetB, 16);
console.log(`answers + 50 streams: ${answersPerSecond(answersAudio).toFixed(0)} answers/s — ${describeLoad(answersAudio)}`);
const framesSent = streams.framesSent();
const codesBeforeStop = { ...streams.closeCodes() };
await streams.stop();
await server.stop();

const verdict = (ok: boolean) => (ok ? 'met' : '**missed**');
appendResults('HTTP: interview page and answer endpoint (autocannon)', 'npm run bench:http', [
  'Server: child process on 127.0.0.1, offline interviewer, SQLite file (WAL), JSON logs at `info` to /dev/null, rate limits off, TRANSCRIBER=none. Client: autocannon (and, for the steady-rate rows, a paced generator) in the benchmark process; the two processes share the 2 cores. Latency = client-measured per 2xx response.',
  '',
  '| run | req/s | p50 ms | p99 ms | p99.9 ms | max ms | statuses | target |',
  '|---|---|---|---|---|---|---|---|',
  `| GET interview page, steady 500 req/s (paced, 10 keep-alive connections), 20 s | ${page500.rps.toFixed(0)} | ${ms(page500.p50)} | ${ms(page500.p99)} | ${ms(page500.p999)} | ${ms(page500.max)} | ${JSON.stringify(page500.statusCounts)} | p99 < 10 ms: ${verdict(page500.p99 < 10)} |`,
  `| GET interview page, autocannon 10 connections + overallRate 500, 20 s (bursts: see note) | ${page500Bursty.rps.toFixed(0)} | ${ms(page500Bursty.p50)} | ${ms(page500Bursty.p99)} | ${ms(page500Bursty.p999)} | ${ms(page500Bursty.max)} | ${JSON.stringify(page500Bursty.statusCounts)} | p99 < 10 ms: ${verdict(page500Bursty.p99 < 10)} |`,
  `| GET interview page, 10 connections, flat out, 10 s | ${pageMax.rps.toFixed(0)} | ${ms(pageMax.p50)} | ${ms(pageMax.p99)} | ${ms(pageMax.p999)} | ${ms(pageMax.max)} | ${JSON.stringify(pageMax.statusCounts)} | — |`,
  `| POST answer (htmx), 16 connections, ${answerSetA.length} interviews × ${ANSWERS_PER_INTERVIEW} | ${answersPerSecond(answers).toFixed(0)} answers/s | ${ms(answers.p50)} | ${ms(answers.p99)} | ${ms(answers.p999)} | ${ms(answers.max)} | ${JSON.stringify(answers.statusCounts)} | ≥ 1,000 answers/s: ${verdict(answersPerSecond(answers) >= 1000)} |`,
  `| GET interview page, steady 500 req/s (paced) **+ 50 live audio streams** | ${page500Audio.rps.toFixed(0)} | ${ms(page500Audio.p50)} | ${ms(page500Audio.p99)} | ${ms(page500Audio.p999)} | ${ms(page500Audio.max)} | ${JSON.stringify(page500Audio.statusCounts)} | p99 < 10 ms: ${verdict(page500Audio.p99 < 10)} |`,
  `| POST answer **+ 50 live audio streams** | ${answersPerSecond(answersAudio).toFixed(0)} answers/s | ${ms(answersAudio.p50)} | ${ms(answersAudio.p99)} | ${ms(answersAudio.p999)} | ${ms(answersAudio.max)} | ${JSON.stringify(answersAudio.statusCounts)} | ≥ 1,000 answers/s: ${verdict(answersPerSecond(answersAudio) >= 1000)} |`,
  '',
  'Note: autocannon\'s `overallRate` is not a steady rate — each connection sends flat out until it has used its share of the current second, then waits — so its "500 req/s" latencies are those of 10 concurrent requests at full speed. The paced rows send one request every 2 ms (open loop, latency counted from when each request was due).',
  `Audio: 50 WebSocket recordings, one 100 ms PCM frame (3,200 bytes) every 100 ms each (speech fixture, VAD/pitch/pace analysis on the server, no transcription); ${framesSent} frames sent; sockets closed before the stop: ${JSON.stringify(codesBeforeStop)}.`,
  `Server side of the paced page runs — time per response (Fastify's elapsedTime, received → sent): without audio p50 ${ms(page500Loop.server.p50)} / p99 ${ms(page500Loop.server.p99)} / max ${ms(page500Loop.server.max)} ms, with 50 streams p50 ${ms(page500AudioLoop.server.p50)} / p99 ${ms(page500AudioLoop.server.p99)} / max ${ms(page500AudioLoop.server.max)} ms; event-loop delay p99 ${ms(page500Loop.p99)} / max ${ms(page500Loop.max)} ms, with streams p99 ${ms(page500AudioLoop.p99)} / max ${ms(page500AudioLoop.max)} ms.`,
  `Load generator's own event-loop delay during the paced run without audio: p99 ${ms(clientLoop.percentile(99) / 1e6)} / max ${ms(clientLoop.max / 1e6)} ms (its stalls count as latency, since each request is timed from when it was due).`,
  `CPU pinning: ${PIN_CPUS ? 'server on CPU 0, load generator on CPU 1 (taskset)' : 'none'}.`,
  `Machine load average (1 min, all processes): ${loadAtStart.toFixed(1)} at the start, ${os.loadavg()[0]!.toFixed(1)} at the end.`,
  `Server memory after GC: idle ${mb(idle.heapUsed)} MB heap / ${mb(idle.rss)} MB RSS; after the page and answer runs ${mb(afterLoad.heapUsed)} / ${mb(afterLoad.rss)} MB; with 50 streams ${mb(withAudio.heapUsed)} / ${mb(withAudio.rss)} MB.`,
]);
