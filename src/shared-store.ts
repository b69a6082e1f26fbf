/**
 * The store that several app instances share (REDIS_URL; Redis or Valkey, which speaks the same
 * protocol), through ioredis. It holds the rate-limit counters (security/rate-limits.ts), so a
 * visitor's budget is the same whichever instance the proxy sends them to, and the holders of
 * the AI calls' global limit (shared-semaphore.ts, AI_GLOBAL_CONCURRENCY). Without REDIS_URL
 * there is no shared store and every counter lives in its process.
 *
 * When the store is unreachable the app keeps serving: rate limits are skipped (fail open,
 * logged) rather than refusing every request, AI calls keep each instance's own limit, and `/ready` reports the store as unavailable
 * (so a load balancer and the operator see it). While it is disconnected a command fails at
 * once, and a store that hangs costs a request at most `COMMAND_TIMEOUT_MS`.
 */
import { Redis } from 'ioredis';
import type { FastifyBaseLogger } from 'fastify';
import type { RedisSettings } from './config.js';
import { messageOf } from './errors.js';

/** A reply slower than this counts as a failure (the request goes on without the store). */
const COMMAND_TIMEOUT_MS = 1000;
/** How long start-up waits for the first connection before going on without it. */
const CONNECT_WAIT_MS = 5000;

export type StoreReadiness = { ok: true } | { ok: false; reason: string };

export interface SharedStore {
  redis: Redis;
  /** Key prefix for everything this app writes (`rehearse:` unless a test chooses another). */
  keyPrefix: string;
  /** Resolves once connected, or after `timeoutMs` (then false: the client keeps retrying). */
  connected(timeoutMs?: number): Promise<boolean>;
  close(): Promise<void>;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The shared store (REDIS_URL), or null when counters are per process. */
    sharedStore: SharedStore | null;
  }
}

export function openSharedStore(settings: RedisSettings, log: Pick<FastifyBaseLogger, 'warn' | 'info'>): SharedStore {
  const redis = new Redis(settings.url, {
    connectTimeout: CONNECT_WAIT_MS,
    commandTimeout: COMMAND_TIMEOUT_MS,
    // While disconnected a command fails at once (the limit is skipped) instead of waiting for
    // a reconnection; start-up waits for the first connection (`connected`, an onReady hook),
    // so this never drops commands of a healthy store. One sent just before a connection
    // broke is retried once after reconnecting.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    // Reconnect for ever, at most every 2 s.
    retryStrategy: (times) => Math.min(times * 200, 2000),
  });
  // Log changes of state, not every failed reconnection (one per 2 s while it is down).
  let up = false;
  let reported = false;
  redis.on('ready', () => {
    if (reported) log.info({ store: settings.redactedUrl }, 'shared store reachable again');
    up = true;
    reported = false;
  });
  redis.on('error', (error: Error) => {
    if (reported) return;
    reported = true;
    log.warn({ store: settings.redactedUrl, err: { message: error.message } }, up ? 'shared store lost: rate limits are skipped until it is back' : 'shared store unreachable: rate limits are skipped until it answers');
  });
  redis.on('end', () => {
    up = false;
  });

  return {
    redis,
    keyPrefix: settings.keyPrefix,
    async connected(timeoutMs = CONNECT_WAIT_MS) {
      if (redis.status === 'ready') return true;
      // Failed attempts in between are 'error' events (logged above); keep waiting for 'ready'.
      return new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => {
          redis.off('ready', onReady);
          resolve(false);
        }, timeoutMs);
        const onReady = () => {
          clearTimeout(timer);
          resolve(true);
        };
        redis.once('ready', onReady);
      });
    },
    async close() {
      try {
        await redis.quit();
      } catch {
        redis.disconnect();
      }
    },
  };
}

/** Is the store answering? PING within `timeoutMs`; for /ready. */
export async function checkSharedStoreReady(store: SharedStore, timeoutMs = COMMAND_TIMEOUT_MS): Promise<StoreReadiness> {
  const { redis } = store;
  // Not connected: say so at once instead of queueing a PING behind the reconnection.
  if (redis.status !== 'ready') return { ok: false, reason: `shared store: ${redis.status}` };
  let timer: NodeJS.Timeout | undefined;
  try {
    const reply = await Promise.race([
      redis.ping(),
      new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no reply within ${timeoutMs} ms`)), timeoutMs))),
    ]);
    return reply === 'PONG' ? { ok: true } : { ok: false, reason: `shared store: PING answered ${String(reply)}` };
  } catch (error) {
    return { ok: false, reason: `shared store: ${messageOf(error)}` };
  } finally {
    clearTimeout(timer);
  }
}
