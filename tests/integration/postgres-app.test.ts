/**
 * The app on Postgres (issue 16): how it starts on a database whose migrations are not all
 * applied (refused unless MIGRATE_ON_START), a whole interview with every row in Postgres, and
 * the server process on DATABASE_URL. Postgres: tests/support/postgres.ts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPostgresForApp } from '../../src/db/pg-client.js';
import { readJournal } from '../../src/db/migrations.js';
import { SHARED_TABLES } from '../../src/db/schema-types.js';
import { redactUrl } from '../../src/config.js';
import { PG_MIGRATIONS_DIR } from '../../src/paths.js';
import { pgQuery, usePostgres } from '../support/postgres.js';
import { createTestApp, Visitor } from '../support/test-app.js';
import { answerAll, setUpSession } from '../support/interview-driver.js';
import { strongAnswer } from '../support/answers.js';
import { startServerProcess } from '../support/server-process.js';

const postgres = usePostgres();
const pgTags = readJournal(PG_MIGRATIONS_DIR).map((e) => e.tag);

describe('the app on Postgres: start-up', () => {
  it('refuses a database with migrations not applied, naming them and what to run; MIGRATE_ON_START applies them', async () => {
    const database = await postgres.database();
    // The test server trusts local connections, so the password is never checked: it is here to be kept out of the message.
    const url = new URL(database.url);
    url.password = 'hunter2-secret';
    const settings = { url: url.toString(), redactedUrl: redactUrl(url.toString()), poolSize: 2, statementTimeoutMs: 30_000 };

    const refusal = await openPostgresForApp(settings, { migrateOnStart: false }).catch((error: unknown) => error);
    expect(refusal).toMatchObject({ code: 'DATABASE_NOT_MIGRATED' });
    const message = (refusal as Error).message;
    expect(message).toContain('npm run db:migrate');
    expect(message).toContain('MIGRATE_ON_START=true');
    for (const tag of pgTags) expect(message).toContain(tag);
    expect(message).not.toContain('hunter2-secret');

    const started = await openPostgresForApp(settings, { migrateOnStart: true });
    expect(started.applied.map((e) => e.tag)).toEqual(pgTags);
    await started.handle.close();

    // Migrated: starts without MIGRATE_ON_START, applying nothing.
    const again = await openPostgresForApp(settings, { migrateOnStart: false });
    expect(again.applied).toEqual([]);
    const tables = await again.handle.pool.query<{ n: number }>("select count(*)::int as n from information_schema.tables where table_schema = 'public'");
    expect(tables.rows[0]?.n).toBe(SHARED_TABLES.length);
    await again.handle.close();
  });
});

const settings = (url: string) => ({ url, redactedUrl: redactUrl(url), poolSize: 4, statementTimeoutMs: 30_000 });


describe('the app on Postgres', () => {
  it('runs a whole interview with every row in Postgres; /ready checks Postgres; closing ends its connections', async () => {
    const database = await postgres.database();
    const app = await createTestApp({ postgres: settings(database.url), migrateOnStart: true });
    let id: string;
    try {
      expect(app.storage.driver).toBe('postgres');
      expect(() => app.database).toThrow(/runs on Postgres/);
      const visitor = new Visitor(app);
      id = await setUpSession(visitor);
      expect((await visitor.post(`/session/${id}/start`)).statusCode).toBe(303);
      const asked = await answerAll(visitor, id, strongAnswer);
      expect(asked.filter((q) => q.kind === 'question').map((q) => q.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      expect((await visitor.post(`/session/${id}/complete`)).statusCode).toBe(303);
      const page = await visitor.get(`/session/${id}/feedback`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('id="score"');

      const ready = await app.inject('/ready');
      expect(ready.statusCode).toBe(200);
      expect(ready.json()).toMatchObject({ status: 'ready', migrations: pgTags.length });
    } finally {
      await app.close();
    }
    const [session] = await pgQuery<{ status: string; answers: number; feedback: number }>(
      database.url,
      `select status,
              (select count(*)::int from messages where session_id = $1 and kind = 'answer') as answers,
              (select count(*)::int from feedback where session_id = $1) as feedback
         from interview_sessions where id = $1`,
      [id!],
    );
    expect(session).toMatchObject({ status: 'completed', feedback: 1 });
    expect(session!.answers).toBeGreaterThanOrEqual(8);
    const open = await pgQuery<{ n: number }>(database.server.adminUrl, "select count(*)::int as n from pg_stat_activity where datname = $1 and application_name = 'rehearse'", [database.name]);
    expect(open[0]?.n).toBe(0);
    // A whole interview: room for a busy machine (not a speed check).
  }, 60_000);

  it('the server on DATABASE_URL: refuses a database that lacks migrations (exit 1, saying what to run, no password), then starts once migrated', async () => {
    const database = await postgres.database();
    const url = new URL(database.url);
    url.password = 's3cret-pw';
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rehearse-pg-server-'));
    try {
      const env = { DATA_DIR: dataDir, DATABASE_URL: url.toString() };
      const refused = await startServerProcess({ env, waitFor: 'health' }).then(
        async (server) => ({ code: (await server.stop()).code, out: server.output() }),
        (error: Error) => ({ code: null, out: error.message }),
      );
      expect(refused.out).toContain('DATABASE_NOT_MIGRATED');
      expect(refused.out).toContain('npm run db:migrate');
      expect(refused.out).toContain(':***@');
      expect(refused.out).not.toContain('s3cret-pw');
      expect(refused.out).toContain('the server exited before it was healthy');

      const server = await startServerProcess({ env: { ...env, MIGRATE_ON_START: 'true' } });
      try {
        const ready = await fetch(`${server.url}/ready`);
        expect(ready.status).toBe(200);
        expect(server.output()).toContain('running on Postgres');
        const home = await fetch(`${server.url}/`);
        expect(home.status).toBe(200);
      } finally {
        expect((await server.stop()).code).toBe(0);
      }
      // Nothing was written to a SQLite file on the side.
      expect(fs.readdirSync(dataDir).filter((f) => f.endsWith('.db'))).toEqual([]);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
