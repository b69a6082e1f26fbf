/**
 * The two drivers the repository contract suite runs on: SQLite (src/repositories/*.ts, behind
 * async adapters while they are still synchronous) and Postgres (src/repositories/pg/*.ts, on a
 * fresh database of the test file's Postgres server, migrated from migrations/pg as the app's
 * `npm run db:migrate` does).
 */
import { openDatabase } from '../../../src/db/client.js';
import { migratePostgres, openPostgres } from '../../../src/db/pg-client.js';
import { createApiTokensRepository, type ApiTokensRepository } from '../../../src/repositories/api-tokens-repository.js';
import { createFeedbackRepository, type FeedbackRepository } from '../../../src/repositories/feedback-repository.js';
import { createMessagesRepository, type MessagesRepository } from '../../../src/repositories/messages-repository.js';
import { createProgressRepository, type ProgressRepository } from '../../../src/repositories/progress-repository.js';
import { createRetriesRepository, type RetriesRepository } from '../../../src/repositories/retries-repository.js';
import { createSessionsRepository, type SessionsRepository } from '../../../src/repositories/sessions-repository.js';
import { createUsersRepository, type UsersRepository } from '../../../src/repositories/users-repository.js';
import type { AsyncOf } from '../../../src/repositories/pg/driver.js';
import { createPgApiTokensRepository } from '../../../src/repositories/pg/api-tokens-repository.js';
import { createPgFeedbackRepository } from '../../../src/repositories/pg/feedback-repository.js';
import { createPgMessagesRepository } from '../../../src/repositories/pg/messages-repository.js';
import { createPgProgressRepository } from '../../../src/repositories/pg/progress-repository.js';
import { createPgRetriesRepository } from '../../../src/repositories/pg/retries-repository.js';
import { createPgSessionsRepository } from '../../../src/repositories/pg/sessions-repository.js';
import { createPgUsersRepository } from '../../../src/repositories/pg/users-repository.js';
import type { TestDatabase } from '../../support/postgres.js';

export interface Repositories {
  users: AsyncOf<UsersRepository>;
  sessions: AsyncOf<SessionsRepository>;
  messages: AsyncOf<MessagesRepository>;
  feedback: AsyncOf<FeedbackRepository>;
  retries: AsyncOf<RetriesRepository>;
  progress: AsyncOf<ProgressRepository>;
  apiTokens: AsyncOf<ApiTokensRepository>;
}

/** The tables a test may count rows of directly (what the repositories do not show). */
export type TableName = 'users' | 'sign_ins' | 'api_tokens' | 'interview_sessions' | 'messages' | 'feedback' | 'question_retries';

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

/**
 * A synchronous repository seen through its async interface: each method returns a Promise (a
 * throw becomes a rejection), as the repositories of issue 16 do.
 */
function asyncAdapter<R extends object>(repo: R): AsyncOf<R> {
  const adapted: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(repo)) {
    adapted[name] = typeof value === 'function' ? async (...args: unknown[]) => (value as (...a: unknown[]) => unknown).apply(repo, args) : value;
  }
  return adapted as AsyncOf<R>;
}

const filtered = (table: TableName, filter: { column: string; value: string } | undefined, placeholder: string) =>
  `select count(*) as n from ${table}${filter ? ` where ${filter.column} = ${placeholder}` : ''}`;

const sqliteDriver: DriverChoice = {
  name: 'SQLite',
  async open() {
    const handle = openDatabase(':memory:');
    const db = handle.db;
    return {
      repos: {
        users: asyncAdapter(createUsersRepository(db)),
        sessions: asyncAdapter(createSessionsRepository(db)),
        messages: asyncAdapter(createMessagesRepository(db)),
        feedback: asyncAdapter(createFeedbackRepository(db)),
        retries: asyncAdapter(createRetriesRepository(db)),
        progress: asyncAdapter(createProgressRepository(db)),
        apiTokens: asyncAdapter(createApiTokensRepository(db)),
      },
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
      repos: {
        users: createPgUsersRepository(db),
        sessions: createPgSessionsRepository(db),
        messages: createPgMessagesRepository(db),
        feedback: createPgFeedbackRepository(db),
        retries: createPgRetriesRepository(db),
        progress: createPgProgressRepository(db),
        apiTokens: createPgApiTokensRepository(db),
      },
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
