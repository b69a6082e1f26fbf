import { describe, expect, it } from 'vitest';
import { AiProviderError, kindOfStatus, parseRetryAfter, scrub } from '../../../src/ai/provider-error.js';

const headers = (values: Record<string, string>) => new Headers(values);

describe('kindOfStatus', () => {
  it('separates retryable from non-retryable statuses; a timeout is never retried (someone is waiting)', () => {
    const retryable = (status: number) => new AiProviderError('p', kindOfStatus(status), 'x', status).retryable;
    expect([429, 500, 502, 503, 504].map(retryable)).toEqual([true, true, true, true, true]);
    expect([400, 401, 403, 404, 408, 422].map(retryable)).toEqual([false, false, false, false, false, false]);
    expect(new AiProviderError('p', 'timeout', 'x').retryable).toBe(false);
    expect(new AiProviderError('p', kindOfStatus(401), 'x').isConfigurationProblem).toBe(true);
    expect(new AiProviderError('p', kindOfStatus(404), 'x').isConfigurationProblem).toBe(true);
    expect(new AiProviderError('p', kindOfStatus(400), 'x').isConfigurationProblem).toBe(false);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds, milliseconds and HTTP dates', () => {
    expect(parseRetryAfter(headers({ 'retry-after': '2' }))).toBe(2000);
    expect(parseRetryAfter(headers({ 'retry-after': '0.5' }))).toBe(500);
    expect(parseRetryAfter(headers({ 'retry-after-ms': '250', 'retry-after': '9' }))).toBe(250);
    const now = Date.parse('2025-01-01T00:00:00Z');
    expect(parseRetryAfter(headers({ 'retry-after': 'Wed, 01 Jan 2025 00:00:03 GMT' }), () => now)).toBe(3000);
  });

  it('ignores what it cannot read', () => {
    expect(parseRetryAfter(headers({}))).toBeUndefined();
    expect(parseRetryAfter(headers({ 'retry-after': 'soon' }))).toBeUndefined();
    expect(parseRetryAfter(undefined)).toBeUndefined();
  });
});

describe('scrub', () => {
  it('removes every occurrence of a secret', () => {
    expect(scrub('bad key sk-123456, really sk-123456', ['sk-123456', null])).toBe('bad key [redacted], really [redacted]');
  });
});
