/**
 * The feedback page's insights over HTTP (issue 4): the job-requirement map, the adaptive
 * decisions, key-point coverage per answer, CV tips linked to requirements, retrying a
 * question (with every refusal), the Markdown export, and feedback written before any of
 * this existed.
 */
import { describe, expect } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createOfflineProvider } from '../../src/ai/providers/offline.js';
import type { AiProvider } from '../../src/ai/types.js';
import type { AdaptiveDecision, AnswerCoverage } from '../../src/intelligence/types.js';
import { useTestApp, Visitor } from '../support/test-app.js';
import { html, textOf } from '../support/html.js';
import { answerAll, setUpSession, type CurrentQuestion } from '../support/interview-driver.js';
import { strongAnswer } from '../support/answers.js';
import { query, snapshot, stored as inDatabase } from '../support/db-inspect.js';

/** The offline interviewer, except that evaluations throw while `state.down` is set. */
function switchableProvider(state: { down: boolean }): AiProvider {
  const offline = createOfflineProvider();
  return {
    name: 'offline',
    planQuestion: (input) => offline.planQuestion(input),
    summarizeInterview: (input) => offline.summarizeInterview(input),
    nextTurn: (input) => offline.nextTurn(input),
    async evaluateAnswer(input) {
      if (state.down) throw new Error('provider exploded');
      return offline.evaluateAnswer(input);
    },
  };
}

/** Answers that never mention Kafka or Terraform (the fixture CV lacks both). */
const noToolsAnswer = (q: CurrentQuestion) =>
  `In my last role at Brightline I mentored two junior engineers for question ${q.number}. I set up weekly pairing sessions and wrote a short guide to our code review habits. After three months their reviews were approved 40% faster and one of them was promoted.`;

interface Row {
  [key: string]: unknown;
}

const provider = { down: false };
const test = useTestApp({ deps: () => ({ providers: [switchableProvider(provider)] }) });

