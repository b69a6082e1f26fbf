/**
 * Issue 16: with REDIS_URL, AI calls running at once are limited across every instance
 * (AI_GLOBAL_CONCURRENCY; src/shared-semaphore.ts), inside each instance's own work queue.
 * Two work queues, each with its own Redis connection, stand for two instances; a real
 * redis-server (tests/support/redis.ts). The "provider" is a probe that counts the calls inside
 * it and holds each until the test lets it go. The control case (no global limit) shows the
 * total the global limit prevents, so the limited case can fail.
 */
import { spawn } from 'node:child_process';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { createWorkQueue, limitAiClient, type WorkQueue } from '../../src/ai/work-queue.js';
import type { AiClient } from '../../src/ai/ai-client.js';
import { createSharedSemaphore, SemaphoreWaitTimeout, type SharedSemaphore, type SharedSemaphoreOptions } from '../../src/shared-semaphore.js';
import { openSharedStore, type SharedStore } from '../../src/shared-store.js';
import { isAppError } from '../../src/errors.js';
import { createOfflineProvider } from '../../src/ai/providers/offline.js';
import type { AiProvider } from '../../src/ai/types.js';
import { NO_RATE_LIMITS } from '../../src/config.js';
import type { FastifyInstance } from 'fastify';
import { keyPrefix, startThrowawayRedis, useRedis } from '../support/redis.js';
import { useTestApp, Visitor } from '../support/test-app.js';
import { PROJECT_ROOT, TSX } from '../support/server-process.js';
import { currentQuestion, setUpSession, type CurrentQuestion } from '../support/interview-driver.js';
import { strongAnswer } from '../support/answers.js';
import { stored } from '../support/db-inspect.js';

const redis = useRedis();

/** A process holding one slot (argv: url, key, limit, lease ms) with a call that never ends. */
const HOLDER_SCRIPT = `
import { Redis } from 'ioredis';
import { createSharedSemaphore } from './src/shared-semaphore.ts';
const [url, key, limit, leaseMs] = process.argv.slice(1);
const redis = new Redis(url, { enableOfflineQueue: false });
redis.once('ready', () => {
  const semaphore = createSharedSemaphore({ redis, key, limit: Number(limit), leaseMs: Number(leaseMs), log: console });
  semaphore.run(() => {
    console.log('holding');
    return new Promise(() => {});
  });
});
`;

/** Everything a test opened, closed after it. */
const opened: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const close of opened.splice(0).reverse()) await close();
});

/** A connection set up as the app's (shared-store.ts): no offline queue, so wait until it is ready. */
async function client(url = redis.server().url): Promise<Redis> {
  const c = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, commandTimeout: 1000 });
  c.on('error', () => {});
  opened.push(() => c.disconnect());
  await new Promise((resolve) => c.once('ready', resolve));
  return c;
}

/** The test's own look into the store. */
let inspector: Redis | null = null;
afterAll(() => inspector?.disconnect());
const holders = (key: string) => (inspector ??= new Redis(redis.server().url)).zcard(key);

/** A log that keeps what was said. */
function captureLog() {
  const lines: Array<{ level: 'warn' | 'info'; msg: string }> = [];
  const at = (level: 'warn' | 'info') => (a: unknown, b?: unknown) => void lines.push({ level, msg: String(typeof a === 'string' ? a : b) });
  return { lines, log: { warn: at('warn'), info: at('info') } as unknown as SharedSemaphoreOptions['log'] };
}

/** One "instance": its own Redis connection and semaphore on the shared key, inside a local queue. */
async function instance(key: string, { limit, concurrency, leaseMs }: { limit: number | null; concurrency: number; leaseMs?: number }) {
  const semaphore = limit === null ? null : createSharedSemaphore({ redis: await client(), key, limit, leaseMs, log: captureLog().log });
  return { queue: createWorkQueue({ concurrency, maxWaiting: 10, global: semaphore }), semaphore };
}

/** The model: counts calls in progress (and the most at once), holds each until released. */
function probe() {
  let running = 0;
  let most = 0;
  const held: Array<() => void> = [];
  return {
    call: async (name: string): Promise<string> => {
      running++;
      most = Math.max(most, running);
      try {
        await new Promise<void>((resolve) => held.push(resolve));
        return name;
      } finally {
        running--;
      }
    },
    /** Lets the oldest held call finish. */
    releaseOne: () => held.shift()?.(),
    get running() {
      return running;
    },
    get most() {
      return most;
    },
  };
}

