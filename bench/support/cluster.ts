/**
 * The servers a benchmark measures, chosen by the environment:
 *
 *   BENCH_DATABASE=sqlite (default) | postgres
 *   BENCH_INSTANCES=1 (default) | N   — N app processes on one Postgres database (SQLite: one
 *                                       process per file, so only 1), all with the same
 *                                       SESSION_SECRET; the load generator spreads its
 *                                       connections over them round-robin (harness.ts)
 *   BENCH_DATABASE_URL=postgres://…   — a Postgres server where the benchmark may create (and
 *                                       afterwards drop) a database of its own; unset: a
 *                                       throwaway cluster from Debian's binaries with Postgres's
 *                                       default durability (fsync and synchronous commits on)
 *   BENCH_REDIS_URL=redis://…         — the shared store (REDIS_URL) for Postgres runs; unset:
 *                                       a throwaway redis-server; BENCH_REDIS=0: none
 *
 * Every instance applies pending migrations at start (MIGRATE_ON_START, under Postgres's
 * advisory lock: one applies them, the others find nothing left).
 */
import { findPostgresBinaries, createDatabase, dropDatabase, startThrowawayCluster, type PostgresServer, type TestDatabase } from '../../tests/support/postgres.js';
import { startThrowawayRedis, type RedisServer } from '../../tests/support/redis.js';
import { startBenchServer, type BenchServer } from './harness.js';

export interface BenchCluster {
  database: 'sqlite' | 'postgres';
  servers: BenchServer[];
  urls: string[];
  /** One line for the results: database, instances, store. */
  description: string;
  stop(): Promise<void>;
}

function clusterSettings(env: NodeJS.ProcessEnv = process.env): { database: 'sqlite' | 'postgres'; instances: number; redis: boolean } {
  const database = env.BENCH_DATABASE ?? 'sqlite';
  if (database !== 'sqlite' && database !== 'postgres') throw new Error(`BENCH_DATABASE must be sqlite or postgres (got ${JSON.stringify(database)})`);
  const instances = Number(env.BENCH_INSTANCES ?? 1);
  if (!Number.isInteger(instances) || instances < 1 || instances > 8) throw new Error(`BENCH_INSTANCES must be a whole number from 1 to 8 (got ${JSON.stringify(env.BENCH_INSTANCES)})`);
  if (instances > 1 && database !== 'postgres') throw new Error('BENCH_INSTANCES > 1 needs BENCH_DATABASE=postgres: a SQLite file is served by one process');
  return { database, instances, redis: database === 'postgres' && env.BENCH_REDIS !== '0' };
}

export async function startBenchCluster(env: Record<string, string> = {}): Promise<BenchCluster> {
  const settings = clusterSettings();
  if (settings.database === 'sqlite') {
    const server = await startBenchServer(env);
    return { database: 'sqlite', servers: [server], urls: [server.url], description: 'SQLite file (WAL), 1 instance', stop: () => server.stop() };
  }

  const cleanups: Array<() => Promise<void>> = [];
  const stop = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch((error: unknown) => console.error(`cleanup: ${String(error)}`));
  };
  try {
    let pgServer: PostgresServer;
    const given = process.env.BENCH_DATABASE_URL;
    if (given) {
      pgServer = { adminUrl: given, source: 'BENCH_DATABASE_URL', binDir: null, stop: async () => {} };
    } else {
      const binDir = findPostgresBinaries();
      if (!binDir) throw new Error('BENCH_DATABASE=postgres: set BENCH_DATABASE_URL, or install Debian\'s postgresql for a throwaway cluster');
      pgServer = await startThrowawayCluster(binDir, { durable: true, maxConnections: 100 });
      cleanups.push(() => pgServer.stop());
    }
    const database: TestDatabase = await createDatabase(pgServer);
    cleanups.push(() => dropDatabase(database));

    let redis: RedisServer | null = null;
    const givenRedis = process.env.BENCH_REDIS_URL;
    if (settings.redis) {
      const started = givenRedis ? null : await startThrowawayRedis();
      if (started) cleanups.push(() => started.stop());
      redis = started ?? { url: givenRedis!, source: 'TEST_REDIS_URL', stop: async () => {} };
    }

    const servers = await Promise.all(
      Array.from({ length: settings.instances }, () =>
        startBenchServer({ DATABASE_URL: database.url, MIGRATE_ON_START: 'true', ...(redis ? { REDIS_URL: redis.url } : {}), ...env }),
      ),
    );
    cleanups.push(async () => void (await Promise.all(servers.map((s) => s.stop()))));
    const where = given ? 'BENCH_DATABASE_URL' : 'a throwaway local cluster, default durability';
    const store = redis ? `, Redis (${givenRedis ? 'BENCH_REDIS_URL' : 'throwaway redis-server'})` : ', no shared store';
    return {
      database: 'postgres',
      servers,
      urls: servers.map((s) => s.url),
      description: `Postgres (${where}), ${settings.instances} instance${settings.instances > 1 ? 's (round-robin in the load generator)' : ''}${store}`,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
