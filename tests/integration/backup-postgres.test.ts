/**
 * `npm run backup` with DATABASE_URL=postgres://…: a pg_dump custom-format file that restores
 * (pg_restore into a new database gives back the same rows and the same applied migrations),
 * and, without pg_dump on PATH, no file but the commands to run by hand — never the password.
 * Postgres: tests/support/postgres.ts (pg_dump from PATH, or the cluster's own binaries).
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { asc } from 'drizzle-orm';
import { backupPostgres, findPostgresTools, type PostgresTools } from '../../src/db/backup-postgres.js';
import { migratePostgres, openPostgres, pendingPostgresMigrations, type PgHandle } from '../../src/db/pg-client.js';
import * as pgSchema from '../../src/db/schema-pg.js';
import { usePostgres } from '../support/postgres.js';
import { PROJECT_ROOT, TSX, baseServerEnv } from '../support/server-process.js';

const run = promisify(execFile);
const postgres = usePostgres();
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rehearse-pg-backup-'));
const handles: PgHandle[] = [];
afterAll(async () => {
  for (const handle of handles) await handle.close();
  fs.rmSync(root, { recursive: true, force: true });
});

const settings = (url: string) => ({ url, redactedUrl: url, poolSize: 2, statementTimeoutMs: 30_000 });

/** pg_dump/pg_restore on PATH, else the throwaway cluster's own. */
function tools(): PostgresTools {
  const binDir = postgres.server().binDir;
  const found = findPostgresTools(`${process.env.PATH ?? ''}${binDir ? `${path.delimiter}${binDir}` : ''}`);
  if (!found) throw new Error('pg_dump is on neither PATH nor next to the Postgres server binaries (apt-get install postgresql-client)');
  return found;
}

async function seeded(): Promise<{ handle: PgHandle; url: string }> {
  const database = await postgres.database();
  const handle = openPostgres(settings(database.url));
  handles.push(handle);
  await migratePostgres(handle.pool);
  const at = new Date('2026-05-06T07:08:09.123Z');
  await handle.db.insert(pgSchema.users).values({ id: 'u-backup', createdAt: at });
  await handle.db.insert(pgSchema.interviewSessions).values({ id: 's-backup', ownerId: 'u-backup', jobTitle: 'Nurse', companyName: 'St Mary', cvTruncated: false, createdAt: at });
  await handle.db.insert(pgSchema.messages).values([
    { id: 'm-q', sessionId: 's-backup', seq: 1, role: 'interviewer', kind: 'question', questionNumber: 1, content: 'Tell me about a difficult shift.', keyPoints: ['triage'], createdAt: at },
    { id: 'm-a', sessionId: 's-backup', seq: 2, role: 'candidate', kind: 'answer', questionNumber: 1, replyTo: 'm-q', content: 'Two admissions at once; I triaged…', evaluation: { score: 7, criteria: [], strengths: [], weaknesses: [], followUp: null, summary: 'Clear triage.' }, createdAt: at },
  ]);
  return { handle, url: database.url };
}

function backupCli(env: Record<string, string>, args: string[]): Promise<{ code: number; out: string }> {
  return run(process.execPath, ['--import', TSX, path.join(PROJECT_ROOT, 'scripts/backup.ts'), ...args], { cwd: PROJECT_ROOT, env, timeout: 120_000 }).then(
    ({ stdout, stderr }) => ({ code: 0, out: stdout + stderr }),
    (error: { code?: number; stdout?: string; stderr?: string }) => ({ code: typeof error.code === 'number' ? error.code : -1, out: `${error.stdout ?? ''}${error.stderr ?? ''}` }),
  );
}

describe('Postgres backup (pg_dump)', () => {
  it('dumps a consistent, checked file that restores to the same rows and migrations', async () => {
    const { handle, url } = await seeded();
    const file = path.join(root, 'one', 'rehearse.dump');
    const result = await backupPostgres(settings(url), file, tools());
    expect(result.file).toBe(file);
    expect(result.bytes).toBeGreaterThan(0);
    expect(result.tables).toBeGreaterThanOrEqual(7); // the app's tables + drizzle's migrations table
    expect(fs.readdirSync(path.dirname(file))).toEqual(['rehearse.dump']); // no partial file left
    await expect(backupPostgres(settings(url), file, tools())).rejects.toThrow(/already exists/);

    const target = await postgres.database();
    await run(tools().pgRestore!, ['--no-owner', `--dbname=${target.url}`, file]);
    const restored = openPostgres(settings(target.url));
    handles.push(restored);
    expect(await pendingPostgresMigrations(restored.pool)).toEqual([]);
    const read = (h: PgHandle) => h.db.select().from(pgSchema.messages).orderBy(asc(pgSchema.messages.seq));
    expect(await read(restored)).toEqual(await read(handle));
    expect((await read(restored)).map((m) => m.id)).toEqual(['m-q', 'm-a']);
  });

  it('npm run backup with DATABASE_URL writes DATA_DIR/backups/rehearse-<stamp>.dump', async () => {
    const { url } = await seeded();
    const dataDir = path.join(root, 'data');
    const binDir = postgres.server().binDir;
    const env = { ...baseServerEnv(), DATA_DIR: dataDir, DATABASE_URL: url, PATH: `${process.env.PATH ?? ''}${binDir ? `${path.delimiter}${binDir}` : ''}` };
    const { code, out } = await backupCli(env, []);
    expect(code).toBe(0);
    const line = JSON.parse(out.trim().split('\n').at(-1)!) as { msg: string; file: string; format: string };
    expect(line).toMatchObject({ msg: 'backup written', format: 'pg_dump custom' });
    expect(line.file).toMatch(new RegExp(`^${dataDir}/backups/rehearse-\\d{8}T\\d{6}Z\\.dump$`));
    expect(fs.statSync(line.file).size).toBeGreaterThan(0);
  }, 120_000);

  it('without pg_dump on PATH: no file, the commands to run instead, exit 1, and no password', async () => {
    const emptyBin = fs.mkdtempSync(path.join(root, 'bin-'));
    const destination = path.join(root, 'none', 'r.dump');
    const env = { ...baseServerEnv(), PATH: emptyBin, DATABASE_URL: 'postgres://rehearse:s3cret-pw@db.internal:5432/rehearse' };
    const { code, out } = await backupCli(env, [destination]);
    expect(code).toBe(1);
    expect(out).toContain('pg_dump is not on PATH, so no backup was made');
    expect(out).toContain("pg_dump --format=custom --file=r.dump 'postgres://rehearse@db.internal:5432/rehearse'");
    expect(out).toContain('docker compose exec -T postgres pg_dump --format=custom -U rehearse rehearse > r.dump');
    expect(out).toContain('pg_restore --no-owner');
    expect(out).not.toContain('s3cret-pw');
    expect(fs.existsSync(destination)).toBe(false);
  }, 60_000);

  it('a server that cannot be reached fails the backup with pg_dump\'s reason, leaving no file', async () => {
    const destination = path.join(root, 'unreachable', 'r.dump');
    await expect(backupPostgres(settings('postgres://nobody:pw@127.0.0.1:9/none'), destination, tools())).rejects.toThrow(/pg_dump failed: .*(refused|connect)/i);
    expect(fs.existsSync(destination)).toBe(false);
    expect(fs.readdirSync(path.dirname(destination))).toEqual([]);
  });
});