async function until(check: () => boolean | Promise<boolean>, what: string, deadlineMs = 20_000): Promise<void> {
  const end = Date.now() + deadlineMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`gave up waiting: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * Six calls, three on each instance (each may run two); lets them finish one at a time and
 * returns the most that ran at once.
 */
async function sixCallsOverTwoInstances(queues: WorkQueue[]): Promise<{ most: number; results: string[] }> {
  const model = probe();
  const runs = [0, 1, 2].flatMap((n) => queues.map((q, i) => q.run(() => model.call(`${i}-${n}`))));
  for (let finished = 0; finished < runs.length; finished++) {
    // Wait until as many run as may (the rest poll for a slot meanwhile), then free one.
    await until(() => model.running >= Math.min(2, runs.length - finished), 'calls to start');
    model.releaseOne();
  }
  return { most: model.most, results: await Promise.all(runs) };
}

describe('the AI calls\' global limit (two instances, one Redis)', () => {
  it('with a global limit of 2, never more than 2 calls run at once in total, though each instance may run 2', async () => {
    const key = `${keyPrefix()}ai-calls`;
    const a = await instance(key, { limit: 2, concurrency: 2 });
    const b = await instance(key, { limit: 2, concurrency: 2 });
    const { most, results } = await sixCallsOverTwoInstances([a.queue, b.queue]);
    expect(most).toBe(2);
    expect(results.sort()).toEqual(['0-0', '0-1', '0-2', '1-0', '1-1', '1-2']);
    // Every slot was given back.
    await until(async () => (await holders(key)) === 0, 'the slots to be released');
  });

  it('without it (no REDIS_URL, or AI_GLOBAL_CONCURRENCY=0) each instance runs its own 2: 4 at once', async () => {
    const a = await instance('unused', { limit: null, concurrency: 2 });
    const b = await instance('unused', { limit: null, concurrency: 2 });
    const { most } = await sixCallsOverTwoInstances([a.queue, b.queue]);
    expect(most).toBe(4);
  });

  it('gives the slot back after a success, a failure and a timeout', async () => {
    const key = `${keyPrefix()}ai-calls`;
    const { semaphore } = await instance(key, { limit: 1, concurrency: 1 });
    const one = semaphore!;
    let inside = -1;
    expect(await one.run(async () => ((inside = await holders(key)), 'ok'))).toBe('ok');
    expect(inside).toBe(1);
    expect(await holders(key)).toBe(0);

    await expect(one.run(async () => Promise.reject(new Error('the provider answered 500')))).rejects.toThrow('the provider answered 500');
    expect(await holders(key)).toBe(0);

    // A call that times out (as the AI client aborts one that gets no reply).
    const timedOut = one.run(
      () =>
        new Promise((_, reject) => {
          const signal = AbortSignal.timeout(50);
          signal.addEventListener('abort', () => reject(signal.reason));
        }),
    );
    await expect(timedOut).rejects.toMatchObject({ name: 'TimeoutError' });
    expect(await holders(key)).toBe(0);

    // The one slot is free for the next call.
    expect(await one.run(async () => 'next')).toBe('next');
  });

  it('taking a slot twice for one holder (a try sent again after a lost reply) takes one slot, not two', async () => {
    const key = `${keyPrefix()}ai-calls`;
    const connection = await client();
    createSharedSemaphore({ redis: connection, key, limit: 1, log: captureLog().log });
    expect(await connection.rehearseSemaphoreAcquire(key, 1, 'holder-a', 10_000)).toBe(1);
    expect(await connection.rehearseSemaphoreAcquire(key, 1, 'holder-a', 10_000)).toBe(1);
    expect(await connection.rehearseSemaphoreAcquire(key, 1, 'holder-b', 10_000)).toBe(0);
    expect(await holders(key)).toBe(1);
  });

  it('a call that waits too long for a slot gets AI_BUSY and takes nothing', async () => {
    const key = `${keyPrefix()}ai-calls`;
    const holder = createSharedSemaphore({ redis: await client(), key, limit: 1, log: captureLog().log });
    const model = probe();
    const running = holder.run(() => model.call('holder'));
    await until(() => model.running === 1, 'the holder to start');

    const impatient = createSharedSemaphore({ redis: await client(), key, limit: 1, maxWaitMs: 300, log: captureLog().log });
    await expect(impatient.run(async () => 'never')).rejects.toBeInstanceOf(SemaphoreWaitTimeout);
    // Through the AI client it is the AI_BUSY page (503; the answer is already stored).
    const ai = limitAiClient({ evaluateAnswer: async () => 'never' } as unknown as AiClient, createWorkQueue({ concurrency: 1, maxWaiting: 1, global: impatient }));
    const busy = await ai.evaluateAnswer({} as never).catch((error: unknown) => error);
    expect(isAppError(busy) && busy.code).toBe('AI_BUSY');
    expect(await holders(key)).toBe(1);

    model.releaseOne();
    expect(await running).toBe('holder');
    expect(await holders(key)).toBe(0);
  });

  it('a holder that is killed (kill -9) mid-call keeps its slot while alive, and frees it when its lease ends', async () => {
    const key = `${keyPrefix()}ai-calls`;
    // Renewed every second: a loaded machine would have to starve the holder 2 s to lose it.
    const leaseMs = 3000;
    // Two slots: one held here for the whole test (so the set itself never expires: the dead
    // holder must be dropped from it), the other by another process, until it is killed.
    const here = createSharedSemaphore({ redis: await client(), key, limit: 2, leaseMs, log: captureLog().log });
    const model = probe();
    const held = here.run(() => model.call('held here'));
    await until(() => model.running === 1, 'the first slot to be taken');
    const child = spawn(process.execPath, ['--import', TSX, '--input-type=module', '-e', HOLDER_SCRIPT, redis.server().url, key, '2', String(leaseMs)], {
      cwd: PROJECT_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    opened.push(async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await until(() => output.includes('holding'), `the other process to take the slot (its output: ${output})`, 30_000);
    expect(await holders(key)).toBe(2);

    // Alive, it renews its lease: this instance, waiting two leases long, does not get in.
    const other = createSharedSemaphore({ redis: await client(), key, limit: 2, leaseMs, maxWaitMs: 2 * leaseMs + 500, log: captureLog().log });
    await expect(other.run(async () => 'too early')).rejects.toBeInstanceOf(SemaphoreWaitTimeout);

    // Killed: no renewal, no release. Its slot comes back once the lease ends.
    child.kill('SIGKILL');
    await exited;
    expect(await holders(key)).toBe(2);
    const patient = createSharedSemaphore({ redis: await client(), key, limit: 2, leaseMs, maxWaitMs: 30_000, log: captureLog().log });
    expect(await patient.run(async () => 'after the lease')).toBe('after the lease');

    model.releaseOne();
    expect(await held).toBe('held here');
    expect(await holders(key)).toBe(0);
  }, 60_000);
});

describe('when the shared store is unreachable', () => {
  let store: SharedStore | null = null;
  afterEach(async () => {
    await store?.close();
    store = null;
  });

  it('AI calls still run (limited per instance), and the outage is logged once', async () => {
    const { lines, log } = captureLog();
    store = openSharedStore({ url: 'redis://127.0.0.1:9/0', redactedUrl: 'redis://127.0.0.1:9/0', keyPrefix: keyPrefix() }, log);
    const semaphore = createSharedSemaphore({ redis: store.redis, key: `${store.keyPrefix}ai-calls`, limit: 1, log });
    const queue = createWorkQueue({ concurrency: 2, maxWaiting: 10, global: semaphore });
    expect(await Promise.all([queue.run(async () => 'first'), queue.run(async () => 'second'), queue.run(async () => 'third')])).toEqual(['first', 'second', 'third']);
    expect(lines.filter((l) => l.msg.startsWith('shared store unreachable: AI calls are limited per instance'))).toHaveLength(1);
  });

  it('a store that goes away during a call: the call finishes (no crash), and the limit is back with the store', async () => {
    let server = await startThrowawayRedis();
    const port = Number(new URL(server.url).port);
    opened.push(() => server.stop());
    const { lines, log } = captureLog();
    const prefix = keyPrefix();
    store = openSharedStore({ url: server.url, redactedUrl: server.url, keyPrefix: prefix }, log);
    expect(await store.connected()).toBe(true);
    const semaphore: SharedSemaphore = createSharedSemaphore({ redis: store.redis, key: `${prefix}ai-calls`, limit: 1, leaseMs: 300, log });
    const model = probe();
    const during = semaphore.run(() => model.call('during the outage'));
    await until(() => model.running === 1, 'the call to start');

    await server.stop();
    // The lease renewals now fail: logged, never an unhandled rejection (which would end the process).
    await until(() => lines.some((l) => l.level === 'warn' && l.msg.startsWith('shared store unreachable: AI calls')), 'the failed renewal to be logged');
    model.releaseOne();
    expect(await during).toBe('during the outage');

    server = await startThrowawayRedis(port);
    await until(() => store!.redis.status === 'ready', 'the store to be back', 30_000);
    // Counted in the store again: a holder is visible while a call runs.
    const again = semaphore.run(() => model.call('after'));
    await until(async () => model.running === 1 && (await store!.redis.zcard(`${prefix}ai-calls`)) === 1, 'a counted call');
    model.releaseOne();
    expect(await again).toBe('after');
    expect(lines.some((l) => l.level === 'info' && l.msg.startsWith('shared store reachable again: AI calls use the global limit'))).toBe(true);
  }, 60_000);
});

/**
 * The offline interviewer behind a gate the test opens one call at a time, counting the calls
 * in progress across every app that uses it (the one AI provider account they share).
 */
function sharedModel() {
  const base = createOfflineProvider();
  let holding = false;
  let running = 0;
  let most = 0;
  const held: Array<() => void> = [];
  async function through<T>(call: () => Promise<T>): Promise<T> {
    running++;
    most = Math.max(most, running);
    try {
      if (holding) await new Promise<void>((resolve) => held.push(resolve));
      return await call();
    } finally {
      running--;
    }
  }
  const provider: AiProvider = {
    name: 'shared-model',
    planQuestion: (input, signal) => through(() => base.planQuestion(input, signal)),
    nextTurn: (input, signal) => through(() => base.nextTurn(input, signal)),
    evaluateAnswer: (input, signal) => through(() => base.evaluateAnswer(input, signal)),
    summarizeInterview: (input, signal) => through(() => base.summarizeInterview(input, signal)),
  };
  return {
    provider,
    /** From now on calls wait until `releaseOne`; the count of the most at once starts again. */
    hold() {
      holding = true;
      most = running;
    },
    releaseOne: () => held.shift()?.(),
    /** Lets every held call and every later one through. */
    open() {
      holding = false;
      for (const pass of held.splice(0)) pass();
    },
    get running() {
      return running;
    },
    get most() {
      return most;
    },
  };
}

const appTest = useTestApp({ eager: false });

describe('two app instances on one Redis (AI_GLOBAL_CONCURRENCY=2, AI_CONCURRENCY=2 each)', () => {
  appTest('six candidates answering at once on two instances: at most 2 AI calls reach the provider at a time, and every interview goes on', async ({ makeApp }) => {
    const model = sharedModel();
    const config = {
      rateLimits: NO_RATE_LIMITS,
      redis: { url: redis.server().url, redactedUrl: redis.server().url, keyPrefix: keyPrefix() },
      aiQueue: { concurrency: 2, maxWaiting: 20 },
      aiGlobalConcurrency: 2,
    };
    const apps = [await makeApp(config, { providers: [model.provider] }), await makeApp(config, { providers: [model.provider] })];
    const candidates: Array<{ app: FastifyInstance; visitor: Visitor; id: string; q1: CurrentQuestion }> = [];
    for (const app of [...apps, ...apps, ...apps]) {
      const visitor = new Visitor(app);
      const id = await setUpSession(visitor, { cv: 'cv-alex-morgan.txt' });
      expect((await visitor.post(`/session/${id}/start`)).statusCode).toBe(303);
      candidates.push({ app, visitor, id, q1: (await currentQuestion(visitor, id))! });
    }

    model.hold();
    // Each answer is stored and answered at once; its evaluation and the next turn wait for the model.
    for (const { visitor, id, q1 } of candidates) {
      const res = await visitor.post(`/session/${id}/message`, { answer: strongAnswer(q1), question_id: q1.id }, { htmx: true });
      expect(res.statusCode).toBe(200);
    }
    const pending = () => apps.reduce((n, app) => n + app.aiQueue.stats().running + app.aiQueue.stats().waiting, 0);
    expect(pending()).toBeGreaterThan(4);
    // Let the calls through one at a time, each once as many run as may (the rest poll for a slot meanwhile).
    while (pending() > 0) {
      await until(() => pending() === 0 || model.running >= Math.min(2, pending()), 'the model to be as busy as allowed');
      model.releaseOne();
    }
    model.open();
    expect(model.most).toBe(2);

    for (const { app, visitor, id, q1 } of candidates) {
      expect((await currentQuestion(visitor, id))!.id).not.toBe(q1.id);
      expect((await stored(app).messages(id)).filter((m) => m.kind === 'answer').map((m) => m.content)).toEqual([strongAnswer(q1)]);
    }
  }, 60_000);
});
