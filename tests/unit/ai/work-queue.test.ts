import { describe, expect, it } from 'vitest';
import { createWorkQueue, limitAiClient, QueueFullError } from '../../../src/ai/work-queue.js';
import { isAppError } from '../../../src/errors.js';
import type { AiClient } from '../../../src/ai/ai-client.js';

function deferred<T = void>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('work queue', () => {
  it('runs at most `concurrency` tasks and starts waiting ones in order', async () => {
    const queue = createWorkQueue({ concurrency: 2, maxWaiting: 10 });
    const gates = [deferred(), deferred(), deferred(), deferred()];
    const started: number[] = [];
    const runs = gates.map((gate, i) =>
      queue.run(async () => {
        started.push(i);
        await gate.promise;
        return i;
      }),
    );
    await tick();
    expect(started).toEqual([0, 1]);
    expect(queue.stats()).toMatchObject({ running: 2, waiting: 2 });
    gates[1]!.resolve();
    await tick();
    expect(started).toEqual([0, 1, 2]);
    gates[0]!.resolve();
    gates[2]!.resolve();
    gates[3]!.resolve();
    expect(await Promise.all(runs)).toEqual([0, 1, 2, 3]);
    expect(queue.stats()).toMatchObject({ running: 0, waiting: 0 });
  });

  it('refuses at once when the queue is full, and frees the slot of a failed task', async () => {
    const queue = createWorkQueue({ concurrency: 1, maxWaiting: 1 });
    const gate = deferred();
    const first = queue.run(() => gate.promise);
    const second = queue.run(async () => 'second');
    await expect(queue.run(async () => 'third')).rejects.toBeInstanceOf(QueueFullError);
    gate.reject(new Error('boom'));
    await expect(first).rejects.toThrow('boom');
    expect(await second).toBe('second');
    expect(await queue.run(async () => 'again')).toBe('again');
  });

  it('tells each key its position: 0 running, N waiting, null for nothing', async () => {
    const queue = createWorkQueue({ concurrency: 1, maxWaiting: 5 });
    const gates = [deferred(), deferred(), deferred()];
    const runs = [
      queue.run(() => gates[0]!.promise, 'a'),
      queue.run(() => gates[1]!.promise, 'b'),
      queue.run(() => gates[2]!.promise, 'c'),
    ];
    expect(queue.position('a')).toBe(0);
    expect(queue.position('b')).toBe(1);
    expect(queue.position('c')).toBe(2);
    expect(queue.position('nobody')).toBeNull();
    gates[0]!.resolve();
    await runs[0];
    await tick();
    expect(queue.position('a')).toBeNull();
    expect(queue.position('b')).toBe(0);
    expect(queue.position('c')).toBe(1);
    gates[1]!.resolve();
    gates[2]!.resolve();
    await Promise.all(runs);
    expect(queue.position('c')).toBeNull();
  });

  it('turns a full queue into AI_BUSY (503) for the AI client', async () => {
    const gate = deferred();
    const ai = {
      providerNames: ['fake'],
      providerStatus: () => [],
      planQuestion: () => gate.promise.then(() => ({ value: { text: 'Q', kind: 'behavioral', focus: 'f' }, provider: 'fake' })),
      evaluateAnswer: () => Promise.reject(new Error('unused')),
      summarizeInterview: () => Promise.reject(new Error('unused')),
    } as unknown as AiClient;
    const queue = createWorkQueue({ concurrency: 1, maxWaiting: 0 });
    const limited = limitAiClient(ai, queue, () => 'session-1');
    const input = {} as Parameters<AiClient['planQuestion']>[0];
    const first = limited.planQuestion(input);
    expect(queue.position('session-1')).toBe(0);
    const refused = await limited.planQuestion(input).catch((error: unknown) => error);
    expect(isAppError(refused) && refused.code).toBe('AI_BUSY');
    expect(isAppError(refused) && refused.statusCode).toBe(503);
    gate.resolve();
    expect((await first).provider).toBe('fake');
    expect(limited.providerNames).toEqual(['fake']);
  });
});
