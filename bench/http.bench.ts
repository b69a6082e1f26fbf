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
 *   npm run bench:http            (≈ 2–3 minutes; SQLite, one instance)
 *   BENCH_DATABASE=postgres npm run bench:http                     (one instance on Postgres)
 *   BENCH_DATABASE=postgres BENCH_INSTANCES=2 npm run bench:http   (two, round-robin)
 *   BENCH_SHORT=1 …               (a quick check that it runs: short runs, nothing recorded)
 *
 * Where Postgres and Redis come from: bench/support/cluster.ts.
 */
import os from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Request } from 'autocannon';
import { appendResults, printResults } from './results.js';
import {
  createInterviews,
  describeLoad,
  mb,
  ms,
  pacedLoad,
  PIN_CPUS,
  pool,
  loadAcross,
  startAudioStreams,
  waitingQuestion,
  type Interview,
  type LoadResult,
} from './support/harness.js';
import { startBenchCluster } from './support/cluster.js';

/** A quick check that the benchmark runs (e.g. after changing it): short runs, nothing appended to RESULTS.md. */
const SHORT = process.env.BENCH_SHORT === '1';
const seconds = (full: number) => (SHORT ? Math.min(full, 3) : full);

const ANSWER =
  'At Brightwave I owned our patient-records API, which had grown to a p99 latency of 900 ms. I profiled the Node.js services, found N+1 queries against PostgreSQL, added composite indexes and a Redis cache, and moved report generation to a worker. p99 dropped from 900 ms to 210 ms and both hospital clients renewed.';
const ANSWERS_PER_INTERVIEW = 8; // every interview has 8 main questions (follow-ups only add room)
const INTERVIEWS_PER_ANSWER_RUN = Number(process.env.BENCH_ANSWER_INTERVIEWS ?? (SHORT ? 60 : 1200));

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

async function answerRun(urls: readonly string[], interviews: Interview[], connections: number): Promise<LoadResult> {
  const first = await pool(interviews, 8, async (iv) => [iv.id, (await waitingQuestion(iv))?.id ?? ''] as const);
  const questionIds = new Map(first);
  return loadAcross(urls, { connections, amount: interviews.length * ANSWERS_PER_INTERVIEW, requests: answerRequests(interviews, questionIds), timeout: 30 });
}

const answersPerSecond = (r: LoadResult) => (r.statusCounts['200'] ?? 0) / r.result.duration;

const started = performance.now();
const loadAtStart = os.loadavg()[0]!;
const cluster = await startBenchCluster();
const { urls, servers } = cluster;
console.log(`${cluster.description}: up at ${urls.join(', ')}; preparing interviews…`);
/** Each instance's figures, side by side. */
const eachServer = <T>(read: (server: (typeof servers)[number]) => Promise<T>) => Promise.all(servers.map(read));
const perInstance = (values: string[]) => (values.length === 1 ? values[0]! : values.map((v, i) => `instance ${i + 1}: ${v}`).join('; '));
const memoryText = (m: Awaited<ReturnType<(typeof servers)[number]['memory']>>[]) => perInstance(m.map((x) => `${mb(x.heapUsed)} MB heap / ${mb(x.rss)} MB RSS`));
const idle = await eachServer((s) => s.memory());

const pageInterviews = await createInterviews(urls, 40, { visitors: 20 });
const answerSetA = await createInterviews(urls, INTERVIEWS_PER_ANSWER_RUN, { visitors: 40 });
const answerSetB = await createInterviews(urls, INTERVIEWS_PER_ANSWER_RUN, { visitors: 40 });
const voiceInterviews = await createInterviews(urls, 60, { visitors: 20 });
const warmUpInterviews = await createInterviews(urls, SHORT ? 40 : 200, { visitors: 20 });
console.log(`prepared ${pageInterviews.length + voiceInterviews.length + warmUpInterviews.length + 2 * INTERVIEWS_PER_ANSWER_RUN} interviews in ${((performance.now() - started) / 1000).toFixed(0)} s`);

// Warm-up: JIT, database page cache, template cache — both endpoints.
await loadAcross(urls, { connections: 10, duration: seconds(5), requests: pageRequests(pageInterviews) });
await answerRun(urls, warmUpInterviews, 16);

