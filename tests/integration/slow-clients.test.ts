/**
 * Issue 17, "remote crash": slow-body sockets against the real server, in a child process
 * started with a low descriptor limit (`ulimit -n 256`).
 *
 * - With the connection limits off, 400 slow bodies exhaust the process's descriptors. It
 *   used to die there: @fastify/under-pressure's timer called process.memoryUsage(), which
 *   throws EMFILE, uncaught. Now it logs the failed sample, stays up, and serves again as soon
 *   as the attacker leaves.
 * - With the defaults, one address holds at most MAX_CONNECTIONS_PER_ADDRESS sockets, the rest
 *   are closed at once, another address is served meanwhile, and the held sockets are cut by
 *   the request and header deadlines (408) without the attacker doing anything.
 *
 * Bounded (a few hundred sockets, each test stops by itself), 127.0.0.1 only (the second
 * "address" is 127.0.0.2, also loopback), and no timing assertions: only what happened.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { openSlowClients, plainGet, type SlowFlood } from '../support/slow-clients.js';

const DESCRIPTORS = 256;

/** Open descriptors of the server process right now (for failure messages). */
const descriptors = (server: ServerProcess) => {
  try {
    return fs.readdirSync(`/proc/${server.child.pid}/fd`).length;
  } catch {
    return -1;
  }
};

async function until(check: () => boolean | Promise<boolean>, what: string, server: ServerProcess): Promise<void> {
  for (let i = 0; i < 3000; i++) {
    if (await check()) return;
    if (server.child.exitCode !== null || server.child.signalCode !== null) {
      throw new Error(`the server exited while waiting for ${what}:\n${server.output().slice(-3000)}`);
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`gave up waiting for ${what} (server descriptors: ${descriptors(server)}):\n${server.output().slice(-2000)}`);
}

const alive = (server: ServerProcess) => server.child.exitCode === null && server.child.signalCode === null;

describe('slow clients against the real server (ulimit -n 256)', () => {
  let server: ServerProcess | undefined;
  let flood: SlowFlood | undefined;
  const dirs: string[] = [];

  afterEach(async () => {
    await flood?.leave();
    await server?.stop('SIGKILL');
    server = flood = undefined;
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });

  async function start(env: Record<string, string>) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rehearse-slow-'));
    dirs.push(dir);
    return startServerProcess({ env: { DATA_DIR: dir, ...env }, maxOpenFiles: DESCRIPTORS });
  }

  it('survives running out of file descriptors and serves again once the attacker leaves', async () => {
    server = await start({
      // No connection limits and no deadline in sight: the flood really exhausts the descriptors.
      MAX_CONNECTIONS: '0',
      MAX_CONNECTIONS_PER_ADDRESS: '0',
      REQUEST_TIMEOUT_MS: '600000',
      // The memory figure is what used to throw EMFILE from a timer; make sure it is sampled.
      MAX_RSS_MB: '8192',
      LOG_LEVEL: 'warn',
    });
    const s = server;
    flood = await openSlowClients(s.port, DESCRIPTORS + 200);
    const f = flood;
    // Out of descriptors: connections beyond them are closed for the server by libuv…
    await until(() => f.closedByServer().length > 0, 'connections refused at descriptor exhaustion', s);
    // …and the next overload sample fails with EMFILE, which is logged, not thrown.
    await until(() => /EMFILE/.test(s.output()) && /overload sample failed/.test(s.output()), 'an overload sample at exhaustion', s);
    expect(alive(s)).toBe(true);
    expect(f.sockets.filter((x) => x.closed).length).toBeLessThan(f.sockets.length); // it really held hundreds

    await f.leave();
    await until(async () => (await plainGet(s.port, '/health')) === 200, '/health after the attacker left', s);
    expect(await plainGet(s.port, '/')).toBe(200);
    expect(alive(s)).toBe(true);
    expect(s.output()).not.toMatch(/uncaught|Unhandled/i);
  }, 120_000);

  it('with the defaults: one address is capped, others are served, and held sockets are cut with 408', async () => {
    server = await start({ REQUEST_TIMEOUT_MS: '2000', HEADERS_TIMEOUT_MS: '1000', LOG_LEVEL: 'warn' });
    const s = server;
    const bodies = await openSlowClients(s.port, 300, { kind: 'body' });
    const headers = await openSlowClients(s.port, 20, { kind: 'headers' });
    const idle = await openSlowClients(s.port, 20, { kind: 'idle' });
    const all = [...bodies.sockets, ...headers.sockets, ...idle.sockets];
    flood = { ...bodies, sockets: all, leave: async () => void (await Promise.all([bodies.leave(), headers.leave(), idle.leave()])) } as SlowFlood;

    // At most 64 (MAX_CONNECTIONS_PER_ADDRESS's default) stay open from 127.0.0.1; the rest are closed at once.
    await until(() => all.filter((x) => !x.closed).length <= 64, 'the per-address cap', s);
    // Another visitor (another address) is served while the attacker holds its share.
    expect(await plainGet(s.port, '/', '127.0.0.2')).toBe(200);

    // Nothing more from the attacker: the deadlines close every held socket, the server's doing.
    await Promise.all([bodies.allClosed(), headers.allClosed(), idle.allClosed()]);
    expect(all.every((x) => x.closed && !x.byUs)).toBe(true);
    const timedOut = all.filter((x) => x.received.startsWith('HTTP/1.1 408'));
    expect(timedOut.length).toBeGreaterThan(0);
    for (const x of timedOut) expect(['body', 'headers', 'idle']).toContain(x.kind);
    expect(timedOut.some((x) => x.kind === 'body')).toBe(true);
    // Nobody got anything but a 408 or a plain close: no 5xx, no half-served request.
    expect(all.filter((x) => x.received !== '' && !x.received.startsWith('HTTP/1.1 408'))).toEqual([]);

    expect(await plainGet(s.port, '/')).toBe(200);
    expect(alive(s)).toBe(true);
  }, 120_000);
});
