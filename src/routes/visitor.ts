import { nanoid } from 'nanoid';
import type { FastifyRequest } from 'fastify';

declare module '@fastify/secure-session' {
  interface SessionData {
    visitorId: string;
  }
}

/**
 * The visitor's private identity, kept in the encrypted session cookie. Created lazily, the
 * first time a page needs it, so health checks and static files never set cookies.
 */
export function visitorId(request: FastifyRequest): string {
  const existing = request.session.get('visitorId');
  if (typeof existing === 'string' && existing.length > 0) return existing;
  const id = nanoid();
  request.session.set('visitorId', id);
  return id;
}
