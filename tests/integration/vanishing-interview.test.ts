/**
 * Issue 17, finding 9: an interview deleted (in another tab) while the model is still working
 * on it — starting, scoring an answer, writing the feedback, scoring a retry. The request
 * that was waiting must end with a clean 404 page that says the interview is gone, never a
 * 500 that claims "what you entered is saved" about data that was just deleted, and nothing
 * may be written for the deleted interview afterwards.
 */
import { describe, expect } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { useTestApp, Visitor } from '../support/test-app.js';
import { answerAll, currentQuestion, setUpSession } from '../support/interview-driver.js';
import { strongAnswer } from '../support/answers.js';
import { gatedProvider, type GatedCall } from '../support/gated-provider.js';
import { html } from '../support/html.js';
import { count } from '../support/db-inspect.js';

const test = useTestApp({ eager: false });

const rowsOf = (app: FastifyInstance, table: string, sessionId: string) => count(app, `select count(*) as n from ${table} where session_id = ?`, sessionId);

describe('an interview deleted while the model is working on it', () => {
  /** Holds `call`, sends `request`, deletes the interview once the model is busy, then lets the model answer. */
  async function deleteDuring(call: GatedCall, visitor: Visitor, id: string, gate: ReturnType<typeof gatedProvider>, request: () => Promise<{ statusCode: number; body: string }>) {
    gate.hold(call);
    const pending = request();
    await gate.arrived(call);
    const deleted = await visitor.post(`/session/${id}/delete`, { confirm: 'yes' });
    expect(deleted.statusCode).toBe(303);
    gate.release(call);
    return pending;
  }

  function expectGone(res: { statusCode: number; body: string }) {
    expect(res.statusCode).toBe(404);
    const error = html(res.body).querySelector('#error');
    expect(error?.getAttribute('data-code')).toBe('SESSION_NOT_FOUND');
    expect(error?.textContent).toMatch(/could not find that interview/i);
    expect(res.body).not.toMatch(/what you entered is saved/i);
  }

  /**
   * A start or an answer waits only a moment for the model, then answers with the page that
   * follows the interviewer's work: the request ends in 404 if the model was done in that
   * moment, or in the waiting page, whose next load (or event stream) is the 404. Never a 500.
   */
  async function expectGoneWhenFollowed(res: { statusCode: number; body: string }, visitor: Visitor, id: string) {
    if (res.statusCode === 404) return expectGone(res);
    expect([200, 303]).toContain(res.statusCode);
    expect(res.body).not.toMatch(/what you entered is saved/i);
    expectGone(await visitor.get(`/session/${id}/interview`));
    expect((await visitor.get(`/session/${id}/events`)).statusCode).toBe(404);
  }

  test('while the first question is being written (start)', async ({ makeApp }) => {
    const gate = gatedProvider();
    const app = await makeApp({}, { providers: [gate.provider] });
    const visitor = new Visitor(app);
    const id = await setUpSession(visitor, { cv: 'cv-alex-morgan.txt' });
    const res = await deleteDuring('planQuestion', visitor, id, gate, () => visitor.post(`/session/${id}/start`));
    await expectGoneWhenFollowed(res, visitor, id);
    await app.services.interview.drain();
    expect(await rowsOf(app, 'messages', id)).toBe(0);
  });

  test('while an answer is being scored (plain form and htmx)', async ({ makeApp }) => {
    const gate = gatedProvider();
    const app = await makeApp({}, { providers: [gate.provider] });
    for (const htmx of [false, true]) {
      const visitor = new Visitor(app);
      const id = await setUpSession(visitor, { cv: 'cv-alex-morgan.txt' });
      expect((await visitor.post(`/session/${id}/start`)).statusCode).toBe(303);
      const q = (await currentQuestion(visitor, id))!;
      // The candidate waits for the interviewer's turn (the answer's evaluation runs beside it).
      const res = await deleteDuring('nextTurn', visitor, id, gate, () =>
        visitor.post(`/session/${id}/message`, { answer: strongAnswer(q), question_id: q.id }, { htmx }),
      );
      await expectGoneWhenFollowed(res, visitor, id);
      await app.services.interview.drain();
      // The model's late reply wrote nothing, and no next question was planned for the ghost.
      expect(await rowsOf(app, 'messages', id)).toBe(0);
    }
  });

  test('while the feedback is being written (finish)', async ({ makeApp }) => {
    const gate = gatedProvider();
    const app = await makeApp({}, { providers: [gate.provider] });
    const visitor = new Visitor(app);
    const id = await setUpSession(visitor, { cv: 'cv-alex-morgan.txt' });
    expect((await visitor.post(`/session/${id}/start`)).statusCode).toBe(303);
    await answerAll(visitor, id, strongAnswer);
    const res = await deleteDuring('summarizeInterview', visitor, id, gate, () => visitor.post(`/session/${id}/complete`));
    expectGone(res);
    expect(await rowsOf(app, 'feedback', id)).toBe(0);
  });

  test('while a retry is being scored', async ({ makeApp }) => {
    const gate = gatedProvider();
    const app = await makeApp({}, { providers: [gate.provider] });
    const visitor = new Visitor(app);
    const id = await setUpSession(visitor, { cv: 'cv-alex-morgan.txt' });
    expect((await visitor.post(`/session/${id}/start`)).statusCode).toBe(303);
    await answerAll(visitor, id, strongAnswer);
    expect((await visitor.post(`/session/${id}/complete`)).statusCode).toBe(303);
    const res = await deleteDuring('evaluateAnswer', visitor, id, gate, () =>
      visitor.post(`/session/${id}/retry/1`, { answer: 'A different, better answer: I cut p99 latency from 900 ms to 210 ms with indexes and a cache.' }),
    );
    expectGone(res);
    expect(await rowsOf(app, 'question_retries', id)).toBe(0);
  });
});
