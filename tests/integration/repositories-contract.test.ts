/**
 * One behaviour suite per repository, run on both drivers (issue 16): SQLite (src/repositories)
 * and Postgres (src/repositories/pg). Each expectation is a concrete value, so a driver that
 * differs — an ordering, a type read back (Date, boolean, JSON), a duplicate refused or not, the
 * error a missing interview raises, a race the other driver serialises — fails on that driver.
 * The concurrent tests fire the calls together (Promise.all); on Postgres they run on separate
 * pooled connections, so the row locks and unique indexes are what keeps the result right.
 *
 * The suites are in ./repositories-contract/; Postgres is a fresh database on the server from
 * tests/support/postgres.ts (TEST_DATABASE_URL, else a throwaway cluster), migrated from
 * migrations/pg. Every test starts from empty tables.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.js';
import { POSTGRES_PARAMETERS_MATCH, sqliteRepositories } from '../../src/db/app-database.js';
import { usePostgres } from '../support/postgres.js';
import { DRIVERS, type DriverUnderTest } from './repositories-contract/drivers.js';
import { apiTokensContract } from './repositories-contract/api-tokens.js';
import { feedbackContract } from './repositories-contract/feedback.js';
import { messagesContract } from './repositories-contract/messages.js';
import { progressContract } from './repositories-contract/progress.js';
import { retriesContract } from './repositories-contract/retries.js';
import { sessionsContract } from './repositories-contract/sessions.js';
import { stepClaimsContract } from './repositories-contract/step-claims.js';
import { usersContract } from './repositories-contract/users.js';

const postgres = usePostgres();

describe.each(DRIVERS)('repositories on $name', (choice) => {
  let current: DriverUnderTest | null = null;
  beforeAll(async () => {
    current = await choice.open(() => postgres.database());
  }, 120_000);
  afterAll(async () => {
    await current?.close();
  });
  beforeEach(async () => {
    await driver().reset();
  });
  const driver = () => {
    if (!current) throw new Error(`the ${choice.name} driver did not open`);
    return current;
  };

  usersContract(driver);
  sessionsContract(driver);
  messagesContract(driver);
  feedbackContract(driver);
  retriesContract(driver);
  progressContract(driver);
  apiTokensContract(driver);
  stepClaimsContract(driver);
});

it('the compile-time check that Postgres methods take the SQLite parameters covers every repository', () => {
  const sqlite = openDatabase(':memory:');
  try {
    expect(Object.keys(POSTGRES_PARAMETERS_MATCH).sort()).toEqual(Object.keys(sqliteRepositories(sqlite.db)).sort());
    expect(Object.values(POSTGRES_PARAMETERS_MATCH).every((match) => match === true)).toBe(true);
  } finally {
    sqlite.close();
  }
});
