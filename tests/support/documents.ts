/**
 * The real parsing pool for document tests, and extraction options that use it. Each test file
 * makes its own pool in beforeAll and closes it in afterAll.
 */
import { createParsePool, type ParsePool } from '../../src/documents/index.js';
import type { ExtractOptions } from '../../src/documents/index.js';

export function testParsePool(overrides: Partial<Parameters<typeof createParsePool>[0]> = {}): ParsePool {
  return createParsePool({ threads: 2, timeoutMs: 20_000, jobsPerThread: 50, recycleHeapMb: 64, ...overrides });
}

export function extractOptions(pool: ParsePool, overrides: Partial<ExtractOptions> = {}): ExtractOptions {
  return { maxBytes: 5 * 1024 * 1024, maxChars: 20_000, maxPages: 30, pool, ...overrides };
}
