/**
 * The interview page as issue 13 left it, over HTTP: a follow-up under its main question with a
 * reason in the interviewer's voice and no score (unless the candidate asks for scores), the
 * answer box labelled by the question and without the browser's own "required" check, and a
 * refused form sent by a browser without JavaScript answered with Post/Redirect/Get: 303 back to
 * the page, which shows the message and the text as typed (a flash in the session cookie).
 */
import { describe, expect } from 'vitest';
import { html } from '../support/html.js';
import { currentQuestion, setUpSession } from '../support/interview-driver.js';
import { lazyAnswer, strongAnswer } from '../support/answers.js';
import { sessionIdFrom, useTestApp, Visitor } from '../support/test-app.js';

const test = useTestApp();

/** What a browser sends with a form submission it makes itself (JavaScript off). */
const NAVIGATION = { 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'document', 'sec-fetch-site': 'same-origin' };

describe('the interview page', () => {
  async function atFollowUp(visitor: Visitor) {
    const id = await setUpSession(visitor, { difficulty: 'mid' });
    await visitor.post(`/session/${id}/start`);
    const q1 = (await currentQuestion(visitor, id))!;
    expect((await visitor.post(`/session/${id}/message`, { answer: lazyAnswer(), question_id: q1.id })).statusCode).toBe(303);
    const followUp = (await currentQuestion(visitor, id))!;
    expect(followUp.kind).toBe('follow_up');
    return { id, q1, followUp };
  }

  test('shows a follow-up under its main question, with a reason that gives no score away', async ({ visitor }) => {
    const { id, q1 } = await atFollowUp(visitor);
    const doc = html((await visitor.get(`/session/${id}/interview`)).body);
    expect(doc.querySelector('#main-question')?.textContent.trim()).toBe(q1.text);
    // The main question comes first, then the reason, then the follow-up.
    const order = ['#main-question', '#decision', '#question'].map((sel) => doc.toString().indexOf(`id="${sel.slice(1)}"`));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    const reason = doc.querySelector('#decision')!;
    expect(reason.getAttribute('data-action')).toBe('follow_up');
    expect(reason.textContent).not.toMatch(/\d+\s*\/\s*10|scored|key point/i);
    expect(reason.textContent.trim().split(/(?<=[.!?])\s/)).toHaveLength(1);
    expect(doc.querySelector('#last-score')).toBeNull();
    expect(doc.querySelector('#interview')?.textContent).not.toMatch(/\d+\/10/);
  });

  test('shows scores during the interview only when the candidate asks, and hides them again', async ({ app, visitor }) => {
    const { id } = await atFollowUp(visitor);
    const on = await visitor.post(`/session/${id}/preferences`, { show_scores: 'on' });
    expect(on.statusCode).toBe(303);
    expect(on.headers.location).toBe(`/session/${id}/interview`);
    let doc = html((await visitor.get(`/session/${id}/interview`)).body);
    expect(doc.querySelector('#last-score')?.textContent).toMatch(/Your last answer scored [1-3]\/10/);
    expect(doc.querySelector('#decision')?.textContent).toMatch(/You scored [1-3]\/10/);
    expect(doc.querySelector('#show-scores-toggle')?.getAttribute('value')).toBe('off');

    // With htmx the section comes back at once, scores hidden again.
    const off = await visitor.post(`/session/${id}/preferences`, { show_scores: 'off' }, { htmx: true });
    expect(off.statusCode).toBe(200);
    doc = html(off.body);
    expect(doc.querySelector('html')).toBeNull();
    expect(doc.querySelector('#last-score')).toBeNull();
    expect(doc.querySelector('#show-scores-toggle')?.getAttribute('value')).toBe('on');
    expect(html((await visitor.get(`/session/${id}/interview`)).body).querySelector('#decision')?.textContent).not.toMatch(/\/10/);

    // Someone else's interview: 404, and their preference is not touched.
    expect((await new Visitor(app).post(`/session/${id}/preferences`, { show_scores: 'on' })).statusCode).toBe(404);
  });

  test('labels the answer box with the question and leaves empty answers to the app’s own message', async ({ visitor }) => {
    const id = await setUpSession(visitor);
    await visitor.post(`/session/${id}/start`);
    const doc = html((await visitor.get(`/session/${id}/interview`)).body);
    const box = doc.querySelector('#answer')!;
    expect(box.hasAttribute('required')).toBe(false);
    expect(box.getAttribute('aria-required')).toBe('true');
    expect(box.getAttribute('aria-labelledby')!.split(' ')).toContain('question');
    expect(doc.querySelector('#question')?.getAttribute('tabindex')).toBe('-1');
    // The keyboard tip is marked so touch screens can leave it out (app.css).
    expect(doc.querySelector('#answer-hint .kbd-tip')?.textContent).toMatch(/Ctrl/);
    const q = (await currentQuestion(visitor, id))!;
    for (const answer of ['', '   ']) {
      const res = await visitor.post(`/session/${id}/message`, { answer, question_id: q.id });
      expect(res.statusCode).toBe(422);
      expect(html(res.body).querySelector('#error')?.textContent.trim()).toBe('Write (or record) an answer before sending it.');
    }
  });

  describe('a refused form without JavaScript (Post/Redirect/Get)', () => {
    test('sends the browser back to the interview with the message and the typed text, once', async ({ visitor }) => {
      const id = await setUpSession(visitor);
      await visitor.post(`/session/${id}/start`);
      const typed = 'An answer typed in a browser whose form lost its question id.';
      const refused = await visitor.post(`/session/${id}/message`, { answer: typed }, { headers: NAVIGATION });
      expect(refused.statusCode).toBe(303);
      expect(refused.headers.location).toBe(`/session/${id}/interview`);
      const cookie = [refused.headers['set-cookie']].flat()[0]!;
      expect(cookie.length).toBeLessThan(4096);

      const page = await visitor.get(`/session/${id}/interview`);
      expect(page.statusCode).toBe(200);
      const doc = html(page.body);
      expect(doc.querySelector('#error')?.getAttribute('data-code')).toBe('QUESTION_ID_MISSING');
      expect(doc.querySelector('#answer')?.textContent).toBe(typed);
      // Read once: a reload shows the page without the message.
      const again = html((await visitor.get(`/session/${id}/interview`)).body);
      expect(again.querySelector('#error')).toBeNull();
      expect(again.querySelector('#answer')?.textContent).toBe('');
    });

    test('an empty answer and an early "Finish" come back with their messages', async ({ visitor }) => {
      const id = await setUpSession(visitor);
      await visitor.post(`/session/${id}/start`);
      const q = (await currentQuestion(visitor, id))!;
      const empty = await visitor.post(`/session/${id}/message`, { answer: '', question_id: q.id }, { headers: NAVIGATION });
      expect(empty.statusCode).toBe(303);
      let doc = html((await visitor.get(`/session/${id}/interview`)).body);
      expect(doc.querySelector('#error')?.getAttribute('data-code')).toBe('EMPTY_ANSWER');
      expect(doc.querySelector('#answer')?.getAttribute('aria-invalid')).toBe('true');

      const early = await visitor.post(`/session/${id}/complete`, {}, { headers: NAVIGATION });
      expect(early.statusCode).toBe(303);
      expect(early.headers.location).toBe(`/session/${id}/interview`);
      doc = html((await visitor.get(`/session/${id}/interview`)).body);
      expect(doc.querySelector('#error')?.textContent).toMatch(/0 of 8/);
    });

    test('"Start" refused before the CV is in comes back to the set-up page with its message', async ({ visitor }) => {
      const created = await visitor.post('/session/create', { job_title: 'Ward Nurse', company_name: 'St Mary' });
      const id = sessionIdFrom(created.headers.location as string);
      const refused = await visitor.post(`/session/${id}/start`, {}, { headers: NAVIGATION });
      expect(refused.statusCode).toBe(303);
      expect(refused.headers.location).toBe(`/session/${id}/upload`);
      const doc = html((await visitor.get(`/session/${id}/upload`)).body);
      expect(doc.querySelector('#start-section #error')).not.toBeNull();
    });

    test('keeps the cookie under the 4 KB browsers allow, with the longest text a flash carries', async ({ visitor }) => {
      const id = await setUpSession(visitor);
      await visitor.post(`/session/${id}/start`);
      const typed = 'I led the night shift handover redesign and it worked. '.repeat(38); // 2,090 characters
      const refused = await visitor.post(`/session/${id}/message`, { answer: typed }, { headers: NAVIGATION });
      expect(refused.statusCode).toBe(303);
      const cookie = [refused.headers['set-cookie']].flat()[0]!;
      expect(cookie.length).toBeLessThan(4096);
      expect(html((await visitor.get(`/session/${id}/interview`)).body).querySelector('#answer')?.textContent).toBe(typed);
    });

    test('a text too long for a cookie is answered in place instead, so nothing typed is lost', async ({ visitor }) => {
      const id = await setUpSession(visitor);
      await visitor.post(`/session/${id}/start`);
      const long = strongAnswer({ id: '', number: 1, kind: 'question', text: '' }).repeat(5);
      const res = await visitor.post(`/session/${id}/message`, { answer: long }, { headers: NAVIGATION });
      expect(res.statusCode).toBe(422);
      expect(html(res.body).querySelector('#answer')?.textContent).toBe(long);
    });

    test('scripts and htmx keep the documented answer: the form with its message and a 4xx status', async ({ visitor }) => {
      const id = await setUpSession(visitor);
      await visitor.post(`/session/${id}/start`);
      expect((await visitor.post(`/session/${id}/message`, { answer: 'no id' })).statusCode).toBe(422);
      expect((await visitor.post(`/session/${id}/message`, { answer: 'no id' }, { htmx: true, headers: NAVIGATION })).statusCode).toBe(422);
    });
  });
});
