import { describe, expect, it } from 'vitest';
import { createParseLimiter } from '../../../src/documents/parse-limiter.js';
import { isAppError } from '../../../src/errors.js';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('parse limiter', () => {
  it('runs at most maxParallel at once and queues the rest in order', async () => {
    const limiter = createParseLimiter({ maxParallel: 2, maxQueued: 5, maxWaitMs: 5000 });
    const gates = Array.from({ length: 5 }, deferred);
    const started: number[] = [];
    let peak = 0;
    const runs = gates.map((gate, i) =>
      limiter.run(async () => {
        started.push(i);
        peak = Math.max(peak, limiter.active);
        await gate.promise;
        return i;
      }),
    );
    await Promise.resolve();
    expect(limiter.active).toBe(2);
    expect(limiter.queued).toBe(3);
    for (const gate of gates) {
      gate.resolve();
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(await Promise.all(runs)).toEqual([0, 1, 2, 3, 4]);
    expect(started).toEqual([0, 1, 2, 3, 4]);
    expect(peak).toBe(2);
    expect(limiter.active).toBe(0);
  });

  it('refuses at once with DOCUMENTS_BUSY (503) when the queue is full', async () => {
    const limiter = createParseLimiter({ maxParallel: 1, maxQueued: 1, maxWaitMs: 5000 });
    const gate = deferred();
    const first = limiter.run(() => gate.promise);
    const second = limiter.run(async () => 'second');
    const third = limiter.run(async () => 'third').catch((e: unknown) => e);
    const error = await third;
    expect(isAppError(error) && error.code).toBe('DOCUMENTS_BUSY');
    expect(isAppError(error) && error.statusCode).toBe(503);
    gate.resolve();
    await first;
    expect(await second).toBe('second');
  });

  it('gives up on a wait longer than maxWaitMs, and the slot count stays right', async () => {
    const limiter = createParseLimiter({ maxParallel: 1, maxQueued: 3, maxWaitMs: 30 });
    const gate = deferred();
    const first = limiter.run(() => gate.promise);
    const waited = await limiter.run(async () => 'never').catch((e: unknown) => e);
    expect(isAppError(waited) && waited.code).toBe('DOCUMENTS_BUSY');
    expect(limiter.queued).toBe(0);
    gate.resolve();
    await first;
    expect(limiter.active).toBe(0);
    expect(await limiter.run(async () => 'after')).toBe('after');
  });

  it('frees the slot when a parse fails', async () => {
    const limiter = createParseLimiter({ maxParallel: 1, maxQueued: 0, maxWaitMs: 100 });
    await expect(limiter.run(() => Promise.reject(new Error('bad file')))).rejects.toThrow('bad file');
    expect(await limiter.run(async () => 'ok')).toBe('ok');
  });

  describe('fairness between visitors (issue 17: one visitor held every slot with bombs)', () => {
    const mallory = { visitor: 'mallory', address: '203.0.113.9' };
    const alice = { visitor: 'alice', address: '198.51.100.1' };
    const bob = { visitor: 'bob', address: '198.51.100.2' };

    it('one visitor runs one parse at a time; their next waits behind other visitors', async () => {
      const limiter = createParseLimiter({ maxParallel: 2, maxQueued: 10, maxWaitMs: 5000, maxPerVisitor: 2 });
      const gates = Array.from({ length: 4 }, deferred);
      const order: string[] = [];
      const job = (name: string, gate: { promise: Promise<void> }) => async () => {
        order.push(name);
        await gate.promise;
      };
      const m1 = limiter.run(job('mallory-1', gates[0]!), mallory);
      const m2 = limiter.run(job('mallory-2', gates[1]!), mallory);
      const a1 = limiter.run(job('alice-1', gates[2]!), alice);
      await Promise.resolve();
      // A thread is free, but mallory already runs one: alice gets it.
      expect(order).toEqual(['mallory-1', 'alice-1']);
      expect(limiter.queued).toBe(1);
      const b1 = limiter.run(job('bob-1', gates[3]!), bob);
      gates[2]!.resolve(); // alice done: bob, who came later, may start before mallory's second
      await a1;
      expect(order).toEqual(['mallory-1', 'alice-1', 'bob-1']);
      gates[0]!.resolve();
      await m1;
      expect(order).toEqual(['mallory-1', 'alice-1', 'bob-1', 'mallory-2']);
      gates[1]!.resolve();
      gates[3]!.resolve();
      await Promise.all([m2, b1]);
      expect(limiter.active).toBe(0);
    });

    it('refuses a visitor past maxPerVisitor, and an address past five times that, with TOO_MANY_DOCUMENTS (429)', async () => {
      const limiter = createParseLimiter({ maxParallel: 2, maxQueued: 50, maxWaitMs: 5000, maxPerVisitor: 2 });
      const gate = deferred();
      const held = [limiter.run(() => gate.promise, mallory), limiter.run(() => gate.promise, mallory)];
      const third = await limiter.run(async () => 'no', mallory).catch((e: unknown) => e);
      expect(isAppError(third) && [third.code, third.statusCode]).toEqual(['TOO_MANY_DOCUMENTS', 429]);
      // New guest identities from the same address: 10 in all, then refused.
      for (let i = 0; i < 8; i++) held.push(limiter.run(() => gate.promise, { visitor: `guest-${i}`, address: mallory.address }));
      const eleventh = await limiter.run(async () => 'no', { visitor: 'guest-x', address: mallory.address }).catch((e: unknown) => e);
      expect(isAppError(eleventh) && eleventh.code).toBe('TOO_MANY_DOCUMENTS');
      // Someone else is still admitted.
      const other = limiter.run(async () => 'alice', alice);
      gate.resolve();
      await Promise.all(held);
      expect(await other).toBe('alice');
    });

    it('one address never holds every thread: one stays for everyone else', async () => {
      const limiter = createParseLimiter({ maxParallel: 3, maxQueued: 10, maxWaitMs: 5000, maxPerVisitor: 2 });
      const gate = deferred();
      const runningNow: string[] = [];
      const job = (name: string) => async () => {
        runningNow.push(name);
        await gate.promise;
      };
      const guests = [0, 1, 2].map((i) => limiter.run(job(`guest-${i}`), { visitor: `guest-${i}`, address: mallory.address }));
      await Promise.resolve();
      expect(runningNow).toEqual(['guest-0', 'guest-1']); // 2 of 3 threads; guest-2 waits
      const a = limiter.run(job('alice'), alice);
      await Promise.resolve();
      expect(runningNow).toEqual(['guest-0', 'guest-1', 'alice']);
      gate.resolve();
      await Promise.all([...guests, a]);
    });
  });
});
