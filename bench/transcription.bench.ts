/**
 * Voice answers with a remote transcriber: does transcription stall the event loop?
 *
 * The app runs in a child process (one Node process, as in production) on 127.0.0.1 with
 * TRANSCRIBER=openai pointed at a fake speech server (tests/support/fake-speech-server.ts, in
 * this process) that answers every utterance after 500 ms. This process opens 50 real
 * WebSockets, each sending a 100 ms frame of speech-gap.wav every 100 ms (looped: a sentence,
 * 3 s of silence, a sentence — two utterances per 8.8 s per stream, so about 11 requests a
 * second in all, ~6 in flight). The same load runs first with no transcriber, as the baseline.
 * For each run the server reports its event-loop delay (perf_hooks.monitorEventLoopDelay, its
 * 5 ms sampling period subtracted) over a 15 s window after 5 s to settle; the clients count
 * live-metrics messages and captions. Target: p99 < 20 ms with the remote transcriber.
 *
 * Run: npm run bench -- transcription   (about a minute; appends to bench/RESULTS.md)
 */
import { fork, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import WebSocket from 'ws';
import { FRAME_BYTES } from '../src/speech/signal.js';
import { chunks, fixturePcm } from '../tests/support/audio.js';
import { startFakeSpeechServer } from '../tests/support/fake-speech-server.js';
import { appendResults } from './results.js';

const STREAMS = Number(process.env.TRANSCRIPTION_BENCH_STREAMS ?? 50);
const LATENCY_MS = 500;
const SETTLE_MS = 5_000;
const WINDOW_MS = 15_000;
const DELAY_LIMIT_MS = 20;
const RESOLUTION_MS = 5;
const delay = (ns: number) => Math.max(0, ns / 1e6 - RESOLUTION_MS);

// --- server role (child process) -----------------------------------------------------------------
async function server(mode: string, speechUrl: string) {
  const { buildApp } = await import('../src/app.js');
  const { testConfig, NO_RATE_LIMITS } = await import('../src/config.js');
  const { Visitor } = await import('../tests/support/test-app.js');
  const { setUpSession } = await import('../tests/support/interview-driver.js');
  const base = testConfig();
  const app = await buildApp(
    testConfig({
      logLevel: 'silent',
      rateLimits: NO_RATE_LIMITS,
      speech:
        mode === 'remote'
          ? {
              ...base.speech,
              transcriber: 'openai',
              transcriberChoice: 'TRANSCRIBER=openai',
              remoteOpenAi: { baseUrl: `${speechUrl}/v1`, model: 'whisper-1', apiKey: 'sk-bench', apiKeyVariable: 'TRANSCRIBE_API_KEY' },
            }
          : base.speech,
    }),
  );
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  histogram.enable();
  let cpu = process.cpuUsage();
  let windowStart = performance.now();
  process.on('message', async (message: { type: string; count?: number }) => {
    if (message.type === 'setup') {
      const sessions: Array<{ id: string; cookie: string }> = [];
      for (let i = 0; i < message.count!; i++) {
        const visitor = new Visitor(app);
        const id = await setUpSession(visitor, { cv: 'cv-alex-morgan.txt' });
        await visitor.post(`/session/${id}/start`);
        await visitor.post(`/session/${id}/voice-consent`, {}, { htmx: true });
        sessions.push({ id, cookie: visitor.cookieHeader! });
      }
      (globalThis as { gc?: () => void }).gc?.();
      process.send!({ type: 'sessions', port, sessions });
    } else if (message.type === 'window-start') {
      histogram.reset();
      cpu = process.cpuUsage();
      windowStart = performance.now();
      process.send!({ type: 'window-started' });
    } else if (message.type === 'window-end') {
      const used = process.cpuUsage(cpu);
      process.send!({
        type: 'window',
        p50: delay(histogram.percentile(50)),
        p99: delay(histogram.percentile(99)),
        max: delay(histogram.max),
        cpuPercent: ((used.user + used.system) / 1000 / (performance.now() - windowStart)) * 100,
      });
    } else if (message.type === 'exit') {
      await app.close();
      process.exit(0);
    }
  });
  process.send!({ type: 'up' });
}

// --- client role -----------------------------------------------------------------------------------
function request<T>(child: ChildProcess, message: object, reply: string): Promise<T> {
  return new Promise((resolve) => {
    const on = (m: { type: string }) => {
      if (m.type === reply) {
        child.off('message', on);
        resolve(m as T);
      }
    };
    child.on('message', on);
    child.send(message);
  });
}

interface Run {
  mode: string;
  p50: number;
  p99: number;
  max: number;
  cpuPercent: number;
  metrics: number;
  expectedMetrics: number;
  captions: number;
  notices: number;
  requests: number;
  closed: number;
}

async function run(mode: 'none' | 'remote', speechUrl: string, speechRequests: () => number): Promise<Run> {
  const child = fork(import.meta.filename, ['server', mode, speechUrl], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], execArgv: [...process.execArgv, '--expose-gc'] });
  await new Promise<void>((resolve) => child.once('message', () => resolve()));
  const { port, sessions } = await request<{ port: number; sessions: Array<{ id: string; cookie: string }> }>(child, { type: 'setup', count: STREAMS }, 'sessions');
  const frames = chunks(fixturePcm('speech-gap.wav')).filter((c) => c.length === FRAME_BYTES);
  const counts = { metrics: 0, captions: 0, notices: 0, closed: 0 };
  const sockets = await Promise.all(
    sessions.map(
      ({ id, cookie }) =>
        new Promise<WebSocket>((resolve, reject) => {
          const ws = new WebSocket(`ws://127.0.0.1:${port}/session/${id}/audio`, { headers: { cookie } });
          ws.on('message', (data, isBinary) => {
            if (isBinary) return;
            const text = data.toString();
            if (text.startsWith('{"type":"metrics"')) counts.metrics++;
            else if (text.startsWith('{"type":"transcript"')) counts.captions++;
            else if (text.startsWith('{"type":"notice"')) counts.notices++;
          });
          ws.on('close', () => counts.closed++);
          ws.once('error', reject);
          ws.once('open', () => {
            ws.send('{"type":"start"}');
            resolve(ws);
          });
        }),
    ),
  );
  // One 10 ms tick sends the frames of a tenth of the streams: each stream every 100 ms, spread
  // out, each at its own place in the fixture so utterances end at different moments.
  let tick = 0;
  const position = sockets.map((_, i) => Math.floor((i * frames.length) / sockets.length));
  const timer = setInterval(() => {
    const slot = tick++ % 10;
    for (let i = slot; i < sockets.length; i += 10) {
      const ws = sockets[i]!;
      if (ws.readyState !== WebSocket.OPEN) continue;
      ws.send(frames[position[i]! % frames.length]!, { binary: true });
      position[i]!++;
    }
  }, 10);
  await new Promise((r) => setTimeout(r, SETTLE_MS));
  counts.metrics = counts.captions = counts.notices = 0;
  const requestsBefore = speechRequests();
  await request(child, { type: 'window-start' }, 'window-started');
  await new Promise((r) => setTimeout(r, WINDOW_MS));
  const w = await request<{ p50: number; p99: number; max: number; cpuPercent: number }>(child, { type: 'window-end' }, 'window');
  const result: Run = {
    mode,
    ...w,
    metrics: counts.metrics,
    expectedMetrics: Math.round(STREAMS * (WINDOW_MS / 1000) * 5),
    captions: counts.captions,
    notices: counts.notices,
    requests: speechRequests() - requestsBefore,
    closed: counts.closed,
  };
  clearInterval(timer);
  for (const ws of sockets) ws.terminate();
  child.send({ type: 'exit' });
  await new Promise((r) => child.once('exit', r));
  return result;
}

