/**
 * Operator and progress endpoints:
 * - GET /ready — readiness: 200 when the database answers `select 1` and every shipped
 *   migration is applied, the shared store answers PING (when REDIS_URL is set), and the
 *   document parsing threads are warm; 503 with a reason otherwise, while shutting down, or
 *   overloaded.
 *   (`/health` in pages.ts is liveness: 200 whenever the process can answer.)
 * - GET /session/:id/queue — the interview's place in the AI work queue, as an htmx fragment
 *   polled from the "thinking" indicator while an answer is being read.
 */
import type { FastifyInstance } from 'fastify';
import { checkDatabaseReady } from '../db/readiness.js';
import { checkSharedStoreReady } from '../shared-store.js';
import { visitorId } from './visitor.js';
import { IdParams, typedRoutes } from './schemas.js';

const escapeAttr = (s: string) => s.replace(/[^A-Za-z0-9_-]/g, '');

export async function opsRoutes(plain: FastifyInstance) {
  const app = typedRoutes(plain);
  app.get('/ready', async (_request, reply) => {
    reply.header('Cache-Control', 'no-store');
    if (app.lifecycle.shuttingDown) return reply.code(503).send({ status: 'unavailable', reason: 'shutting down' });
    const db = checkDatabaseReady(app.database.sqlite);
    if (!db.ok) return reply.code(503).send({ status: 'unavailable', reason: db.reason });
    // The store every instance shares (REDIS_URL), when there is one.
    if (app.sharedStore) {
      const store = await checkSharedStoreReady(app.sharedStore);
      if (!store.ok) return reply.code(503).send({ status: 'unavailable', reason: store.reason });
    }
    // Traffic waits for warm parsing threads, so the first upload is as fast as the rest.
    const documents = app.services.documentsReady();
    if (!documents.ready) return reply.code(503).send({ status: 'unavailable', reason: documents.reason });
    return { status: 'ready', migrations: db.migrations, aiQueue: app.aiQueue.stats() };
  });

  app.get('/session/:id/queue', { schema: { params: IdParams } }, async (request, reply) => {
    const { session, state } = await app.services.interview.peek(request.params.id, visitorId(request)); // 404 unless theirs
    const position = app.aiQueue.position(session.id);
    // Keep polling while the interviewer still has work to do for this interview.
    const busy = position !== null || state.phase === 'preparing';
    const text = position !== null && position > 0 ? `You are number ${position} in the queue.` : '';
    const id = escapeAttr(session.id);
    const poll = busy ? ` hx-get="/session/${id}/queue" hx-trigger="load delay:1s" hx-target="this" hx-swap="outerHTML"` : '';
    reply.header('Cache-Control', 'no-store').type('text/html; charset=utf-8');
    return `<span id="queue-position" class="queue-position" data-position="${position ?? ''}"${poll}>${text}</span>`;
  });
}
