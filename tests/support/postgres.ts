/**
 * A Postgres server for tests, and a fresh database on it per test file.
 *
 * Where the server comes from, in order:
 * 1. TEST_DATABASE_URL — a server the tests may create and drop databases on (the role needs
 *    CREATEDB). `.ci/run` starts one and sets it. Nothing in the named database is touched:
 *    each test file gets its own `rehearse_test_…` database, dropped afterwards.
 * 2. Otherwise a throwaway cluster started here from Debian's binaries
 *    (/usr/lib/postgresql/<version>/bin/initdb and pg_ctl; as the `postgres` user via runuser
 *    when we are root, since initdb refuses root), in a temporary directory, listening on
 *    127.0.0.1 and a free port only, with durability turned off (it lives for one test file),
 *    stopped and deleted in teardown.
 * 3. Neither: the test FAILS with a message saying how to provide one — on CI and on a
 *    developer's machine alike. Not a skip: the team rule is "no skipped tests", and a skip
 *    printed among hundreds of passing tests is easy to miss, so "the schemas are equivalent"
 *    would silently stop being checked. This machine kind has the binaries, and `.ci/run`
 *    installs them, so the failure only meets someone whose machine lacks them, and tells them
 *    the one command that fixes it.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { freePort } from './server-process.js';
import { withDatabase } from './postgres-url.js';

const run = promisify(execFile);

export interface PostgresServer {
  /** A URL of the server's maintenance database (`postgres`), for creating databases. */
  adminUrl: string;
  /** Where it came from, for messages. */
  source: 'TEST_DATABASE_URL' | 'BENCH_DATABASE_URL' | 'throwaway cluster';
  /** The directory of its binaries (pg_dump, pg_restore), when known. */
  binDir: string | null;
  stop(): Promise<void>;
}

export interface TestDatabase {
  /** URL of a new, empty database of its own. */
  url: string;
  name: string;
  server: PostgresServer;
}

/** The newest /usr/lib/postgresql/<version>/bin that has initdb and pg_ctl, or null. */
export function findPostgresBinaries(root = '/usr/lib/postgresql'): string | null {
  let versions: string[];
  try {
    versions = fs.readdirSync(root);
  } catch {
    return null;
  }
  const usable = versions
    .filter((v) => /^\d+$/.test(v))
    .sort((a, b) => Number(b) - Number(a))
    .map((v) => path.join(root, v, 'bin'))
    .filter((bin) => fs.existsSync(path.join(bin, 'initdb')) && fs.existsSync(path.join(bin, 'pg_ctl')));
  return usable[0] ?? null;
}

function unavailableMessage(): string {
  return (
    'Postgres is needed by this test and none is available. Either set TEST_DATABASE_URL to a server where the tests may ' +
    'create and drop databases (e.g. TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres), or install Debian\'s ' +
    'PostgreSQL (apt-get install postgresql) so the test can start a throwaway cluster itself (it looks for ' +
    '/usr/lib/postgresql/<version>/bin/initdb and pg_ctl).' +
    (process.env.CI ? ' On CI, .ci/run installs postgresql and sets TEST_DATABASE_URL: check its output.' : '')
  );
}

/** Runs a Postgres binary, as the `postgres` user when we are root. */
async function runAsPostgres(binary: string, args: string[], cwd: string): Promise<void> {
  const asRoot = process.getuid?.() === 0;
  const [command, commandArgs] = asRoot ? ['runuser', ['-u', 'postgres', '--', binary, ...args]] : [binary, args];
  await run(command, commandArgs, { cwd, timeout: 60_000 });
}

/**
 * Starts a throwaway cluster with the binaries in `binDir`. `durable`: keep Postgres's default
 * durability (fsync and synchronous commits on), as a benchmark must; tests turn it off.
 */
