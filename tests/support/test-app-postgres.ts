/**
 * TEST_APP_DATABASE=postgres: every app createTestApp builds gets a Postgres database of its own
 * on TEST_DATABASE_URL's server, copied from a template migrated once per test process
 * (CREATE DATABASE … TEMPLATE is a file copy: far cheaper than migrating each one), dropped
 * when the app closes. Run the integration suite this way with the CI services:
 *
 *     source .ci/test-services.sh && start_test_services
 *     TEST_APP_DATABASE=postgres npx vitest run tests/integration/…
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { PostgresSettings } from '../../src/config.js';
import { migratePostgres, openPostgres } from '../../src/db/pg-client.js';
import { withDatabase } from './postgres-url.js';

let template: Promise<string> | null = null;


async function admin<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function serverUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    throw new Error(
      'TEST_APP_DATABASE=postgres needs TEST_DATABASE_URL: a server where the tests may create databases ' +
        '(`source .ci/test-services.sh && start_test_services` starts one and sets it).',
    );
  }
  return url;
}

/** The migrated template of this test process (made on first use; left for the server's teardown, like the CI cluster itself). */
function migratedTemplate(url: string): Promise<string> {
  template ??= (async () => {
    const name = `rehearse_app_template_${process.pid}_${randomBytes(3).toString('hex')}`;
    await admin(url, (client) => client.query(`create database ${name}`));
    const handle = openPostgres({ url: withDatabase(url, name), redactedUrl: name, poolSize: 1, statementTimeoutMs: 0 });
    try {
      await migratePostgres(handle.pool);
    } finally {
      // A template must have no connections when it is copied.
      await handle.close();
    }
    return name;
  })();
  return template;
}

/** A fresh, migrated database for one app, and how to drop it. */
export async function testAppPostgres(): Promise<{ settings: PostgresSettings; drop: () => Promise<void> }> {
  const url = serverUrl();
  const source = await migratedTemplate(url);
  const name = `rehearse_app_${process.pid}_${randomBytes(4).toString('hex')}`;
  await admin(url, (client) => client.query(`create database ${name} template ${source}`));
  return {
    settings: { url: withDatabase(url, name), redactedUrl: name, poolSize: 4, statementTimeoutMs: 30_000 },
    drop: () => admin(url, (client) => client.query(`drop database if exists ${name} with (force)`)).then(() => undefined),
  };
}
