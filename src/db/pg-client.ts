/**
 * Postgres through node-postgres (`pg`) and Drizzle, for several app instances sharing one
 * database (issue 16). Opening a pool never migrates: `npm run db:migrate` (or, later, the app
 * with MIGRATE_ON_START=true) applies migrations, under an advisory lock so instances starting
 * together cannot apply the same migration twice.
 *
 * Pool sizing (DATABASE_POOL_SIZE, default 10): each instance holds at most that many
 * connections, so N instances need N × size + a few for psql, backups and migrations within
 * the server's `max_connections` (Postgres's default is 100: 2 instances × 10 fit easily,
 * 10 instances × 10 do not — use a pooler such as PgBouncer, or a smaller pool, there).
 */
import pg from 'pg';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import * as schema from './schema-pg.js';
import type { PostgresSettings } from '../config.js';
import { PG_MIGRATIONS_DIR } from '../paths.js';
import { outOfOrderMessage, pendingEntries, readJournal, type JournalEntry } from './migrations.js';
import { Errors } from '../errors.js';

export type PgDb = NodePgDatabase<typeof schema>;

export interface PgHandle {
  db: PgDb;
  pool: pg.Pool;
  /** Ends every connection (waits for checked-out clients to be released). */
  close(): Promise<void>;
}

/** Something that runs a query: the pool, or one client checked out of it. */
export type Queryable = Pick<pg.Pool, 'query'> | Pick<pg.PoolClient, 'query'>;

/** How long asking the pool for a connection may wait (all busy, or the server unreachable). */
const CONNECT_TIMEOUT_MS = 10_000;
/** An idle connection is closed after this long (the pool opens a new one when needed). */
const IDLE_TIMEOUT_MS = 30_000;
/**
 * The advisory lock `migratePostgres` holds while it migrates: any fixed 64-bit number works;
 * this one is the ASCII bytes of "rehearse" read as a big-endian integer.
 */
const MIGRATION_LOCK_KEY = '8243109477607437157';

/**
 * A pool for `settings` (DATABASE_URL, DATABASE_POOL_SIZE, DATABASE_STATEMENT_TIMEOUT_MS).
 * No connection is opened until the first query. `onError` receives errors of idle
 * connections (the server restarted, a network blip): without a listener Node would crash.
 */
export function openPostgres(settings: PostgresSettings, onError: (error: Error) => void = () => {}): PgHandle {
  const pool = new pg.Pool({
    connectionString: settings.url,
    max: settings.poolSize,
    // The server cancels a statement that runs longer (a runaway query must not hold a
    // connection, and a lock, for ever); 0 means no limit.
    statement_timeout: settings.statementTimeoutMs,
    // …and a transaction left open by a crashed request does not hold locks for ever either.
    idle_in_transaction_session_timeout: Math.max(settings.statementTimeoutMs, 60_000),
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    idleTimeoutMillis: IDLE_TIMEOUT_MS,
    application_name: 'rehearse',
  });
  pool.on('error', onError);
  const db = drizzle(pool, { schema });
  return { db, pool, close: () => pool.end() };
}

/** The `created_at` of every migration recorded in drizzle.__drizzle_migrations (none when the table does not exist). */
async function recordedMigrations(client: Queryable): Promise<string[]> {
  const present = await client.query<{ present: boolean }>("select to_regclass('drizzle.__drizzle_migrations') is not null as present");
  if (!present.rows[0]?.present) return [];
  const rows = await client.query<{ created_at: string }>('select created_at from drizzle.__drizzle_migrations');
  return rows.rows.map((r) => r.created_at);
}

/** Postgres: the shipped migrations (migrations/pg) not yet applied. Applies nothing. */
export async function pendingPostgresMigrations(client: Queryable, migrationsDir = PG_MIGRATIONS_DIR): Promise<JournalEntry[]> {
  const journal = readJournal(migrationsDir);
  return pendingEntries(journal, await recordedMigrations(client));
}

/**
 * Postgres: applies every pending migration (Drizzle's migrator: all in one transaction) and
 * returns what it applied. It holds an advisory lock meanwhile, so two instances (or two
 * `db:migrate` runs) never migrate at once: the second waits, then finds nothing to do. The
 * statement timeout is lifted for it (building an index on a big table may take a while).
 */
export async function migratePostgres(pool: pg.Pool, migrationsDir = PG_MIGRATIONS_DIR): Promise<JournalEntry[]> {
  const client = await pool.connect();
  try {
    await client.query('set statement_timeout = 0');
    // Session-level: released by the unlock below, or by the server if this connection dies.
    await client.query('select pg_advisory_lock($1::bigint)', [MIGRATION_LOCK_KEY]);
    try {
      const before = await pendingPostgresMigrations(client, migrationsDir);
      if (before.length > 0) await migrate(drizzle(client), { migrationsFolder: migrationsDir });
      const after = await pendingPostgresMigrations(client, migrationsDir);
      if (after.length > 0) throw new Error(outOfOrderMessage(after, 'Postgres'));
      return before;
    } finally {
      await client.query('select pg_advisory_unlock($1::bigint)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    // This connection's settings were changed: close it rather than hand it back to the pool.
    client.release(true);
  }
}

/**
 * The app's pool: opened, then its migrations checked. With pending migrations it refuses
 * (DATABASE_NOT_MIGRATED, saying what to run) unless `migrateOnStart` (MIGRATE_ON_START=true)
 * lets it apply them first: several instances start at once on one database, and a deploy
 * normally runs `npm run db:migrate` once before them. Returns the handle and what it applied.
 */
export async function openPostgresForApp(
  settings: PostgresSettings,
  options: { migrateOnStart: boolean; onError?: (error: Error) => void; migrationsDir?: string },
): Promise<{ handle: PgHandle; applied: JournalEntry[] }> {
  const dir = options.migrationsDir ?? PG_MIGRATIONS_DIR;
  const handle = openPostgres(settings, options.onError);
  try {
    if (options.migrateOnStart) return { handle, applied: await migratePostgres(handle.pool, dir) };
    const pending = await pendingPostgresMigrations(handle.pool, dir);
    if (pending.length > 0) throw Errors.databaseNotMigrated(settings.redactedUrl, pending.map((e) => e.tag));
    return { handle, applied: [] };
  } catch (error) {
    await handle.close();
    throw error;
  }
}
