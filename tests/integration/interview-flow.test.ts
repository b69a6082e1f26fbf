import { describe, expect } from 'vitest';
import { sessionIdFrom, useTestApp, type Visitor } from '../support/test-app.js';
import { html } from '../support/html.js';
import { answerAll, currentQuestion, setUpSession } from '../support/interview-driver.js';
import { lazyAnswer, strongAnswer } from '../support/answers.js';
import { count } from '../support/db-inspect.js';

const test = useTestApp();

const countRows = count;

describe('the interview, end to end', () => {
  async function finish(visitor: Visitor, id: string) {
    const done = await visitor.post(`/session/${id}/complete`);
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe(`/session/${id}/feedback`);
    const page = await visitor.get(`/session/${id}/feedback`);
    expect(page.statusCode).toBe(200);
    return html(page.body);
  }

  test('asks 8 distinct main questions, then gives feedback with the contract ids', async ({ app, visitor }) => {
    const id = await setUpSession(visitor);
    const start = await visitor.post(`/session/${id}/start`);
    expect(start.statusCode).toBe(303);
    const asked = await answerAll(visitor, id, strongAnswer);
    const main = asked.filter((q) => q.kind === 'question');
    expect(main.map((q) => q.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(new Set(main.map((q) => q.text)).size).toBe(8);
    expect(main[0]!.text).toMatch(/Northwind Health/);

    const doc = await finish(visitor, id);
    const score = Number(doc.querySelector('#score')?.getAttribute('data-score'));
    expect(score).toBeGreaterThanOrEqual(1);
    expect(score).toBeLessThanOrEqual(10);
    for (const sel of ['#strengths', '#weaknesses', '#cv-tips', '#answer-feedback']) expect(doc.querySelector(sel), sel).not.toBeNull();
    expect(doc.querySelectorAll('#answer-feedback > li')).toHaveLength(8);
    expect(doc.querySelector('#provider')?.textContent).toContain('offline interviewer');
    expect(await countRows(app, 'select count(*) n from feedback where session_id = ?', id)).toBe(1);
  });

  test('scores "fine" to every question at most 2, and thoughtful answers clearly higher', async ({ visitor }) => {
    const lazy = await setUpSession(visitor);
    await visitor.post(`/session/${lazy}/start`);
    await answerAll(visitor, lazy, lazyAnswer);
    const lazyScore = Number((await finish(visitor, lazy)).querySelector('#score')?.getAttribute('data-score'));
    expect(lazyScore).toBeLessThanOrEqual(2);

    const strong = await setUpSession(visitor);
    await visitor.post(`/session/${strong}/start`);
    await answerAll(visitor, strong, strongAnswer);
    const strongDoc = await finish(visitor, strong);
    const strongScore = Number(strongDoc.querySelector('#score')?.getAttribute('data-score'));
    expect(strongScore).toBeGreaterThanOrEqual(lazyScore + 4);
    // Strengths quote the candidate's own words.
    const quotes = strongDoc.querySelectorAll('#strengths blockquote p').map((q) => q.textContent.replace(/[“”]/g, ''));
    expect(quotes.length).toBeGreaterThan(0);
    const page = await visitor.get(`/session/${strong}/interview`);
    expect(page.statusCode).toBe(200);
  });

  test('asks at most one follow-up per main question, and follow-ups do not count toward the 8', async ({ app, visitor }) => {
    const id = await setUpSession(visitor);
    await visitor.post(`/session/${id}/start`);
    const asked = await answerAll(visitor, id, lazyAnswer);
    const followUps = asked.filter((q) => q.kind === 'follow_up');
    expect(followUps.length).toBeGreaterThan(0);
    for (let n = 1; n <= 8; n++) expect(followUps.filter((q) => q.number === n).length).toBeLessThanOrEqual(1);
    expect(await countRows(app, "select count(*) n from messages where session_id = ? and kind = 'question'", id)).toBe(8);
  });

  test('refuses to start without a CV or job description (409, says what is missing)', async ({ visitor }) => {
    const created = await visitor.post('/session/create', { job_title: 'Nurse', company_name: 'St Mary' });
    const id = sessionIdFrom(created.headers.location as string);
    const res = await visitor.post(`/session/${id}/start`);
    expect(res.statusCode).toBe(409);
    expect(html(res.body).querySelector('#error')?.textContent).toMatch(/your CV and the job description/);
  });

  test('refuses a second start without creating a second first question', async ({ app, visitor }) => {
    const id = await setUpSession(visitor);
    expect((await visitor.post(`/session/${id}/start`)).statusCode).toBe(303);
    const again = await visitor.post(`/session/${id}/start`);
    expect(again.statusCode).toBe(409);
    expect(html(again.body).querySelector('#question')).not.toBeNull();
    expect(await countRows(app, "select count(*) n from messages where session_id = ?", id)).toBe(1);
  });

  test('refuses uploads once started', async ({ visitor }) => {
    const id = await setUpSession(visitor);
    await visitor.post(`/session/${id}/start`);
    const res = await visitor.post(`/session/${id}/upload-job`, { job_description: 'new text' });
    expect(res.statusCode).toBe(409);
  });

  test('rejects an empty answer with 422 and keeps the question', async ({ app, visitor }) => {
    const id = await setUpSession(visitor);
    await visitor.post(`/session/${id}/start`);
    const q = await currentQuestion(visitor, id);
    const res = await visitor.post(`/session/${id}/message`, { answer: '   \n ', question_id: q!.id });
    expect(res.statusCode).toBe(422);
    const doc = html(res.body);
    expect(doc.querySelector('#error')?.getAttribute('data-code')).toBe('EMPTY_ANSWER');
    expect(doc.querySelector('#question')?.getAttribute('data-question-number')).toBe('1');
    expect(await countRows(app, "select count(*) n from messages where kind = 'answer'")).toBe(0);
  });

  test('keeps a too-long answer in the box when refusing it', async ({ visitor }) => {
    const id = await setUpSession(visitor);
    await visitor.post(`/session/${id}/start`);
    const long = 'word '.repeat(2000);
    const res = await visitor.post(`/session/${id}/message`, { answer: long });
    expect(res.statusCode).toBe(422);
    expect(html(res.body).querySelector('#answer')?.textContent.trim()).toBe(long.trim());
  });

  test('stores one answer when the same form is sent twice', async ({ app, visitor }) => {
    const id = await setUpSession(visitor);
    await visitor.post(`/session/${id}/start`);
    const q = await currentQuestion(visitor, id);
    const form = { answer: strongAnswer(q!), question_id: q!.id };
    const [a, b] = await Promise.all([visitor.post(`/session/${id}/message`, form), visitor.post(`/session/${id}/message`, form)]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([303, 409]);
    expect(await countRows(app, "select count(*) n from messages where kind = 'answer'")).toBe(1);
    const again = await visitor.post(`/session/${id}/message`, form);
    expect(again.statusCode).toBe(409);
    expect(html(again.body).querySelector('#error')?.getAttribute('data-code')).toBe('ALREADY_ANSWERED');
    expect(await countRows(app, "select count(*) n from messages where kind = 'answer'")).toBe(1);
  });

  test('resumes on reload at the same question', async ({ visitor }) => {
    const id = await setUpSession(visitor);
    await visitor.post(`/session/${id}/start`);
    const first = await currentQuestion(visitor, id);
    await visitor.post(`/session/${id}/message`, { answer: strongAnswer(first!), question_id: first!.id });
    const a = await currentQuestion(visitor, id);
    const b = await currentQuestion(visitor, id);
    expect(a).toEqual(b);
    expect(a!.id).not.toBe(first!.id);
    const page = await visitor.get(`/session/${id}/interview`);
    expect(html(page.body).querySelector('#progress')?.textContent).toMatch(/Question \d of 8/);
  });

  test('answers an htmx submission with the next question as a fragment', async ({ visitor }) => {
    const id = await setUpSession(visitor);
    await visitor.post(`/session/${id}/start`);
    const q = await currentQuestion(visitor, id);
    const res = await visitor.post(`/session/${id}/message`, { answer: strongAnswer(q!), question_id: q!.id }, { htmx: true });
    expect(res.statusCode).toBe(200);
    const doc = html(res.body);
    expect(doc.querySelector('html')).toBeNull();
    expect(doc.querySelector('#interview')).not.toBeNull();
    expect(doc.querySelector('#question')).not.toBeNull();
    expect(doc.querySelector('input[name=question_id]')?.getAttribute('value')).not.toBe(q!.id);
  });

  test('refuses to finish early, to answer a finished interview, and regenerates feedback in place', async ({ app, visitor }) => {
    const id = await setUpSession(visitor);
    await visitor.post(`/session/${id}/start`);
    const early = await visitor.post(`/session/${id}/complete`);
    expect(early.statusCode).toBe(409);
    expect(html(early.body).querySelector('#error')?.textContent).toMatch(/0 of 8/);
    const noFeedback = await visitor.get(`/session/${id}/feedback`);
    expect(noFeedback.statusCode).toBe(409);

    await answerAll(visitor, id, strongAnswer);
    const extra = await visitor.post(`/session/${id}/message`, { answer: 'one more thing' });
    expect(extra.statusCode).toBe(409);
    await finish(visitor, id);
    const after = await visitor.post(`/session/${id}/message`, { answer: 'and another' });
    expect(after.statusCode).toBe(409);
    expect(html(after.body).querySelector('#error')?.getAttribute('data-code')).toBe('INTERVIEW_FINISHED');
    await finish(visitor, id);
    expect(await countRows(app, 'select count(*) n from feedback where session_id = ?', id)).toBe(1);
  });

  test('tells htmx to navigate to the feedback page when finishing', async ({ visitor }) => {
    const id = await setUpSession(visitor);
    await visitor.post(`/session/${id}/start`);
    await answerAll(visitor, id, strongAnswer);
    const res = await visitor.post(`/session/${id}/complete`, {}, { htmx: true });
    expect(res.statusCode).toBe(204);
    expect(res.headers['hx-redirect']).toBe(`/session/${id}/feedback`);
  });
});
