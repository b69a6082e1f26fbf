/**
 * Online backup of the SQLite database, safe while the app is serving and writing.
 *
 * It uses SQLite's backup API (better-sqlite3's `.backup()`) from a separate connection and
 * copies every page in one step, i.e. inside one read transaction: the copy is exactly the
 * database as of one commit. In WAL mode that read does not block the app's writers. The copy
 * is written next to its destination under a temporary name, switched to a single-file
 * journal mode, checked with `PRAGMA integrity_check`, and only then renamed into place, so a
 * file with the final name is always a complete, checked backup.
 *
 * CLI: `npm run backup [-- <file>]` (from a checkout) or `node dist/src/db/backup.js [<file>]`
 * (the container); without <file> it writes DATA_DIR/backups/rehearse-<UTC timestamp>.db.
 * With DATABASE_URL=postgres://… it runs pg_dump instead (backup-postgres.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { loadConfigOrExit } from '../config.js';
import { backupPostgres, findPostgresTools, pgDumpInstructions } from './backup-postgres.js';
import { messageOf } from '../errors.js';

interface BackupResult {
  file: string;
  bytes: number;
  pages: number;
  ms: number;
  integrity: string;
}

/** `rehearse-20250102T030405Z.db` for 2025-01-02 03:04:05 UTC (`.dump` for a Postgres dump). */
export function backupFileName(now = new Date(), extension: 'db' | 'dump' = 'db'): string {
  const stamp = now.toISOString().replace(/\.\d+Z$/, 'Z').replace(/[-:]/g, '');
  return `rehearse-${stamp}.${extension}`;
}

function defaultBackupPath(dataDir: string, now = new Date(), extension: 'db' | 'dump' = 'db'): string {
  return path.join(dataDir, 'backups', backupFileName(now, extension));
}

/** Copies the database at `source` to `destination` (which must not exist yet). */
async function backupDatabase(source: string, destination: string): Promise<BackupResult> {
  const started = performance.now();
  if (!fs.existsSync(source)) throw new Error(`No database at ${source}`);
  if (fs.existsSync(destination)) throw new Error(`${destination} already exists; choose another name`);
  fs.mkdirSync(path.dirname(destination), { recursive: true });
  const temporary = `${destination}.partial-${process.pid}`;

  const db = new Database(source, { fileMustExist: true });
  let pages = 0;
  try {
    db.pragma('busy_timeout = 5000');
    // Every remaining page in one step: one read transaction, one consistent snapshot.
    const progress = await db.backup(temporary, { progress: () => 0x7fffffff });
    pages = progress.totalPages;
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  } finally {
    db.close();
  }

  let integrity = 'unknown';
  const copy = new Database(temporary);
  try {
    // A backup is one self-contained file: no -wal/-shm next to it.
    copy.pragma('journal_mode = DELETE');
    integrity = (copy.pragma('integrity_check', { simple: true }) as string) ?? 'unknown';
  } finally {
    copy.close();
  }
  if (integrity !== 'ok') {
    fs.rmSync(temporary, { force: true });
    throw new Error(`The backup failed its integrity check: ${integrity}`);
  }
  fs.renameSync(temporary, destination);
  return { file: destination, bytes: fs.statSync(destination).size, pages, ms: Math.round(performance.now() - started), integrity };
}

/** `backup [<file>]`: reads the same configuration as the server (environment, then .env). */
export async function runBackupCli(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    console.log(
      'Usage: npm run backup [-- <file>]\nWrites a consistent copy of the database (default: DATA_DIR/backups/rehearse-<UTC timestamp>.db;\n' +
        'with DATABASE_URL=postgres://… a pg_dump custom-format file, DATA_DIR/backups/rehearse-<UTC timestamp>.dump).',
    );
    return 0;
  }
  const config = loadConfigOrExit();
  if (config.postgres) {
    const destination = path.resolve(args.find((a) => !a.startsWith('-')) ?? defaultBackupPath(config.dataDir, new Date(), 'dump'));
    const tools = findPostgresTools();
    if (!tools) {
      console.error(pgDumpInstructions(config.postgres, destination));
      return 1;
    }
    try {
      const result = await backupPostgres(config.postgres, destination, tools);
      console.log(JSON.stringify({ msg: 'backup written', source: config.postgres.redactedUrl, format: 'pg_dump custom', ...result }));
      return 0;
    } catch (error) {
      console.error(`Backup failed: ${messageOf(error)}`);
      return 1;
    }
  }
  if (config.databasePath === ':memory:') {
    console.error('DATABASE_PATH is :memory:, there is nothing to back up.');
    return 1;
  }
  const destination = path.resolve(args.find((a) => !a.startsWith('-')) ?? defaultBackupPath(config.dataDir));
  try {
    const result = await backupDatabase(config.databasePath, destination);
    console.log(JSON.stringify({ msg: 'backup written', source: config.databasePath, ...result }));
    return 0;
  } catch (error) {
    console.error(`Backup failed: ${messageOf(error)}`);
    return 1;
  }
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (invokedDirectly) process.exitCode = await runBackupCli(process.argv.slice(2));
