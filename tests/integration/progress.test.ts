/**
 * The progress page over HTTP: the empty state, charts, mastery and the study plan after two
 * offline interviews, the focused practice interview it starts, and owner scoping.
 */
import { describe, expect } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sessionIdFrom, useTestApp, Visitor } from '../support/test-app.js';
import { html } from '../support/html.js';
import { answerAll, setUpSession, type CurrentQuestion } from '../support/interview-driver.js';
import { lazyAnswer, strongAnswer } from '../support/answers.js';
import { fixture } from '../support/interview-driver.js';
import { XSS, XSS_ALL, XSS_RAW_MARKERS } from '../support/hostile.js';
import { competencyOf } from '../../src/services/progress-service.js';
import { isCompetencyId } from '../../src/interview/definitions.js';
import { query, rowCount, stored } from '../support/db-inspect.js';

/** One app for the file's second block, which reads two interviews finished in its beforeAll. */
const sharedTest = useTestApp({ scope: 'file' });

async function completeInterview(visitor: Visitor, answerFor: (q: CurrentQuestion) => string): Promise<string> {
  const id = await setUpSession(visitor);
  expect((await visitor.post(`/session/${id}/start`)).statusCode).toBe(303);
  await answerAll(visitor, id, answerFor);
  const done = await visitor.post(`/session/${id}/complete`);
  expect(done.statusCode).toBe(303);
  return id;
}

interface SessionDbRow {
  id: string;
  owner_id: string;
  status: string;
  job_title: string;
  company_name: string;
  interview_type: string;
  job_description: string;
  job_file_name: string | null;
  cv_text: string | null;
  cv_file_name: string | null;
  cv_format: string | null;
  cv_word_count: number | null;
  focus_competencies: unknown;
}

const sessionRow = async (app: FastifyInstance, id: string) => (await query<SessionDbRow>(app, 'select * from interview_sessions where id = ?', id))[0]!;

/** A JSON column's value: text on SQLite, parsed already on Postgres (jsonb). */
const json = (value: unknown): unknown => (typeof value === 'string' ? JSON.parse(value) : value);

/** The competency each main question of the session counts for, as the progress page classifies it. */
async function competenciesAsked(app: FastifyInstance, sessionId: string): Promise<Set<string>> {
  const questions = (await stored(app).messages(sessionId)).filter((m) => m.kind === 'question');
  return new Set(questions.map((m) => competencyOf({ question: m.content, focus: m.focus, competency: m.competency })));
}

