/**
 * Slow clients, as an attacker would write them: sockets that send a request's headers and a
 * few bytes of its body and then nothing (slow body), only part of the headers (slow headers),
 * or nothing at all (idle). Used by the slow-client regression test and `npm run bench:fuzz`.
 * Every socket is to 127.0.0.1; `localAddress` lets a test speak from another loopback address.
 */
import net from 'node:net';

export type SlowKind = 'body' | 'headers' | 'idle';

export interface SlowSocket {
  kind: SlowKind;
  socket: net.Socket;
  /** Everything the server wrote back. */
  received: string;
  /** True once the socket closed; `byUs` when the test destroyed it. */
  closed: boolean;
  byUs: boolean;
  /** False when the connection was refused or reset before it was established. */
  connected: boolean;
}

export interface SlowFlood {
  sockets: SlowSocket[];
  /** Sockets the server (or the OS on its behalf) closed. */
  closedByServer(): SlowSocket[];
  /** Resolves once every socket is closed (by either side). */
  allClosed(): Promise<void>;
  /** The attacker leaves: destroys every socket still open. */
  leave(): Promise<void>;
}

/** A form POST announcing a 100 KB body, of which only 10 bytes ever arrive. */
function slowBodyRequest(port: number): string {
  return (
    `POST /session/create HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/x-www-form-urlencoded\r\n` +
    `Content-Length: 100000\r\nConnection: keep-alive\r\n\r\njob_title=`
  );
}

export async function openSlowClients(port: number, count: number, options: { kind?: SlowKind; localAddress?: string } = {}): Promise<SlowFlood> {
  const kind = options.kind ?? 'body';
  const sockets: SlowSocket[] = [];
  const closes: Promise<void>[] = [];
  // Opened in batches so the listen backlog is not what decides which ones get in.
  for (let i = 0; i < count; i += 50) {
    const batch: Promise<void>[] = [];
    for (let j = i; j < Math.min(count, i + 50); j++) {
      const socket = net.connect({ host: '127.0.0.1', port, localAddress: options.localAddress });
      const slow: SlowSocket = { kind, socket, received: '', closed: false, byUs: false, connected: false };
      sockets.push(slow);
      socket.setNoDelay(true);
      socket.on('data', (chunk) => (slow.received += chunk.toString('latin1')));
      socket.on('error', () => undefined); // resets are expected: the server refuses or cuts
      closes.push(new Promise((resolve) => socket.once('close', () => ((slow.closed = true), resolve()))));
      batch.push(
        new Promise((resolve) => {
          socket.once('connect', () => {
            slow.connected = true;
            if (kind === 'body') socket.write(slowBodyRequest(port));
            if (kind === 'headers') socket.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nX-Slow: `);
            resolve();
          });
          socket.once('close', () => resolve());
        }),
      );
    }
    await Promise.all(batch);
  }
  return {
    sockets,
    closedByServer: () => sockets.filter((s) => s.closed && !s.byUs),
    allClosed: () => Promise.all(closes).then(() => undefined),
    async leave() {
      for (const s of sockets) {
        if (s.closed) continue;
        s.byUs = true;
        s.socket.destroy();
      }
      await Promise.all(closes);
    },
  };
}

/** One ordinary GET over a fresh connection: its status, or the error that stopped it. */
export function plainGet(port: number, path: string, localAddress?: string): Promise<number | string> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port, localAddress });
    let data = '';
    socket.setTimeout(10_000, () => socket.destroy(new Error('no answer')));
    socket.on('connect', () => socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`));
    socket.on('data', (chunk) => (data += chunk.toString('latin1')));
    socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    socket.on('close', () => {
      const status = /^HTTP\/1\.1 (\d{3})/.exec(data)?.[1];
      resolve(status ? Number(status) : 'closed without an answer');
    });
  });
}
