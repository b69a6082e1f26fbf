/**
 * The English model loads while the server starts. Loaded on the first answer instead, it
 * blocked the event loop for over half a second (seconds on a busy machine), which the overload
 * monitor read as overload: the next page loads of every visitor were 503s.
 */
import { expect, it, vi } from 'vitest';
import { testConfig } from '../../src/config.js';

it('the server loads the English model while it starts, before any request', async () => {
  // Integration files share one module registry (isolate: false): start from a fresh one, so
  // the app below is built with the counting wrapper whatever ran before in this worker.
  vi.resetModules();
  const loads = { count: 0 };
  vi.doMock('../../src/text/nlp.js', async (importOriginal) => {
    const actual = await importOriginal<typeof import('../../src/text/nlp.js')>();
    return {
      ...actual,
      loadNlp: () => {
        loads.count++;
        actual.loadNlp();
      },
    };
  });
  try {
    const { buildApp } = await import('../../src/app.js');
    expect(loads.count).toBe(0);
    const app = await buildApp(testConfig());
    try {
      expect(loads.count).toBe(1);
    } finally {
      await app.close();
    }
  } finally {
    vi.doUnmock('../../src/text/nlp.js');
    vi.resetModules();
  }
});