describe('the progress page before any interview is finished', () => {
  // Declared here, so that only this block's tests get a fresh app each.
  const test = useTestApp();

  test('shows an empty state that explains what will appear and links to start one', async ({ app }) => {
    const visitor = new Visitor(app);
    const page = await visitor.get('/progress');
    expect(page.statusCode).toBe(200);
    const doc = html(page.body);
    const empty = doc.querySelector('#progress-empty');
    expect(empty).not.toBeNull();
    expect(empty!.textContent).toMatch(/study plan/i);
    expect(doc.querySelector('#progress-start-link')?.getAttribute('href')).toBe('/');
    for (const id of ['#overall-chart', '#competency-charts', '#mastery', '#study-plan', '#start-focused']) expect(doc.querySelector(id), id).toBeNull();
    // Reachable from the navigation and the dashboard; the page's stylesheet is linked.
    expect(doc.querySelector('#progress-link')?.getAttribute('href')).toBe('/progress');
    expect(doc.querySelector('link[href="/public/css/progress.css"]')).not.toBeNull();
    const dashboard = html((await visitor.get('/dashboard')).body);
    expect(dashboard.querySelector('#dashboard-progress-link')?.getAttribute('href')).toBe('/progress');
    expect((await visitor.get('/public/css/progress.css')).statusCode).toBe(200);
  });

  test('counts only completed interviews: one in progress still shows the empty state', async ({ app }) => {
    const visitor = new Visitor(app);
    const id = await setUpSession(visitor);
    await visitor.post(`/session/${id}/start`);
    expect(html((await visitor.get('/progress')).body).querySelector('#progress-empty')).not.toBeNull();
  });

  test('sends a focused-interview request without an earlier interview to the create page with a message', async ({ app }) => {
    const visitor = new Visitor(app);
    const res = await visitor.post('/progress/focused-interview');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/?done=focus-no-interview');
    const page = await visitor.get(res.headers.location as string);
    expect(html(page.body).querySelector('#notice')?.textContent).toMatch(/earlier interview/);
    expect(await rowCount(app, 'interview_sessions')).toBe(0);
  });

  test('escapes hostile job titles, companies and quoted job text in the charts, tables and study plan', async ({ app }) => {
    const visitor = new Visitor(app);
    const created = await visitor.post('/session/create', { job_title: `Engineer ${XSS.script}`, company_name: `Acme ${XSS.attr}` });
    const id = sessionIdFrom(created.headers.location as string);
    await visitor.upload(`/session/${id}/upload-cv`, {}, [{ field: 'cv_file', fileName: 'cv.txt', content: `${fixture('cv-alex-morgan.txt').toString('utf8')}\n${XSS_ALL}` }]);
    await visitor.post(`/session/${id}/upload-job`, { job_description: `Requirements: TypeScript, Node.js, incident response. ${XSS_ALL}` });
    expect((await visitor.post(`/session/${id}/start`)).statusCode).toBe(303);
    await answerAll(visitor, id, lazyAnswer);
    expect((await visitor.post(`/session/${id}/complete`)).statusCode).toBe(303);
    const page = await visitor.get('/progress');
    const doc = html(page.body);
    expect(doc.querySelectorAll('#overall-chart .chart-point')).toHaveLength(1);
    for (const marker of XSS_RAW_MARKERS) expect(page.body, marker).not.toContain(marker);
    // The escaped text is there: in the point's tooltip (SVG) and the table (HTML).
    expect(doc.querySelector('#overall-chart .chart-point title')!.textContent).toContain('Engineer <script>alert("xss-script")</script>');
    expect(doc.querySelector('#overall-data tbody tr')!.textContent).toContain('Acme " autofocus onfocus');
  });

  test('with only unfinished interviews, sends the request to the dashboard instead of creating one', async ({ app }) => {
    const visitor = new Visitor(app);
    await setUpSession(visitor);
    const res = await visitor.post('/progress/focused-interview');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/dashboard?done=focus-no-plan');
    expect(await rowCount(app, 'interview_sessions')).toBe(1);
  });
});

