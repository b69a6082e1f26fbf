/**
 * Issue 17, finding 10: answers, job titles and company names made only of zero-width or other
 * invisible characters were accepted. They are now refused exactly like empty ones, while real
 * text that contains such characters (an emoji sequence, Persian with non-joiners) is kept.
 */
import { describe, expect, it } from 'vitest';
import { hasVisibleText, trimInvisible } from '../../src/text/visible-text.js';
import { sessionIdFrom, useTestApp, Visitor } from '../support/test-app.js';
import { html, textOf } from '../support/html.js';
import { answerAll, currentQuestion, setUpSession } from '../support/interview-driver.js';
import { strongAnswer } from '../support/answers.js';
import { count, query, rowCount } from '../support/db-inspect.js';

const test = useTestApp();

/** Zero-width space, non-joiner, joiner, word joiner, BOM, invisible separator, soft hyphen, LTR mark, Hangul filler, blank Braille, a lone combining accent, a tag character. */
const INVISIBLE_ONLY = ['\u200b', '\u200c\u200d', '\u2060\ufeff', '\u2063 \u00ad', '\u200e\u200f', '\u3164', '\u2800', '\u0301', '\u{E0041}', ' \u200b\t\u200b '];

describe('invisible-only input', () => {
  it('is recognised, and visible text with invisible characters inside is not', () => {
    for (const text of INVISIBLE_ONLY) expect(hasVisibleText(text), JSON.stringify(text)).toBe(false);
    for (const text of ['a', '👩\u200d💻', 'می\u200cخواهم', 'é', '7']) expect(hasVisibleText(text), text).toBe(true);
    expect(trimInvisible('\u200b Nurse\u200d\ufeff ')).toBe('Nurse');
    expect(trimInvisible('👩\u200d💻 lead')).toBe('👩\u200d💻 lead');
  });

  describe('through the app', () => {
    test('job title and company name: refused like empty ones, with the message per field', async ({ app }) => {
      const visitor = new Visitor(app);
      for (const invisible of INVISIBLE_ONLY) {
        const res = await visitor.post('/session/create', { job_title: invisible, company_name: invisible });
        expect(res.statusCode, JSON.stringify(invisible)).toBe(422);
        expect(textOf(res.body, '#job_title-error')).toMatch(/Enter the job title/);
        expect(textOf(res.body, '#company_name-error')).toMatch(/Enter the company name/);
      }
      expect(await rowCount(app, 'interview_sessions')).toBe(0);
      // Real names with invisible characters around them are kept, trimmed.
      const ok = await visitor.post('/session/create', { job_title: '\u200bSenior Nurse\u200b', company_name: '\ufeffSt Mary\u2060' });
      expect(ok.statusCode).toBe(303);
      const [row] = await query(app, 'select job_title, company_name from interview_sessions where id = ?', sessionIdFrom(ok.headers.location));
      expect(row).toEqual({ job_title: 'Senior Nurse', company_name: 'St Mary' });
    });

    test('a pasted job description of invisible characters only is refused like an empty one', async ({ app }) => {
      const visitor = new Visitor(app);
      const id = sessionIdFrom((await visitor.post('/session/create', { job_title: 'Nurse', company_name: 'St Mary' })).headers.location);
      const res = await visitor.post(`/session/${id}/upload-job`, { job_description: '\u200b\u3164\u2800' });
      expect(res.statusCode).toBe(422);
      expect(textOf(res.body, '#error')).toMatch(/Paste the job description/);
    });

    test('an answer and a retry: refused with EMPTY_ANSWER, nothing stored', async ({ app }) => {
      const visitor = new Visitor(app);
      const id = await setUpSession(visitor, { cv: 'cv-alex-morgan.txt' });
      expect((await visitor.post(`/session/${id}/start`)).statusCode).toBe(303);
      const q = (await currentQuestion(visitor, id))!;
      for (const invisible of INVISIBLE_ONLY) {
        const res = await visitor.post(`/session/${id}/message`, { answer: invisible, question_id: q.id });
        expect(res.statusCode, JSON.stringify(invisible)).toBe(422);
        expect(html(res.body).querySelector('#error')?.getAttribute('data-code')).toBe('EMPTY_ANSWER');
      }
      expect(await count(app, "select count(*) as n from messages where kind = 'answer'")).toBe(0);

      await answerAll(visitor, id, strongAnswer);
      expect((await visitor.post(`/session/${id}/complete`)).statusCode).toBe(303);
      const retry = await visitor.post(`/session/${id}/retry/1`, { answer: '\u200b\u200d\u2060' });
      expect(retry.statusCode).toBe(422);
      expect(html(retry.body).querySelector('#error')?.getAttribute('data-code')).toBe('EMPTY_ANSWER');
      expect(await rowCount(app, 'question_retries')).toBe(0);
    });
  });
});
