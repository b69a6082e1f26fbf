/**
 * The operations files for several instances (issue 16) — compose.yaml and deploy/Caddyfile —
 * cannot be run here (no Docker engine), so this checks what can be checked without one: the
 * compose file parses; it has Postgres, Valkey/Redis, a one-shot migration, two app instances
 * built from this Dockerfile with the same SESSION_SECRET, and Caddy; every variable given to
 * the app exists and, with sample secrets filled in, passes the app's own configuration check;
 * the Caddyfile balances over exactly the app services, on their port, with /ready as the
 * health check. (`caddy validate` of Debian's caddy 2.6.2 accepted the Caddyfile when it was
 * written; it is not a test dependency.)
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CONFIG_VARIABLES, loadConfig } from '../../src/config.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const compose = parse(fs.readFileSync(path.join(ROOT, 'compose.yaml'), 'utf8'), { merge: true }) as {
  services: Record<string, { image?: string; build?: string; command?: string[]; environment?: Record<string, string>; depends_on?: Record<string, { condition: string }> | string[]; volumes?: string[]; ports?: string[] }>;
};
const caddyfile = fs.readFileSync(path.join(ROOT, 'deploy/Caddyfile'), 'utf8');

/** Compose's interpolation (`${X}`, `${X:-default}`, `${X:?error}`) with the operator's exports. */
function interpolate(value: string, exported: Record<string, string>): string {
  return value.replace(/\$\{([A-Z_]+)(?::([-?])([^}]*))?\}/g, (_all, name: string, kind: string | undefined, rest: string | undefined) => {
    if (exported[name] !== undefined) return exported[name]!;
    if (kind === '-') return rest ?? '';
    throw new Error(`${name} is required: ${rest}`);
  });
}

const exported = { SESSION_SECRET: 'x'.repeat(64), POSTGRES_PASSWORD: 'p0stgres-pw' };
const appServices = Object.entries(compose.services).filter(([, s]) => s.environment?.SESSION_SECRET !== undefined);

describe('compose.yaml', () => {
  it('has Postgres 15/16, Valkey or Redis, a migration step, two app instances and Caddy', () => {
    const { services } = compose;
    expect(services.postgres?.image).toMatch(/^postgres:1[56]\b/);
    expect(services.valkey?.image ?? services.redis?.image).toMatch(/^(valkey\/valkey|redis):/);
    expect(services.caddy?.image).toMatch(/^caddy:2/);
    expect(appServices.map(([name]) => name).sort()).toEqual(['app1', 'app2']);
    expect(services.migrate?.command).toEqual(['node', 'dist/src/db/migrate.js']);
    // dist/src/db/migrate.js is built from src/db/migrate.ts (npm run build, in the Dockerfile).
    expect(fs.existsSync(path.join(ROOT, 'src/db/migrate.ts'))).toBe(true);
  });

  it('builds every instance from this repository\'s Dockerfile, with the same SESSION_SECRET', () => {
    expect(fs.existsSync(path.join(ROOT, 'Dockerfile'))).toBe(true);
    for (const [name, service] of appServices) {
      expect(service.build, name).toBe('.');
      expect(service.environment?.SESSION_SECRET, name).toBe(appServices[0]![1].environment?.SESSION_SECRET);
      expect(interpolate(service.environment!.SESSION_SECRET!, exported).length, name).toBeGreaterThanOrEqual(32);
      expect(Object.keys(service.depends_on ?? {}), name).toEqual(expect.arrayContaining(['postgres', 'migrate']));
    }
    expect(() => interpolate(appServices[0]![1].environment!.SESSION_SECRET!, {})).toThrow(/SESSION_SECRET is required: .*the same for every instance/);
  });

  it('gives the app only variables it knows, and values its configuration accepts', () => {
    for (const [name, service] of [...appServices, ['migrate', compose.services.migrate!] as const]) {
      const env = Object.fromEntries(Object.entries(service.environment ?? {}).map(([k, v]) => [k, interpolate(String(v), exported)]));
      for (const variable of Object.keys(env)) expect(CONFIG_VARIABLES, `${name}: ${variable}`).toContain(variable);
      const config = loadConfig(env);
      expect(config.postgres?.url, name).toMatch(/^postgres:\/\/rehearse:p0stgres-pw@postgres:5432\/rehearse$/);
      if (name === 'migrate') continue;
      expect(config.redis?.url, name).toBe('redis://valkey:6379/0');
      expect(config.host, name).toBe('0.0.0.0');
      expect(config.trustProxy, name).toBe(1);
      expect(config.migrateOnStart, name).toBe(false);
      expect(config.postgres?.poolSize, name).toBeGreaterThan(0);
    }
    // The Postgres service's password is the one the instances use.
    expect(compose.services.postgres?.environment?.POSTGRES_PASSWORD).toBe('${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD}');
    expect(compose.services.postgres?.environment).toMatchObject({ POSTGRES_USER: 'rehearse', POSTGRES_DB: 'rehearse' });
  });

  it('mounts deploy/Caddyfile into Caddy and publishes only Caddy', () => {
    expect(compose.services.caddy?.volumes).toContain('./deploy/Caddyfile:/etc/caddy/Caddyfile:ro');
    const published = Object.entries(compose.services).filter(([, s]) => s.ports?.length).map(([name]) => name);
    expect(published).toEqual(['caddy']);
  });
});

describe('deploy/Caddyfile', () => {
  const directives = caddyfile.replace(/#.*$/gm, '');

  it('balances over exactly the app services of compose.yaml, on the port they listen on', () => {
    const upstreams = /reverse_proxy\s+([^{]+)\{/.exec(directives)?.[1]?.trim().split(/\s+/) ?? [];
    const expected = appServices.map(([name, s]) => `${name}:${s.environment?.PORT}`);
    expect(upstreams.sort()).toEqual(expected.sort());
  });

  it('takes an instance out while its /ready is not 200, and streams events and WebSockets', () => {
    expect(directives).toMatch(/^\s*health_uri \/ready$/m);
    expect(directives).toMatch(/^\s*health_status 200$/m);
    expect(directives).toMatch(/^\s*flush_interval -1$/m);
    expect(directives).toMatch(/^\s*lb_policy \w+$/m);
    // WebSockets are proxied by default: nothing may turn the Upgrade header off.
    expect(directives).not.toMatch(/header_up\s+-?(Connection|Upgrade)/i);
    expect(directives).toMatch(/^\{\$SITE_ADDRESS:localhost\} \{$/m);
  });
});

describe('the server\'s V8 flags', () => {
  const packageJson = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const dockerCmd = /^CMD (\[.*\])$/m.exec(fs.readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8'))?.[1];

  it('are the same for npm start, the Dockerfile and the benchmarks', async () => {
    const { SERVER_NODE_FLAGS } = await import('../../bench/support/server-flags.js');
    expect(SERVER_NODE_FLAGS.length).toBeGreaterThan(0);
    expect(packageJson.scripts.start).toBe(`tsx ${SERVER_NODE_FLAGS.join(' ')} src/server.ts`);
    expect(JSON.parse(dockerCmd ?? '[]')).toEqual(['node', ...SERVER_NODE_FLAGS, 'dist/src/server.js']);
  });
});
