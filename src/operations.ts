/**
 * Operating the app: overload protection, the AI work queue, the request context, readiness
 * and graceful shutdown. `registerOperations` is called on the root instance before any route
 * is registered, so its hooks cover every route.
 *
 * - Overload: overload-monitor.ts samples the event loop (and optionally heap / RSS) — it
 *   replaces @fastify/under-pressure, whose sampling timer crashed the process when file
 *   descriptors ran out; while a threshold is exceeded every request but `/health` gets a
 *   short 503 with Retry-After at once, instead of queueing behind the backlog until everyone times out. `/health` is
 *   liveness — the process is alive, restarting it would only make things worse — so it is
 *   exempt; `/ready` is not, so a load balancer can steer traffic away.
 * - Shutdown (`gracefulClose`): /ready turns 503, open WebSockets are closed with 1001 "going
 *   away", then Fastify stops accepting, lets in-flight requests finish and runs onClose hooks
 *   (the database is closed last). server.ts bounds the whole thing with SHUTDOWN_GRACE_MS.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import type { AppConfig } from './config.js';
import { createOverloadMonitor } from './overload-monitor.js';
import { registerRequestContext } from './request-context.js';
import type { WorkQueue } from './ai/work-queue.js';

interface Lifecycle {
  /** Set when shutdown begins: /ready answers 503 from then on. */
  shuttingDown: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    lifecycle: Lifecycle;
    /** The queue every AI call goes through (AI_CONCURRENCY, AI_QUEUE_MAX). */
    aiQueue: WorkQueue;
  }
}

/** WebSocket close code 1001: the endpoint is going away (server shutdown). */
const CLOSE_GOING_AWAY = 1001;

const OVERLOADED_MESSAGE = 'Rehearse is very busy right now. Nothing you entered is lost: try again in a few seconds.';

function overloadedBody(request: FastifyRequest, reply: FastifyReply, type: string): string {
  if (request.routeOptions.url === '/ready') {
    reply.type('application/json; charset=utf-8');
    return JSON.stringify({ status: 'unavailable', reason: `overloaded (${type})` });
  }
  reply.type('text/html; charset=utf-8');
  // Deliberately cheap: no template, no session, no database while the process is overloaded.
  const error = `<p id="error" class="error" role="alert" data-code="OVERLOADED">${OVERLOADED_MESSAGE}</p>`;
  if (request.headers['hx-request'] === 'true') return error;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Busy · Rehearse</title><link rel="stylesheet" href="/public/css/app.css"></head><body><main class="wrap"><h1>Very busy</h1>${error}</main></body></html>`;
}

export async function registerOperations(app: FastifyInstance, config: AppConfig, queue: WorkQueue): Promise<void> {
  app.decorate('lifecycle', { shuttingDown: false });
  app.decorate('aiQueue', queue);

  const { overload } = config;
  const monitor = createOverloadMonitor(overload, (error) => app.log.warn({ err: error }, 'overload sample failed; keeping the last figures'));
  const enabled = overload.maxEventLoopDelayMs > 0 || overload.maxEventLoopUtilization > 0 || overload.maxHeapUsedBytes > 0 || overload.maxRssBytes > 0;
  if (enabled) {
    // Measured from the moment the app is ready: start-up's own work is not load (it used to
    // give 503 OVERLOADED for about a second after every restart).
    app.addHook('onReady', async () => monitor.start());
    app.addHook('onClose', async () => monitor.stop());
    let refusedSinceLog = 0;
    let lastLog = 0;
    app.addHook('onRequest', async (request, reply) => {
      const pressure = monitor.pressure();
      if (!pressure || request.routeOptions.url === '/health') return; // liveness stays truthful
      refusedSinceLog++;
      const now = Date.now();
      if (now - lastLog >= 1000) {
        request.log.warn({ type: pressure.type, value: pressure.value, refused: refusedSinceLog }, 'overloaded: answering 503');
        refusedSinceLog = 0;
        lastLog = now;
      }
      reply.code(503).header('Retry-After', String(overload.retryAfterSeconds)).header('Cache-Control', 'no-store');
      return reply.send(overloadedBody(request, reply, pressure.type));
    });
  }

  registerRequestContext(app);
  // A response finished during shutdown closes its connection: an idle keep-alive socket would
  // otherwise hold server.close() open for the whole keep-alive timeout (72 s in Fastify).
  app.addHook('onSend', async (_request, reply) => {
    if (app.lifecycle.shuttingDown && !reply.raw.headersSent) reply.header('Connection', 'close');
  });
}

/** Closes every open WebSocket with 1001; any that has not finished closing after `waitMs` is cut. */
async function closeWebSockets(app: FastifyInstance, waitMs = 2000): Promise<number> {
  const server = (app as FastifyInstance & { websocketServer?: { clients?: Set<WebSocket> } }).websocketServer;
  const clients = [...(server?.clients ?? [])];
  if (clients.length === 0) return 0;
  const closed = clients.map(
    (client) =>
      new Promise<void>((resolve) => {
        if (client.readyState === client.CLOSED) return resolve();
        client.once('close', () => resolve());
        client.close(CLOSE_GOING_AWAY, 'server shutting down');
      }),
  );
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([Promise.all(closed), new Promise<void>((resolve) => (timer = setTimeout(resolve, waitMs)))]);
  clearTimeout(timer);
  for (const client of clients) if (client.readyState !== client.CLOSED) client.terminate();
  return clients.length;
}

/**
 * Graceful shutdown: not ready any more, WebSockets told to go away (1001), then Fastify's close —
 * stop accepting, finish in-flight requests, close idle keep-alive connections, onClose hooks
 * (the database). The caller bounds it in time.
 */
export async function gracefulClose(app: FastifyInstance): Promise<void> {
  app.lifecycle.shuttingDown = true;
  const sockets = await closeWebSockets(app);
  if (sockets > 0) app.log.info({ sockets }, 'websockets closed (1001)');
  // server.close() only reaps connections idle at that moment; keep reaping the ones that
  // become idle as their last request finishes.
  const reaper = setInterval(() => app.server.closeIdleConnections?.(), 200);
  try {
    await app.close();
  } finally {
    clearInterval(reaper);
  }
}
