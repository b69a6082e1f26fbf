/**
 * Issue 17, finding 10: /progress rendered every completed interview (150 interviews → a
 * 600 KB page). It now renders the latest PROGRESS_MAX_INTERVIEWS and says so.
 */
import { describe, expect } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { PROGRESS_MAX_INTERVIEWS } from '../../src/services/progress-service.js';
import { useTestApp, Visitor } from '../support/test-app.js';
import { html } from '../support/html.js';
import { answerAll, setUpSession } from '../support/interview-driver.js';
import { strongAnswer } from '../support/answers.js';
import { query } from '../support/db-inspect.js';

const test = useTestApp({ eager: false });

type Row = Record<string, unknown>;

/** A row's value as a query parameter: JSON columns (parsed by Postgres) go back as JSON text. */
const asParam = (value: unknown) => (value !== null && typeof value === 'object' && !(value instanceof Date) ? JSON.stringify(value) : value);

/** An instant `ms` later: a Date on Postgres, milliseconds on SQLite. */
const later = (at: unknown, ms: number) => (at instanceof Date ? new Date(at.getTime() + ms) : (at as number) + ms);

/** Copies a completed interview (session, messages, feedback) `copies` times, each completed a minute after the last. */
async function cloneInterview(app: FastifyInstance, sessionId: string, copies: number): Promise<string[]> {
  const insert = (table: string, row: Row) => {
    const columns = Object.keys(row);
    return query(app, `insert into ${table} (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`, ...columns.map((c) => asParam(row[c])));
  };
  const [session] = await query(app, 'select * from interview_sessions where id = ?', sessionId);
  const messages = await query(app, 'select * from messages where session_id = ? order by seq', sessionId);
  const [feedback] = await query(app, 'select * from feedback where session_id = ?', sessionId);
  const ids: string[] = [];
  for (let i = 1; i <= copies; i++) {
    const id = `${sessionId.slice(0, 10)}c${String(i).padStart(4, '0')}`;
    ids.push(id);
    const at = later(session!.completed_at, i * 60_000);
    await insert('interview_sessions', { ...session, id, job_title: `Role ${i}`, created_at: at, completed_at: at });
    for (const m of messages) await insert('messages', { ...m, id: `${m.id}-${i}`, session_id: id, reply_to: m.reply_to === null ? null : `${m.reply_to}-${i}` });
    await insert('feedback', { ...feedback, id: `${feedback!.id}-${i}`, session_id: id, created_at: at });
  }
  return ids;
}

describe('/progress with many interviews', () => {
  test(`renders only the latest ${PROGRESS_MAX_INTERVIEWS} of 150 completed interviews, and says so`, async ({ makeApp }) => {
    const app = await makeApp();
    const visitor = new Visitor(app);
    const first = await setUpSession(visitor, { cv: 'cv-alex-morgan.txt' });
    expect((await visitor.post(`/session/${first}/start`)).statusCode).toBe(303);
    await answerAll(visitor, first, strongAnswer);
    expect((await visitor.post(`/session/${first}/complete`)).statusCode).toBe(303);
    const clones = await cloneInterview(app, first, 149);

    const page = await visitor.get('/progress');
    expect(page.statusCode).toBe(200);
    const doc = html(page.body);
    expect(doc.querySelector('#progress-summary')?.textContent).toMatch(/150 completed interviews/);
    expect(doc.querySelector('#progress-limit')?.textContent).toMatch(new RegExp(`Showing your latest ${PROGRESS_MAX_INTERVIEWS} of 150 completed interviews`));
    const shown = doc.querySelectorAll('#overall-data tbody tr').map((tr) => tr.getAttribute('data-session-id'));
    expect(shown).toEqual(clones.slice(-PROGRESS_MAX_INTERVIEWS));
    expect(shown).not.toContain(first);
    // Bounded: a fraction of the 600 KB the review measured (the size is a property of the page, not a timing).
    expect(Buffer.byteLength(page.body)).toBeLessThan(250_000);
  }, 60_000);

  test('says nothing about a limit below it', async ({ makeApp }) => {
    const app = await makeApp();
    const visitor = new Visitor(app);
    const id = await setUpSession(visitor, { cv: 'cv-alex-morgan.txt' });
    expect((await visitor.post(`/session/${id}/start`)).statusCode).toBe(303);
    await answerAll(visitor, id, strongAnswer);
    expect((await visitor.post(`/session/${id}/complete`)).statusCode).toBe(303);
    await cloneInterview(app, id, 3);
    const doc = html((await visitor.get('/progress')).body);
    expect(doc.querySelector('#progress-limit')).toBeNull();
    expect(doc.querySelectorAll('#overall-data tbody tr')).toHaveLength(4);
  });
});
