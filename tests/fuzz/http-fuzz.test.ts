import { NO_RATE_LIMITS } from '../../src/config.js';
/**
 * A small, seeded fuzz run over every POST route and the audio WebSocket (tests/support/fuzz.ts):
 * no 5xx, no crash, no hang. The large run, with a memory check, is `npm run bench:fuzz`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { fuzzApp } from '../support/fuzz.js';
import { createTestApp } from '../support/test-app.js';

describe('fuzzing (seeded, small)', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await createTestApp({
      rateLimits: NO_RATE_LIMITS,
      // A mutated PDF may send the parser into a loop: the worker is stopped after this.
      documentTimeoutMs: 3000,
    });
  });
  afterAll(async () => {
    await app.close();
  });

  it('survives absurd forms, mutated documents and random WebSocket frames', { timeout: 120_000 }, async () => {
    const report = await fuzzApp(app, { seed: 20_251_121, httpCases: 300, wsConnections: 12, framesPerConnection: 25, caseTimeoutMs: 15_000, concurrency: 2 });
    expect(report.failures).toEqual([]);
    expect(report.routes).toEqual(expect.arrayContaining(['/session/create', '/session/:id/upload-cv', '/session/:id/message']));
    expect(report.httpCases).toBe(300);
    // The run reached the handlers, not only the CSRF check.
    expect(Object.keys(report.byStatus).filter((s) => s !== '403').length).toBeGreaterThan(3);
    expect(report.wsConnections).toBe(12);
  });
});
