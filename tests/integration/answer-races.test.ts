/**
 * Issue 17's findings on the answer path, each reproduced: typed text lost when a second tab
 * answers a question the first already answered; fifty parallel answers without `question_id`
 * answering a whole interview in one burst; thirty parallel "Finish" clicks writing the
 * feedback thirty times; signing in while a guest's answer is being scored.
 */
import type { FastifyInstance } from 'fastify';
import { describe, expect } from 'vitest';
import type { AiProvider } from '../../src/ai/types.js';
import { NO_RATE_LIMITS } from '../../src/config.js';
import { useTestApp, Visitor } from '../support/test-app.js';
import { answerAll, currentQuestion, setUpSession } from '../support/interview-driver.js';
import { gatedProvider } from '../support/gated-provider.js';
import { strongAnswer } from '../support/answers.js';
import { html } from '../support/html.js';
import { count, stored } from '../support/db-inspect.js';

const test = useTestApp({ eager: false });

const noLimits = { rateLimits: NO_RATE_LIMITS };

/** `provider` with a count of each kind of call. */
function counted(provider: AiProvider) {
  const calls = { planQuestion: 0, nextTurn: 0, evaluateAnswer: 0, summarizeInterview: 0 };
  const wrapped: AiProvider = {
    name: provider.name,
    planQuestion: (input) => (calls.planQuestion++, provider.planQuestion(input)),
    nextTurn: (input) => (calls.nextTurn++, provider.nextTurn(input)),
    evaluateAnswer: (input) => (calls.evaluateAnswer++, provider.evaluateAnswer(input)),
    summarizeInterview: (input) => (calls.summarizeInterview++, provider.summarizeInterview(input)),
  };
  return { provider: wrapped, calls };
}

const answers = async (app: FastifyInstance, id: string) => (await stored(app).messages(id)).filter((m) => m.kind === 'answer');

