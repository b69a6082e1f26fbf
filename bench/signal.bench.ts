/**
 * Voice answers: what the signal stream costs, and how many live recordings one process carries.
 *
 * 1. Time per 100 ms frame (3,200 bytes of PCM16) for the whole signal stream — PCM decoding,
 *    level, YIN pitch, voice activity, syllable nuclei, statistics, envelope — on speech,
 *    on speech with pauses, and on silence; and for the whole AudioSession (the above plus the
 *    live-metrics object sent 5 times a second). Target: < 0.5 ms median.
 * 2. Simultaneous streams: the app runs in a child process (one Node process, as in
 *    production) listening on 127.0.0.1; this process opens real WebSockets, each sending a
 *    100 ms frame every 100 ms (staggered), in steps of increasing count. For each step the
 *    server reports its event-loop delay (perf_hooks.monitorEventLoopDelay) over a steady
 *    window (the histogram's figures minus its 5 ms sampling period, i.e. the real lag), and the
 *    clients count the live-metrics replies. The figure is the largest count
 *    whose p99 delay stays under 20 ms with every stream served. Target: ≥ 200.
 *    Bounded: at most MAX_STREAMS streams and about two minutes. No transcriber (it runs in its
 *    own worker thread, off the frame path).
 *
 * Run: npm run bench -- signal
 */
import { NO_RATE_LIMITS } from '../src/config.js';
import { fork, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import WebSocket from 'ws';
import { AudioSession } from '../src/speech/audio-session.js';
import { SignalStream } from '../src/speech/signal-stream.js';
import { FRAME_BYTES } from '../src/speech/signal.js';
import { chunks, fixturePcm } from '../tests/support/audio.js';
import { appendResults, quantile } from './results.js';

const STEPS = (process.env.SIGNAL_BENCH_STEPS ?? '50,100,150,200,250,300,400,500,600,800,1000').split(',').map(Number);
const MAX_STREAMS = STEPS.at(-1)!;
const SETTLE_MS = 2_000;
const WINDOW_MS = 5_000;
const DELAY_LIMIT_MS = 20;
const TIME_BUDGET_MS = 150_000;
/** monitorEventLoopDelay samples with a timer of this period; its figures include the period, subtracted below. */
const RESOLUTION_MS = 5;
const delay = (ns: number) => Math.max(0, ns / 1e6 - RESOLUTION_MS);

// --------------------------------------------------------------------------------------------
// Server role (child process): the real app, plus event-loop measurement on request.
// --------------------------------------------------------------------------------------------
async function server() {
  const { buildApp } = await import('../src/app.js');
  const { testConfig } = await import('../src/config.js');
  const { Visitor } = await import('../tests/support/test-app.js');
  const { setUpSession } = await import('../tests/support/interview-driver.js');
  const app = await buildApp(
    testConfig({
      logLevel: 'silent',
      // The bench is every visitor at once from one address: per-address limits would stop it.
      rateLimits: NO_RATE_LIMITS,
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
        await visitor.post(`/session/${id}/voice-consent`, {}, { htmx: true }); // the socket needs it
        sessions.push({ id, cookie: visitor.cookieHeader! });
      }
      // Setting up a thousand interviews leaves garbage behind; start the measurements clean.
      (globalThis as { gc?: () => void }).gc?.();
      process.send!({ type: 'sessions', port, sessions });
    } else if (message.type === 'window-start') {
      histogram.reset();
      cpu = process.cpuUsage();
      windowStart = performance.now();
      process.send!({ type: 'window-started' });
    } else if (message.type === 'window-end') {
      const used = process.cpuUsage(cpu);
      const elapsed = performance.now() - windowStart;
      process.send!({
        type: 'window',
        p50: delay(histogram.percentile(50)),
        p99: delay(histogram.percentile(99)),
        max: delay(histogram.max),
        cpuPercent: ((used.user + used.system) / 1000 / elapsed) * 100,
        live: app.services.recordings.size,
        rssMb: process.memoryUsage().rss / 2 ** 20,
      });
    } else if (message.type === 'exit') {
      await app.close();
      process.exit(0);
    }
  });
  process.send!({ type: 'up' });
}

