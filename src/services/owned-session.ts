import { Errors } from '../errors.js';
import type { SessionRow, SessionsRepository } from '../repositories/sessions-repository.js';

/**
 * The visitor's own session, or SESSION_NOT_FOUND (404) — also for someone else's session, so
 * an id never confirms that another visitor's interview exists.
 */
export function requireOwnedSession(sessions: Pick<SessionsRepository, 'findOwned'>, sessionId: string, ownerId: string): SessionRow {
  const session = sessions.findOwned(sessionId, ownerId);
  if (!session) throw Errors.sessionNotFound();
  return session;
}
