import { NO_RATE_LIMITS } from '../../src/config.js';
/**
 * A small, seeded fuzz run over every POST route and the audio WebSocket (tests/support/fuzz.ts):
 * no 5xx, no crash, no hang. The large run, with a memory check, is `npm run bench:fuzz`.
 */
import { describe, expect } from 'vitest';
import { fuzzApp } from '../support/fuzz.js';
import { useTestApp } from '../support/test-app.js';

const test = useTestApp({
  config: {
    rateLimits: NO_RATE_LIMITS,
    // A mutated PDF may send the parser into a loop: the worker is stopped after this.
    documentTimeoutMs: 3000,
  },
  scope: 'file',
});

describe('fuzzing (seeded, small)', () => {
  test('survives absurd forms, mutated documents and random WebSocket frames', { timeout: 120_000 }, async ({ app }) => {
    const report = await fuzzApp(app, { seed: 20_251_121, httpCases: 300, wsConnections: 12, framesPerConnection: 25, caseTimeoutMs: 15_000, concurrency: 2 });
    expect(report.failures).toEqual([]);
    expect(report.routes).toEqual(expect.arrayContaining(['/session/create', '/session/:id/upload-cv', '/session/:id/message']));
    expect(report.httpCases).toBe(300);
    // The run reached the handlers, not only the CSRF check.
    expect(Object.keys(report.byStatus).filter((s) => s !== '403').length).toBeGreaterThan(3);
    expect(report.wsConnections).toBe(12);
  });
});
