/**
 * Opens the SQLite database, sets the pragmas the app relies on and applies migrations.
 * Everything else talks to the database through repositories built on the returned handle.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema.js';
import { MIGRATIONS_DIR } from '../paths.js';

export type Db = BetterSQLite3Database<typeof schema>;

export interface DbHandle {
  db: Db;
  sqlite: Database.Database;
  close(): void;
}


/**
 * Opens (creating if needed) the database at `file` — or ":memory:" — and migrates it.
 * `migrate: false` (`npm run db:migrate -- --check`) opens it as it is.
 */
export function openDatabase(file: string, options: { migrate?: boolean } = {}): DbHandle {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  // WAL lets readers proceed while a writer commits; NORMAL is durable across app crashes
  // in WAL mode (only an OS crash can lose the last transactions); the busy timeout covers
  // a backup or a second process briefly holding the write lock.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = drizzle(sqlite, { schema });
  if (options.migrate !== false) migrate(db, { migrationsFolder: MIGRATIONS_DIR });
  return { db, sqlite, close: () => sqlite.close() };
}
