/**
 * A Redis server for tests, like tests/support/postgres.ts does for Postgres:
 * 1. TEST_REDIS_URL (`.ci/run` starts one and sets it) — tests write only under a random key
 *    prefix of their own (`keyPrefix()`), so nothing else in it is touched or seen;
 * 2. otherwise a throwaway `redis-server` (Debian's redis-server package) started here on
 *    127.0.0.1 and a free port, with persistence off, stopped in teardown;
 * 3. neither: the test FAILS saying how to get one (not a skip; see postgres.ts for why).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { Redis } from 'ioredis';
import { afterAll, beforeAll } from 'vitest';
import { freePort } from './server-process.js';

export interface RedisServer {
  url: string;
  source: 'TEST_REDIS_URL' | 'throwaway redis-server';
  stop(): Promise<void>;
}

const CANDIDATES = ['/usr/bin/redis-server', '/usr/local/bin/redis-server', '/usr/bin/valkey-server'];

function unavailableMessage(): string {
  return (
    'Redis is needed by this test and none is available. Either set TEST_REDIS_URL=redis://127.0.0.1:6379/0 (the tests ' +
    'write only under a random key prefix), or install Debian\'s redis-server (apt-get install redis-server) so the test ' +
    `can start a throwaway one itself (it looks for ${CANDIDATES.join(', ')}).` +
    (process.env.CI ? ' On CI, .ci/run installs redis-server and sets TEST_REDIS_URL: check its output.' : '')
  );
}

/** Resolves once `url` answers PING, or rejects after `timeoutMs`. */
async function waitForPing(url: string, child: ChildProcess | null, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child && child.exitCode !== null) throw new Error(`redis-server exited with code ${child.exitCode}`);
    const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 1000 });
    client.on('error', () => {});
    try {
      await client.connect();
      if ((await client.ping()) === 'PONG') return;
    } catch {
      // not up yet
    } finally {
      client.disconnect();
    }
    if (Date.now() > deadline) throw new Error(`redis at ${url} did not answer PING within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function startRedis(): Promise<RedisServer> {
  const given = process.env.TEST_REDIS_URL;
  if (given) {
    await waitForPing(given, null, 5000);
    return { url: given, source: 'TEST_REDIS_URL', stop: async () => {} };
  }
  return startThrowawayRedis();
}

/**
 * A redis-server of this test's own (on `port`, or a free one), e.g. to stop and restart it.
 * Fails with the same message as `startRedis` when the binary is missing.
 */
export async function startThrowawayRedis(port?: number): Promise<RedisServer> {
  const binary = CANDIDATES.find((c) => fs.existsSync(c));
  if (!binary) throw new Error(unavailableMessage());
  port ??= await freePort();
  const child = spawn(binary, ['--bind', '127.0.0.1', '--port', String(port), '--save', '', '--appendonly', 'no', '--protected-mode', 'yes', '--loglevel', 'warning'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const url = `redis://127.0.0.1:${port}/0`;
  try {
    await waitForPing(url, child);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`could not start ${binary}: ${(error as Error).message}\n${errors}`);
  }
  return {
    url,
    source: 'throwaway redis-server',
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** A key prefix no other test run uses, e.g. `rehearse-test-1a2b3c4d:`. */
export function keyPrefix(): string {
  return `rehearse-test-${randomBytes(4).toString('hex')}:`;
}

/** For a test file: a Redis server started in beforeAll and stopped in afterAll. */
export function useRedis(): { server(): RedisServer } {
  let server: RedisServer | null = null;
  beforeAll(async () => {
    server = await startRedis();
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
  });
  return {
    server() {
      if (!server) throw new Error('useRedis(): the server is started in beforeAll; use it inside tests');
      return server;
    },
  };
}
