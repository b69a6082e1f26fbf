/**
 * Rate limits (@fastify/rate-limit's counters: in memory, per process; in the shared store when
 * REDIS_URL is set, so every instance counts against the same budget). Each limit is a hook
 * that routes attach in `onRequest` — before the body is read — and that answers 429 with a
 * page and `Retry-After` once the window's budget is spent.
 *
 * Keys: `visitorKey` is the visitor id from the (encrypted, unforgeable) cookie, else the
 * client address; it works the same for page requests, injected test requests and the
 * WebSocket upgrade. Because anyone can mint new visitor ids by dropping the cookie, every
 * per-visitor limit is paired with a looser per-address one, and sign-in is limited per
 * address and per account.
 */
import { isIPv6 } from 'node:net';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import type { RateLimitSettings } from '../config.js';
import { Errors } from '../errors.js';
import type { SharedStore } from '../shared-store.js';

type LimitHook = (request: FastifyRequest, reply: FastifyReply) => Promise<void>;

export interface Limits {
  /** POST /account/login, per address. */
  signIn: LimitHook;
  /** POST /account/register, per address. */
  register: LimitHook;
  /** Password-checking account changes (change password, delete account), per visitor and address. */
  accountChange: LimitHook;
  /** CV and job-description uploads. */
  uploads: LimitHook;
  /** Interview actions that call the AI: start, answer, finish (and the audio socket). */
  interview: LimitHook;
  /** Creating an interview (each stores up to DOCUMENT_MAX_CHARS of job description, then a CV). */
  create: LimitHook;
  /** Retrying a question from the feedback page (an AI call, and a stored answer). */
  retry: LimitHook;
  /** Every /api/v1 request, per token (and per address). */
  api: LimitHook;
  /** Failed sign-ins per account: `check` before verifying the password, `fail` after a wrong one. */
  failedSignIn: { check(request: FastifyRequest, reply: FastifyReply, email: string): Promise<void>; fail(request: FastifyRequest, email: string): Promise<void> };
}

declare module 'fastify' {
  interface FastifyInstance {
    limits: Limits;
  }
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const SIGN_IN_WINDOW = 15 * MINUTE;
/** Per-address budgets are this many times the per-visitor ones (households and offices share addresses). */
const ADDRESS_FACTOR = 5;

/** The client address, IPv6 reduced to its /64 (one customer's whole network). */
export function addressKey(request: FastifyRequest): string {
  let ip = request.ip ?? 'unknown';
  if (ip.startsWith('::ffff:') && ip.includes('.')) ip = ip.slice(7);
  if (!isIPv6(ip)) return `ip:${ip.toLowerCase()}`;
  const [head = '', tail = ''] = ip.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = ip.includes('::') ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right] : left;
  return `ip6:${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}

/** The API token of an /api/v1 request, else the visitor id from the cookie, else the client address. */
export function visitorKey(request: FastifyRequest): string {
  const token = (request as { apiIdentity?: { tokenId: string } | null }).apiIdentity?.tokenId;
  if (token) return `t:${token}`;
  const id = request.session?.get('visitorId');
  return typeof id === 'string' && id ? `v:${id}` : addressKey(request);
}

export async function registerRateLimits(app: FastifyInstance, settings: RateLimitSettings, store: SharedStore | null = null): Promise<void> {
  // `global: false`: nothing is limited unless a route attaches one of the hooks below.
  // With a shared store, a store that does not answer skips the limit (fail open, logged by
  // shared-store.ts) instead of refusing every request; /ready reports it.
  await app.register(rateLimit, {
    global: false,
    ...(store ? { redis: store.redis, nameSpace: `${store.keyPrefix}rate-limit:`, skipOnError: true } : {}),
  });

  type Checker = ReturnType<FastifyInstance['createRateLimit']>;
  const checker = (name: string, max: number, timeWindow: number, key: (request: FastifyRequest) => string): Checker | null =>
    max > 0 ? app.createRateLimit({ max, timeWindow, keyGenerator: (request) => `${name}|${key(request)}` }) : null;

  async function enforce(checkers: Array<Checker | null>, request: FastifyRequest, reply: FastifyReply): Promise<void> {
    for (const check of checkers) {
      if (!check) continue;
      const result = await check(request);
      if (!result.isAllowed && result.isExceeded) {
        const retryAfter = Math.max(1, result.ttlInSeconds);
        reply.header('Retry-After', String(retryAfter));
        request.log.info({ limit: result.key.split('|')[0], retryAfter }, 'rate limit reached');
        throw Errors.rateLimited(retryAfter);
      }
    }
  }
  const hook = (...checkers: Array<Checker | null>): LimitHook => (request, reply) => enforce(checkers, request, reply);

  const signInMax = settings.signInPer15Min;
  const failed = checker('sign-in-failed', signInMax, SIGN_IN_WINDOW, (request) => accountKey(request));
  const emailOf = new WeakMap<FastifyRequest, string>();
  function accountKey(request: FastifyRequest) {
    return `acct:${emailOf.get(request) ?? ''}`;
  }

  app.decorate('limits', {
    signIn: hook(checker('sign-in', signInMax, SIGN_IN_WINDOW, addressKey)),
    register: hook(checker('register', signInMax, SIGN_IN_WINDOW, addressKey)),
    accountChange: hook(
      checker('account', signInMax, SIGN_IN_WINDOW, visitorKey),
      checker('account-ip', signInMax * ADDRESS_FACTOR, SIGN_IN_WINDOW, addressKey),
    ),
    uploads: hook(
      checker('uploads', settings.uploadsPerMinute, MINUTE, visitorKey),
      checker('uploads-ip', settings.uploadsPerMinute * ADDRESS_FACTOR, MINUTE, addressKey),
    ),
    interview: hook(
      checker('interview', settings.interviewPerMinute, MINUTE, visitorKey),
      checker('interview-ip', settings.interviewPerMinute * ADDRESS_FACTOR, MINUTE, addressKey),
    ),
    // Per hour: a flood of new interviews fills the disk, whoever's cookie it uses.
    create: hook(
      checker('create', settings.createPerHour, HOUR, visitorKey),
      checker('create-ip', settings.createPerHour * ADDRESS_FACTOR, HOUR, addressKey),
    ),
    retry: hook(
      checker('retry', settings.retryPerMinute, MINUTE, visitorKey),
      checker('retry-ip', settings.retryPerMinute * ADDRESS_FACTOR, MINUTE, addressKey),
    ),
    api: hook(
      checker('api', settings.apiPerMinute, MINUTE, visitorKey),
      checker('api-ip', settings.apiPerMinute * ADDRESS_FACTOR, MINUTE, addressKey),
    ),
    failedSignIn: {
      async check(request, reply, email) {
        if (!failed) return;
        emailOf.set(request, email);
        const result = await failed(request, { increment: false });
        // `read` reports the failures so far; at the budget, refuse before checking the password.
        if (!result.isAllowed && result.remaining <= 0) {
          const retryAfter = Math.max(1, result.ttlInSeconds);
          reply.header('Retry-After', String(retryAfter));
          request.log.info({ limit: 'sign-in-failed', retryAfter }, 'rate limit reached');
          throw Errors.rateLimited(retryAfter);
        }
      },
      async fail(request, email) {
        if (!failed) return;
        emailOf.set(request, email);
        await failed(request);
      },
    },
  } satisfies Limits);
}
