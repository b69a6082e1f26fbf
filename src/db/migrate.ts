/**
 * `npm run db:migrate [-- --check]` (in the container: `node dist/src/db/migrate.js`):
 * applies the pending migrations of whichever database the configuration names — the SQLite
 * file (DATABASE_PATH, the default) or Postgres (DATABASE_URL=postgres://…, migrations/pg) —
 * and says what it applied. With `--check` it applies nothing, lists what is pending and
 * exits 1 if anything is (for a deploy script: migrate first, then start the instances).
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadConfigOrExit, type AppConfig } from '../config.js';
import { openDatabase } from './client.js';
import { applySqliteMigrations, pendingSqliteMigrations, readJournal, type JournalEntry } from './migrations.js';
import { migratePostgres, openPostgres, pendingPostgresMigrations } from './pg-client.js';
import { MIGRATIONS_DIR, PG_MIGRATIONS_DIR } from '../paths.js';
import { messageOf } from '../errors.js';

export interface MigrateOutcome {
  /** Printable name of the database (a Postgres URL without its password). */
  database: string;
  /** Applied now (apply) or still pending (check). */
  migrations: JournalEntry[];
  /** Migrations the code ships. */
  shipped: number;
}

const tags = (entries: JournalEntry[]) => entries.map((e) => e.tag).join(', ');

/** Applies (or with `check`, lists) pending migrations of the configured database. */
export async function migrateConfiguredDatabase(
  config: Pick<AppConfig, 'databasePath' | 'postgres'>,
  options: { check?: boolean; sqliteDir?: string; postgresDir?: string } = {},
): Promise<MigrateOutcome> {
  if (config.postgres) {
    const dir = options.postgresDir ?? PG_MIGRATIONS_DIR;
    // One connection is all migrating needs, whatever DATABASE_POOL_SIZE says.
    const handle = openPostgres({ ...config.postgres, poolSize: 1 });
    try {
      const migrations = options.check ? await pendingPostgresMigrations(handle.pool, dir) : await migratePostgres(handle.pool, dir);
      return { database: config.postgres.redactedUrl, migrations, shipped: readJournal(dir).length };
    } finally {
      await handle.close();
    }
  }
  const dir = options.sqliteDir ?? MIGRATIONS_DIR;
  if (config.databasePath === ':memory:') throw new Error('DATABASE_PATH is :memory:, there is nothing to migrate');
  if (options.check && !fs.existsSync(config.databasePath)) {
    // Checking must not create the file.
    return { database: config.databasePath, migrations: readJournal(dir), shipped: readJournal(dir).length };
  }
  const handle = openDatabase(config.databasePath, { migrate: false });
  try {
    const migrations = options.check ? pendingSqliteMigrations(handle.sqlite, dir) : applySqliteMigrations(handle.db, handle.sqlite, dir);
    return { database: config.databasePath, migrations, shipped: readJournal(dir).length };
  } finally {
    handle.close();
  }
}

export async function runMigrateCli(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    console.log(
      'Usage: npm run db:migrate [-- --check]\n' +
        'Applies pending migrations to the configured database: the SQLite file (DATABASE_PATH) by default, Postgres when DATABASE_URL=postgres://….\n' +
        '--check applies nothing, lists pending migrations and exits 1 if there are any.',
    );
    return 0;
  }
  const check = args.includes('--check');
  const config = loadConfigOrExit();
  try {
    const outcome = await migrateConfiguredDatabase(config, { check });
    const { database, migrations, shipped } = outcome;
    if (check) {
      if (migrations.length === 0) console.log(`${database}: up to date (${shipped} migrations applied)`);
      else console.log(`${database}: ${migrations.length} of ${shipped} migrations not applied: ${tags(migrations)}`);
      return migrations.length === 0 ? 0 : 1;
    }
    if (migrations.length === 0) console.log(`${database}: already up to date (${shipped} migrations applied)`);
    else console.log(`${database}: applied ${tags(migrations)} (${shipped} migrations applied in all)`);
    return 0;
  } catch (error) {
    console.error(`Migration failed: ${messageOf(error)}`);
    return 1;
  }
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (invokedDirectly) process.exitCode = await runMigrateCli(process.argv.slice(2));
