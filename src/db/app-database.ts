/**
 * The app's database, whichever the configuration names (issue 16): the SQLite file
 * (DATABASE_PATH, the default) or Postgres (DATABASE_URL=postgres://…), with the same
 * repositories on top — src/repositories/*.ts or src/repositories/pg/*.ts, one interface,
 * checked by one contract suite (tests/integration/repositories-contract.test.ts) — its
 * readiness check (/ready) and how to close it.
 *
 * Migrations: pending ones are applied at start when MIGRATE_ON_START is true (the default for
 * SQLite); otherwise (the default for Postgres, where several instances start at once and a
 * deploy runs `npm run db:migrate` first) the app refuses to start on a database that lacks
 * any, with DATABASE_NOT_MIGRATED saying what to run.
 */
import type { AppConfig } from '../config.js';
import { Errors } from '../errors.js';
import { createApiTokensRepository, type ApiTokensRepository } from '../repositories/api-tokens-repository.js';
import { createFeedbackRepository, type FeedbackRepository } from '../repositories/feedback-repository.js';
import { createMessagesRepository, type MessagesRepository } from '../repositories/messages-repository.js';
import { createProgressRepository, type ProgressRepository } from '../repositories/progress-repository.js';
import { createRetriesRepository, type RetriesRepository } from '../repositories/retries-repository.js';
import { createSessionsRepository, type SessionsRepository } from '../repositories/sessions-repository.js';
import { createUsersRepository, type UsersRepository } from '../repositories/users-repository.js';
import { createRecordingSummariesRepository, type RecordingSummariesRepository } from '../repositories/recording-summaries-repository.js';
import { createInterviewStepClaimsRepository, type InterviewStepClaimsRepository } from '../repositories/interview-step-claims-repository.js';
import { createPgApiTokensRepository } from '../repositories/pg/api-tokens-repository.js';
import { createPgFeedbackRepository } from '../repositories/pg/feedback-repository.js';
import { createPgMessagesRepository } from '../repositories/pg/messages-repository.js';
import { createPgProgressRepository } from '../repositories/pg/progress-repository.js';
import { createPgRetriesRepository } from '../repositories/pg/retries-repository.js';
import { createPgSessionsRepository } from '../repositories/pg/sessions-repository.js';
import { createPgUsersRepository } from '../repositories/pg/users-repository.js';
import { createPgRecordingSummariesRepository } from '../repositories/pg/recording-summaries-repository.js';
import { createPgInterviewStepClaimsRepository } from '../repositories/pg/interview-step-claims-repository.js';
import { openDatabase, type Db, type DbHandle } from './client.js';
import { pendingSqliteMigrations, type JournalEntry } from './migrations.js';
import { openPostgresForApp, type PgDb, type PgHandle } from './pg-client.js';
import { checkDatabaseReady, checkPostgresReady, type DatabaseReadiness } from './readiness.js';

export interface Repositories {
  users: UsersRepository;
  sessions: SessionsRepository;
  messages: MessagesRepository;
  feedback: FeedbackRepository;
  retries: RetriesRepository;
  progress: ProgressRepository;
  apiTokens: ApiTokensRepository;
  recordingSummaries: RecordingSummariesRepository;
  stepClaims: InterviewStepClaimsRepository;
}

export interface AppDatabase {
  driver: 'sqlite' | 'postgres';
  /** Printable: the SQLite file, or the Postgres URL without its password. */
  name: string;
  repositories: Repositories;
  /** The SQLite handle (tests and tools look inside the file); null on Postgres. */
  sqlite: DbHandle | null;
  /** The Postgres pool and Drizzle handle (tests look inside the database); null on SQLite. */
  postgres: PgHandle | null;
  /** Postgres: the migrations applied at this start (MIGRATE_ON_START). */
  applied: JournalEntry[];
  /** Answers a query, with every shipped migration applied (/ready). */
  ready(): Promise<DatabaseReadiness>;
  close(): Promise<void>;
}

