/**
 * Limits on open connections, so a flood of sockets from one client — or from everyone — can
 * neither exhaust the process's file descriptors nor crowd out other visitors.
 *
 * - In all (`MAX_CONNECTIONS`): Node's `server.maxConnections`; a connection beyond it is
 *   closed as soon as it is accepted. "auto" keeps a quarter of the descriptor limit (and at
 *   least 64) free for what the process itself opens: the database and its WAL, static files,
 *   worker threads, logs.
 * - Per address (`MAX_CONNECTIONS_PER_ADDRESS`): counted on the TCP peer address; a connection
 *   over the limit is destroyed at once. Behind a reverse proxy every connection comes from
 *   the proxy, so the default is off when TRUST_PROXY is set (limit clients at the proxy).
 *
 * The timeouts that make held connections end (headers, body, keep-alive, idle) are Node's
 * own server settings, set in app.ts; an idle voice socket is closed by speech/recording-socket.ts.
 */
import fs from 'node:fs';
import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyBaseLogger } from 'fastify';

/** The soft limit on open files ("Max open files" in /proc/self/limits), or null where unknown. */
export function fileDescriptorLimit(readLimits: () => string = () => fs.readFileSync('/proc/self/limits', 'utf8')): number | null {
  try {
    const line = readLimits()
      .split('\n')
      .find((l) => l.startsWith('Max open files'));
    const soft = line?.slice('Max open files'.length).trim().split(/\s+/)[0];
    return soft && /^\d+$/.test(soft) ? Number(soft) : null;
  } catch {
    return null;
  }
}

/** MAX_CONNECTIONS=auto: three quarters of the descriptor limit, keeping at least 64 descriptors spare. */
export function resolveMaxConnections(setting: number | 'auto', descriptorLimit: number | null = fileDescriptorLimit()): number {
  if (setting !== 'auto') return setting;
  if (descriptorLimit === null) return 0; // unknown platform: no cap (the per-address limit still applies)
  return Math.max(16, Math.min(Math.floor(descriptorLimit * 0.75), descriptorLimit - 64));
}

export interface ConnectionLimitOptions {
  /** 0: no limit. */
  maxConnections: number;
  /** 0: no limit. */
  maxPerAddress: number;
  log: FastifyBaseLogger;
}

/** Applies both limits to `server`; returns a read-out of what is open (for tests and /ready-like checks). */
export function limitConnections(server: Server, { maxConnections, maxPerAddress, log }: ConnectionLimitOptions): { openFrom(address: string): number } {
  if (maxConnections > 0) server.maxConnections = maxConnections;
  const open = new Map<string, number>();
  let refused = 0;
  let lastLog = 0;
  const logRefused = (why: string, address: string | undefined) => {
    refused++;
    const now = Date.now();
    if (now - lastLog < 1000) return;
    // Once a second at most: a flood must not turn into a flood of log lines.
    log.warn({ address, refused, why }, 'connections refused');
    refused = 0;
    lastLog = now;
  };
  server.on('drop', (data?: { remoteAddress?: string }) => logRefused('MAX_CONNECTIONS', data?.remoteAddress));
  if (maxPerAddress > 0) {
    server.on('connection', (socket: Socket) => {
      const address = socket.remoteAddress;
      if (address === undefined) return; // already closed
      const count = open.get(address) ?? 0;
      if (count >= maxPerAddress) {
        logRefused('MAX_CONNECTIONS_PER_ADDRESS', address);
        socket.destroy();
        return;
      }
      open.set(address, count + 1);
      socket.once('close', () => {
        const left = (open.get(address) ?? 1) - 1;
        if (left <= 0) open.delete(address);
        else open.set(address, left);
      });
    });
  }
  return { openFrom: (address) => open.get(address) ?? 0 };
}
