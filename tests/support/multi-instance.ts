/**
 * Two (or more) app processes on one Postgres database and one Redis, as behind a load
 * balancer — for the multi-instance tests (issue 16). Every instance has the same
 * SESSION_SECRET (as every instance must: one browser cookie works on all of them), a data
 * directory of its own (as on separate machines), and a remote model (the fake AI server,
 * openai API) so the interviewer's steps are real HTTP calls.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { fixturePcm, trackSocket, type ServerMessage } from './audio.js';
import type { HttpVisitor } from './http-visitor.js';
import { pgQuery } from './postgres.js';
import { startServerProcess, type ServerProcess } from './server-process.js';

/** The secret every instance shares (a different one from baseServerEnv's, to be sure it is the one used). */
export const SHARED_SESSION_SECRET = 'multi-instance-shared-secret-multi-instance-0123456789';

export interface InstanceSettings {
  databaseUrl: string;
  redisUrl: string;
  /** The fake model's OpenAI base URL, for all instances or one per instance (then attributable). */
  openaiBaseUrl: string | string[];
  /** More environment for every instance. */
  env?: Record<string, string>;
}

export interface Instances {
  servers: ServerProcess[];
  /** Stops (SIGKILL) every instance still running and deletes their data directories. */
  close(): Promise<void>;
}

/**
 * Starts `count` instances at once, every one with MIGRATE_ON_START=true, as a compose file
 * might: the migrations run under an advisory lock, so exactly one applies them while the
 * others wait for it and find nothing left to apply.
 */
export async function startInstances(count: number, settings: InstanceSettings): Promise<Instances> {
  const dirs = Array.from({ length: count }, (_, i) => fs.mkdtempSync(path.join(os.tmpdir(), `rehearse-instance-${i + 1}-`)));
  const started = await Promise.allSettled(
    dirs.map((dir, i) =>
      startServerProcess({
        env: {
          DATA_DIR: dir,
          DATABASE_URL: settings.databaseUrl,
          DATABASE_POOL_SIZE: '4',
          MIGRATE_ON_START: 'true',
          REDIS_URL: settings.redisUrl,
          SESSION_SECRET: SHARED_SESSION_SECRET,
          AI_PROVIDERS: 'openai',
          OPENAI_BASE_URL: Array.isArray(settings.openaiBaseUrl) ? settings.openaiBaseUrl[i]! : settings.openaiBaseUrl,
          OPENAI_MODEL: 'fake-model',
          ...settings.env,
        },
      }),
    ),
  );
  const servers = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const close = async () => {
    await Promise.all(servers.map((s) => s.stop('SIGKILL')));
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  };
  const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) {
    await close();
    throw failed.reason;
  }
  return { servers, close };
}

/**
 * `url` with another logical database (SELECT n): server processes write their keys under the
 * app's own prefix (`rehearse:`), not a random one, so each test file that shares a Redis
 * (TEST_REDIS_URL) gives its instances a database of their own (Redis and Valkey have 16).
 */
export function withRedisDatabase(url: string, db: number): string {
  const parsed = new URL(url);
  parsed.pathname = `/${db}`;
  return parsed.toString();
}

export interface MessageRow {
  id: string;
  seq: number;
  kind: string;
  question_number: number;
  reply_to: string | null;
  content: string;
  evaluation: { score: number } | null;
  speech_metrics: Record<string, unknown> | null;
}

/** An interview's messages as Postgres holds them, in order. */
export function messagesOf(databaseUrl: string, sessionId: string): Promise<MessageRow[]> {
  return pgQuery<MessageRow>(
    databaseUrl,
    'select id, seq, kind, question_number, reply_to, content, evaluation, speech_metrics from messages where session_id = $1 order by seq',
    [sessionId],
  );
}

/** The visitor agrees to voice recording in this interview, as the recorder does (htmx: 204). */
export async function consentOverHttp(visitor: HttpVisitor, sessionId: string): Promise<void> {
  const res = await visitor.post(`/session/${sessionId}/voice-consent`, {}, { htmx: true });
  if (res.status !== 204) throw new Error(`voice-consent: ${res.status} ${res.body.slice(0, 300)}`);
}

/**
 * Records `seconds` of the speech fixture over the instance's WebSocket, in 100 ms frames as a
 * browser sends them, start to stop; returns the `final` message (its recordingId and summary).
 */
export async function recordOverHttp(visitor: HttpVisitor, sessionId: string, seconds = 2): Promise<ServerMessage> {
  const ws = new WebSocket(`${visitor.baseUrl.replace(/^http/, 'ws')}/session/${sessionId}/audio`, { headers: { cookie: visitor.cookieHeader ?? '' } });
  const client = trackSocket(ws);
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
    ws.once('unexpected-response', (_request, response) => reject(new Error(`the audio socket was refused: ${response.statusCode}`)));
  });
  await client.next('ready');
  ws.send(JSON.stringify({ type: 'start' }));
  const pcm = fixturePcm('speech-normal.wav').subarray(0, seconds * 32_000);
  for (let at = 0; at < pcm.length; at += 3200) ws.send(pcm.subarray(at, at + 3200), { binary: true });
  ws.send(JSON.stringify({ type: 'stop' }));
  const final = await client.next('final');
  await client.closed;
  return final;
}
