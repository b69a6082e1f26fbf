/**
 * The server for benchmarks: exactly what src/server.ts does — configuration from the
 * environment, buildApp, listen — in a child process started with --expose-gc and an IPC
 * channel, so the benchmark can ask for the server's memory after a full garbage collection
 * (message "memory" → reply { type: 'memory', heapUsed, rss, external, arrayBuffers }).
 * Benchmark-only: the production entry has no such channel.
 */
import { createHistogram, monitorEventLoopDelay } from 'node:perf_hooks';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { gracefulClose } from '../../src/operations.js';

const config = loadConfig();
const app = await buildApp(config);
// Server-side time per response (Fastify's elapsedTime: request received → response sent).
const serverTime = createHistogram();
app.addHook('onResponse', async (_request, reply) => {
  serverTime.record(Math.max(1, Math.round(reply.elapsedTime * 1000))); // µs
});
await app.listen({ host: config.host, port: config.port });
process.send?.({ type: 'listening', port: config.port });

// Event-loop delay, so a benchmark can tell server stalls from client ones ("eld-reset" / "eld").
const loopDelay = monitorEventLoopDelay({ resolution: 1 });
loopDelay.enable();

process.on('message', (message: { type?: string }) => {
  if (message?.type === 'eld-reset') {
    loopDelay.reset();
    serverTime.reset();
    return;
  }
  if (message?.type === 'eld') {
    const ms = (ns: number) => ns / 1e6;
    const us = (n: number) => n / 1e3;
    process.send?.({
      type: 'eld',
      p50: ms(loopDelay.percentile(50)),
      p99: ms(loopDelay.percentile(99)),
      max: ms(loopDelay.max),
      mean: ms(loopDelay.mean),
      server: { p50: us(serverTime.percentile(50)), p99: us(serverTime.percentile(99)), max: us(serverTime.max), count: serverTime.count },
    });
    return;
  }
  if (message?.type !== 'memory') return;
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
  const m = process.memoryUsage();
  process.send?.({ type: 'memory', gc: Boolean(gc), heapUsed: m.heapUsed, rss: m.rss, external: m.external, arrayBuffers: m.arrayBuffers });
});

process.once('SIGTERM', () => {
  gracefulClose(app).then(
    () => process.exit(0),
    () => process.exit(1),
  );
});