servers.forEach((s) => s.resetLoopDelay());
const clientLoop = monitorEventLoopDelay({ resolution: 1 });
clientLoop.enable();
const page500 = await pacedLoad({ url: urls, rate: 500, durationS: seconds(20), connections: 10, request: pagedRequest(pageInterviews) });
clientLoop.disable();
const page500Loops = await eachServer((s) => s.loopDelay());
console.log(`page @500 req/s (paced): ${describeLoad(page500)}; server ${JSON.stringify(page500Loops)}; client loop p99 ${ms(clientLoop.percentile(99) / 1e6)} max ${ms(clientLoop.max / 1e6)}`);
const page500Bursty = await loadAcross(urls, { connections: 10, overallRate: 500, duration: seconds(20), requests: pageRequests(pageInterviews) });
console.log(`page @500 req/s (autocannon overallRate): ${describeLoad(page500Bursty)}`);
const pageMax = await loadAcross(urls, { connections: 10, duration: seconds(10), requests: pageRequests(pageInterviews) });
console.log(`page flat out: ${describeLoad(pageMax)}`);
const answers = await answerRun(urls, answerSetA, 16);
console.log(`answers: ${answersPerSecond(answers).toFixed(0)} answers/s — ${describeLoad(answers)}`);
const afterLoad = await eachServer((s) => s.memory());

// The same with 50 voice recordings streaming audio in real time.
const streams = await startAudioStreams(urls, voiceInterviews, 50);
await new Promise((r) => setTimeout(r, 3000));
const withAudio = await eachServer((s) => s.memory());
servers.forEach((s) => s.resetLoopDelay());
const page500Audio = await pacedLoad({ url: urls, rate: 500, durationS: seconds(20), connections: 10, request: pagedRequest(pageInterviews) });
const page500AudioLoops = await eachServer((s) => s.loopDelay());
console.log(`page @500 req/s + 50 streams: ${describeLoad(page500Audio)}`);
const answersAudio = await answerRun(urls, answerSetB, 16);
console.log(`answers + 50 streams: ${answersPerSecond(answersAudio).toFixed(0)} answers/s — ${describeLoad(answersAudio)}`);
const framesSent = streams.framesSent();
const codesBeforeStop = { ...streams.closeCodes() };
await streams.stop();
await cluster.stop();

