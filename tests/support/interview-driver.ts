import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { html } from './html.js';
import { sessionIdFrom, type Visitor } from './test-app.js';

export const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');
export const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name));

/** Creates a session for `visitor`, uploads the CV and job description; returns the id. */
export async function setUpSession(
  visitor: Visitor,
  {
    cv = 'cv-alex-morgan.pdf',
    job = 'job-backend-engineer.txt',
    type = 'mixed',
    difficulty,
    focus,
  }: { cv?: string; job?: string; type?: string; difficulty?: string; focus?: string } = {},
): Promise<string> {
  const created = await visitor.post('/session/create', {
    job_title: 'Senior Backend Engineer',
    company_name: 'Northwind Health',
    interview_type: type,
    ...(difficulty ? { difficulty } : {}),
    ...(focus ? { focus_competencies: focus } : {}),
  });
  expect(created.statusCode).toBe(303);
  const id = sessionIdFrom(created.headers.location as string);
  const cvResponse = await visitor.upload(`/session/${id}/upload-cv`, {}, [{ field: 'cv_file', fileName: cv, content: fixture(cv) }]);
  expect(cvResponse.statusCode).toBe(303);
  const jobResponse = await visitor.post(`/session/${id}/upload-job`, { job_description: fixture(job).toString('utf8') });
  expect(jobResponse.statusCode).toBe(303);
  return id;
}

export interface CurrentQuestion {
  id: string;
  number: number;
  kind: string;
  text: string;
}

/** True while the page shows the interviewer at work (no question yet, no error). */
export const stillPreparing = (body: string) => /data-phase="preparing"/.test(body) && !/id="error"/.test(body);

/**
 * Loads `load` until the interviewer has finished its step, as a reader without JavaScript
 * sees it: the page reloads itself while the interviewer works (a model can take longer than
 * the moment a request waits for it). Gives up after `timeoutMs`.
 */
export async function whenPrepared<R extends { body: string }>(load: () => Promise<R>, timeoutMs = 60_000): Promise<R> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const page = await load();
    if (!stillPreparing(page.body) || Date.now() > deadline) return page;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Reads the question the interview page is showing, or null when none is waiting. */
export async function currentQuestion(visitor: Visitor, sessionId: string): Promise<CurrentQuestion | null> {
  const page = await whenPrepared(() => visitor.get(`/session/${sessionId}/interview`));
  expect(page.statusCode).toBe(200);
  const doc = html(page.body);
  const q = doc.querySelector('#question');
  if (!q) return null;
  return {
    id: doc.querySelector('input[name=question_id]')!.getAttribute('value')!,
    number: Number(q.getAttribute('data-question-number')),
    kind: q.getAttribute('data-kind')!,
    text: q.textContent.trim(),
  };
}

/**
 * Answers every question (main and follow-up) until the interview is ready to finish, using
 * `answerFor` to pick each answer. Returns what was asked.
 */
export async function answerAll(
  visitor: Visitor,
  sessionId: string,
  answerFor: (q: CurrentQuestion) => string,
): Promise<CurrentQuestion[]> {
  const asked: CurrentQuestion[] = [];
  for (let guard = 0; guard < 20; guard++) {
    const q = await currentQuestion(visitor, sessionId);
    if (!q) break;
    asked.push(q);
    const res = await visitor.post(`/session/${sessionId}/message`, { answer: answerFor(q), question_id: q.id });
    expect(res.statusCode).toBe(303);
  }
  return asked;
}

/** Waits until `condition` holds, checking every 20 ms; throws naming `what` after `timeoutMs`. */
export async function until(condition: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * Ten different specific stories for a backend engineer's interview: the same answer twice is
 * recognised as a repeat (issue 12) and followed up, so a test that walks a whole interview
 * gives each question its own.
 */
export const DISTINCT_STORIES = [
  'at Brightwave I owned the patient-records API; I profiled it, added PostgreSQL indexes and a Redis cache, and p99 fell from 900 ms to 210 ms within the quarter.',
  'at Brightwave I cut our on-call pages from 40 a week to 9 by deleting noisy Prometheus alerts and writing runbooks for the rest, over six weeks.',
  'when two teams argued over a PostgreSQL schema change, I wrote both options down with their costs, we chose the cheaper migration, and it shipped a week early.',
  'I mentored two juniors on code review in TypeScript; their review turnaround went from three days to under one within a month.',
  'our Kafka consumers fell behind during a sale, so I added partitions and made the handler idempotent; lag dropped from 2 hours to 30 seconds.',
  'I replaced a flaky end-to-end suite with contract tests, which cut the build from 40 minutes to 11 and ended the re-runs.',
  'finance asked why AWS costs doubled; I found debug logging and oversized instances, fixed both, and the bill fell by 38%.',
  'I moved deploys to GitHub Actions with cached images; deploy time went from 45 minutes to 12 and failures from one in five to one in twenty.',
  'I led the move from cron jobs to a RabbitMQ queue for invoice emails, and late invoices fell from 4% to under 0.5%.',
  'I rebuilt Elasticsearch indexing to run incrementally, so new records appear in seconds instead of the next morning.',
];

/** Story `n` (1-based, wrapping round) of DISTINCT_STORIES. */
export const distinctStory = (n: number): string => DISTINCT_STORIES[(n - 1) % DISTINCT_STORIES.length]!;