describe('the answer path under races', () => {
  test('a second tab answering a question the first already answered gets its text back, in both paths; a double submit does not refill the box', async ({ makeApp }) => {
    const app = await makeApp(noLimits);
    const visitor = new Visitor(app);
    const id = await setUpSession(visitor, { cv: 'cv-alex-morgan.txt' });
    await visitor.post(`/session/${id}/start`);
    const q1 = (await currentQuestion(visitor, id))!;
    const first = strongAnswer(q1);
    expect((await visitor.post(`/session/${id}/message`, { answer: first, question_id: q1.id })).statusCode).toBe(303);

    const other = 'Typed in the other tab: at Brightwave I moved our billing jobs to a queue and cut failures by 70%.';
    for (const htmx of [false, true]) {
      const res = await visitor.post(`/session/${id}/message`, { answer: other, question_id: q1.id }, { htmx });
      expect(res.statusCode).toBe(409);
      const doc = html(res.body);
      expect(doc.querySelector('#error')?.getAttribute('data-code')).toBe('ANSWERED_ELSEWHERE');
      expect(doc.querySelector('#error')?.textContent).toMatch(/your text is in the box/);
      // The next question is waiting, and the text is in its box.
      expect(doc.querySelector('#question')?.getAttribute('data-question-number')).toBe('2');
      expect(doc.querySelector('#answer')?.textContent).toBe(other);
    }
    // The same text again is a double submit: refused, and the box is not refilled with it.
    const again = await visitor.post(`/session/${id}/message`, { answer: first, question_id: q1.id });
    expect(html(again.body).querySelector('#error')?.getAttribute('data-code')).toBe('ALREADY_ANSWERED');
    expect(html(again.body).querySelector('#answer')?.textContent).toBe('');
    expect((await answers(app, id)).map((a) => a.content)).toEqual([first]);
  });

  test('while the next question is still being written, text for the answered question is shown back, not lost', async ({ makeApp }) => {
    const gate = gatedProvider();
    const app = await makeApp(noLimits, { providers: [gate.provider] });
    const visitor = new Visitor(app);
    const id = await setUpSession(visitor, { cv: 'cv-alex-morgan.txt' });
    await visitor.post(`/session/${id}/start`);
    const q1 = (await currentQuestion(visitor, id))!;
    gate.hold('nextTurn');
    await visitor.post(`/session/${id}/message`, { answer: strongAnswer(q1), question_id: q1.id }, { htmx: true });
    await gate.arrived('nextTurn');
    const other = 'The other tab’s text, which must not vanish.';
    const res = await visitor.post(`/session/${id}/message`, { answer: other, question_id: q1.id }, { htmx: true });
    expect(res.statusCode).toBe(409);
    expect(html(res.body).querySelector('#answer-draft')?.textContent).toBe(other);
    gate.release('nextTurn');
  });

  test('an answer must name its question: 422 with the text kept, nothing stored', async ({ makeApp }) => {
    const app = await makeApp(noLimits);
    const visitor = new Visitor(app);
    const id = await setUpSession(visitor, { cv: 'cv-alex-morgan.txt' });
    await visitor.post(`/session/${id}/start`);
    const text = 'An answer from a script that forgot the question id.';
    const res = await visitor.post(`/session/${id}/message`, { answer: text });
    expect(res.statusCode).toBe(422);
    const doc = html(res.body);
    expect(doc.querySelector('#error')?.getAttribute('data-code')).toBe('QUESTION_ID_MISSING');
    expect(doc.querySelector('#answer')?.textContent).toBe(text);
    expect(await answers(app, id)).toEqual([]);
  });

  test('fifty parallel answers to one question store one answer and move the interview on by one question', async ({ makeApp }) => {
    const app = await makeApp(noLimits);
    const visitor = new Visitor(app);
    const id = await setUpSession(visitor, { cv: 'cv-alex-morgan.txt' });
    await visitor.post(`/session/${id}/start`);
    const q1 = (await currentQuestion(visitor, id))!;
    const burst = await Promise.all(
      Array.from({ length: 50 }, (_, i) => visitor.post(`/session/${id}/message`, { answer: `${strongAnswer(q1)} (copy ${i})`, question_id: q1.id }, { htmx: true })),
    );
    const statuses = burst.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    expect(statuses.every((s) => s < 500)).toBe(true);
    expect(await answers(app, id)).toHaveLength(1);
    expect((await currentQuestion(visitor, id))!.number).toBe(2);
    // Without question ids the burst answers nothing at all.
    const q2 = (await currentQuestion(visitor, id))!;
    const blind = await Promise.all(Array.from({ length: 50 }, () => visitor.post(`/session/${id}/message`, { answer: 'Blind answer.' })));
    expect(new Set(blind.map((r) => r.statusCode))).toEqual(new Set([422]));
    expect(await answers(app, id)).toHaveLength(1);
    expect((await currentQuestion(visitor, id))!.id).toBe(q2.id);
  });

  test('thirty parallel "Finish" clicks write the feedback once, with one model call', async ({ makeApp }) => {
    const gate = gatedProvider();
    const { provider, calls } = counted(gate.provider);
    const app = await makeApp(noLimits, { providers: [provider] });
    const visitor = new Visitor(app);
    const id = await setUpSession(visitor, { cv: 'cv-alex-morgan.txt' });
    await visitor.post(`/session/${id}/start`);
    await answerAll(visitor, id, strongAnswer);
    // Count the clicks that reach the service, so the model answers only once all thirty wait.
    const feedback = app.services.feedback;
    const complete = feedback.complete.bind(feedback);
    let entered = 0;
    feedback.complete = (...args) => (entered++, complete(...args));
    gate.hold('summarizeInterview');
    const clicks = Array.from({ length: 30 }, () => visitor.post(`/session/${id}/complete`));
    await gate.arrived('summarizeInterview');
    while (entered < 30) await new Promise((r) => setTimeout(r, 5));
    gate.release('summarizeInterview');
    const done = await Promise.all(clicks);
    expect(new Set(done.map((r) => r.statusCode))).toEqual(new Set([303]));
    expect(calls.summarizeInterview).toBe(1);
    expect(await count(app, 'select count(*) as n from feedback where session_id = ?', id)).toBe(1);
  });

  test('signing in while a guest’s answer is being scored neither errors nor scores it twice', async ({ makeApp }) => {
    const gate = gatedProvider();
    const { provider, calls } = counted(gate.provider);
    const app = await makeApp(noLimits, { providers: [provider] });
    // An account, signed out again.
    const browser = new Visitor(app);
    const password = 'correct horse battery staple';
    expect((await browser.post('/account/register', { email: 'sam@example.com', password, password_confirm: password })).statusCode).toBe(303);
    expect((await browser.post('/account/logout')).statusCode).toBe(303);
    // As a guest, in the same browser: an interview whose answer is being scored.
    const id = await setUpSession(browser, { cv: 'cv-alex-morgan.txt' });
    await browser.post(`/session/${id}/start`);
    const q1 = (await currentQuestion(browser, id))!;
    gate.hold('nextTurn');
    gate.hold('evaluateAnswer');
    const answered = await browser.post(`/session/${id}/message`, { answer: strongAnswer(q1), question_id: q1.id }, { htmx: true });
    expect(answered.statusCode).toBe(200);
    await gate.arrived('nextTurn');
    await gate.arrived('evaluateAnswer');

    // Signing in takes the guest's interviews into the account…
    expect((await browser.post('/account/login', { email: 'sam@example.com', password })).statusCode).toBe(303);
    // …and the page, reloaded meanwhile, joins the step already running instead of starting another.
    const waiting = browser.get(`/session/${id}/interview`);
    gate.release('nextTurn');
    gate.release('evaluateAnswer');
    expect((await waiting).statusCode).toBe(200);
    await app.services.interview.drain();
    const q2 = (await currentQuestion(browser, id))!;
    expect(q2.number).toBe(2);
    expect(calls.nextTurn).toBe(1);
    expect(calls.evaluateAnswer).toBe(1);
    const answer = (await answers(app, id))[0]!;
    expect({ evaluated: answer.evaluation !== null, decided: answer.decision !== null }).toEqual({ evaluated: true, decided: true });
  });
});
