import type { FastifyReply, FastifyRequest } from 'fastify';
import { currentVisitor } from './visitor.js';

/** Fixed messages a redirect can ask the next page to show (`?done=...`); nothing user-supplied is echoed. */
export const NOTICES: Readonly<Record<string, string>> = {
  registered: 'Your account is ready. Everything you did as a guest is in it.',
  'signed-in': 'You are signed in.',
  'signed-out': 'You are signed out. This browser now has a new, empty guest identity.',
  'signed-out-everywhere': 'You are signed out in every browser, this one included. Sign in again to carry on.',
  'operator-granted': 'You are now an operator: this page lists every user.',
  'password-changed': 'Your password is changed. Other browsers signed in to your account have been signed out.',
  'session-deleted': 'The interview and everything in it is deleted.',
  'account-deleted': 'Your data is deleted: every interview, answer, CV and piece of feedback.',
  'user-deleted': 'The user and all their data are deleted.',
  'focus-no-interview': 'A focused practice interview copies the job and CV of an earlier interview. Set up your first interview here.',
  'focus-no-plan': 'Finish an interview first: the study plan and focused practice come from your scored answers.',
  'token-revoked': 'The API token is revoked: requests that send it are refused from now on.',
  'voice-consent-withdrawn':
    'Your consent to recording is withdrawn: this interview’s recordings, audio files, live transcripts and delivery metrics are deleted. Your answers’ text stays (delete the interview to remove it too). Recording asks for consent again.',
  'voice-consent-given': 'Thank you: you can record your answers in this interview now.',
  'recording-expired':
    'Your answer is saved, but without delivery metrics (pace, pauses, pitch): the server no longer held its recording (recordings are kept for a limited time after you stop). Send a spoken answer soon after recording it.',
};

/** True when htmx made the request: such requests get a fragment instead of a whole page. */
export function isHtmx(request: FastifyRequest): boolean {
  return request.headers['hx-request'] === 'true';
}

/**
 * Renders a template. Every page that can answer with a fragment says so in `Vary`, so a
 * cache never serves a fragment to a full-page load or the other way round.
 */
export function render(reply: FastifyReply, template: string, data: Record<string, unknown>, status = 200) {
  reply.header('Vary', 'HX-Request');
  reply.header('Cache-Control', 'no-store');
  // Identity first: resolving it may start a guest identity, and the CSRF token is tied to the cookie.
  const visitor = currentVisitor(reply.request);
  const query: unknown = reply.request.query;
  const done = typeof query === 'object' && query !== null && 'done' in query ? query.done : undefined;
  const common = {
    visitor,
    csrfToken: reply.generateCsrf(),
    notice: typeof done === 'string' ? (NOTICES[done] ?? null) : null,
  };
  return reply.code(status).type('text/html; charset=utf-8').viewAsync(template, { ...common, ...data });
}

/** Post/Redirect/Get: after a successful POST the browser loads the next page with GET. */
export function seeOther(reply: FastifyReply, url: string) {
  return reply.redirect(url, 303);
}