describe('feedback insights', () => {
  test.beforeEach(() => {
    provider.down = false;
  });

  const rows = (app: FastifyInstance, sql: string, ...params: unknown[]) => query<Row>(app, sql, ...params);
  /** A JSON column's value: text on SQLite, parsed already on Postgres (jsonb). */
  const json = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;

  async function finishedInterview(who: Visitor, answerFor: (q: CurrentQuestion) => string = strongAnswer): Promise<string> {
    const id = await setUpSession(who);
    expect((await who.post(`/session/${id}/start`)).statusCode).toBe(303);
    await answerAll(who, id, answerFor);
    const done = await who.post(`/session/${id}/complete`);
    expect(done.statusCode).toBe(303);
    return id;
  }

  describe('the feedback page', () => {
    test('shows the requirement map stored with the feedback, with quotes and question numbers', async ({ app, visitor }) => {
      const id = await finishedInterview(visitor);
      const stored = (await inDatabase(app).feedback(id))!.requirements!;
      expect(stored.length).toBeGreaterThan(3);

      const page = await visitor.get(`/session/${id}/feedback`);
      expect(page.statusCode).toBe(200);
      const doc = html(page.body);
      const items = doc.querySelectorAll('#requirements li[id^="req-"]');
      expect(items.map((li) => li.id)).toEqual(stored.map((r) => `req-${r.id}`));
      const answers = await rows(app, "select question_number, content from messages where session_id = ? and kind = 'answer'", id);
      for (const r of stored) {
        const li = doc.querySelector(`#req-${r.id}`)!;
        expect(li.getAttribute('data-status')).toBe(r.status);
        // The status is written out, not only coloured.
        expect(li.querySelector('.requirement-status')!.textContent).toMatch(/Demonstrated in an answer|In your CV only|Missing/);
        if (r.status === 'demonstrated') {
          expect(answers.some((a) => a.question_number === r.questionNumber && String(a.content).includes(r.quote!))).toBe(true);
          expect(li.querySelector('blockquote')!.textContent).toContain(`question ${r.questionNumber}`);
          expect(li.querySelector('blockquote a')!.getAttribute('href')).toBe(`#answer-${r.questionNumber}`);
        }
        if (r.status === 'cv_only') expect(li.textContent).toContain('Your CV:');
      }
      // The strong answers talk about Kafka and Terraform: both demonstrated.
      expect(doc.querySelector('#req-kafka')?.getAttribute('data-status')).toBe('demonstrated');
      expect(doc.querySelector('#req-terraform')?.getAttribute('data-status')).toBe('demonstrated');
    });

    test('shows each answer’s level and key points from the stored coverage, and explains the stored decisions', async ({ app, visitor }) => {
      const id = await finishedInterview(visitor);
      // Pin one decision of each kind so the sentences can be checked word for word.
      const answers = await rows(app, "select id, question_number from messages where session_id = ? and kind = 'answer' order by seq", id);
      const answerTo = (n: number) => answers.find((a) => a.question_number === n)!.id as string;
      const setQuestion = (difficulty: string, n: number) =>
        query(app, "update messages set difficulty = ? where session_id = ? and kind = 'question' and question_number = ?", difficulty, id, n);
      await setQuestion('mid', 4);
      await setQuestion('senior', 5);
      const coverage: AnswerCoverage = {
        method: 'lexical',
        coveredCount: 2,
        points: [
          { point: 'the trade-off you weighed', covered: true, similarity: 0.8, evidence: 'I proposed shipping behind a feature flag' },
          { point: 'how you measured the result', covered: true, similarity: 0.7, evidence: 'We found one rounding bug' },
        ],
      };
      const raise: AdaptiveDecision = { action: 'raise', reason: 'You scored 9/10 and covered 2 of 2 key points.', level: 'mid', nextLevel: 'senior' };
      const followUp: AdaptiveDecision = {
        action: 'follow_up',
        reason: 'You covered 0 of 2 key points.',
        level: 'mid',
        nextLevel: 'mid',
        followUp: 'What did you measure?',
        missedPoints: ['how you measured the result', 'who you involved'],
      };
      const setAnswer = async (coverage: AnswerCoverage | null, decision: AdaptiveDecision, score: number, answerId: string) => {
        const [row] = await rows(app, 'select evaluation from messages where id = ?', answerId);
        const evaluation = { ...json<Record<string, unknown>>(row!.evaluation), score };
        await query(app, 'update messages set coverage = ?, decision = ?, evaluation = ? where id = ?', coverage && JSON.stringify(coverage), JSON.stringify(decision), JSON.stringify(evaluation), answerId);
      };
      await setAnswer(coverage, raise, 9, answerTo(4));
      await setAnswer(null, followUp, 4, answerTo(3));

      const doc = html((await visitor.get(`/session/${id}/feedback`)).body);
      const decisions = doc.querySelectorAll('#decisions li').map((li) => li.textContent.replace(/\s+/g, ' ').trim());
      expect(decisions).toContainEqual(expect.stringContaining('Question 5 was harder (senior level) because you scored 9/10 on question 4 and covered all its key points.'));
      expect(decisions).toContainEqual(expect.stringContaining('Question 3 had a follow-up because your answer missed key points: “how you measured the result”; “who you involved”.'));
      expect(doc.querySelector('#decisions li[data-action="raise"]')?.getAttribute('data-question-number')).toBe('5');

      const cov = doc.querySelector('#coverage-4')!;
      expect(cov.getAttribute('data-method')).toBe('lexical');
      expect(cov.textContent).toContain('lexical match');
      expect(cov.querySelectorAll('.covered-points li')).toHaveLength(2);
      expect(cov.textContent).toContain('2 of 2 covered');
      expect(doc.querySelector('#answer-5')?.getAttribute('data-level')).toBe('senior');
      expect(textOf((await visitor.get(`/session/${id}/feedback`)).body, '#level-5')).toBe('Asked at senior level');

      // Whatever the interviewer stored itself is rendered too: one #coverage-<n> per answer with coverage.
      const stored = await rows(app, "select question_number, coverage from messages m where session_id = ? and kind = 'answer' and coverage is not null and exists (select 1 from messages q where q.id = m.reply_to and q.kind = 'question')", id);
      for (const r of stored) {
        const c = json<AnswerCoverage>(r.coverage);
        const el = doc.querySelector(`#coverage-${r.question_number}`)!;
        expect(el.getAttribute('data-method')).toBe(c.method);
        expect(el.textContent).toMatch(c.method === 'embeddings' ? /semantic match/ : /lexical match/);
        expect(el.querySelectorAll('.missed-points li')).toHaveLength(c.points.filter((p) => !p.covered).length);
      }
    });

    test('links a CV tip to the missing requirement it is about', async ({ visitor }) => {
      const id = await finishedInterview(visitor, noToolsAnswer);
      const doc = html((await visitor.get(`/session/${id}/feedback`)).body);
      // Neither the CV nor any answer mentions Terraform or infrastructure as code.
      expect(doc.querySelector('#req-terraform')?.getAttribute('data-status')).toBe('missing');
      const link = doc.querySelector('#cv-tips a[href="#req-terraform"]');
      expect(link).not.toBeNull();
      expect(link!.getAttribute('data-status')).toBe('missing');
      expect(link!.textContent).toContain('missing');
      expect(link!.closest('li')!.textContent).toMatch(/Terraform/);
      // Every tip link points at a requirement that is on the page.
      for (const a of doc.querySelectorAll('#cv-tips a.requirement-link')) {
        expect(doc.querySelector(a.getAttribute('href')!)).not.toBeNull();
      }
    });

    test('still renders feedback written before levels, coverage, decisions and the map existed', async ({ app, visitor }) => {
      const id = await finishedInterview(visitor);
      await query(app, 'update feedback set requirements = null where session_id = ?', id);
      await query(app, 'update messages set difficulty = null, competency = null, bank_id = null, key_points = null, coverage = null, decision = null where session_id = ?', id);
      const before = await snapshot(app);
      const page = await visitor.get(`/session/${id}/feedback`);
      expect(page.statusCode).toBe(200);
      const doc = html(page.body);
      expect(doc.querySelectorAll('#answer-feedback > li')).toHaveLength(8);
      // The map is computed on read, and reading stores nothing.
      expect(doc.querySelectorAll('#requirements li[id^="req-"]').length).toBeGreaterThan(3);
      expect(await snapshot(app)).toBe(before);
      expect(doc.querySelector('#decisions')!.textContent).toContain('recorded before the interviewer adapted');
      expect(doc.querySelectorAll('[id^="coverage-"]')).toHaveLength(0);
      expect(doc.querySelectorAll('[data-level]')).toHaveLength(0);
      const md = await visitor.get(`/session/${id}/feedback.md`);
      expect(md.statusCode).toBe(200);
      expect(md.body).toContain('## Job requirements');
    });

    test('offers the Markdown download and a print button', async ({ visitor }) => {
      const id = await finishedInterview(visitor);
      const doc = html((await visitor.get(`/session/${id}/feedback`)).body);
      expect(doc.querySelector('a#export-markdown')?.getAttribute('href')).toBe(`/session/${id}/feedback.md`);
      expect(doc.querySelector('button#print')?.textContent).toContain('Print or save as PDF');
      expect(doc.querySelector('link[href="/public/css/print.css"]')?.getAttribute('media')).toBe('print');
      for (let n = 1; n <= 8; n++) expect(doc.querySelector(`#retry-link-${n}`)?.getAttribute('href')).toBe(`/session/${id}/retry/${n}`);
    });
  });

  describe('retrying a question', () => {
    test('scores a new answer, shows it beside the original, and changes nothing about the interview', async ({ app, visitor }) => {
      const id = await finishedInterview(visitor, () => 'I think I would probably just talk to people and see what happens, it usually works out fine in the end for everyone.');
      const interview = async () =>
        JSON.stringify([await rows(app, 'select * from messages where session_id = ? order by seq', id), await rows(app, 'select overall_score, summary, requirements from feedback where session_id = ?', id)]);
      const before = await interview();

      const form = await visitor.get(`/session/${id}/retry/3`);
      expect(form.statusCode).toBe(200);
      let doc = html(form.body);
      expect(doc.querySelector('#retry-form')?.getAttribute('action')).toBe(`/session/${id}/retry/3`);
      expect(doc.querySelector('#retry-form textarea[name=answer]')).not.toBeNull();
      expect(doc.querySelector('#retry-form input[name=_csrf]')?.getAttribute('value')).toBeTruthy();
      expect(doc.querySelector('#original-attempt')?.textContent).toContain('I think I would probably just talk to people');
      expect(doc.querySelector('#retry-comparison')).toBeNull();
      expect(doc.querySelector('#retry-question')?.textContent).toMatch(/do not change|stay as they are/);

      const strong = strongAnswer({ id: '', number: 1, kind: 'question', text: '' });
      const sent = await visitor.post(`/session/${id}/retry/3`, { answer: strong });
      expect(sent.statusCode).toBe(303);
      expect(sent.headers.location).toBe(`/session/${id}/retry/3`);
      const stored = await rows(app, 'select question_number, answer, evaluation, provider from question_retries where session_id = ?', id);
      expect(stored).toHaveLength(1);
      expect(stored[0]).toMatchObject({ question_number: 3, answer: strong, provider: 'offline' });
      const retryScore = json<{ score: number }>(stored[0]!.evaluation).score;

      doc = html((await visitor.get(`/session/${id}/retry/3`)).body);
      const original = doc.querySelector('#retry-comparison #original-evaluation')!;
      const retry = doc.querySelector('#retry-comparison #retry-evaluation')!;
      expect(original.textContent).toContain('I think I would probably just talk to people');
      expect(retry.textContent).toContain(strong.slice(0, 60));
      expect(Number(retry.getAttribute('data-score'))).toBe(retryScore);
      expect(retry.querySelectorAll('.rubric tbody tr')).toHaveLength(5);
      const originalScore = Number(original.getAttribute('data-score'));
      expect(retryScore).toBeGreaterThan(originalScore);
      expect(textOf(doc.toString(), '#retry-change')).toContain(`from ${originalScore}/10 to ${retryScore}/10 (+${retryScore - originalScore})`);

      // Practice only: the interview, its score and its feedback are exactly as they were.
      expect(await interview()).toBe(before);
      const feedbackPage = html((await visitor.get(`/session/${id}/feedback`)).body);
      expect(feedbackPage.querySelector('#answer-3 .retry-line')?.textContent).toContain(`latest retry ${retryScore}/10`);
    });

    test('stores a double-submitted retry once, whether the second copy arrives during or after the first', async ({ app, visitor }) => {
      const id = await finishedInterview(visitor);
      const answer = strongAnswer({ id: '', number: 2, kind: 'question', text: '' });
      const [a, b] = await Promise.all([visitor.post(`/session/${id}/retry/2`, { answer }), visitor.post(`/session/${id}/retry/2`, { answer })]);
      expect([a.statusCode, b.statusCode]).toEqual([303, 303]);
      expect((await visitor.post(`/session/${id}/retry/2`, { answer })).statusCode).toBe(303);
      expect(await rows(app, 'select id from question_retries where session_id = ?', id)).toHaveLength(1);
      // A different answer is a new attempt.
      expect((await visitor.post(`/session/${id}/retry/2`, { answer: `${answer} I would also write the runbook first.` })).statusCode).toBe(303);
      expect(await rows(app, 'select id from question_retries where session_id = ?', id)).toHaveLength(2);
    });

    test('compares the retry with the question’s key points, with the same scorer as the interview', async ({ app, visitor }) => {
      const id = await finishedInterview(visitor);
      const withPoints = await rows(app, "select question_number, key_points from messages where session_id = ? and kind = 'question' and key_points is not null order by question_number", id);
      expect(withPoints.length).toBeGreaterThan(0);
      const n = withPoints[0]!.question_number as number;
      const keyPoints = json<string[]>(withPoints[0]!.key_points);
      expect((await visitor.post(`/session/${id}/retry/${n}`, { answer: strongAnswer({ id: '', number: n, kind: 'question', text: '' }) })).statusCode).toBe(303);
      const stored = json<AnswerCoverage>((await rows(app, 'select coverage from question_retries where session_id = ?', id))[0]!.coverage);
      expect(stored.points.map((p) => p.point)).toEqual(keyPoints);
      const doc = html((await visitor.get(`/session/${id}/retry/${n}`)).body);
      const shown = doc.querySelector('#retry-evaluation #retry-coverage')!;
      expect(shown.getAttribute('data-method')).toBe(stored.method);
      expect(shown.querySelectorAll('li')).toHaveLength(keyPoints.length);
    });

    test('swaps the comparison in for htmx', async ({ visitor }) => {
      const id = await finishedInterview(visitor);
      const res = await visitor.post(`/session/${id}/retry/2`, { answer: strongAnswer({ id: '', number: 3, kind: 'question', text: '' }) }, { htmx: true });
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toContain('<html');
      const doc = html(res.body);
      expect(doc.querySelector('#retry > #retry-comparison #original-evaluation')).not.toBeNull();
      expect(doc.querySelector('#retry-comparison #retry-evaluation')).not.toBeNull();
      // A fresh, empty form to try again.
      expect(doc.querySelector('#retry-form textarea')?.textContent).toBe('');
    });

    test('refuses empty and over-long answers with 422, keeping the text', async ({ app, visitor }) => {
      const id = await finishedInterview(visitor);
      const empty = await visitor.post(`/session/${id}/retry/1`, { answer: '   ' });
      expect(empty.statusCode).toBe(422);
      expect(html(empty.body).querySelector('#error')?.getAttribute('data-code')).toBe('EMPTY_ANSWER');

      const long = `I led it. ${'x'.repeat(app.config.answerMaxChars)}`;
      const tooLong = await visitor.post(`/session/${id}/retry/1`, { answer: long }, { htmx: true });
      expect(tooLong.statusCode).toBe(422);
      const doc = html(tooLong.body);
      expect(doc.querySelector('#error')?.getAttribute('data-code')).toBe('ANSWER_TOO_LONG');
      expect(doc.querySelector('#retry-form textarea')?.textContent).toBe(long);
      expect(await rows(app, 'select * from question_retries')).toHaveLength(0);
    });

    test('keeps the text and stores nothing when the answer cannot be scored', async ({ app, visitor }) => {
      const id = await finishedInterview(visitor);
      provider.down = true;
      const text = 'At Brightline I rebuilt the payment service & cut p99 <latency> by 75%.';
      const res = await visitor.post(`/session/${id}/retry/4`, { answer: text });
      expect(res.statusCode).toBe(503);
      const doc = html(res.body);
      expect(doc.querySelector('#error')?.getAttribute('data-code')).toBe('RETRY_NOT_SCORED');
      expect(doc.querySelector('#error')?.textContent).toContain('not saved');
      expect(doc.querySelector('#retry-form textarea')?.textContent).toBe(text);
      expect(await rows(app, 'select * from question_retries')).toHaveLength(0);
      provider.down = false;
      expect((await visitor.post(`/session/${id}/retry/4`, { answer: text })).statusCode).toBe(303);
      expect(await rows(app, 'select * from question_retries')).toHaveLength(1);
    });

    test('answers 404 for a question number outside 1..8, an unknown session or another visitor’s', async ({ app, visitor }) => {
      const id = await finishedInterview(visitor);
      for (const n of ['0', '9', '42', 'abc', '-1', '1.5']) {
        const get = await visitor.get(`/session/${id}/retry/${n}`);
        expect(get.statusCode, n).toBe(404);
        expect(html(get.body).querySelector('#error')?.getAttribute('data-code'), n).toBe('QUESTION_NOT_FOUND');
        expect((await visitor.post(`/session/${id}/retry/${n}`, { answer: 'I did it.' })).statusCode, n).toBe(404);
      }
      const unknown = await visitor.get('/session/no-such-session/retry/1');
      expect(unknown.statusCode).toBe(404);
      expect(html(unknown.body).querySelector('#error')?.getAttribute('data-code')).toBe('SESSION_NOT_FOUND');

      const stranger = new Visitor(app);
      const before = await snapshot(app);
      for (const res of [
        await stranger.get(`/session/${id}/retry/1`),
        await stranger.post(`/session/${id}/retry/1`, { answer: 'I rebuilt the payment service and cut p99 by 75%.' }),
        await stranger.get(`/session/${id}/feedback.md`),
      ]) {
        expect(res.statusCode).toBe(404);
        expect(html(res.body).querySelector('#error')?.getAttribute('data-code')).toBe('SESSION_NOT_FOUND');
      }
      expect(await rows(app, 'select * from question_retries')).toHaveLength(0);
      // The stranger's visit may create their guest identity; nothing of the interview changed.
      expect(JSON.parse(await snapshot(app)).find((t: [string]) => t[0] === 'question_retries')).toEqual(JSON.parse(before).find((t: [string]) => t[0] === 'question_retries'));
    });

    test('answers 409 before the interview is finished', async ({ app, visitor }) => {
      const id = await setUpSession(visitor);
      await visitor.post(`/session/${id}/start`);
      await visitor.post(`/session/${id}/message`, { answer: strongAnswer({ id: '', number: 1, kind: 'question', text: '' }) });
      const get = await visitor.get(`/session/${id}/retry/1`);
      expect(get.statusCode).toBe(409);
      expect(html(get.body).querySelector('#error')?.getAttribute('data-code')).toBe('INTERVIEW_NOT_COMPLETED');
      const post = await visitor.post(`/session/${id}/retry/1`, { answer: 'I rebuilt the payment service.' });
      expect(post.statusCode).toBe(409);
      expect(await rows(app, 'select * from question_retries')).toHaveLength(0);
      // The Markdown export is not there yet either.
      const md = await visitor.get(`/session/${id}/feedback.md`);
      expect(md.statusCode).toBe(409);
      expect(html(md.body).querySelector('#error')?.getAttribute('data-code')).toBe('FEEDBACK_NOT_READY');
    });
  });

  describe('the Markdown export', () => {
    test('downloads the feedback as Markdown with the score, requirements and every question, escaped', async ({ app, visitor }) => {
      const hostile = '# Not a heading\n1. not a list\n*bold* [click](http://evil.example) <script>alert(1)</script> | pipe';
      const id = await finishedInterview(visitor, (q) => (q.number === 2 && q.kind === 'question' ? `${strongAnswer(q)}\n${hostile}` : strongAnswer(q)));
      const res = await visitor.get(`/session/${id}/feedback.md`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/markdown; charset=utf-8');
      const created = (await rows(app, 'select created_at, overall_score from feedback where session_id = ?', id))[0]!;
      const date = new Date(created.created_at as number | Date).toISOString().slice(0, 10);
      expect(res.headers['content-disposition']).toBe(`attachment; filename="rehearse-senior-backend-engineer-${date}.md"`);
      const md = res.body;
      expect(md.startsWith('# Interview feedback: Senior Backend Engineer at Northwind Health\n')).toBe(true);
      expect(md).toContain(`## Overall score: ${created.overall_score}/10`);
      for (let n = 1; n <= 8; n++) expect(md).toMatch(new RegExp(`^### Question ${n}\\b.*: \\d+/10$`, 'm'));
      expect(md).toContain('## Job requirements');
      expect(md).toContain('**Demonstrated in an answer:** Hands-on experience with Kafka or a similar event-streaming platform');
      expect(md).toContain('## Improve your CV for this job');
      // The candidate's text is quoted, never turned into markup.
      expect(md).toContain('> \\# Not a heading');
      expect(md).toContain('> 1\\. not a list');
      expect(md).toContain('\\*bold\\* \\[click\\](http://evil.example) \\<script\\>alert(1)\\</script\\> \\| pipe');
      expect(md).not.toMatch(/^# Not a heading/m);
      expect(md).not.toContain('<script>');
    });
  });
});
