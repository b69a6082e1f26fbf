/**
 * A visitor's display preferences, kept in the encrypted session cookie (per browser, like the
 * guest identity; nothing is stored server-side).
 *
 * showScores: whether the interview page shows each answer's score as the interview goes.
 * Off by default — interviews do not score you out loud (issue 13); the feedback page always
 * has every score.
 */
import type { FastifyRequest } from 'fastify';

declare module '@fastify/secure-session' {
  interface SessionData {
    showScores: boolean;
  }
}

export function showScoresOf(request: FastifyRequest): boolean {
  return request.session.get('showScores') === true;
}

export function setShowScores(request: FastifyRequest, on: boolean): void {
  request.session.set('showScores', on ? true : undefined);
}
