/**
 * One error type for everything that can go wrong when a remote model is asked something, so
 * the AI client can decide without knowing any SDK: retry (network, 429, 5xx), move on at once
 * (a timeout or 408 — someone is waiting, and the next provider answers sooner than a second
 * wait would —, 400, 401, 403, 404, an unusable reply), or stop (budget spent).
 */
import { codeOf } from '../errors.js';

const FAILURE_KINDS = [
  'timeout',
  'network',
  'rate_limited',
  'server',
  'auth',
  'not_found',
  'bad_request',
  'invalid_reply',
  'budget',
  'aborted',
  'unknown',
] as const;
export type FailureKind = (typeof FAILURE_KINDS)[number];

const RETRYABLE: ReadonlySet<FailureKind> = new Set(['network', 'rate_limited', 'server']);
/** Failures that will not fix themselves until the operator changes the configuration. */
const CONFIGURATION: ReadonlySet<FailureKind> = new Set(['auth', 'not_found']);

const MAX_REASON_CHARS = 300;

export class AiProviderError extends Error {
  override name = 'AiProviderError';

  constructor(
    readonly provider: string,
    readonly kind: FailureKind,
    message: string,
    readonly status?: number,
    /** How long the server asked us to wait (Retry-After), in milliseconds. */
    readonly retryAfterMs?: number,
  ) {
    super(message.length > MAX_REASON_CHARS ? `${message.slice(0, MAX_REASON_CHARS)}…` : message);
  }

  get retryable(): boolean {
    return RETRYABLE.has(this.kind);
  }

  /** A wrong key or model: open the circuit right away instead of failing every call. */
  get isConfigurationProblem(): boolean {
    return CONFIGURATION.has(this.kind);
  }
}

export function isAiProviderError(error: unknown): error is AiProviderError {
  return error instanceof AiProviderError;
}

/** The failure kind an HTTP status means. */
export function kindOfStatus(status: number): FailureKind {
  if (status === 408) return 'timeout';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'server';
  if (status === 401 || status === 403) return 'auth';
  if (status === 404) return 'not_found';
  return 'bad_request';
}

/**
 * Parses Retry-After (delta seconds or an HTTP date) and the non-standard retry-after-ms, in
 * milliseconds; undefined when absent or unreadable.
 */
export function parseRetryAfter(
  headers: { get(name: string): string | null } | undefined | null,
  now: () => number = Date.now,
): number | undefined {
  if (!headers) return undefined;
  const ms = headers.get('retry-after-ms');
  if (ms && Number.isFinite(Number(ms)) && Number(ms) >= 0) return Math.round(Number(ms));
  const value = headers.get('retry-after')?.trim();
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now());
}

/** Removes every occurrence of each secret from `text` (error bodies sometimes echo the key). */
export function scrub(text: string, secrets: readonly (string | null | undefined)[]): string {
  let result = text;
  for (const secret of secrets) if (secret && secret.length >= 4) result = result.split(secret).join('[redacted]');
  return result;
}

/** True for the errors fetch and SDKs raise when a request is aborted through its signal. */
export function isAbortError(error: unknown): boolean {
  const name = typeof error === 'object' && error !== null && 'name' in error ? error.name : undefined;
  return name === 'AbortError' || name === 'TimeoutError' || name === 'APIUserAbortError';
}

/** True for connection-level failures (refused, reset, DNS), as undici and SDKs report them. */
export function isNetworkFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === 'APIConnectionError') return true;
  const code = codeOf(error) ?? codeOf(error.cause);
  if (code !== undefined && /^(ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|EPIPE|ETIMEDOUT|UND_ERR_\w+)$/.test(code)) return true;
  return error instanceof TypeError && /fetch failed|network|terminated|socket/i.test(error.message);
}
