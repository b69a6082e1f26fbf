/**
 * The app on Postgres (issue 16): how it starts on a database whose migrations are not all
 * applied. Postgres: tests/support/postgres.ts.
 */
import { describe, expect, it } from 'vitest';
import { openPostgresForApp } from '../../src/db/pg-client.js';
import { readJournal } from '../../src/db/migrations.js';
import { redactUrl } from '../../src/config.js';
import { PG_MIGRATIONS_DIR } from '../../src/paths.js';
import { usePostgres } from '../support/postgres.js';

const postgres = usePostgres();
const pgTags = readJournal(PG_MIGRATIONS_DIR).map((e) => e.tag);

describe('the app on Postgres: start-up', () => {
  it('refuses a database with migrations not applied, naming them and what to run; MIGRATE_ON_START applies them', async () => {
    const database = await postgres.database();
    // The test server trusts local connections, so the password is never checked: it is here to be kept out of the message.
    const url = new URL(database.url);
    url.password = 'hunter2-secret';
    const settings = { url: url.toString(), redactedUrl: redactUrl(url.toString()), poolSize: 2, statementTimeoutMs: 30_000 };

    const refusal = await openPostgresForApp(settings, { migrateOnStart: false }).catch((error: unknown) => error);
    expect(refusal).toMatchObject({ code: 'DATABASE_NOT_MIGRATED' });
    const message = (refusal as Error).message;
    expect(message).toContain('npm run db:migrate');
    expect(message).toContain('MIGRATE_ON_START=true');
    for (const tag of pgTags) expect(message).toContain(tag);
    expect(message).not.toContain('hunter2-secret');

    const started = await openPostgresForApp(settings, { migrateOnStart: true });
    expect(started.applied.map((e) => e.tag)).toEqual(pgTags);
    await started.handle.close();

    // Migrated: starts without MIGRATE_ON_START, applying nothing.
    const again = await openPostgresForApp(settings, { migrateOnStart: false });
    expect(again.applied).toEqual([]);
    const tables = await again.handle.pool.query<{ n: number }>("select count(*)::int as n from information_schema.tables where table_schema = 'public'");
    expect(tables.rows[0]?.n).toBe(7);
    await again.handle.close();
  });
});
