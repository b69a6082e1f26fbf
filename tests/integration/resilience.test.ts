import { describe, expect } from 'vitest';
import { useTestApp, Visitor } from '../support/test-app.js';
import { html } from '../support/html.js';
import { currentQuestion, setUpSession } from '../support/interview-driver.js';
import { strongAnswer } from '../support/answers.js';
import { createOfflineProvider } from '../../src/ai/providers/offline.js';
import type { AiProvider } from '../../src/ai/types.js';
import { query } from '../support/db-inspect.js';

const test = useTestApp({ eager: false });

/** The offline interviewer, except that its next `failures` turns after an answer throw. */
function flakyProvider(state: { failures: number }): AiProvider {
  const offline = createOfflineProvider();
  return {
    name: 'flaky',
    planQuestion: (input) => offline.planQuestion(input),
    summarizeInterview: (input) => offline.summarizeInterview(input),
    evaluateAnswer: (input) => offline.evaluateAnswer(input),
    async nextTurn(input) {
      if (state.failures > 0) {
        state.failures--;
        throw new Error('provider exploded');
      }
      return offline.nextTurn(input);
    },
  };
}

describe('when the interviewer fails', () => {
  test('keeps the answer, says so, and carries on when the page is reloaded', async ({ makeApp }) => {
    const state = { failures: 1 };
    const app = await makeApp({}, { providers: [flakyProvider(state)] });
    const visitor = new Visitor(app);
    const id = await setUpSession(visitor);
    await visitor.post(`/session/${id}/start`);
    const q = await currentQuestion(visitor, id);

    const res = await visitor.post(`/session/${id}/message`, { answer: strongAnswer(q!), question_id: q!.id });
    expect(res.statusCode).toBe(503);
    expect(html(res.body).querySelector('#error')?.textContent).toMatch(/answer is saved/);
    const stored = await query<{ content: string }>(app, "select content from messages where kind = 'answer'");
    expect(stored.map((r) => r.content)).toEqual([strongAnswer(q!)]);

    const next = await currentQuestion(visitor, id);
    expect(next?.number).toBe(2);
    const [evaluated] = await query<{ evaluation: unknown }>(app, "select evaluation from messages where kind = 'answer'");
    // Text on SQLite, parsed already on Postgres (jsonb).
    const evaluation = typeof evaluated?.evaluation === 'string' ? JSON.parse(evaluated.evaluation) : evaluated?.evaluation;
    expect(evaluation.score).toBeGreaterThanOrEqual(1);
  });

  test('shows a generic 500 page without internals when something unexpected breaks', async ({ makeApp }) => {
    const broken: AiProvider = {
      name: 'broken',
      planQuestion: () => Promise.reject(new TypeError("Cannot read properties of undefined (reading 'secret')")),
      evaluateAnswer: () => Promise.reject(new Error('x')),
      summarizeInterview: () => Promise.reject(new Error('x')),
      nextTurn: () => Promise.reject(new Error('x')),
    };
    const app = await makeApp({}, { providers: [broken] });
    const visitor = new Visitor(app);
    const id = await setUpSession(visitor);
    const res = await visitor.post(`/session/${id}/start`);
    expect(res.statusCode).toBe(503);
    expect(res.body).not.toContain('Cannot read properties');
    expect(html(res.body).querySelector('#error')).not.toBeNull();
  });
});
