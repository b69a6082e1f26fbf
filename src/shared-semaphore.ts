/**
 * A counting semaphore in the shared store (REDIS_URL): at most `limit` holders across every
 * instance, for the AI calls running at once (AI_GLOBAL_CONCURRENCY; the work queue takes a
 * slot here inside each of its own running slots, ai/work-queue.ts).
 *
 * One sorted set holds the holders, each scored by the time its lease ends (Redis's own clock,
 * so instances whose clocks differ agree). Taking a slot is one Lua script — drop the holders
 * whose lease ended, admit if fewer than `limit` remain — so two instances never both take the
 * last slot. A holder renews its lease while its task runs and removes itself in `finally`;
 * one that dies (kill -9, a lost network) stops renewing, and its slot frees when the lease
 * ends. A waiter polls with a short, jittered interval: at most AI_CONCURRENCY tasks per
 * instance ever wait here, so the polling costs Redis little.
 *
 * Why not redis-semaphore (npm), which does the same: its lease renewal runs on a timer whose
 * Redis errors it leaves unhandled (swarthy/redis-semaphore#199, declined as out of scope),
 * and an unhandled rejection ends a Node 20 process — a store that goes away mid-call would
 * take every instance down with it. It also scores holders by each instance's clock.
 *
 * When the store does not answer, the task runs without a global slot: the same choice the rate
 * limits make (fail open, logged once per outage; /ready says 503). Each instance still keeps
 * its own AI_CONCURRENCY, so the total is then at most instances × AI_CONCURRENCY — what it is
 * without REDIS_URL — and nobody's answer waits on a store that is down.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Redis, Result } from 'ioredis';
import type { FastifyBaseLogger } from 'fastify';
import type { CallOptions } from './ai/ai-client.js';
import { messageOf } from './errors.js';

/** Thrown by `run` when no slot freed within `maxWaitMs` (the caller answers AI_BUSY). */
export class SemaphoreWaitTimeout extends Error {
  override name = 'SemaphoreWaitTimeout';
  constructor(readonly waitedMs: number) {
    super(`no global slot freed within ${waitedMs} ms`);
  }
}

// KEYS[1] the set; ARGV: limit, holder id, lease (ms). 1 when admitted. Idempotent: a try that
// ran but whose reply was lost (ioredis sends it again after reconnecting) finds its holder there.
const ACQUIRE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local lease = tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if not redis.call('ZSCORE', KEYS[1], ARGV[2]) and redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[1]) then return 0 end
redis.call('ZADD', KEYS[1], now + lease, ARGV[2])
if redis.call('PTTL', KEYS[1]) < lease then redis.call('PEXPIRE', KEYS[1], lease) end
return 1`;

// KEYS[1] the set; ARGV: holder id, lease (ms). 1 when the lease was renewed, 0 when it had
// already ended (the slot may have gone to someone else).
const RENEW = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local lease = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if not redis.call('ZSCORE', KEYS[1], ARGV[1]) then return 0 end
redis.call('ZADD', KEYS[1], 'XX', now + lease, ARGV[1])
if redis.call('PTTL', KEYS[1]) < lease then redis.call('PEXPIRE', KEYS[1], lease) end
return 1`;

declare module 'ioredis' {
  interface RedisCommander<Context> {
    rehearseSemaphoreAcquire(key: string, limit: number, holder: string, leaseMs: number): Result<number, Context>;
    rehearseSemaphoreRenew(key: string, holder: string, leaseMs: number): Result<number, Context>;
  }
}

type Priority = NonNullable<CallOptions['priority']>;

export interface SharedSemaphore {
  /** Runs `task` holding one of the `limit` slots (or without one while the store is down). */
  run<T>(task: () => Promise<T>, priority?: Priority): Promise<T>;
}

export interface SharedSemaphoreOptions {
  redis: Redis;
  /** The sorted set's key (the app's prefix included). */
  key: string;
  limit: number;
  /** How long a slot stays taken after its holder last renewed it (renewed every third of it). */
  leaseMs?: number;
  /** How long a task waits for a slot before `run` rejects with SemaphoreWaitTimeout. */
  maxWaitMs?: number;
  /** Between two tries while every slot is taken (background tasks try 4× less often, so a freed slot usually goes to someone waiting). */
  pollMs?: number;
  log: Pick<FastifyBaseLogger, 'warn' | 'info'>;
}

