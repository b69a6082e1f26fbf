/**
 * The two drivers the repository contract suite runs on, each with the repositories the app
 * builds for it (src/db/app-database.ts): SQLite (src/repositories/*.ts, in memory) and Postgres
 * (src/repositories/pg/*.ts, on a fresh database of the test file's Postgres server, migrated
 * from migrations/pg as `npm run db:migrate` does).
 */
import { openDatabase } from '../../../src/db/client.js';
import { migratePostgres, openPostgres } from '../../../src/db/pg-client.js';
import { postgresRepositories, sqliteRepositories, type Repositories } from '../../../src/db/app-database.js';
import type { TestDatabase } from '../../support/postgres.js';

/** The tables a test may count rows of directly (what the repositories do not show). */
export type TableName = 'users' | 'sign_ins' | 'api_tokens' | 'interview_sessions' | 'messages' | 'feedback' | 'question_retries' | 'interview_step_claims';

export interface DriverUnderTest {
  repos: Repositories;
  /** Rows of `table` whose `column` equals `value` (all rows without a filter), counted in SQL past the repositories. */
  countRows(table: TableName, filter?: { column: string; value: string }): Promise<number>;
  /** Empties every table (everything hangs off users, ON DELETE CASCADE). */
  reset(): Promise<void>;
  close(): Promise<void>;
}

export interface DriverChoice {
  name: 'SQLite' | 'Postgres';
  open(postgres: () => Promise<TestDatabase>): Promise<DriverUnderTest>;
}

const filtered = (table: TableName, filter: { column: string; value: string } | undefined, placeholder: string) =>
  `select count(*) as n from ${table}${filter ? ` where ${filter.column} = ${placeholder}` : ''}`;

const sqliteDriver: DriverChoice = {
  name: 'SQLite',
  async open() {
    const handle = openDatabase(':memory:');
    const db = handle.db;
    return {
      repos: sqliteRepositories(db),
      async countRows(table, filter) {
        const statement = handle.sqlite.prepare(filtered(table, filter, '?'));
        const row = (filter ? statement.get(filter.value) : statement.get()) as { n: number };
        return row.n;
      },
      async reset() {
        handle.sqlite.exec('delete from users');
      },
      async close() {
        handle.close();
      },
    };
  },
};

const postgresDriver: DriverChoice = {
  name: 'Postgres',
  async open(postgres) {
    const database = await postgres();
    // A pool of several connections, so the concurrent tests really run their statements side by side.
    const handle = openPostgres({ url: database.url, redactedUrl: database.name, poolSize: 8, statementTimeoutMs: 30_000 });
    await migratePostgres(handle.pool);
    const db = handle.db;
    return {
      repos: postgresRepositories(db),
      async countRows(table, filter) {
        const result = await handle.pool.query<{ n: string }>(filtered(table, filter, '$1'), filter ? [filter.value] : []);
        return Number(result.rows[0]!.n);
      },
      async reset() {
        await handle.pool.query('truncate users cascade');
      },
      close: () => handle.close(),
    };
  },
};

export const DRIVERS: readonly DriverChoice[] = [sqliteDriver, postgresDriver];