export function sqliteRepositories(db: Db): Repositories {
  return {
    users: createUsersRepository(db),
    sessions: createSessionsRepository(db),
    messages: createMessagesRepository(db),
    feedback: createFeedbackRepository(db),
    retries: createRetriesRepository(db),
    progress: createProgressRepository(db),
    apiTokens: createApiTokensRepository(db),
    recordingSummaries: createRecordingSummariesRepository(db),
    stepClaims: createInterviewStepClaimsRepository(db),
  };
}

const POSTGRES_FACTORIES = {
  users: createPgUsersRepository,
  sessions: createPgSessionsRepository,
  messages: createPgMessagesRepository,
  feedback: createPgFeedbackRepository,
  retries: createPgRetriesRepository,
  progress: createPgProgressRepository,
  apiTokens: createPgApiTokensRepository,
  recordingSummaries: createPgRecordingSummariesRepository,
  stepClaims: createPgInterviewStepClaimsRepository,
} satisfies { [K in keyof Repositories]: (db: PgDb) => Repositories[K] };

export function postgresRepositories(db: PgDb): Repositories {
  return {
    users: POSTGRES_FACTORIES.users(db),
    sessions: POSTGRES_FACTORIES.sessions(db),
    messages: POSTGRES_FACTORIES.messages(db),
    feedback: POSTGRES_FACTORIES.feedback(db),
    retries: POSTGRES_FACTORIES.retries(db),
    progress: POSTGRES_FACTORIES.progress(db),
    apiTokens: POSTGRES_FACTORIES.apiTokens(db),
    recordingSummaries: POSTGRES_FACTORIES.recordingSummaries(db),
    stepClaims: POSTGRES_FACTORIES.stepClaims(db),
  };
}

/** True when A and B are the same type (not merely assignable either way). */
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

/**
 * `true` when every method of `Pg` takes exactly the parameters of the same method of `Sqlite`.
 * `Repositories` alone does not check that: a function taking fewer parameters is assignable,
 * so a Postgres method that ignored an argument (a limit, say) would still compile.
 */
type SameParameters<Pg, Sqlite> = false extends {
  [K in keyof Sqlite]: K extends keyof Pg
    ? Pg[K] extends (...args: infer P) => unknown
      ? Sqlite[K] extends (...args: infer Q) => unknown
        ? Same<P, Q>
        : false
      : false
    : false;
}[keyof Sqlite]
  ? false
  : true;

/** Compiles only while each Postgres repository's methods take the SQLite one's parameters (the contract suite checks it names every repository). */
export const POSTGRES_PARAMETERS_MATCH: {
  [K in keyof Repositories]: SameParameters<ReturnType<(typeof POSTGRES_FACTORIES)[K]>, Repositories[K]>;
} = {
  users: true,
  sessions: true,
  messages: true,
  feedback: true,
  retries: true,
  progress: true,
  apiTokens: true,
  recordingSummaries: true,
  stepClaims: true,
};

/**
 * Opens the configured database. `onPoolError` hears of Postgres connections that fail while
 * idle (a server restart): the pool replaces them; without a listener Node would crash.
 */
export async function openAppDatabase(
  config: Pick<AppConfig, 'databasePath' | 'postgres' | 'migrateOnStart'>,
  onPoolError: (error: Error) => void = () => {},
): Promise<AppDatabase> {
  if (config.postgres) {
    const { handle, applied } = await openPostgresForApp(config.postgres, { migrateOnStart: config.migrateOnStart, onError: onPoolError });
    return {
      driver: 'postgres',
      name: config.postgres.redactedUrl,
      repositories: postgresRepositories(handle.db),
      sqlite: null,
      postgres: handle,
      applied,
      ready: () => checkPostgresReady(handle.pool),
      close: () => handle.close(),
    };
  }
  const handle = openDatabase(config.databasePath, { migrate: config.migrateOnStart });
  if (!config.migrateOnStart) {
    const pending = pendingSqliteMigrations(handle.sqlite);
    if (pending.length > 0) {
      handle.close();
      throw Errors.databaseNotMigrated(config.databasePath, pending.map((e) => e.tag));
    }
  }
  return {
    driver: 'sqlite',
    name: config.databasePath,
    repositories: sqliteRepositories(handle.db),
    sqlite: handle,
    postgres: null,
    applied: [],
    ready: async () => checkDatabaseReady(handle.sqlite),
    close: async () => handle.close(),
  };
}
