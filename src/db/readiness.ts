/**
 * Is the database fit to serve? It must answer a query, and every migration the code ships
 * (migrations/meta/_journal.json) must be recorded as applied in `__drizzle_migrations` —
 * the table Drizzle's migrator writes, one row per migration with the journal entry's `when`
 * as `created_at`.
 */
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { MIGRATIONS_DIR } from '../paths.js';

export type DatabaseReadiness =
  | { ok: true; migrations: number }
  | { ok: false; reason: string };

interface Journal {
  entries: { tag: string; when: number }[];
}

export function checkDatabaseReady(sqlite: Database.Database, migrationsDir = MIGRATIONS_DIR): DatabaseReadiness {
  try {
    const row = sqlite.prepare('select 1 as one').get() as { one: number } | undefined;
    if (row?.one !== 1) return { ok: false, reason: 'database: select 1 returned no row' };
  } catch (error) {
    return { ok: false, reason: `database: ${(error as Error).message}` };
  }

  let journal: Journal;
  try {
    journal = JSON.parse(fs.readFileSync(path.join(migrationsDir, 'meta', '_journal.json'), 'utf8')) as Journal;
  } catch (error) {
    return { ok: false, reason: `migrations: cannot read the journal (${(error as Error).message})` };
  }

  let applied: Set<number>;
  try {
    const rows = sqlite.prepare('select created_at from __drizzle_migrations').all() as { created_at: number | string }[];
    applied = new Set(rows.map((r) => Number(r.created_at)));
  } catch (error) {
    return { ok: false, reason: `migrations: none applied (${(error as Error).message})` };
  }
  const missing = journal.entries.filter((e) => !applied.has(e.when)).map((e) => e.tag);
  if (missing.length > 0) return { ok: false, reason: `migrations: not applied: ${missing.join(', ')}` };
  return { ok: true, migrations: journal.entries.length };
}
