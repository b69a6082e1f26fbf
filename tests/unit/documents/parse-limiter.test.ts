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
});
