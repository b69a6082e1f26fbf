/**
 * CSRF protection for every state-changing request (synchronizer tokens from
 * @fastify/csrf-protection; the secret lives in the encrypted session cookie).
 *
 * Where the token comes from:
 * - plain forms: a hidden `_csrf` field (every form in the views has one);
 * - htmx: the `X-CSRF-Token` header, set for every htmx request by `hx-headers` on <body>;
 *   scripts read the same token from `<meta name="csrf-token">`;
 * - multipart forms sent without JavaScript (the CV upload): the body is not parsed before the
 *   handler runs, so the check is deferred to `readMultipart`, which requires `_csrf` to be the
 *   first field — before any file byte is buffered. Only routes that opt in (see policy.ts) may
 *   defer; any other multipart POST without the header is refused here.
 *
 * The check runs in `preHandler`, i.e. after the body is parsed. A failure is a 403 page.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import csrfProtection from '@fastify/csrf-protection';
import { Errors } from '../errors.js';

export const CSRF_FIELD = '_csrf';
const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyContextConfig {
    /** This multipart route reads `_csrf` as its first field itself (see readMultipart). */
    csrfInMultipartField?: boolean;
  }
}

/** Token found in a multipart field, handed to the plugin's getToken. */
const fieldTokens = new WeakMap<FastifyRequest, string>();
/** Multipart requests whose check is deferred to readMultipart. */
const pending = new WeakSet<FastifyRequest>();

function headerToken(request: FastifyRequest): string | undefined {
  const value = request.headers[CSRF_HEADER];
  return typeof value === 'string' ? value : undefined;
}

export async function registerCsrf(app: FastifyInstance): Promise<void> {
  await app.register(csrfProtection, {
    sessionPlugin: '@fastify/secure-session',
    sessionKey: '_csrf',
    logLevel: 'info',
    getToken: (request) => {
      const fromField = fieldTokens.get(request);
      if (fromField !== undefined) return fromField;
      const body = request.body as Record<string, unknown> | null | undefined;
      if (body && typeof body === 'object' && typeof body[CSRF_FIELD] === 'string') return body[CSRF_FIELD] as string;
      return headerToken(request);
    },
  });

  app.addHook('preHandler', async (request) => {
    if (SAFE_METHODS.has(request.method)) return;
    // /api/v1 takes no cookies, only bearer tokens a hostile page cannot send: nothing to forge.
    if (request.routeOptions.config?.bearerAuth) return;
    if (request.routeOptions.config?.csrfInMultipartField && request.isMultipart() && headerToken(request) === undefined) {
      pending.add(request);
      return;
    }
    await check(app, request);
  });
}

/** Runs the plugin's check and turns its failure into our 403 page. */
function check(app: FastifyInstance, request: FastifyRequest): Promise<void> {
  return new Promise((resolve, reject) => {
    // The plugin answers a failure with reply.send(error); this stand-in turns that into a rejection.
    const reply = { send: (error: Error) => reject(Object.assign(Errors.csrfFailed(), { cause: error })) } as unknown as FastifyReply;
    app.csrfProtection(request, reply, () => resolve());
  });
}

/** True while a multipart request still has to present its `_csrf` field (see readMultipart). */
export function csrfPendingInMultipart(request: FastifyRequest): boolean {
  return pending.has(request);
}

/** Verifies a `_csrf` value read from a multipart body; throws the 403 error when it is wrong. */
export async function verifyMultipartCsrf(request: FastifyRequest, token: string): Promise<void> {
  fieldTokens.set(request, token);
  try {
    await check(request.server, request);
    pending.delete(request);
  } finally {
    fieldTokens.delete(request);
  }
}
