/**
 * AI_GLOBAL_CONCURRENCY (issue 16): with REDIS_URL it defaults to AI_CONCURRENCY, so a second
 * instance does not double what the AI provider receives; 0 turns it off; without REDIS_URL
 * there is nowhere to count, and asking for a global limit is refused by name.
 */
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../src/config.js';

const REDIS = { REDIS_URL: 'redis://127.0.0.1:6379/0' };

describe('AI_GLOBAL_CONCURRENCY', () => {
  it('defaults to AI_CONCURRENCY when REDIS_URL is set, and to none without it', () => {
    expect(loadConfig(REDIS).aiGlobalConcurrency).toBe(8);
    expect(loadConfig({ ...REDIS, AI_CONCURRENCY: '3' }).aiGlobalConcurrency).toBe(3);
    expect(loadConfig({}).aiGlobalConcurrency).toBeNull();
    expect(loadConfig({ AI_GLOBAL_CONCURRENCY: '0' }).aiGlobalConcurrency).toBeNull();
  });

  it('takes a value of its own, and 0 turns the global limit off', () => {
    expect(loadConfig({ ...REDIS, AI_CONCURRENCY: '8', AI_GLOBAL_CONCURRENCY: '20' }).aiGlobalConcurrency).toBe(20);
    expect(loadConfig({ ...REDIS, AI_GLOBAL_CONCURRENCY: '0' }).aiGlobalConcurrency).toBeNull();
  });

  it('is refused without REDIS_URL, and when not a non-negative integer', () => {
    expect(() => loadConfig({ AI_GLOBAL_CONCURRENCY: '4' })).toThrow(ConfigError);
    expect(() => loadConfig({ AI_GLOBAL_CONCURRENCY: '4' })).toThrow(/AI_GLOBAL_CONCURRENCY: needs REDIS_URL/);
    expect(() => loadConfig({ ...REDIS, AI_GLOBAL_CONCURRENCY: '-1' })).toThrow(/AI_GLOBAL_CONCURRENCY/);
    expect(() => loadConfig({ ...REDIS, AI_GLOBAL_CONCURRENCY: 'many' })).toThrow(/AI_GLOBAL_CONCURRENCY/);
  });
});
