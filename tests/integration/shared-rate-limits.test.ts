/**
 * Issue 16: with REDIS_URL set, every instance counts a visitor's requests against one budget
 * (@fastify/rate-limit's Redis store), so a load balancer spreading them over two instances
 * does not double it. Two apps in one process, each with its own database, stand for two
 * instances behind a proxy; the visitor's cookie works on both (same SESSION_SECRET, as the
 * README requires). A real redis-server: tests/support/redis.ts. The control case shows what
 * happens without the shared store (each instance has its own budget), so the shared case can
 * fail.
 */
import { describe, expect } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { Redis } from 'ioredis';
import { NO_RATE_LIMITS, type RedisSettings } from '../../src/config.js';
import { csrfTokenIn, type MakeApp, useTestApp } from '../support/test-app.js';
import { keyPrefix, startThrowawayRedis, useRedis } from '../support/redis.js';
import { html } from '../support/html.js';

const test = useTestApp({ eager: false });

const redis = useRedis();
const CREATE_PER_HOUR = 3;
const form = (n: number) => ({ job_title: `Line cook ${n}`, company_name: 'Bistro Nord', interview_type: 'behavioral' });

/** One browser whose requests the proxy sends to either instance: the same cookie and CSRF token. */
class BalancedVisitor {
  private cookie = '';
  private token = '';
  constructor(private readonly remoteAddress: string) {}

  async arrive(app: FastifyInstance): Promise<void> {
    const page = await app.inject({ method: 'GET', url: '/', remoteAddress: this.remoteAddress });
    this.cookie = String(page.headers['set-cookie']).split(';')[0]!;
    this.token = csrfTokenIn(page.body)!;
    expect(this.token).toBeTruthy();
  }

  create(app: FastifyInstance, n: number): Promise<LightMyRequestResponse> {
    return app.inject({
      method: 'POST',
      url: '/session/create',
      remoteAddress: this.remoteAddress,
      headers: { cookie: this.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: this.token, ...form(n) }).toString(),
    });
  }
}

/** One instance of the app (the fixture closes it after the test). */
const instance = (makeApp: MakeApp, store: RedisSettings | null): Promise<FastifyInstance> =>
  makeApp({ rateLimits: { ...NO_RATE_LIMITS, createPerHour: CREATE_PER_HOUR }, redis: store });

const settings = (url: string, prefix = keyPrefix()): RedisSettings => ({ url, redactedUrl: url, keyPrefix: prefix });

describe('rate limits across two instances', () => {
  test('with REDIS_URL, one visitor has one budget whichever instance serves them', async ({ makeApp }) => {
    const store = settings(redis.server().url);
    const [a, b] = [await instance(makeApp, store), await instance(makeApp, store)];
    const visitor = new BalancedVisitor('203.0.113.10');
    await visitor.arrive(a);

    // The proxy alternates: A, B, A — three creates, the hourly budget.
    expect((await visitor.create(a, 1)).statusCode).toBe(303);
    expect((await visitor.create(b, 2)).statusCode).toBe(303);
    expect((await visitor.create(a, 3)).statusCode).toBe(303);

    // The fourth is refused on B, which served only one of them, and on A.
    const refused = await visitor.create(b, 4);
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(60);
    expect(html(refused.body).querySelector('#error')?.getAttribute('data-code')).toBe('RATE_LIMITED');
    expect((await visitor.create(a, 5)).statusCode).toBe(429);

    // The counters are in Redis, under this app's prefix.
    const client = new Redis(redis.server().url);
    try {
      const keys = await client.keys(`${store.keyPrefix}rate-limit:*`);
      expect(keys.some((k) => k.includes('create|v:'))).toBe(true);
      expect(keys.some((k) => k.includes('create-ip|ip:203.0.113.10'))).toBe(true);
    } finally {
      client.disconnect();
    }

    // Another visitor is not affected.
    const other = new BalancedVisitor('203.0.113.11');
    await other.arrive(b);
    expect((await other.create(b, 6)).statusCode).toBe(303);
  });

  test('without REDIS_URL each instance counts alone: the same visitor gets a budget per instance', async ({ makeApp }) => {
    const [a, b] = [await instance(makeApp, null), await instance(makeApp, null)];
    expect(a.sharedStore).toBeNull();
    const visitor = new BalancedVisitor('203.0.113.20');
    await visitor.arrive(a);
    for (let n = 1; n <= CREATE_PER_HOUR; n++) expect((await visitor.create(a, n)).statusCode).toBe(303);
    expect((await visitor.create(a, 4)).statusCode).toBe(429);
    // B never saw them: this is what REDIS_URL is for.
    expect((await visitor.create(b, 5)).statusCode).toBe(303);
  });
});

describe('/ready and the shared store', () => {
  test('is ready when the store answers', async ({ makeApp }) => {
    const app = await instance(makeApp, settings(redis.server().url));
    const ready = await app.inject('/ready');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ status: 'ready' });
  });

  test('says 503 with the reason when the store is unreachable, and keeps serving (limits fail open)', async ({ makeApp }) => {
    const app = await instance(makeApp, settings('redis://127.0.0.1:9/0'));
    const ready = await app.inject('/ready');
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toEqual({ status: 'unavailable', reason: expect.stringMatching(/^shared store: /) });
    expect((await app.inject('/health')).statusCode).toBe(200);

    // Pages and rate-limited actions still work: the limit is skipped, not the request.
    const visitor = new BalancedVisitor('203.0.113.30');
    await visitor.arrive(app);
    for (let n = 1; n <= CREATE_PER_HOUR + 1; n++) expect((await visitor.create(app, n)).statusCode).toBe(303);
  });

  test('notices a store that goes away and comes back: 503 meanwhile (requests still served), ready again after', async ({ makeApp }) => {
    // A store of this test's own, so it can be stopped and started again on the same port.
    let store = await startThrowawayRedis();
    const port = Number(new URL(store.url).port);
    try {
      const app = await instance(makeApp, settings(store.url));
      expect((await app.inject('/ready')).statusCode).toBe(200);
      await store.stop();
      await until(async () => (await app.inject('/ready')).statusCode === 503, 'the store is noticed gone');
      const visitor = new BalancedVisitor('203.0.113.40');
      await visitor.arrive(app);
      expect((await visitor.create(app, 1)).statusCode).toBe(303);

      store = await startThrowawayRedis(port);
      await until(async () => (await app.inject('/ready')).statusCode === 200, 'the store is back');
      // Counting again, in the store: the budget is enforced once more.
      for (let n = 2; n <= CREATE_PER_HOUR + 1; n++) expect((await visitor.create(app, n)).statusCode).toBe(303);
      expect((await visitor.create(app, 99)).statusCode).toBe(429);
    } finally {
      await store.stop();
    }
  }, 60_000);
});

/** Polls `check` until it holds (bounded, so a broken reconnect fails instead of hanging). */
async function until(check: () => Promise<boolean>, what: string, deadlineMs = 30_000): Promise<void> {
  const end = Date.now() + deadlineMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`gave up waiting: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
