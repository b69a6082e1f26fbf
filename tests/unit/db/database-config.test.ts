/**
 * DATABASE_URL, DATABASE_POOL_SIZE, MIGRATE_ON_START and REDIS_URL: parsed once at start-up,
 * with a message that names the variable and never repeats a password.
 */
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, redactUrl } from '../../../src/config.js';

const problem = (env: Record<string, string>): string => {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error(`expected ${JSON.stringify(env)} to be refused`);
};

describe('database configuration', () => {
  it('uses SQLite, migrating at start, when DATABASE_URL is unset', () => {
    const config = loadConfig({});
    expect(config.postgres).toBeNull();
    expect(config.migrateOnStart).toBe(true);
    expect(config.redis).toBeNull();
  });

  it('reads a Postgres URL with its pool settings; Postgres does not migrate at start unless told to', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://app:s3cret@db.internal:5432/rehearse', DATABASE_POOL_SIZE: '4' });
    expect(config.postgres).toEqual({
      url: 'postgres://app:s3cret@db.internal:5432/rehearse',
      redactedUrl: 'postgres://app:***@db.internal:5432/rehearse',
      poolSize: 4,
      statementTimeoutMs: 30000,
    });
    expect(config.migrateOnStart).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgresql://app@db/rehearse', MIGRATE_ON_START: 'true' }).migrateOnStart).toBe(true);
    expect(loadConfig({ MIGRATE_ON_START: 'false' }).migrateOnStart).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres:///rehearse?host=/run/postgresql' }).postgres?.poolSize).toBe(10);
  });

  it('says what is wrong with a malformed DATABASE_URL, without the password', () => {
    const cases: Array<[string, RegExp]> = [
      ['postgres://app:s3cret@db.internal:5432', /DATABASE_URL: names no database/],
      ['mysql://app:s3cret@db.internal/rehearse', /DATABASE_URL: mysql:\/\/ is not supported: only postgres:\/\//],
      ['postgres://app:pa/ss@db.internal:5432/rehearse', /DATABASE_URL: not a valid URL \(characters such as @ : \/ # in the password must be percent-encoded\)/],
      ['postgres://app:s3cret@db.internal:99999/rehearse', /DATABASE_URL: not a valid URL/],
      ['postgres://app:s3cret@/rehearse', /DATABASE_URL: (names no host|not a valid URL)/],
      ['app:s3cret@db.internal/rehearse', /DATABASE_URL: .* is not supported/],
    ];
    for (const [url, message] of cases) {
      const text = problem({ DATABASE_URL: url });
      expect(text).toMatch(message);
      expect(text).toContain('expected e.g. postgres://');
      expect(text).not.toContain('s3cret');
      expect(text).not.toContain('pa/ss');
    }
  });

  it('refuses DATABASE_URL together with DATABASE_PATH, and bad pool sizes or switches', () => {
    expect(problem({ DATABASE_URL: 'postgres://db/rehearse', DATABASE_PATH: '/tmp/r.db' })).toMatch(/DATABASE_URL: set either DATABASE_URL \(Postgres\) or DATABASE_PATH/);
    expect(problem({ DATABASE_POOL_SIZE: '0' })).toMatch(/DATABASE_POOL_SIZE/);
    expect(problem({ DATABASE_POOL_SIZE: 'lots' })).toMatch(/DATABASE_POOL_SIZE/);
    expect(problem({ MIGRATE_ON_START: 'maybe' })).toMatch(/MIGRATE_ON_START: Expected boolean/);
  });

  it('reads REDIS_URL (redis:// or rediss://) and refuses anything else by name', () => {
    expect(loadConfig({ REDIS_URL: 'redis://:pw@cache:6379/0' }).redis).toEqual({
      url: 'redis://:pw@cache:6379/0',
      redactedUrl: 'redis://:***@cache:6379/0',
      keyPrefix: 'rehearse:',
    });
    expect(loadConfig({ REDIS_URL: 'rediss://cache.example:6380' }).redis?.url).toBe('rediss://cache.example:6380');
    expect(problem({ REDIS_URL: 'http://cache:6379' })).toMatch(/REDIS_URL: only redis:\/\/ and rediss:\/\//);
    expect(problem({ REDIS_URL: 'redis://cache/abc' })).toMatch(/REDIS_URL: the path must be a database number/);
    expect(problem({ REDIS_URL: 'redis://:hunter2@' })).not.toContain('hunter2');
  });

  it('redacts passwords in URLs it prints', () => {
    expect(redactUrl('postgres://u:p@h/db')).toBe('postgres://u:***@h/db');
    expect(redactUrl('postgres://u@h/db')).toBe('postgres://***@h/db');
    expect(redactUrl('postgres://h/db')).toBe('postgres://h/db');
    expect(redactUrl('postgres://u:p@ss:w#rd@h/db')).not.toContain('w#rd');
  });
});