/** A lease long enough that a busy event loop never loses it, short enough that a dead instance's slots come back soon. */
const DEFAULT_LEASE_MS = 15_000;
/** Beyond this a waiting AI call gives up with AI_BUSY (the user's answer is already stored). */
const DEFAULT_MAX_WAIT_MS = 120_000;
const DEFAULT_POLL_MS = 50;

export function createSharedSemaphore(options: SharedSemaphoreOptions): SharedSemaphore {
  const { redis, key, limit, log } = options;
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const maxWaitMs = options.maxWaitMs ?? DEFAULT_MAX_WAIT_MS;
  const pollMs = options.pollMs ?? DEFAULT_POLL_MS;
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError('limit must be a positive integer');
  // ioredis sends a defined command by its SHA (EVALSHA), and the script itself once when the server has not seen it.
  redis.defineCommand('rehearseSemaphoreAcquire', { numberOfKeys: 1, lua: ACQUIRE });
  redis.defineCommand('rehearseSemaphoreRenew', { numberOfKeys: 1, lua: RENEW });

  // Log changes of state, not every call made while the store is down.
  let storeDown = false;
  function storeFailed(error: unknown) {
    // 'end': the app closed the connection (shutting down); calls still finishing run on.
    if (storeDown || redis.status === 'end') return;
    storeDown = true;
    log.warn({ err: { message: messageOf(error) } }, 'shared store unreachable: AI calls are limited per instance (AI_CONCURRENCY) until it is back');
  }
  function storeAnswered() {
    if (!storeDown) return;
    storeDown = false;
    log.info('shared store reachable again: AI calls use the global limit (AI_GLOBAL_CONCURRENCY) again');
  }

  /** True once a slot is held; false when the store did not answer (run without one). */
  async function acquire(holder: string, priority: Priority): Promise<boolean> {
    const started = Date.now();
    const interval = priority === 'background' ? pollMs * 4 : pollMs;
    for (;;) {
      try {
        const admitted = await redis.rehearseSemaphoreAcquire(key, limit, holder, leaseMs);
        storeAnswered();
        if (admitted === 1) return true;
      } catch (error) {
        storeFailed(error);
        return false;
      }
      const waited = Date.now() - started;
      if (waited >= maxWaitMs) throw new SemaphoreWaitTimeout(waited);
      // Jitter, so instances that wait for the same freed slot do not ask in lockstep.
      await sleep(Math.min(interval / 2 + Math.random() * interval, maxWaitMs - waited));
    }
  }

  function keepRenewing(holder: string): () => void {
    let stopped = false;
    const timer = setInterval(() => {
      redis.rehearseSemaphoreRenew(key, holder, leaseMs).then(
        (renewed) => {
          // Stopped meanwhile: the slot was released on purpose.
          if (renewed === 1 || stopped) return;
          // The lease ended (the event loop stalled longer than it, or the store restarted
          // empty): the call finishes anyway, and for a while one more may run than the limit.
          clearInterval(timer);
          log.warn({ leaseMs }, 'an AI call outlived its global slot\'s lease; the limit may be exceeded by one until it ends');
        },
        // The store is down: keep trying (the lease may still be there when it is back).
        (error: unknown) => storeFailed(error),
      );
    }, Math.max(1, Math.floor(leaseMs / 3)));
    timer.unref();
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }

  return {
    async run<T>(task: () => Promise<T>, priority: Priority = 'interactive'): Promise<T> {
      const holder = randomUUID();
      if (!(await acquire(holder, priority))) return task();
      const stopRenewing = keepRenewing(holder);
      try {
        return await task();
      } finally {
        stopRenewing();
        // Awaited, so the slot is free once `run` settles (one round trip; a store that is down
        // fails at once, one that hangs costs at most its command timeout). If it fails, the
        // lease frees the slot.
        await redis.zrem(key, holder).catch((error: unknown) => storeFailed(error));
      }
    },
  };
}