export async function startThrowawayCluster(binDir: string, { durable = false, maxConnections = 40 }: { durable?: boolean; maxConnections?: number } = {}): Promise<PostgresServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rehearse-pg-'));
  const data = path.join(dir, 'data');
  if (process.getuid?.() === 0) {
    const { stdout } = await run('id', ['-u', 'postgres']).catch(() => {
      throw new Error(`${unavailableMessage()} (running as root, and there is no "postgres" user to run initdb as)`);
    });
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    fs.chownSync(dir, Number(stdout.trim()), Number(gid.trim()));
  }
  fs.chmodSync(dir, 0o700);
  const port = await freePort();
  const ctl = path.join(binDir, 'pg_ctl');
  try {
    await runAsPostgres(path.join(binDir, 'initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync'], dir);
    const options = [
      '-c listen_addresses=127.0.0.1',
      `-c port=${port}`,
      `-c unix_socket_directories=${dir}`,
      // A cluster for one test file: nothing in it must survive a crash.
      ...(durable ? [] : ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off']),
      `-c max_connections=${maxConnections}`,
    ].join(' ');
    await runAsPostgres(ctl, ['-D', data, '-l', path.join(dir, 'server.log'), '-w', '-t', '60', '-o', options, 'start'], dir);
  } catch (error) {
    const log = fs.existsSync(path.join(dir, 'server.log')) ? fs.readFileSync(path.join(dir, 'server.log'), 'utf8').slice(-2000) : '';
    fs.rmSync(dir, { recursive: true, force: true });
    throw new Error(`could not start a throwaway Postgres cluster with ${binDir}: ${(error as Error).message}\n${log}`);
  }
  return {
    adminUrl: `postgres://postgres@127.0.0.1:${port}/postgres`,
    source: 'throwaway cluster',
    binDir,
    async stop() {
      await runAsPostgres(ctl, ['-D', data, '-m', 'immediate', '-w', 'stop'], dir).catch(() => {});
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** TEST_DATABASE_URL's server, or a throwaway cluster, or an error saying how to get one. */
export async function startPostgres(binariesRoot?: string): Promise<PostgresServer> {
  const given = process.env.TEST_DATABASE_URL;
  if (given) return { adminUrl: given, source: 'TEST_DATABASE_URL', binDir: findPostgresBinaries(binariesRoot), stop: async () => {} };
  const binDir = findPostgresBinaries(binariesRoot);
  if (!binDir) throw new Error(unavailableMessage());
  return startThrowawayCluster(binDir);
}

/** Creates a new, empty database with a name of its own on `server`. */
export async function createDatabase(server: PostgresServer): Promise<TestDatabase> {
  const name = `rehearse_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const client = new pg.Client({ connectionString: server.adminUrl });
  await client.connect();
  try {
    await client.query(`create database ${name}`);
  } catch (error) {
    throw new Error(`could not create a test database on ${server.source} (the role needs CREATEDB): ${(error as Error).message}`);
  } finally {
    await client.end();
  }
  return { url: withDatabase(server.adminUrl, name), name, server };
}

export async function dropDatabase(database: TestDatabase): Promise<void> {
  const client = new pg.Client({ connectionString: database.server.adminUrl });
  await client.connect();
  try {
    await client.query(`drop database if exists ${database.name} with (force)`);
  } finally {
    await client.end();
  }
}

/**
 * For a test file: a Postgres server for the whole file (started in beforeAll, stopped in
 * afterAll), and `database()` to make a fresh database on it (dropped in afterAll).
 */
export function usePostgres(): { server(): PostgresServer; database(): Promise<TestDatabase> } {
  let server: PostgresServer | null = null;
  const made: TestDatabase[] = [];
  beforeAll(async () => {
    server = await startPostgres();
  }, 120_000);
  afterAll(async () => {
    for (const database of made) await dropDatabase(database).catch(() => {});
    await server?.stop();
  }, 60_000);
  const current = () => {
    if (!server) throw new Error('usePostgres(): the server is started in beforeAll; use it inside tests');
    return server;
  };
  return {
    server: current,
    async database() {
      const database = await createDatabase(current());
      made.push(database);
      return database;
    },
  };
}

/** Runs one query on `url` with a connection of its own. */
export async function pgQuery<T extends pg.QueryResultRow>(url: string, text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, params)).rows;
  } finally {
    await client.end();
  }
}