// --------------------------------------------------------------------------------------------
// Part 1: time per frame.
// --------------------------------------------------------------------------------------------
function timePerFrame(name: string, frames: Buffer[], make: () => { push(b: Buffer): unknown }, passes: number) {
  let target = make();
  for (let i = 0; i < 3; i++) for (const f of frames) target.push(f); // warm-up
  const samples: number[] = [];
  for (let p = 0; p < passes; p++) {
    target = make(); // a fresh recording each pass, as in real use
    for (const f of frames) {
      const t = process.hrtime.bigint();
      target.push(f);
      samples.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
  }
  samples.sort((a, b) => a - b);
  return `| ${name} | ${samples.length} | ${quantile(samples, 0.5).toFixed(3)} | ${quantile(samples, 0.99).toFixed(3)} | ${samples.at(-1)!.toFixed(3)} |`;
}

function frameBenchmarks(): string[] {
  const wholeFrames = (name: string) => chunks(fixturePcm(name)).filter((c) => c.length === FRAME_BYTES);
  const speech = wholeFrames('speech-normal.wav');
  const mixed = wholeFrames('speech-gap.wav');
  const silence = wholeFrames('silence.wav');
  return [
    '| input | frames | median ms | p99 ms | max ms |',
    '|---|---|---|---|---|',
    timePerFrame('SignalStream, continuous speech', speech, () => new SignalStream(), 100),
    timePerFrame('SignalStream, speech with a 3 s pause', mixed, () => new SignalStream(), 50),
    timePerFrame('SignalStream, digital silence', silence, () => new SignalStream(), 200),
    timePerFrame('AudioSession (+ live metrics), speech with pause', mixed, () => new AudioSession({ transcriber: null, emit: (e) => JSON.stringify(e) }), 50),
  ];
}

// --------------------------------------------------------------------------------------------
// Part 2: simultaneous streams.
// --------------------------------------------------------------------------------------------
interface Stream {
  ws: WebSocket;
  metrics: number;
  closedEarly: boolean;
}

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

async function concurrency(): Promise<string[]> {
  const child = fork(import.meta.filename, ['server'], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    // --expose-gc: one full collection after the set-up, so its garbage doesn't weigh on the windows.
    execArgv: [...process.execArgv, '--expose-gc', ...(process.env.SIGNAL_BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean)],
  });
  await new Promise<void>((resolve) => child.once('message', () => resolve()));
  const started = performance.now();
  const setupStart = performance.now();
  const { port, sessions } = await request<{ port: number; sessions: Array<{ id: string; cookie: string }> }>(child, { type: 'setup', count: MAX_STREAMS }, 'sessions');
  console.log(`set up ${sessions.length} interviews in ${((performance.now() - setupStart) / 1000).toFixed(1)} s`);

  const frames = chunks(fixturePcm('speech-gap.wav')).filter((c) => c.length === FRAME_BYTES);
  const streams: Stream[] = [];
  const rows: string[] = ['| streams | event-loop delay p50 ms | p99 ms | max ms | server CPU % | metrics replies / expected | RSS MB |', '|---|---|---|---|---|---|---|'];
  let best = 0;

  // One 10 ms tick sends the frames of a tenth of the streams: each stream every 100 ms, spread out.
  let tick = 0;
  let frameIndex = 0;
  const timer = setInterval(() => {
    const slot = tick++ % 10;
    if (slot === 0) frameIndex = (frameIndex + 1) % frames.length;
    for (let i = slot; i < streams.length; i += 10) {
      const s = streams[i]!;
      if (s.ws.readyState === WebSocket.OPEN) s.ws.send(frames[(frameIndex + i) % frames.length]!, { binary: true });
    }
  }, 10);

  async function open(count: number) {
    const opening: Array<Promise<void>> = [];
    while (streams.length < count) {
      const { id, cookie } = sessions[streams.length]!;
      const ws = new WebSocket(`ws://127.0.0.1:${port}/session/${id}/audio`, { headers: { cookie } });
      const stream: Stream = { ws, metrics: 0, closedEarly: false };
      streams.push(stream);
      ws.on('message', (data, isBinary) => {
        if (!isBinary && data.toString().startsWith('{"type":"metrics"')) stream.metrics++;
      });
      ws.on('close', () => (stream.closedEarly = true));
      ws.on('error', () => undefined);
      opening.push(new Promise((resolve) => ws.once('open', () => (ws.send('{"type":"start"}'), resolve()))));
    }
    await Promise.all(opening);
  }

  for (const count of STEPS) {
    if (performance.now() - started > TIME_BUDGET_MS) break;
    await open(count);
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    for (const s of streams) s.metrics = 0;
    await request(child, { type: 'window-start' }, 'window-started');
    await new Promise((r) => setTimeout(r, WINDOW_MS));
    const w = await request<{ p50: number; p99: number; max: number; cpuPercent: number; live: number; rssMb: number }>(child, { type: 'window-end' }, 'window');
    const received = streams.reduce((n, s) => n + s.metrics, 0);
    // 5 metrics messages per second of audio per stream.
    const expected = Math.round(count * (WINDOW_MS / 1000) * 5);
    const dropped = streams.filter((s) => s.closedEarly).length;
    const served = received >= expected * 0.95 && dropped === 0;
    const ok = w.p99 < DELAY_LIMIT_MS && served;
    if (ok) best = count;
    rows.push(
      `| ${count} | ${w.p50.toFixed(2)} | ${w.p99.toFixed(2)} | ${w.max.toFixed(2)} | ${w.cpuPercent.toFixed(0)} | ${received} / ${expected}${dropped ? ` (${dropped} closed)` : ''} | ${w.rssMb.toFixed(0)} |`,
    );
    console.log(rows.at(-1));
    if (!ok) break;
  }
  clearInterval(timer);
  for (const s of streams) s.ws.terminate();
  child.send({ type: 'exit' });
  await new Promise((r) => child.once('exit', r));
  return [
    ...rows,
    '',
    `**Largest count with event-loop delay p99 < ${DELAY_LIMIT_MS} ms and every stream served: ${best}${best === MAX_STREAMS ? ' (the most tried)' : ''}** ` +
      `(${os.cpus().length} cores; clients in a second process on the same machine; ${WINDOW_MS / 1000} s windows after ${SETTLE_MS / 1000} s to settle).`,
  ];
}

if (process.argv[2] === 'server') {
  await server();
} else if (process.env.SIGNAL_BENCH_STEPS) {
  console.log((await concurrency()).join('\n')); // exploring: no results appended
} else {
  const perFrame = frameBenchmarks();
  console.log(perFrame.join('\n'));
  const streams = await concurrency();
  appendResults('Voice answers: signal stream per frame, and simultaneous streams', 'npm run bench -- signal', [
    'Time per 100 ms frame (3,200 bytes PCM16, 16 kHz mono) for the whole signal stream, fixtures from tests/fixtures/audio:',
    '',
    ...perFrame,
    '',
    'Simultaneous 100 ms-framed WebSocket streams into one app process (real sockets to 127.0.0.1):',
    '',
    ...streams,
  ]);
}
