/**
 * Which migrations a database still lacks, for both drivers. Drizzle's migrators record each
 * applied migration in `__drizzle_migrations` with its journal entry's `when` as `created_at`
 * (SQLite: in the main schema; Postgres: in the `drizzle` schema); the journal
 * (`<dir>/meta/_journal.json`) lists what the code ships. A migration is pending when its
 * `when` is not recorded.
 *
 * Note: Drizzle applies only migrations newer than the newest one recorded. A pending entry
 * OLDER than that (a migration merged out of order) is reported here but would never be
 * applied by `migrate`; `applied…` callers say so instead of claiming success.
 */
import { messageOf } from '../errors.js';
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import type { Db } from './client.js';
import { MIGRATIONS_DIR } from '../paths.js';

export interface JournalEntry {
  tag: string;
  when: number;
}

/** The migrations the code ships, oldest first. Throws with the path when the journal is unreadable. */
export function readJournal(migrationsDir: string): JournalEntry[] {
  const file = path.join(migrationsDir, 'meta', '_journal.json');
  let journal: unknown;
  try {
    journal = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read the migration journal ${file} (${messageOf(error)})`);
  }
  const entries = typeof journal === 'object' && journal !== null && 'entries' in journal ? journal.entries : undefined;
  if (!Array.isArray(entries)) throw new Error(`the migration journal ${file} has no entries`);
  return entries.map((entry: unknown) => {
    if (typeof entry !== 'object' || entry === null || !('tag' in entry) || !('when' in entry) || typeof entry.tag !== 'string' || typeof entry.when !== 'number') {
      throw new Error(`the migration journal ${file} has an entry without a tag and a time`);
    }
    return { tag: entry.tag, when: entry.when };
  });
}

/** The journal entries whose `when` is not among `applied` (the recorded `created_at`s). */
export function pendingEntries(journal: readonly JournalEntry[], applied: Iterable<number | string>): JournalEntry[] {
  const recorded = new Set([...applied].map(Number));
  return journal.filter((entry) => !recorded.has(entry.when));
}

/** Explains pending entries that `migrate` cannot apply because a newer one is already recorded. */
export function outOfOrderMessage(pending: readonly JournalEntry[], database: string): string {
  return (
    `${database}: ${pending.map((e) => e.tag).join(', ')} still not recorded after migrating: ` +
    'a newer migration is already applied, and Drizzle only applies migrations newer than the newest applied one. ' +
    'Regenerate the migration (npm run db:generate / db:generate:pg) so it sorts last.'
  );
}

/** SQLite: the shipped migrations not yet applied to `sqlite` (all of them on a new file). Applies nothing. */
export function pendingSqliteMigrations(sqlite: Database.Database, migrationsDir = MIGRATIONS_DIR): JournalEntry[] {
  const journal = readJournal(migrationsDir);
  const table = sqlite.prepare("select name from sqlite_master where type = 'table' and name = '__drizzle_migrations'").get();
  if (!table) return journal;
  const rows = sqlite.prepare<[], { created_at: number | string }>('select created_at from __drizzle_migrations').all();
  return pendingEntries(journal, rows.map((r) => r.created_at));
}

/**
 * SQLite: applies every pending migration (Drizzle's migrator: all in one transaction) and
 * returns what it applied. Throws if something is still pending afterwards.
 */
export function applySqliteMigrations(db: Db, sqlite: Database.Database, migrationsDir = MIGRATIONS_DIR): JournalEntry[] {
  const before = pendingSqliteMigrations(sqlite, migrationsDir);
  if (before.length > 0) migrate(db, { migrationsFolder: migrationsDir });
  const after = pendingSqliteMigrations(sqlite, migrationsDir);
  if (after.length > 0) throw new Error(outOfOrderMessage(after, 'SQLite'));
  return before;
}
