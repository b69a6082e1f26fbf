import { nanoid } from 'nanoid';
import type { FastifyRequest } from 'fastify';
import type { IssuedIdentity, VisitorIdentity } from '../services/account-service.js';

declare module '@fastify/secure-session' {
  interface SessionData {
    visitorId: string;
    /** Set for an account: the auth version the cookie was issued for (see account-service). */
    authVersion: number;
    /** Set for an account: this browser's sign-in row, checked on every request (signing out deletes it). */
    signInId: string;
    /** CSRF secret (@fastify/csrf-protection). */
    _csrf: string;
  }
}

const resolved = new WeakMap<FastifyRequest, VisitorIdentity>();
/** What the cookie's identity was found to be before the handler ran (`resolveVisitor`); null: stale. */
const lookedUp = new WeakMap<FastifyRequest, VisitorIdentity | null>();

/**
 * Static files never need the visitor, and the API is its token's (it reads and sets no
 * cookie): no database read for them.
 */
const WITHOUT_VISITOR = ['/public/', '/vendor/', '/api/v1/'];

/**
 * Looks the cookie's identity up in the database, once per request, before any handler runs
 * (an onRequest hook: app.ts): the lookup is async, `currentVisitor` is not, and every page
 * (an error page too) shows who is signed in. Records activity as `resolve` says.
 */
export async function resolveVisitor(request: FastifyRequest): Promise<void> {
  if (WITHOUT_VISITOR.some((prefix) => request.url.startsWith(prefix))) return;
  const id = request.session.get('visitorId');
  if (typeof id !== 'string' || id.length === 0) return;
  const version = request.session.get('authVersion');
  const signInId = request.session.get('signInId');
  const found = await request.server.services.accounts.resolve(
    id,
    typeof version === 'number' ? version : null,
    typeof signInId === 'string' ? signInId : null,
  );
  // Activity slides the cookie's expiry forward (at most once a minute, with the last-active update).
  if (found?.touched) request.session.touch();
  lookedUp.set(request, found?.visitor ?? null);
}

/**
 * The visitor's private identity, kept in the encrypted session cookie: a guest id, or an
 * account (id + the auth version it was issued for). Created lazily, the first time a page
 * needs it, so health checks and static files never set cookies. A cookie that no longer
 * matches its account (password changed elsewhere, account deleted) becomes a new guest.
 */
export function currentVisitor(request: FastifyRequest): VisitorIdentity {
  const cached = resolved.get(request);
  if (cached) return cached;
  const id = request.session.get('visitorId');
  if (!lookedUp.has(request) && typeof id === 'string' && id.length > 0) {
    // Not looked up (an error page for a request refused before the lookup, or right after the
    // identity changed): the cookie's id, kept as it is, shown as a guest.
    return { id, email: null, isAdmin: false };
  }
  let visitor = lookedUp.get(request) ?? null;
  if (!visitor) {
    // A new guest. The CSRF secret (if any) stays: this is no sign-in, and a token already on
    // the page must keep working.
    visitor = { id: nanoid(), email: null, isAdmin: false };
    request.session.set('visitorId', visitor.id);
    request.session.set('authVersion', undefined);
    request.session.set('signInId', undefined);
  }
  resolved.set(request, visitor);
  return visitor;
}

export function visitorId(request: FastifyRequest): string {
  return currentVisitor(request).id;
}

/** This browser's sign-in id, as the cookie holds it (null for a guest). */
export function currentSignInId(request: FastifyRequest): string | null {
  const value = request.session.get('signInId');
  return typeof value === 'string' ? value : null;
}

/**
 * Replaces the identity in the cookie (sign-in, registration, sign-out, account deletion).
 * Everything else in the cookie goes too — including the CSRF secret, so tokens from before
 * the switch stop working.
 */
export function startIdentity(request: FastifyRequest, issued: IssuedIdentity | { id: string; authVersion: null }): void {
  request.session.regenerate();
  request.session.set('visitorId', issued.id);
  if (issued.authVersion !== null) {
    request.session.set('authVersion', issued.authVersion);
    request.session.set('signInId', issued.signInId);
  }
  resolved.delete(request);
  lookedUp.delete(request);
  // A new guest is known at once; an account is looked up by the next request.
  if (issued.authVersion === null) resolved.set(request, { id: issued.id, email: null, isAdmin: false });
}
