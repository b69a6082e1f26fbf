/**
 * The test helpers for Postgres and Redis (tests/support/postgres.ts, redis.ts) fail — they do
 * not skip — when neither a TEST_* URL nor the server binaries are there, and say how to fix it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { findPostgresBinaries, startPostgres } from '../support/postgres.js';

const saved = { url: process.env.TEST_DATABASE_URL, ci: process.env.CI };
afterEach(() => {
  for (const [key, value] of [['TEST_DATABASE_URL', saved.url], ['CI', saved.ci]] as const) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

describe('test services', () => {
  it('without TEST_DATABASE_URL or PostgreSQL binaries, a Postgres test fails and says how to provide one', async () => {
    delete process.env.TEST_DATABASE_URL;
    delete process.env.CI;
    expect(findPostgresBinaries('/nonexistent')).toBeNull();
    const local = startPostgres('/nonexistent');
    await expect(local).rejects.toThrow(/Postgres is needed by this test and none is available\. Either set TEST_DATABASE_URL/);
    await expect(local).rejects.toThrow(/apt-get install postgresql/);
    process.env.CI = 'true';
    await expect(startPostgres('/nonexistent')).rejects.toThrow(/On CI, \.ci\/run installs postgresql and sets TEST_DATABASE_URL/);
  });

  it('uses TEST_DATABASE_URL as given when it is set (and starts nothing)', async () => {
    process.env.TEST_DATABASE_URL = 'postgres://postgres@127.0.0.1:5999/postgres';
    const server = await startPostgres('/nonexistent');
    expect(server).toMatchObject({ adminUrl: 'postgres://postgres@127.0.0.1:5999/postgres', source: 'TEST_DATABASE_URL', binDir: null });
    await server.stop();
  });
});
