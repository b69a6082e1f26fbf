/**
 * Issue 17, finding 10: nullable JSON columns must hold SQL NULL, not the text 'null'.
 * The write path is checked on a whole interview (questions without evaluations, answers
 * without speech metrics or key points, a retry without coverage), and the data fix on a
 * database that was written before the fix and then upgraded.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterAll, describe, expect } from 'vitest';
import { MIGRATIONS_DIR } from '../../src/paths.js';
import { useTestApp, Visitor } from '../support/test-app.js';
import { answerAll, setUpSession } from '../support/interview-driver.js';
import { strongAnswer } from '../support/answers.js';
import { query, rowCount } from '../support/db-inspect.js';

const test = useTestApp({ eager: false });

/** Every nullable JSON column, by table. */
const NULLABLE_JSON = {
  messages: ['evaluation', 'speech_metrics', 'key_points', 'coverage', 'decision'],
  interview_sessions: ['focus_competencies'],
  feedback: ['requirements'],
  question_retries: ['coverage'],
} as const;

/** The JSON value null ('null' text on SQLite, jsonb 'null' on Postgres) and SQL NULLs in a column: SQL both databases accept. */
const COUNTS = (table: string, column: string) =>
  `select count(*) filter (where ${column} = 'null') as text_null, count(*) filter (where ${column} is null) as sql_null from ${table}`;

function counts(sqlite: Database.Database, table: string, column: string) {
  return sqlite.prepare(COUNTS(table, column)).get() as { text_null: number; sql_null: number };
}

/** The same, through the app's database (SQLite or Postgres; a count is a bigint, read as text, there). */
async function appCounts(app: FastifyInstance, table: string, column: string) {
  const [row] = await query<{ text_null: number | string; sql_null: number | string }>(app, COUNTS(table, column));
  return { text_null: Number(row!.text_null), sql_null: Number(row!.sql_null) };
}

describe("nullable JSON columns hold SQL NULL, not 'null'", () => {
  const dirs: string[] = [];
  // After the file: the apps (closed by the fixture after each test) are gone by then.
  afterAll(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  test('on every write of a whole interview, its feedback and a retry', async ({ makeApp }) => {
    const app = await makeApp();
    const visitor = new Visitor(app);
    const id = await setUpSession(visitor, { cv: 'cv-alex-morgan.txt' });
    expect((await visitor.post(`/session/${id}/start`)).statusCode).toBe(303);
    await answerAll(visitor, id, strongAnswer);
    expect((await visitor.post(`/session/${id}/complete`)).statusCode).toBe(303);
    expect((await visitor.post(`/session/${id}/retry/1`, { answer: 'I cut p99 latency from 900 ms to 210 ms with indexes and a Redis cache.' })).statusCode).toBe(303);

    let sqlNulls = 0;
    for (const [table, columns] of Object.entries(NULLABLE_JSON)) {
      for (const column of columns) {
        const { text_null, sql_null } = await appCounts(app, table, column);
        expect(text_null, `${table}.${column}`).toBe(0);
        sqlNulls += sql_null;
      }
    }
    // The interview did leave nulls to store (answers without speech metrics, questions without evaluations…).
    expect(sqlNulls).toBeGreaterThan(10);
    expect((await appCounts(app, 'messages', 'speech_metrics')).sql_null).toBe(await rowCount(app, 'messages'));
  });

  test("the upgrade turns 'null' text written by older versions into SQL NULL", () => {
    // A database migrated only up to the release before the fix, with rows as it wrote them.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rehearse-json-null-'));
    dirs.push(dir);
    const older = path.join(dir, 'migrations');
    fs.mkdirSync(path.join(older, 'meta'), { recursive: true });
    const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_DIR, 'meta/_journal.json'), 'utf8')) as { entries: { tag: string }[] };
    const fixAt = journal.entries.findIndex((e) => e.tag === '0003_json-null-as-sql-null');
    expect(fixAt).toBeGreaterThan(0);
    const before = { ...journal, entries: journal.entries.slice(0, fixAt) };
    fs.writeFileSync(path.join(older, 'meta/_journal.json'), JSON.stringify(before));
    for (const entry of before.entries) fs.copyFileSync(path.join(MIGRATIONS_DIR, `${entry.tag}.sql`), path.join(older, `${entry.tag}.sql`));

    const sqlite = new Database(path.join(dir, 'rehearse.db'));
    const db = drizzle(sqlite);
    migrate(db, { migrationsFolder: older });
    sqlite.exec(`
      insert into users (id) values ('u1');
      insert into interview_sessions (id, owner_id, job_title, company_name, focus_competencies) values ('s1', 'u1', 'Chef', 'Fournier', 'null');
      insert into messages (id, session_id, seq, role, kind, question_number, content, speech_metrics, key_points, evaluation, coverage, decision)
        values ('m1', 's1', 1, 'interviewer', 'question', 1, 'Why pastry?', 'null', '["craft"]', null, 'null', 'null');
      insert into feedback (id, session_id, overall_score, summary, provider, requirements) values ('f1', 's1', 6, '{}', 'offline', 'null');
      insert into question_retries (id, session_id, question_number, answer, evaluation, coverage, provider) values ('r1', 's1', 1, 'Because', '{}', 'null', 'offline');
    `);

    migrate(db, { migrationsFolder: MIGRATIONS_DIR });
    for (const [table, columns] of Object.entries(NULLABLE_JSON)) {
      for (const column of columns) expect(counts(sqlite, table, column).text_null, `${table}.${column}`).toBe(0);
    }
    // Real JSON is left alone.
    expect((sqlite.prepare("select key_points from messages where id = 'm1'").get() as { key_points: string }).key_points).toBe('["craft"]');
    sqlite.close();
  });
});
