/**
 * Issue 15, item 4: one answer (POST /session/:id/message with its question id, through the
 * real route) runs at most 8 SQL statements and commits once (on Postgres two more, and a second
 * commit: the interviewer step's claim, see below). The interviewer's turn and the
 * background evaluation are held at a gate, so only the answer itself is counted: the request,
 * the stored answer and the page fragment it answers with.
 *
 * On SQLite the counter wraps better-sqlite3's Statement methods, which every query of the app
 * goes through (Drizzle's prepared queries and transactions' BEGIN/COMMIT included); on Postgres
 * (TEST_APP_DATABASE=postgres) it wraps node-postgres's Client#query, which the pool's queries
 * and transactions go through. A read or a commit added anywhere on the path makes this fail.
 */
import type Database from 'better-sqlite3';
import pg from 'pg';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect } from 'vitest';
import { NO_RATE_LIMITS } from '../../src/config.js';
import { useTestApp, Visitor } from '../support/test-app.js';
import { currentQuestion, setUpSession } from '../support/interview-driver.js';
import { gatedProvider } from '../support/gated-provider.js';
import { strongAnswer } from '../support/answers.js';
import { count, onSqlite } from '../support/db-inspect.js';

const test = useTestApp({ eager: false });

interface Counted {
  sql: string[];
  /** Commits: COMMIT statements, and writes run outside a transaction (each commits on its own). */
  commits: number;
}

type StatementMethod = 'run' | 'get' | 'all' | 'iterate';

/** Counts every statement `sqlite` executes until the returned `stop` is called. */
function countStatements(sqlite: Database.Database): { counted: Counted; stop: () => void } {
  const proto = Object.getPrototypeOf(sqlite.prepare('select 1')) as Record<StatementMethod, (this: Database.Statement, ...args: unknown[]) => unknown>;
  const counted: Counted = { sql: [], commits: 0 };
  const originals = new Map<StatementMethod, (this: Database.Statement, ...args: unknown[]) => unknown>();
  for (const method of ['run', 'get', 'all', 'iterate'] as const) {
    const original = proto[method];
    originals.set(method, original);
    proto[method] = function (this: Database.Statement, ...args: unknown[]) {
      counted.sql.push(this.source);
      if (/^\s*commit\b/i.test(this.source) || (!sqlite.inTransaction && /^\s*(insert|update|delete|replace)\b/i.test(this.source))) counted.commits++;
      return original.apply(this, args);
    };
  }
  const exec = sqlite.exec;
  sqlite.exec = function (source: string) {
    counted.sql.push(source);
    return exec.call(this, source);
  };
  const stop = () => {
    for (const [method, original] of originals) proto[method] = original;
    sqlite.exec = exec;
  };
  return { counted, stop };
}

type PgQuery = (this: pg.Client, ...args: unknown[]) => unknown;

/** The same for Postgres: every statement a node-postgres client sends (the pool's included), until `stop`. */
function countPgStatements(): { counted: Counted; stop: () => void } {
  const proto = pg.Client.prototype as unknown as { query: PgQuery };
  const original = proto.query;
  const counted: Counted = { sql: [], commits: 0 };
  const inTransaction = new WeakSet<pg.Client>();
  proto.query = function (this: pg.Client, ...args: unknown[]) {
    const [first] = args;
    const text = typeof first === 'string' ? first : (first as { text?: unknown } | undefined)?.text;
    if (typeof text === 'string') {
      counted.sql.push(text);
      if (/^\s*begin\b/i.test(text)) inTransaction.add(this);
      else if (/^\s*commit\b/i.test(text)) {
        counted.commits++;
        inTransaction.delete(this);
      } else if (/^\s*rollback\b/i.test(text)) inTransaction.delete(this);
      else if (!inTransaction.has(this) && /^\s*(insert|update|delete)\b/i.test(text)) counted.commits++;
    }
    return original.apply(this, args);
  };
  return { counted, stop: () => void (proto.query = original) };
}

const counterFor = (app: FastifyInstance) => (onSqlite ? countStatements(app.database.sqlite) : countPgStatements());

describe(`the answer path (issue 15, item 4) (${onSqlite ? 'SQLite' : 'Postgres'})`, () => {
  let stop: (() => void) | undefined;
  afterEach(async () => {
    stop?.();
    stop = undefined;
  });

  // On Postgres the interviewer's step then takes its claim (interview_step_claims, so no other
  // instance takes the same step: one statement, committed on its own) and reads the interview
  // again under it (issue 16); on SQLite, one process per file, it needs neither.
  const budget = onSqlite ? { statements: 8, commits: 1 } : { statements: 10, commits: 2 };
  for (const htmx of [true, false]) {
    test(`stores an answer in at most ${budget.statements} statements and ${budget.commits} commit(s) (${htmx ? 'htmx' : 'plain form'})`, async ({ makeApp }) => {
      const gate = gatedProvider();
      const app = await makeApp({ rateLimits: NO_RATE_LIMITS }, { providers: [gate.provider] });
      const visitor = new Visitor(app);
      const id = await setUpSession(visitor, { cv: 'cv-alex-morgan.txt' });
      await visitor.post(`/session/${id}/start`);
      const q1 = (await currentQuestion(visitor, id))!;
      gate.hold('nextTurn');
      gate.hold('evaluateAnswer');

      const counter = counterFor(app);
      stop = counter.stop;
      const response = await visitor.post(`/session/${id}/message`, { answer: strongAnswer(q1), question_id: q1.id }, { htmx });
      counter.stop();
      stop = undefined;

      expect(response.statusCode).toBe(htmx ? 200 : 303);
      expect(await count(app, "select count(*) as n from messages where session_id = ? and kind = 'answer'", id)).toBe(1);
      expect(counter.counted.sql.length, counter.counted.sql.join('\n')).toBeLessThanOrEqual(budget.statements);
      expect(counter.counted.commits, counter.counted.sql.join('\n')).toBe(budget.commits);
      gate.release('nextTurn');
      gate.release('evaluateAnswer');
      await app.services.interview.drain();
    });
  }
});