const serverSide = (loops: typeof page500Loops) => perInstance(loops.map((l) => `p50 ${ms(l.server.p50)} / p99 ${ms(l.server.p99)} / max ${ms(l.server.max)} ms`));
const loopSide = (loops: typeof page500Loops) => perInstance(loops.map((l) => `p99 ${ms(l.p99)} / max ${ms(l.max)} ms`));
const verdict = (ok: boolean) => (ok ? 'met' : '**missed**');
const command = [
  cluster.database === 'postgres' ? 'BENCH_DATABASE=postgres' : '',
  servers.length > 1 ? `BENCH_INSTANCES=${servers.length}` : '',
  'npm run bench:http',
].filter(Boolean).join(' ');
const title = `HTTP: interview page and answer endpoint (autocannon)${cluster.database === 'postgres' ? ` — Postgres, ${servers.length} instance${servers.length > 1 ? 's' : ''}` : ''}`;
(SHORT ? printResults : appendResults)(title, command, [
  `Server: ${servers.length > 1 ? `${servers.length} child processes` : 'child process'} on 127.0.0.1, offline interviewer, ${cluster.description}, JSON logs at \`info\` to /dev/null, rate limits off, TRANSCRIBER=none. Client: autocannon (and, for the steady-rate rows, a paced generator) in the benchmark process${servers.length > 1 ? ', spreading its connections over the instances round-robin' : ''}; all processes share the machine's cores. Latency = client-measured per 2xx response.`,
  '',
  '| run | req/s | p50 ms | p99 ms | p99.9 ms | max ms | statuses | target |',
  '|---|---|---|---|---|---|---|---|',
  `| GET interview page, steady 500 req/s (paced, 10 keep-alive connections), ${seconds(20)} s | ${page500.rps.toFixed(0)} | ${ms(page500.p50)} | ${ms(page500.p99)} | ${ms(page500.p999)} | ${ms(page500.max)} | ${JSON.stringify(page500.statusCounts)} | p99 < 10 ms: ${verdict(page500.p99 < 10)} |`,
  `| GET interview page, autocannon 10 connections + overallRate 500, ${seconds(20)} s (bursts: see note) | ${page500Bursty.rps.toFixed(0)} | ${ms(page500Bursty.p50)} | ${ms(page500Bursty.p99)} | ${ms(page500Bursty.p999)} | ${ms(page500Bursty.max)} | ${JSON.stringify(page500Bursty.statusCounts)} | p99 < 10 ms: ${verdict(page500Bursty.p99 < 10)} |`,
  `| GET interview page, 10 connections, flat out, ${seconds(10)} s | ${pageMax.rps.toFixed(0)} | ${ms(pageMax.p50)} | ${ms(pageMax.p99)} | ${ms(pageMax.p999)} | ${ms(pageMax.max)} | ${JSON.stringify(pageMax.statusCounts)} | — |`,
  `| POST answer (htmx), 16 connections, ${answerSetA.length} interviews × ${ANSWERS_PER_INTERVIEW} | ${answersPerSecond(answers).toFixed(0)} answers/s | ${ms(answers.p50)} | ${ms(answers.p99)} | ${ms(answers.p999)} | ${ms(answers.max)} | ${JSON.stringify(answers.statusCounts)} | ≥ 1,000 answers/s: ${verdict(answersPerSecond(answers) >= 1000)} |`,
  `| GET interview page, steady 500 req/s (paced) **+ 50 live audio streams** | ${page500Audio.rps.toFixed(0)} | ${ms(page500Audio.p50)} | ${ms(page500Audio.p99)} | ${ms(page500Audio.p999)} | ${ms(page500Audio.max)} | ${JSON.stringify(page500Audio.statusCounts)} | p99 < 10 ms: ${verdict(page500Audio.p99 < 10)} |`,
  `| POST answer **+ 50 live audio streams** | ${answersPerSecond(answersAudio).toFixed(0)} answers/s | ${ms(answersAudio.p50)} | ${ms(answersAudio.p99)} | ${ms(answersAudio.p999)} | ${ms(answersAudio.max)} | ${JSON.stringify(answersAudio.statusCounts)} | ≥ 1,000 answers/s: ${verdict(answersPerSecond(answersAudio) >= 1000)} |`,
  '',
  'Note: autocannon\'s `overallRate` is not a steady rate — each connection sends flat out until it has used its share of the current second, then waits — so its "500 req/s" latencies are those of 10 concurrent requests at full speed. The paced rows send one request every 2 ms (open loop, latency counted from when each request was due).',
  `Audio: 50 WebSocket recordings, one 100 ms PCM frame (3,200 bytes) every 100 ms each (speech fixture, VAD/pitch/pace analysis on the server, no transcription); ${framesSent} frames sent; sockets closed before the stop: ${JSON.stringify(codesBeforeStop)}.`,
  `Server side of the paced page runs — time per response (Fastify's elapsedTime, received → sent): without audio ${serverSide(page500Loops)}, with 50 streams ${serverSide(page500AudioLoops)}; event-loop delay ${loopSide(page500Loops)}, with streams ${loopSide(page500AudioLoops)}.`,
  `Load generator's own event-loop delay during the paced run without audio: p99 ${ms(clientLoop.percentile(99) / 1e6)} / max ${ms(clientLoop.max / 1e6)} ms (its stalls count as latency, since each request is timed from when it was due).`,
  `CPU pinning: ${PIN_CPUS ? 'server on CPU 0, load generator on CPU 1 (taskset)' : 'none'}.`,
  `Machine load average (1 min, all processes): ${loadAtStart.toFixed(1)} at the start, ${os.loadavg()[0]!.toFixed(1)} at the end.`,
  `Server memory after GC: idle ${memoryText(idle)}; after the page and answer runs ${memoryText(afterLoad)}; with 50 streams ${memoryText(withAudio)}.`,
]);
