/**
 * Which routes get which defence, in one table, so the whole policy can be read (and
 * reviewed) in one place. An `onRoute` hook attaches the pieces to each route as it is
 * declared; at start-up every non-optional entry must have matched a route, so renaming a
 * URL can't silently drop its rate limit.
 *
 * Every POST (or other unsafe method) also needs a CSRF token — that is global (csrf.ts), not
 * listed here; the table only says which multipart routes may present it as their first field.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, onRequestHookHandler, RouteOptions } from 'fastify';
import type { Limits } from './rate-limits.js';

type LimitName = Exclude<keyof Limits, 'failedSignIn'>;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route's rate limit, checked by its handler (see `checkRouteLimit`). */
    limitInHandler?: LimitName;
  }
}

interface RoutePolicy {
  /** Rate limit applied in onRequest, before the body is read. */
  limit?: LimitName;
  /**
   * Rate limit the handler checks itself (`checkRouteLimit`), after the body is read, so that
   * a refused form comes back with what was typed in it and the 429 message.
   */
  limitInHandler?: LimitName;
  /** Multipart form whose no-JS variant carries `_csrf` as its first field (checked by readMultipart). */
  csrfInMultipartField?: true;
  /** Largest body accepted, when smaller than the app-wide 1 MiB. */
  bodyLimit?: number;
  /** The route may not exist (it belongs to a feature that may be absent). */
  optional?: true;
}

const SMALL_FORM = 16 * 1024;

const ROUTE_POLICIES: Readonly<Record<string, RoutePolicy>> = {
  'POST /account/login': { limit: 'signIn', bodyLimit: SMALL_FORM },
  'POST /account/register': { limit: 'register', bodyLimit: SMALL_FORM },
  'POST /account/logout': { bodyLimit: SMALL_FORM },
  'POST /account/logout-everywhere': { bodyLimit: SMALL_FORM },
  // The operator setup token: limited like a password check, although it can't be guessed.
  'POST /account/operator': { limit: 'accountChange', bodyLimit: SMALL_FORM },
  'POST /account/password': { limit: 'accountChange', bodyLimit: SMALL_FORM },
  'POST /account/delete': { limit: 'accountChange', bodyLimit: SMALL_FORM },
  'POST /admin/users/:id/delete': { bodyLimit: SMALL_FORM },
  'POST /session/:id/delete': { bodyLimit: SMALL_FORM },
  // Creates an interview: limited like the create form (finding 5 of issue 17: disk fill).
  'POST /progress/focused-interview': { limit: 'create', bodyLimit: SMALL_FORM },
  'POST /session/create': { limitInHandler: 'create' },
  'POST /session/:id/upload-cv': { limit: 'uploads', csrfInMultipartField: true },
  'POST /session/:id/upload-job': { limit: 'uploads', csrfInMultipartField: true },
  'POST /session/:id/start': { limit: 'interview' },
  'POST /session/:id/message': { limit: 'interview' },
  'POST /session/:id/complete': { limit: 'interview' },
  // Voice consent (issue 14): small forms; withdrawing deletes files, so it is rate limited.
  'POST /session/:id/voice-consent': { bodyLimit: SMALL_FORM },
  'POST /session/:id/voice-consent/withdraw': { limit: 'interview', bodyLimit: SMALL_FORM },
  // "Show my score after each answer": a preference in the cookie, nothing stored.
  'POST /session/:id/preferences': { bodyLimit: SMALL_FORM },
  // Retrying a question from the feedback page calls the AI like an answer does, and stores it.
  'POST /session/:id/retry/:n': { limitInHandler: 'retry' },
  // Voice answers: the audio WebSocket. No CSRF token is possible on a handshake; its route
  // checks the Origin (same host) and ownership in preValidation (routes/audio-routes.ts).
  'GET /session/:id/audio': { limit: 'interview', optional: true },
};

function append<T>(existing: T | T[] | undefined, hook: T): T[] {
  if (existing === undefined) return [hook];
  return Array.isArray(existing) ? [hook, ...existing] : [hook, existing];
}

/** Installs the table. Call before any route is registered. */
export function applyRoutePolicies(app: FastifyInstance): void {
  const matched = new Set<string>();

  app.addHook('onRoute', (route: RouteOptions) => {
    for (const method of [route.method].flat()) {
      const key = `${method} ${route.url}`;
      const policy = ROUTE_POLICIES[key];
      if (!policy) continue;
      matched.add(key);
      if (policy.csrfInMultipartField) route.config = { ...(route.config ?? {}), csrfInMultipartField: true };
      if (policy.limitInHandler) route.config = { ...(route.config ?? {}), limitInHandler: policy.limitInHandler };
      if (policy.bodyLimit !== undefined) route.bodyLimit = Math.min(route.bodyLimit ?? Infinity, policy.bodyLimit);
      if (policy.limit) {
        const limit = policy.limit;
        // Resolved per request: `app.limits` is decorated before any route runs.
        const hook: onRequestHookHandler = (request, reply) => app.limits[limit](request, reply);
        route.onRequest = append(route.onRequest as onRequestHookHandler | onRequestHookHandler[] | undefined, hook);
      }
    }
  });

  app.addHook('onReady', async () => {
    const missing = Object.entries(ROUTE_POLICIES)
      .filter(([key, policy]) => !policy.optional && !matched.has(key))
      .map(([key]) => key);
    if (missing.length > 0) throw new Error(`Security policy names routes that do not exist: ${missing.join(', ')}`);
  });
}

/**
 * Runs the rate limit the policy table gives this route for its handler to check (429
 * RATE_LIMITED with Retry-After when spent). Routes whose table entry has no `limitInHandler`
 * pass straight through, so calling it can't double-count a limit applied in onRequest.
 */
export async function checkRouteLimit(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const name = request.routeOptions.config?.limitInHandler;
  if (name) await request.server.limits[name](request, reply);
}
