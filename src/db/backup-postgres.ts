/**
 * `npm run backup` when DATABASE_URL names Postgres: `pg_dump --format=custom` (one
 * consistent snapshot: pg_dump reads everything in one repeatable-read transaction, so the app
 * keeps serving and writing meanwhile), written under a temporary name, checked by listing it
 * with `pg_restore --list`, then renamed, so a file with the final name is always a complete
 * dump. The password goes to pg_dump through PGPASSWORD, never on its command line (where `ps`
 * would show it). Without pg_dump on PATH it makes no backup and prints how to make one.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { PostgresSettings } from '../config.js';
import { messageOf } from '../errors.js';

const run = promisify(execFile);

export interface PostgresTools {
  pgDump: string;
  /** Used to check the dump; without it the dump is kept unchecked (and the result says so). */
  pgRestore: string | null;
}

export interface PostgresBackupResult {
  file: string;
  bytes: number;
  ms: number;
  /** Tables whose rows are in the dump (from `pg_restore --list`), or null when unchecked. */
  tables: number | null;
}

/** pg_dump and pg_restore from `searchPath` (PATH), or null when there is no pg_dump. */
export function findPostgresTools(searchPath = process.env.PATH ?? ''): PostgresTools | null {
  const find = (name: string) =>
    searchPath
      .split(path.delimiter)
      .filter(Boolean)
      .map((dir) => path.join(dir, name))
      .find((file) => {
        try {
          fs.accessSync(file, fs.constants.X_OK);
          return fs.statSync(file).isFile();
        } catch {
          return false;
        }
      }) ?? null;
  const pgDump = find('pg_dump');
  return pgDump ? { pgDump, pgRestore: find('pg_restore') } : null;
}

/** The connection string without its password, and the password (for PGPASSWORD). */
function splitPassword(url: string): { url: string; password: string | null } {
  const parsed = new URL(url);
  const password = parsed.password ? decodeURIComponent(parsed.password) : null;
  parsed.password = '';
  return { url: parsed.toString(), password };
}

/** What to run by hand when pg_dump is not here (no password in it). */
export function pgDumpInstructions(settings: Pick<PostgresSettings, 'url'>, destination: string): string {
  const { url } = splitPassword(settings.url);
  const file = path.basename(destination);
  return [
    'pg_dump is not on PATH, so no backup was made. Either install the PostgreSQL client tools of the',
    "server's major version or newer (Debian/Ubuntu: apt-get install postgresql-client) and run `npm run backup` again,",
    'or make the backup yourself on a machine that has them:',
    '',
    `  PGPASSWORD='<the password>' pg_dump --format=custom --file=${file} '${url}'`,
    '',
    'With the compose.yaml of this repository, from the Postgres container:',
    '',
    `  docker compose exec -T postgres pg_dump --format=custom -U rehearse rehearse > ${file}`,
    '',
    'Restore into a new, empty database (then point DATABASE_URL at it and run npm run db:migrate --check):',
    '',
    `  pg_restore --no-owner --dbname='<postgres://…/new database>' ${file}`,
  ].join('\n');
}

/** Dumps the database of `settings` to `destination` (which must not exist yet). */
export async function backupPostgres(settings: Pick<PostgresSettings, 'url'>, destination: string, tools: PostgresTools): Promise<PostgresBackupResult> {
  const started = performance.now();
  if (fs.existsSync(destination)) throw new Error(`${destination} already exists; choose another name`);
  fs.mkdirSync(path.dirname(destination), { recursive: true });
  const temporary = `${destination}.partial-${process.pid}`;
  const { url, password } = splitPassword(settings.url);
  const env = { ...process.env, PGCONNECT_TIMEOUT: '10', ...(password !== null ? { PGPASSWORD: password } : {}) };
  try {
    await run(tools.pgDump, ['--format=custom', `--file=${temporary}`, `--dbname=${url}`], { env, timeout: 60 * 60_000, maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw new Error(`pg_dump failed: ${failureOf(error)}`);
  }
  let tables: number | null = null;
  if (tools.pgRestore) {
    try {
      const { stdout } = await run(tools.pgRestore, ['--list', temporary], { maxBuffer: 64 * 1024 * 1024 });
      tables = stdout.split('\n').filter((line) => /^\d+;.* TABLE DATA /.test(line)).length;
    } catch (error) {
      fs.rmSync(temporary, { force: true });
      throw new Error(`the dump failed its check (pg_restore --list): ${failureOf(error)}`);
    }
  }
  fs.renameSync(temporary, destination);
  return { file: destination, bytes: fs.statSync(destination).size, ms: Math.round(performance.now() - started), tables };
}

/** What a failed pg_dump/pg_restore said on stderr (execFile puts it on the error), else the error's message. */
function failureOf(error: unknown): string {
  const stderr = typeof error === 'object' && error !== null && 'stderr' in error && typeof error.stderr === 'string' ? error.stderr.trim() : '';
  return stderr || messageOf(error);
}