if (process.argv[2] === 'server') {
  await server(process.argv[3]!, process.argv[4]!);
} else {
  const speech = await startFakeSpeechServer();
  speech.setLatency('openai', LATENCY_MS);
  speech.setTexts('openai', Array.from({ length: 100_000 }, () => 'I led a team of four engineers.'));
  const runs: Run[] = [];
  for (const mode of ['none', 'remote'] as const) {
    const r = await run(mode, speech.url, () => speech.requestsFor('openai').length);
    console.log(r);
    runs.push(r);
  }
  await speech.close();
  const remote = runs.find((r) => r.mode === 'remote')!;
  const met = remote.p99 < DELAY_LIMIT_MS && remote.notices === 0 && remote.closed === 0;
  appendResults('Voice answers: remote transcription and the event loop', 'npm run bench -- transcription', [
    `${STREAMS} WebSocket recordings into one app process (real sockets to 127.0.0.1), each a 100 ms frame of speech-gap.wav every 100 ms (looped: two utterances per 8.8 s). ` +
      `Remote transcriber: the app's OpenAI-compatible client (openai SDK, multipart WAV per utterance) → a fake speech server answering in ${LATENCY_MS} ms. ` +
      `${WINDOW_MS / 1000} s window after ${SETTLE_MS / 1000} s to settle; event-loop delay from monitorEventLoopDelay minus its ${RESOLUTION_MS} ms sampling period.`,
    '',
    '| transcriber | event-loop delay p50 ms | p99 ms | max ms | server CPU % | metrics messages / expected | captions | transcription requests | notices | sockets closed |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...runs.map(
      (r) =>
        `| ${r.mode === 'remote' ? `remote, ${LATENCY_MS} ms per utterance` : 'none (baseline)'} | ${r.p50.toFixed(2)} | ${r.p99.toFixed(2)} | ${r.max.toFixed(2)} | ${r.cpuPercent.toFixed(0)} | ${r.metrics} / ${r.expectedMetrics} | ${r.captions} | ${r.requests} | ${r.notices} | ${r.closed} |`,
    ),
    '',
    `**Target p99 < ${DELAY_LIMIT_MS} ms with the remote transcriber: ${met ? 'met' : '**missed**'}** (${remote.p99.toFixed(2)} ms; ${os.cpus().length} cores; clients and the fake speech server share the second process; machine load average ${os.loadavg()[0]!.toFixed(1)} at the end).`,
  ]);
}
