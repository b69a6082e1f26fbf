/**
 * What the code below a route needs to know about the request it is serving, without passing
 * it down by hand: the request's logger (so every service log line carries the request id)
 * and the interview it is about (so queued AI work can report its queue position).
 *
 * It is set in a `preHandler` hook — after the body is parsed — and AsyncLocalStorage carries
 * it through the handler and everything it awaits.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';

export interface RequestContext {
  log: FastifyBaseLogger;
  /** The `:id` of a `/session/:id/...` route, or null. */
  sessionId: string | null;
  /** The client's address (request.ip: the proxy's client with TRUST_PROXY). */
  address: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function currentRequestContext(): RequestContext | null {
  return storage.getStore() ?? null;
}

/** The interview the current request is about, if any. */
export const currentSessionId = (): string | null => storage.getStore()?.sessionId ?? null;

/** Adds the hook that sets the context for every route's handler (call on the root instance). */
export function registerRequestContext(app: FastifyInstance): void {
  app.addHook('preHandler', (request, _reply, done) => {
    const id = (request.params as { id?: unknown } | undefined)?.id;
    const sessionId = typeof id === 'string' && request.routeOptions.url?.startsWith('/session/:id') ? id : null;
    storage.run({ log: request.log, sessionId, address: request.ip }, done);
  });
}

type LogMethod = (obj: object | string, msg?: string) => void;
export type ScopedLogger = Record<'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal', LogMethod>;

/**
 * A logger for long-lived services (the AI client…): inside a request it logs through the
 * request's logger, so the line carries `reqId`; outside one it uses `base`.
 */
export function requestScopedLogger(base: FastifyBaseLogger): ScopedLogger {
  const pick = () => storage.getStore()?.log ?? base;
  const method =
    (level: keyof ScopedLogger): LogMethod =>
    (obj, msg) => {
      const logger = pick();
      if (typeof obj === 'string') logger[level](obj);
      else logger[level](obj, msg);
    };
  return {
    trace: method('trace'),
    debug: method('debug'),
    info: method('info'),
    warn: method('warn'),
    error: method('error'),
    fatal: method('fatal'),
  };
}
