/**
 * `npm run db:migrate` and the functions under it, on both databases: what is pending is
 * reported without applying anything; applying is idempotent; two instances migrating the same
 * Postgres database at once do not collide (advisory lock); the readiness checks say what is
 * missing. Postgres: tests/support/postgres.ts.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { openDatabase } from '../../src/db/client.js';
import { applySqliteMigrations, pendingSqliteMigrations, readJournal } from '../../src/db/migrations.js';
import { migratePostgres, openPostgres, pendingPostgresMigrations, type PgHandle } from '../../src/db/pg-client.js';
import { checkDatabaseReady, checkPostgresReady } from '../../src/db/readiness.js';
import { migrateConfiguredDatabase } from '../../src/db/migrate.js';
import { openAppDatabase } from '../../src/db/app-database.js';
import { MIGRATIONS_DIR, PG_MIGRATIONS_DIR } from '../../src/paths.js';
import { usePostgres } from '../support/postgres.js';
import { PROJECT_ROOT, TSX, baseServerEnv } from '../support/server-process.js';

const run = promisify(execFile);
const postgres = usePostgres();
const sqliteTags = readJournal(MIGRATIONS_DIR).map((e) => e.tag);
const pgTags = readJournal(PG_MIGRATIONS_DIR).map((e) => e.tag);

const handles: PgHandle[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const handle of handles.splice(0)) await handle.close();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rehearse-migrate-'));
  dirs.push(dir);
  return dir;
}

const settings = (url: string, poolSize = 4) => ({ url, redactedUrl: url, poolSize, statementTimeoutMs: 30_000 });

/** `npm run db:migrate` as an operator runs it (the script through tsx), with `env`. */
async function migrateCli(env: Record<string, string>, args: string[] = []): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', TSX, path.join(PROJECT_ROOT, 'scripts/migrate.ts'), ...args], {
      cwd: PROJECT_ROOT,
      env: { ...baseServerEnv(), ...env },
      timeout: 60_000,
    });
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, out: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

describe('SQLite migrations', () => {
  it('the app refuses a file that lacks migrations when MIGRATE_ON_START=false (naming them), and migrates it by default', async () => {
    const file = path.join(tempDir(), 'r.db');
    new Database(file).close(); // an empty file: nothing applied
    const refusal = await openAppDatabase({ databasePath: file, postgres: null, migrateOnStart: false }).catch((error: unknown) => error);
    expect(refusal).toMatchObject({ code: 'DATABASE_NOT_MIGRATED' });
    for (const tag of sqliteTags) expect((refusal as Error).message).toContain(tag);
    const check = new Database(file);
    expect(check.prepare("select count(*) as n from sqlite_master where name = 'users'").get()).toEqual({ n: 0 });
    check.close();
    const opened = await openAppDatabase({ databasePath: file, postgres: null, migrateOnStart: true });
    expect(await opened.ready()).toEqual({ ok: true, migrations: sqliteTags.length });
    await opened.close();
    const again = await openAppDatabase({ databasePath: file, postgres: null, migrateOnStart: false });
    expect(again.driver).toBe('sqlite');
    await again.close();
  });

  it('lists pending migrations without applying them, then applies them once', () => {
    const file = path.join(tempDir(), 'r.db');
    const handle = openDatabase(file, { migrate: false });
    try {
      expect(pendingSqliteMigrations(handle.sqlite).map((e) => e.tag)).toEqual(sqliteTags);
      expect(pendingSqliteMigrations(handle.sqlite).map((e) => e.tag)).toEqual(sqliteTags); // still: listing applied nothing
      expect(checkDatabaseReady(handle.sqlite)).toMatchObject({ ok: false, reason: expect.stringMatching(/^migrations: none applied/) });
      expect(applySqliteMigrations(handle.db, handle.sqlite).map((e) => e.tag)).toEqual(sqliteTags);
      expect(applySqliteMigrations(handle.db, handle.sqlite)).toEqual([]);
      expect(pendingSqliteMigrations(handle.sqlite)).toEqual([]);
      expect(checkDatabaseReady(handle.sqlite)).toEqual({ ok: true, migrations: sqliteTags.length });
    } finally {
      handle.close();
    }
  });

  it('npm run db:migrate: --check does not create the file and exits 1; then it migrates, then reports up to date', async () => {
    const file = path.join(tempDir(), 'data', 'r.db');
    const env = { DATABASE_PATH: file };
    const check = await migrateCli(env, ['--check']);
    expect(check.code).toBe(1);
    expect(check.out).toContain(`${sqliteTags.length} of ${sqliteTags.length} migrations not applied: ${sqliteTags.join(', ')}`);
    expect(fs.existsSync(file)).toBe(false);

    const apply = await migrateCli(env);
    expect(apply).toMatchObject({ code: 0, out: expect.stringContaining(`applied ${sqliteTags.join(', ')}`) });
    const sqlite = new Database(file, { readonly: true });
    expect(checkDatabaseReady(sqlite)).toEqual({ ok: true, migrations: sqliteTags.length });
    sqlite.close();
    expect(await migrateCli(env, ['--check'])).toMatchObject({ code: 0, out: expect.stringContaining('up to date') });
  }, 60_000);
});

