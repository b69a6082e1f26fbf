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