describe('the progress page after two completed interviews', () => {
  let first: string;
  let second: string;
  sharedTest.beforeAll(async ({ visitor }) => {
    first = await completeInterview(visitor, lazyAnswer);
    second = await completeInterview(visitor, strongAnswer);
  }, 120_000);

  const overallScore = async (app: FastifyInstance, id: string) => (await stored(app).feedback(id))!.overallScore;

  sharedTest('draws the overall score of each interview, in order, with a data table', async ({ app, visitor }) => {
    const page = await visitor.get('/progress');
    expect(page.statusCode).toBe(200);
    const doc = html(page.body);
    expect(doc.querySelector('#progress-empty')).toBeNull();
    const chart = doc.querySelector('svg#overall-chart')!;
    expect(chart.getAttribute('role')).toBe('img');
    const points = chart.querySelectorAll('.chart-point');
    expect(points).toHaveLength(2);
    // Lazy answers first, strong second: the second point is higher (smaller y).
    expect(await overallScore(app, first)).toBeLessThan((await overallScore(app, second)));
    expect(Number(points[1]!.getAttribute('cy'))).toBeLessThan(Number(points[0]!.getAttribute('cy')));
    expect(points[0]!.querySelector('title')!.textContent).toContain(`${(await overallScore(app, first))}/10`);
    const rows = doc.querySelectorAll('#overall-data tbody tr');
    expect(rows.map((r) => r.getAttribute('data-session-id'))).toEqual([first, second]);
    expect(rows[1]!.textContent).toContain(`${(await overallScore(app, second))}/10`);
  });

  sharedTest('lists mastery for exactly the competencies asked, with interview counts and trends', async ({ app, visitor }) => {
    const doc = html((await visitor.get('/progress')).body);
    const rows = doc.querySelectorAll('#mastery tbody tr');
    const asked1 = await competenciesAsked(app, first);
    const asked2 = await competenciesAsked(app, second);
    const expected = new Set([...asked1, ...asked2]);
    expect(new Set(rows.map((r) => r.getAttribute('data-competency')))).toEqual(expected);
    expect(rows).toHaveLength(expected.size);
    for (const row of rows) {
      const competency = row.getAttribute('data-competency')!;
      expect(isCompetencyId(competency)).toBe(true);
      const both = asked1.has(competency) && asked2.has(competency);
      expect(row.getAttribute('data-interviews')).toBe(both ? '2' : '1');
      if (!both) expect(row.getAttribute('data-trend')).toBe('new');
      else expect(row.getAttribute('data-trend')).not.toBe('new');
      const mastery = Number(row.getAttribute('data-mastery'));
      expect(mastery).toBeGreaterThanOrEqual(1);
      expect(mastery).toBeLessThanOrEqual(10);
    }
    // Weakest first.
    const values = rows.map((r) => Number(r.getAttribute('data-mastery')));
    expect(values).toEqual([...values].sort((a, b) => a - b));
    // One small chart per competency, on the same x axis (two interviews).
    const charts = doc.querySelectorAll('#competency-charts figure[data-competency]');
    expect(new Set(charts.map((c) => c.getAttribute('data-competency')))).toEqual(expected);
    for (const c of charts) {
      expect(c.querySelector('svg[role=img] title')).not.toBeNull();
      expect(c.querySelectorAll('.chart-axis text')).toHaveLength(2);
    }
  });

  sharedTest('offers a study plan of the three weakest competencies with practice suggestions', async ({ visitor }) => {
    const doc = html((await visitor.get('/progress')).body);
    const items = doc.querySelectorAll('#study-plan li[data-competency]');
    expect(items).toHaveLength(3);
    const weakest = doc.querySelectorAll('#mastery tbody tr').slice(0, 3).map((r) => r.getAttribute('data-competency'));
    expect(items.map((i) => i.getAttribute('data-competency'))).toEqual(weakest);
    for (const item of items) {
      expect(item.querySelectorAll('.practice li').length).toBeGreaterThanOrEqual(2);
      const revisit = item.querySelector('.revisit a')!.getAttribute('href')!;
      expect(revisit).toMatch(new RegExp(`^/session/(${first}|${second})/feedback#answer-[1-8]$`));
    }
    const form = doc.querySelector('form#start-focused')!;
    expect(form.getAttribute('method')).toBe('post');
    expect(form.getAttribute('action')).toBe('/progress/focused-interview');
    expect(form.querySelector('input[name=_csrf]')).not.toBeNull();
  });

  sharedTest('pairs each main question with its follow-up, and counts the better answer', async ({ app }) => {
    const owner = (await sessionRow(app, first)).owner_id;
    const rows = await app.storage.repositories.progress.scoredQuestions(owner, 100);
    expect(rows.map((r) => [r.sessionId, r.questionNumber])).toEqual(
      [first, second].flatMap((id) => [1, 2, 3, 4, 5, 6, 7, 8].map((n) => [id, n])),
    );
    const scoreOf = async (sessionId: string, n: number, kind: string) => {
      const [answer] = await query<{ evaluation: unknown }>(
        app,
        `select a.evaluation from messages q join messages a on a.reply_to = q.id
         where q.session_id = ? and q.question_number = ? and q.kind = ?`,
        sessionId,
        n,
        kind,
      );
      return answer ? (json(answer.evaluation) as { score: number }).score : null;
    };
    let followUps = 0;
    for (const row of rows) {
      expect(row.mainScore).toBe(await scoreOf(row.sessionId, row.questionNumber, 'question'));
      expect(row.followUpScore).toBe(await scoreOf(row.sessionId, row.questionNumber, 'follow_up'));
      if (row.followUpScore !== null) followUps++;
    }
    // "fine" to everything draws follow-ups in the first interview.
    expect(followUps).toBeGreaterThan(0);
  });

  sharedTest('refuses the focused interview without a CSRF token', async ({ app, visitor }) => {
    const before = await rowCount(app, 'interview_sessions');
    const res = await visitor.post('/progress/focused-interview', {}, { csrf: false });
    expect(res.statusCode).toBe(403);
    expect(await rowCount(app, 'interview_sessions')).toBe(before);
  });

  sharedTest('starts a draft focused on the study plan, with the job and CV copied, and redirects to its set-up page', async ({ app, visitor }) => {
    const plan = html((await visitor.get('/progress')).body)
      .querySelectorAll('#study-plan li[data-competency]')
      .map((i) => i.getAttribute('data-competency'));
    const res = await visitor.post('/progress/focused-interview');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toMatch(/^\/session\/[^/]+\/upload$/);
    const id = sessionIdFrom(res.headers.location as string);
    expect([first, second]).not.toContain(id);
    const created = await sessionRow(app, id);
    const source = await sessionRow(app, second);
    expect(created.status).toBe('draft');
    expect(created.owner_id).toBe(source.owner_id);
    expect(json(created.focus_competencies)).toEqual(plan);
    for (const column of ['job_title', 'company_name', 'interview_type', 'job_description', 'job_file_name', 'cv_text', 'cv_file_name', 'cv_format', 'cv_word_count'] as const) {
      expect(created[column], column).toEqual(source[column]);
    }
    expect(created.cv_text).toContain('Alex Morgan');
    expect(created.job_description.length).toBeGreaterThan(100);
    // The set-up page shows the copied CV, ready to review or replace, and the interview can start.
    const upload = await visitor.get(res.headers.location as string);
    expect(upload.statusCode).toBe(200);
    expect(html(upload.body).querySelector('#cv-preview')?.textContent).toContain('Alex Morgan');
    expect(html(upload.body).querySelector('#start-button')).not.toBeNull();
    // A draft is no completed interview: the progress page is unchanged.
    expect(html((await visitor.get('/progress')).body).querySelectorAll('#overall-chart .chart-point')).toHaveLength(2);
  });

  sharedTest('never shows one visitor the progress of another', async ({ app }) => {
    const other = new Visitor(app);
    const page = await other.get('/progress');
    expect(page.statusCode).toBe(200);
    const doc = html(page.body);
    expect(doc.querySelector('#progress-empty')).not.toBeNull();
    expect(doc.querySelector('#overall-chart')).toBeNull();
    expect(page.body).not.toContain(first);
    expect(page.body).not.toContain('Northwind Health');
    const res = await other.post('/progress/focused-interview');
    expect(res.headers.location).toBe('/?done=focus-no-interview');
  });

  sharedTest('keeps the progress when the guest registers an account', async ({ visitor }) => {
    const res = await visitor.post('/account/register', { email: 'progress@example.com', password: 'a long enough passphrase', password_confirm: 'a long enough passphrase' });
    expect(res.statusCode).toBe(303);
    const doc = html((await visitor.get('/progress')).body);
    expect(doc.querySelectorAll('#overall-chart .chart-point')).toHaveLength(2);
    expect(doc.querySelector('#progress-summary')?.textContent).toContain('your account');
  });
});
