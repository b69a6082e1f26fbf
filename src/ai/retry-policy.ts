/**
 * When and how long to wait before asking a provider again. p-retry runs the loop (attempt
 * counting, abort signal, total time); the decisions are ours: only retryable failures are
 * retried, the delay is exponential with jitter or the server's Retry-After, and a wait that is
 * longer than `retryMaxDelayMs` or would overrun the call's budget is not taken — the next
 * provider is tried at once instead (a server asking for 30 s is not waited on for 8 s twice).
 */
import pRetry from 'p-retry';
import { AiProviderError, isAiProviderError } from './provider-error.js';

export interface RetryPolicy {
  maxRetries: number;
  /** First back-off step; each retry doubles it. */
  retryBaseMs: number;
  /** Longest single wait; a longer Retry-After means "try the next provider now". */
  retryMaxDelayMs: number;
}

export type Sleep = (ms: number, signal: AbortSignal) => Promise<void>;

/** A real, abortable sleep. */
const sleep: Sleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });

/**
 * Delay before retry number `retry` (1-based): the server's Retry-After when it sent one
 * (Infinity when that is longer than `retryMaxDelayMs`: then we do not retry at all),
 * otherwise base·2^(retry-1) with "equal jitter" (half fixed, half random) so many clients
 * don't retry in lock-step; never more than `retryMaxDelayMs`.
 */
export function retryDelay(retry: number, policy: RetryPolicy, retryAfterMs: number | undefined, random: () => number): number {
  if (retryAfterMs !== undefined) return retryAfterMs > policy.retryMaxDelayMs ? Infinity : retryAfterMs;
  const exponential = policy.retryBaseMs * 2 ** Math.max(0, retry - 1);
  const jittered = exponential / 2 + random() * (exponential / 2);
  return Math.round(Math.min(jittered, policy.retryMaxDelayMs));
}

interface RetryEvent {
  attempt: number;
  delayMs: number;
  error: AiProviderError;
}

export interface RetryOptions {
  policy: RetryPolicy;
  /** Aborts the whole sequence (the call's budget). */
  signal: AbortSignal;
  /** performance.now() value after which no new wait is started. */
  deadline: number;
  sleep?: Sleep;
  random?: () => number;
  now?: () => number;
  onRetry?: (event: RetryEvent) => void;
}

/** Runs `attempt` until it succeeds, a failure is not retryable, retries run out or time does. */
export function withRetries<T>(attempt: (attemptNumber: number) => Promise<T>, options: RetryOptions): Promise<T> {
  const { policy, signal, deadline } = options;
  const wait = options.sleep ?? sleep;
  const random = options.random ?? Math.random;
  const now = options.now ?? (() => performance.now());
  let retry = 0;
  return pRetry(attempt, {
    retries: policy.maxRetries,
    // The delay is decided (and slept) in shouldRetry, so p-retry's own back-off is zero.
    minTimeout: 0,
    factor: 1,
    signal,
    async shouldRetry({ error, attemptNumber }) {
      if (!isAiProviderError(error) || !error.retryable) return false;
      retry++;
      const delayMs = retryDelay(retry, policy, error.retryAfterMs, random);
      if (now() + delayMs >= deadline) return false;
      options.onRetry?.({ attempt: attemptNumber, delayMs, error });
      if (delayMs > 0) await wait(delayMs, signal);
      return true;
    },
  });
}
