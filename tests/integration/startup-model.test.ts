/**
 * The English model loads while the server starts. Loaded on the first answer instead, it
 * blocked the event loop for over half a second (seconds on a busy machine), which the overload
 * monitor read as overload: the next page loads of every visitor were 503s.
 */
import { expect, vi } from 'vitest';
import { useTestApp } from '../support/test-app.js';

const loads = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../src/text/nlp.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/text/nlp.js')>();
  return {
    ...actual,
    loadNlp: () => {
      loads.count++;
      actual.loadNlp();
    },
  };
});

const test = useTestApp({ eager: false });

test('the server loads the English model while it starts, before any request', async ({ makeApp }) => {
  expect(loads.count).toBe(0);
  await makeApp();
  expect(loads.count).toBe(1);
});