describe('Postgres migrations', () => {
  it('lists pending migrations without applying them; /ready would say why; applying is idempotent', async () => {
    const database = await postgres.database();
    const handle = openPostgres(settings(database.url));
    handles.push(handle);
    expect((await pendingPostgresMigrations(handle.pool)).map((e) => e.tag)).toEqual(pgTags);
    expect(await checkPostgresReady(handle.pool)).toEqual({ ok: false, reason: 'migrations: none applied (run npm run db:migrate)' });
    const tables = await handle.pool.query("select count(*)::int as n from information_schema.tables where table_schema = 'public'");
    expect(tables.rows[0].n).toBe(0);

    expect((await migratePostgres(handle.pool)).map((e) => e.tag)).toEqual(pgTags);
    expect(await migratePostgres(handle.pool)).toEqual([]);
    expect(await checkPostgresReady(handle.pool)).toEqual({ ok: true, migrations: pgTags.length });

    // Pretend the newest migration never ran.
    await handle.pool.query('delete from drizzle.__drizzle_migrations where created_at = (select max(created_at) from drizzle.__drizzle_migrations)');
    const ready = await checkPostgresReady(handle.pool);
    if (pgTags.length > 1) expect(ready).toEqual({ ok: false, reason: `migrations: not applied: ${pgTags.at(-1)}` });
    else expect(ready).toEqual({ ok: false, reason: 'migrations: none applied (run npm run db:migrate)' });
  });

  it('two instances migrating at once: one applies, the other waits for the lock and finds nothing to do', async () => {
    const database = await postgres.database();
    const a = openPostgres(settings(database.url, 2));
    const b = openPostgres(settings(database.url, 2));
    handles.push(a, b);
    const [first, second] = await Promise.all([migratePostgres(a.pool), migratePostgres(b.pool)]);
    expect([first.length, second.length].sort()).toEqual([0, pgTags.length]);
    const recorded = await a.pool.query('select count(*)::int as n from drizzle.__drizzle_migrations');
    expect(recorded.rows[0].n).toBe(pgTags.length);
  });

  it('a server that does not answer makes /ready say so (no hang, no crash)', async () => {
    const handle = openPostgres(settings('postgres://nobody@127.0.0.1:9/none', 1));
    handles.push(handle);
    expect(await checkPostgresReady(handle.pool)).toMatchObject({ ok: false, reason: expect.stringMatching(/^database: .*ECONNREFUSED/) });
  });

  it('npm run db:migrate with DATABASE_URL migrates Postgres, and never prints the password', async () => {
    const database = await postgres.database();
    // The role may not need a password; one in the URL is ignored by trust auth but must not be printed.
    const url = new URL(database.url);
    if (!url.password) url.password = 'never-print-me';
    const env = { DATABASE_URL: url.toString() };
    const check = await migrateCli(env, ['--check']);
    expect(check.code).toBe(1);
    expect(check.out).toContain(`migrations not applied: ${pgTags.join(', ')}`);
    const apply = await migrateCli(env);
    expect(apply.code).toBe(0);
    expect(apply.out).toContain(`applied ${pgTags.join(', ')}`);
    expect(apply.out).toContain(':***@');
    expect(check.out + apply.out).not.toContain(url.password);
    const outcome = await migrateConfiguredDatabase({ databasePath: ':memory:', postgres: settings(url.toString()) }, { check: true });
    expect(outcome.migrations).toEqual([]);
  }, 60_000);
});
