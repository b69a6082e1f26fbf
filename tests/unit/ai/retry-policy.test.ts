import { describe, expect, it } from 'vitest';
import { AiProviderError } from '../../../src/ai/provider-error.js';
import { retryDelay, withRetries, type RetryPolicy } from '../../../src/ai/retry-policy.js';

const policy: RetryPolicy = { maxRetries: 3, retryBaseMs: 100, retryMaxDelayMs: 1000 };

describe('retryDelay', () => {
  it('doubles each retry, with jitter between half and all of the step', () => {
    expect([1, 2, 3].map((n) => retryDelay(n, policy, undefined, () => 0))).toEqual([50, 100, 200]);
    expect([1, 2, 3].map((n) => retryDelay(n, policy, undefined, () => 0.999999))).toEqual([100, 200, 400]);
    expect(retryDelay(10, policy, undefined, () => 0.5)).toBe(1000);
  });

  it("uses the server's Retry-After, or none at all (fail over now) when it is longer than the longest wait", () => {
    expect(retryDelay(1, policy, 300, () => 0)).toBe(300);
    expect(retryDelay(1, policy, 60_000, () => 0)).toBe(Infinity);
  });
});

function recorder() {
  const slept: number[] = [];
  return { slept, sleep: async (ms: number) => void slept.push(ms) };
}

const run = (fail: (attempt: number) => Error | null, extra: Partial<Parameters<typeof withRetries>[1]> = {}) => {
  const { slept, sleep } = recorder();
  let attempts = 0;
  const promise = withRetries(
    async (n) => {
      attempts = n;
      const error = fail(n);
      if (error) throw error;
      return 'done';
    },
    { policy, signal: new AbortController().signal, deadline: Number.POSITIVE_INFINITY, sleep, random: () => 0, ...extra },
  );
  return { promise, slept, attempts: () => attempts };
};

describe('withRetries', () => {
  it('retries retryable failures until one succeeds', async () => {
    const r = run((n) => (n < 3 ? new AiProviderError('p', 'server', '503', 503) : null));
    await expect(r.promise).resolves.toBe('done');
    expect(r.attempts()).toBe(3);
    expect(r.slept).toEqual([50, 100]);
  });

  it('stops after maxRetries and rethrows the last failure', async () => {
    const r = run(() => new AiProviderError('p', 'server', '503', 503));
    await expect(r.promise).rejects.toMatchObject({ kind: 'server' });
    expect(r.attempts()).toBe(policy.maxRetries + 1);
  });

  it('does not retry a non-retryable failure', async () => {
    const r = run(() => new AiProviderError('p', 'auth', '401', 401));
    await expect(r.promise).rejects.toMatchObject({ kind: 'auth' });
    expect(r.attempts()).toBe(1);
    expect(r.slept).toEqual([]);
  });

  it('honours Retry-After', async () => {
    const r = run((n) => (n === 1 ? new AiProviderError('p', 'rate_limited', '429', 429, 700) : null));
    await expect(r.promise).resolves.toBe('done');
    expect(r.slept).toEqual([700]);
  });

  it('gives up instead of waiting past the deadline', async () => {
    const r = run(() => new AiProviderError('p', 'rate_limited', '429', 429, 900), { now: () => 0, deadline: 500 });
    await expect(r.promise).rejects.toMatchObject({ kind: 'rate_limited' });
    expect(r.attempts()).toBe(1);
    expect(r.slept).toEqual([]);
  });

  it('reports each retry', async () => {
    const events: Array<{ attempt: number; delayMs: number }> = [];
    const r = run((n) => (n < 3 ? new AiProviderError('p', 'network', 'reset') : null), {
      onRetry: ({ attempt, delayMs }) => events.push({ attempt, delayMs }),
    });
    await r.promise;
    expect(events).toEqual([
      { attempt: 1, delayMs: 50 },
      { attempt: 2, delayMs: 100 },
    ]);
  });
});
