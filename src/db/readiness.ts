/**
 * Is the database fit to serve? It must answer a query, and every migration the code ships
 * (`<migrations>/meta/_journal.json`) must be recorded as applied in `__drizzle_migrations` —
 * the table Drizzle's migrator writes, one row per migration with the journal entry's `when`
 * as `created_at` (migrations.ts). One check per driver, with the same answers.
 */
import { messageOf } from '../errors.js';
import type Database from 'better-sqlite3';
import { MIGRATIONS_DIR, PG_MIGRATIONS_DIR } from '../paths.js';
import { pendingEntries, readJournal, type JournalEntry } from './migrations.js';
import { pendingPostgresMigrations, type Queryable } from './pg-client.js';

export type DatabaseReadiness =
  | { ok: true; migrations: number }
  | { ok: false; reason: string };

function verdict(journal: JournalEntry[], pending: JournalEntry[]): DatabaseReadiness {
  if (pending.length > 0) return { ok: false, reason: `migrations: not applied: ${pending.map((e) => e.tag).join(', ')}` };
  return { ok: true, migrations: journal.length };
}

export function checkDatabaseReady(sqlite: Database.Database, migrationsDir = MIGRATIONS_DIR): DatabaseReadiness {
  try {
    const row = sqlite.prepare<[], { one: number }>('select 1 as one').get();
    if (row?.one !== 1) return { ok: false, reason: 'database: select 1 returned no row' };
  } catch (error) {
    return { ok: false, reason: `database: ${messageOf(error)}` };
  }

  let journal: JournalEntry[];
  try {
    journal = readJournal(migrationsDir);
  } catch (error) {
    return { ok: false, reason: `migrations: ${messageOf(error)}` };
  }

  let applied: number[];
  try {
    const rows = sqlite.prepare<[], { created_at: number | string }>('select created_at from __drizzle_migrations').all();
    applied = rows.map((r) => Number(r.created_at));
  } catch (error) {
    return { ok: false, reason: `migrations: none applied (${messageOf(error)})` };
  }
  return verdict(journal, pendingEntries(journal, applied));
}

/**
 * The same for Postgres, through the app's pool (`pool` may be a pool or one client). A
 * server that does not answer within the pool's connection timeout, or an exhausted pool,
 * makes it not ready.
 */
export async function checkPostgresReady(pool: Queryable, migrationsDir = PG_MIGRATIONS_DIR): Promise<DatabaseReadiness> {
  try {
    const result = await pool.query<{ one: number }>('select 1 as one');
    if (result.rows[0]?.one !== 1) return { ok: false, reason: 'database: select 1 returned no row' };
  } catch (error) {
    return { ok: false, reason: `database: ${messageOf(error)}` };
  }
  let journal: JournalEntry[];
  try {
    journal = readJournal(migrationsDir);
  } catch (error) {
    return { ok: false, reason: `migrations: ${messageOf(error)}` };
  }
  try {
    const pending = await pendingPostgresMigrations(pool, migrationsDir);
    if (pending.length === journal.length && journal.length > 0) {
      return { ok: false, reason: `migrations: none applied (run npm run db:migrate)` };
    }
    return verdict(journal, pending);
  } catch (error) {
    return { ok: false, reason: `migrations: ${messageOf(error)}` };
  }
}
