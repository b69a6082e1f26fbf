/**
 * A seeded fuzzer for the whole HTTP surface, shared by the test suite (small, tests/fuzz) and
 * the benchmark (large, bench/fuzz.bench.ts):
 *
 * - every POST route the app has (discovered from the router, so new routes are fuzzed too),
 *   with absurd form fields — huge, empty, unicode, control characters, repeated (arrays),
 *   missing, unknown — sent urlencoded, multipart, as JSON or plain text, or malformed;
 * - CV and job-description uploads with mutated fixtures (bit flips, truncation, duplicated
 *   and deleted chunks, spliced files) and random bytes named .pdf / .docx;
 * - `:id` parameters that are the visitor's own interview, someone else's, or garbage;
 * - random WebSocket frames on /session/:id/audio (control messages in any order, garbage
 *   text, odd, empty, huge and random audio, bursts).
 *
 * Every request is bounded in time. A failure is any 5xx, any request that does not finish in
 * time, a WebSocket closed with 1011 (internal error) or without a close frame, or /health not
 * answering 200 at the end. The same seed gives the same cases.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import WebSocket from 'ws';
import { seededRandom } from './fake-ai-server.js';
import { FIXTURES, setUpSession } from './interview-driver.js';
import { multipart, Visitor } from './test-app.js';

export interface FuzzOptions {
  seed: number;
  /** HTTP requests to send. */
  httpCases: number;
  /** WebSocket connections to open (0: none, or when the app has no audio route). */
  wsConnections: number;
  /** Random frames per connection. */
  framesPerConnection: number;
  /** Upper bound for one request (or one WebSocket conversation). */
  caseTimeoutMs: number;
  /** Requests in flight at once. */
  concurrency?: number;
  /** Called every `progressEvery` cases. */
  onProgress?: (done: number) => void;
  progressEvery?: number;
}

export interface FuzzReport {
  routes: string[];
  httpCases: number;
  byStatus: Record<string, number>;
  wsConnections: number;
  wsFrames: number;
  wsCloseCodes: Record<string, number>;
  failures: string[];
}

type Rng = () => number;

// --- random values --------------------------------------------------------------------------

const int = (rng: Rng, n: number) => Math.floor(rng() * n);
const pick = <T>(rng: Rng, items: readonly T[]): T => items[int(rng, items.length)]!;
const chance = (rng: Rng, p: number) => rng() < p;

function randomBytes(rng: Rng, n: number): Buffer {
  const b = Buffer.allocUnsafe(n);
  for (let i = 0; i < n; i++) b[i] = int(rng, 256);
  return b;
}

const UNICODE = [
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🎉👩🏽‍💻',
  'مرحبا بالعالم',
  'e\u0301\u0302\u0303\u0304\u0305\u0306',
  '\u200b\u200c\u200d\ufeff',
  '\u202eevil\u202c',
  '日本語のテキスト',
  '\ud800', // a lone surrogate
  '\uffff\ufffe',
  'Ⅻ ① ﷽',
];
const CONTROL = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join('') + '\u007f\u0085\u2028\u2029';
const NASTY = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "' OR 1=1; DROP TABLE messages; --",
  '../../../../etc/passwd',
  '%00%2e%2e%2f',
  '{{7*7}}<%= 7*7 %>${7*7}',
  '__proto__',
  'constructor',
  'NaN',
  '-1',
  '1e309',
  'true',
  'null',
  '[object Object]',
];

export function absurdString(rng: Rng): string {
  switch (int(rng, 10)) {
    case 0:
      return '';
    case 1:
      return ' \t\r\n '.repeat(1 + int(rng, 50));
    case 2:
      return pick(rng, UNICODE).repeat(1 + int(rng, 200));
    case 3:
      return Array.from({ length: 1 + int(rng, 300) }, () => CONTROL[int(rng, CONTROL.length)]).join('');
    case 4:
      return pick(rng, NASTY);
    case 5:
      return 'x'.repeat(pick(rng, [199, 200, 201, 8000, 8001, 50_000, 200_000, 600_000]));
    case 6:
      return randomBytes(rng, 1 + int(rng, 2000)).toString('latin1');
    case 7:
      return String(pick(rng, [0, -1, 1.5, 2 ** 53, Number.MAX_VALUE]));
    case 8:
      return pick(rng, ['behavioral', 'technical', 'mixed', 'BEHAVIORAL', 'mixed ', 'other']);
    default:
      return `A real answer: I led the migration and cut latency by ${int(rng, 90)}%. ${pick(rng, UNICODE)}`;
  }
}

const FIELD_NAMES = [
  'job_title',
  'company_name',
  'job_description',
  'interview_type',
  'answer',
  'question_id',
  'recording_id',
  'email',
  'password',
  'new_password',
  'current_password',
  'confirm',
  '_csrf',
  '__proto__',
  'constructor[prototype][x]',
  'a[b][c]',
  '',
  'x'.repeat(300),
];

// --- documents --------------------------------------------------------------------------------

const DOCUMENTS = ['cv-alex-morgan.pdf', 'cv-alex-morgan.docx', 'job-backend-engineer.docx', 'corrupted.pdf', 'encrypted.pdf', 'image-only.pdf', 'corrupted.docx', 'archive.zip', 'document.odt', 'cv-alex-morgan.txt'];

export function mutate(rng: Rng, source: Buffer, other: Buffer): Buffer {
  const b = Buffer.from(source);
  switch (int(rng, 7)) {
    case 0: {
      // bit flips
      for (let i = 0, n = 1 + int(rng, 32); i < n && b.length > 0; i++) b[int(rng, b.length)]! ^= 1 << int(rng, 8);
      return b;
    }
    case 1:
      return b.subarray(0, int(rng, b.length + 1)); // truncation
    case 2: {
      // a chunk duplicated in place, possibly many times
      const start = int(rng, b.length);
      const chunk = b.subarray(start, start + 1 + int(rng, 4096));
      const copies = Array.from({ length: 1 + int(rng, 20) }, () => chunk);
      return Buffer.concat([b.subarray(0, start), ...copies, b.subarray(start)]);
    }
    case 3: {
      // a chunk deleted
      const start = int(rng, b.length);
      return Buffer.concat([b.subarray(0, start), b.subarray(start + 1 + int(rng, 2048))]);
    }
    case 4: {
      // random bytes over a range
      const start = int(rng, b.length);
      randomBytes(rng, Math.min(b.length - start, 1 + int(rng, 512))).copy(b, start);
      return b;
    }
    case 5: // two files spliced
      return Buffer.concat([b.subarray(0, int(rng, b.length)), other.subarray(int(rng, other.length))]);
    default: // only the magic number is right
      return Buffer.concat([b.subarray(0, 8), randomBytes(rng, int(rng, 20_000))]);
  }
}

function fuzzFile(rng: Rng, docs: Map<string, Buffer>): { name: string; content: Buffer; type: string } {
  const names = [...docs.keys()];
  const source = pick(rng, names);
  const kind = int(rng, 4);
  const fileName = pick(rng, ['cv.pdf', 'cv.docx', 'CV.PDF', 'résumé 🎉.docx', '../../etc/passwd.pdf', '', 'x'.repeat(400) + '.pdf', 'job.txt', 'cv']);
  const type = pick(rng, ['application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'text/plain', 'application/octet-stream', '', 'image/png']);
  if (kind === 0) return { name: fileName, content: randomBytes(rng, int(rng, 50_000)), type };
  if (kind === 1) return { name: source, content: docs.get(source)!, type };
  return { name: fileName || source, content: mutate(rng, docs.get(source)!, docs.get(pick(rng, names))!), type };
}

// --- requests -----------------------------------------------------------------------------------

interface Pools {
  visitor: Visitor;
  cookie: string;
  token: string;
  drafts: string[];
  started: string[];
  foreign: string[];
}

/** encodeURIComponent, except that lone surrogates become their raw WTF-8 bytes (which no decoder accepts). */
function encodeLoose(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    let out = '';
    for (const ch of value) {
      const code = ch.codePointAt(0)!;
      if (code >= 0xd800 && code <= 0xdfff) {
        out += [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join('');
      } else out += encodeURIComponent(ch);
    }
    return out;
  }
}

function urlencoded(rng: Rng, token: string | null): string {
  const params: string[] = [];
  if (token !== null) params.push(`_csrf=${encodeLoose(token)}`);
  for (let i = 0, n = int(rng, 8); i < n; i++) {
    const name = chance(rng, 0.8) ? pick(rng, FIELD_NAMES) : absurdString(rng).slice(0, 100);
    const repeats = chance(rng, 0.15) ? 2 + int(rng, 5) : 1; // arrays
    for (let r = 0; r < repeats; r++) params.push(`${encodeLoose(name)}=${encodeLoose(absurdString(rng))}`);
  }
  if (chance(rng, 0.1)) params.push(pick(rng, ['%E0%A4%A', '%%%', '=&=&', 'a=%ZZ', '&&&&', 'answer']));
  return params.join('&');
}

function idFor(rng: Rng, pools: Pools, route: string): string {
  const wantsStarted = /message|complete|start|audio|queue/.test(route);
  switch (int(rng, 6)) {
    case 0:
      return pick(rng, pools.foreign);
    case 1:
      return encodeLoose(absurdString(rng).slice(0, pick(rng, [1, 20, 2000])) || 'x');
    default:
      return pick(rng, wantsStarted ? pools.started : pools.drafts);
  }
}

function requestFor(rng: Rng, route: string, pools: Pools, docs: Map<string, Buffer>) {
  const url = route.replace(/:([A-Za-z]+)/g, () => idFor(rng, pools, route));
  const csrf = chance(rng, 0.9) ? pools.token : chance(rng, 0.5) ? null : absurdString(rng).slice(0, 64);
  const headers: Record<string, string> = { cookie: pools.cookie };
  if (chance(rng, 0.5)) headers['hx-request'] = 'true';
  const asHeader = chance(rng, 0.5) && csrf !== null;
  if (asHeader) headers['x-csrf-token'] = csrf!;
  let payload: string | Buffer;
  switch (int(rng, 10)) {
    case 0:
    case 1:
    case 2: {
      // multipart, usually with a (mutated) file
      const file = fuzzFile(rng, docs);
      const fields: Record<string, string> = {};
      if (csrf !== null && !asHeader) fields._csrf = csrf;
      for (let i = 0, n = int(rng, 4); i < n; i++) fields[pick(rng, FIELD_NAMES) || 'f'] = absurdString(rng).slice(0, 100_000);
      const files = chance(rng, 0.85) ? [{ field: pick(rng, ['cv_file', 'job_file', 'cv_file', 'other', '']), fileName: file.name, content: file.content, contentType: file.type }] : [];
      const body = multipart(fields, files);
      payload = body.payload;
      if (chance(rng, 0.1)) payload = payload.subarray(0, int(rng, payload.length)); // cut short
      headers['content-type'] = chance(rng, 0.05) ? 'multipart/form-data; boundary=nope' : body.headers['content-type'];
      break;
    }
    case 3:
      payload = JSON.stringify(chance(rng, 0.5) ? { answer: absurdString(rng), _csrf: csrf } : [absurdString(rng), { a: { b: [1, 2, null] } }]);
      headers['content-type'] = 'application/json';
      break;
    case 4:
      payload = absurdString(rng);
      headers['content-type'] = pick(rng, ['text/plain', 'application/xml', 'application/x-www-form-urlencoded; charset=utf-16', 'garbage', '']);
      break;
    case 5:
      payload = `${urlencoded(rng, asHeader ? null : csrf)}&answer=${'A'.repeat(1_100_000)}`; // beyond the body limit
      headers['content-type'] = 'application/x-www-form-urlencoded';
      break;
    default:
      payload = urlencoded(rng, asHeader ? null : csrf);
      headers['content-type'] = 'application/x-www-form-urlencoded';
  }
  return { method: 'POST' as const, url, headers, payload };
}

/** Every POST route of the app, e.g. "/session/:id/message" (from the router's own listing). */
export function postRoutes(app: FastifyInstance): string[] {
  const tree = app.printRoutes({ commonPrefix: false, method: 'POST' });
  const routes = new Set<string>();
  for (const line of tree.split('\n')) {
    const match = /(\/\S*) \(([^)]*)\)/.exec(line);
    if (match && match[2]!.split(', ').includes('POST')) routes.add(match[1]!);
  }
  return [...routes].sort();
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms))),
  ]);
}

// --- WebSocket frames ---------------------------------------------------------------------------

function randomFrame(rng: Rng): { data: Buffer | string; binary: boolean } {
  switch (int(rng, 10)) {
    case 0:
      return { data: '{"type":"start"}', binary: false };
    case 1:
      return { data: '{"type":"stop"}', binary: false };
    case 2:
      return { data: pick(rng, ['{"type":"start","x":1}', '{}', '[]', 'null', '"start"', '{"type":"STOP"}', '{"type":"start"']), binary: false };
    case 3:
      return { data: absurdString(rng).slice(0, pick(rng, [10, 256, 300, 5000])), binary: false };
    case 4:
      return { data: Buffer.alloc(0), binary: true };
    case 5:
      return { data: randomBytes(rng, 1 + 2 * int(rng, 100)), binary: true }; // odd length
    case 6:
      return { data: randomBytes(rng, pick(rng, [65_538, 70_000, 300_000])), binary: true }; // too big
    default:
      return { data: randomBytes(rng, 2 * (1 + int(rng, 4000))), binary: true }; // plausible audio (noise)
  }
}

async function fuzzSocket(baseWs: string, id: string, cookie: string, rng: Rng, frames: number, timeoutMs: number) {
  const ws = new WebSocket(`${baseWs}/session/${id}/audio`, { headers: { cookie } });
  /** True once we closed (or refused) the socket ourselves. */
  let byUs = false;
  const closed = new Promise<{ code: number; byUs: boolean }>((resolve) => {
    ws.on('error', () => undefined); // a refused upgrade or a cut connection: judged by the close code
    ws.on('unexpected-response', (_req, res) => {
      byUs = true;
      resolve({ code: -(res.statusCode ?? 0), byUs }); // an HTTP refusal, e.g. -404
      ws.terminate();
    });
    ws.on('close', (code) => resolve({ code, byUs }));
  });
  const opened = await Promise.race([new Promise<boolean>((r) => ws.once('open', () => r(true))), closed.then(() => false)]);
  let sent = 0;
  if (opened) {
    for (let i = 0; i < frames && ws.readyState === WebSocket.OPEN; i++) {
      const frame = randomFrame(rng);
      ws.send(frame.data, { binary: frame.binary });
      sent++;
      if (chance(rng, 0.3)) await new Promise((r) => setTimeout(r, int(rng, 20)));
    }
    if (ws.readyState === WebSocket.OPEN) {
      byUs = true;
      ws.close(1000);
    }
  }
  const result = await withTimeout(closed, timeoutMs, `websocket ${id}`).catch((error: Error) => {
    ws.terminate();
    throw error;
  });
  return { ...result, sent };
}

// --- the run --------------------------------------------------------------------------------------

async function makePools(app: FastifyInstance): Promise<Pools> {
  const visitor = new Visitor(app);
  const drafts: string[] = [];
  const started: string[] = [];
  for (let i = 0; i < 3; i++) drafts.push(await setUpSession(visitor, { cv: 'cv-alex-morgan.txt' }));
  for (let i = 0; i < 3; i++) {
    const id = await setUpSession(visitor, { cv: 'cv-alex-morgan.txt' });
    await visitor.post(`/session/${id}/start`);
    // Two of the three agree to recording, so the socket's frame checks are reached; one never does.
    if (i > 0) await visitor.post(`/session/${id}/voice-consent`, {}, { htmx: true });
    started.push(id);
  }
  const other = new Visitor(app);
  const foreign = [await setUpSession(other, { cv: 'cv-alex-morgan.txt' })];
  return { visitor, cookie: visitor.cookieHeader!, token: await visitor.csrfToken(), drafts, started, foreign };
}

export async function fuzzApp(app: FastifyInstance, options: FuzzOptions): Promise<FuzzReport> {
  const rng = seededRandom(options.seed);
  const docs = new Map(DOCUMENTS.map((name) => [name, fs.readFileSync(path.join(FIXTURES, name))]));
  const routes = postRoutes(app);
  const report: FuzzReport = { routes, httpCases: 0, byStatus: {}, wsConnections: 0, wsFrames: 0, wsCloseCodes: {}, failures: [] };
  let pools = await makePools(app);

  const check = (what: string, res: LightMyRequestResponse) => {
    report.byStatus[res.statusCode] = (report.byStatus[res.statusCode] ?? 0) + 1;
    if (res.statusCode >= 500) report.failures.push(`${what} → ${res.statusCode} ${res.body.slice(0, 200)}`);
  };

  const concurrency = options.concurrency ?? 1;
  for (let done = 0; done < options.httpCases; ) {
    // New interviews now and then: a fuzzed request may have finished, locked or deleted them.
    if (done > 0 && done % 60 === 0) pools = await makePools(app);
    const batch = Math.min(concurrency, options.httpCases - done);
    const requests = Array.from({ length: batch }, () => requestFor(rng, pick(rng, routes), pools, docs));
    await Promise.all(
      requests.map(async (request) => {
        const what = `#${options.seed}/${report.httpCases} POST ${request.url.slice(0, 120)} (${request.headers['content-type']?.slice(0, 40) ?? 'no type'}, ${request.payload.length} bytes)`;
        report.httpCases++;
        try {
          check(what, await withTimeout(app.inject(request), options.caseTimeoutMs, what));
        } catch (error) {
          report.failures.push(`${what} → ${(error as Error).message}`);
        }
      }),
    );
    done += batch;
    if (options.onProgress && options.progressEvery && done % options.progressEvery < batch) options.onProgress(done);
  }

  // Random GETs on the pages with odd ids too (cheap, and they render the fuzzed data).
  for (const id of [...pools.drafts, ...pools.started, 'x'.repeat(3000), '%00', pools.foreign[0]!]) {
    for (const page of ['upload', 'interview', 'feedback', 'queue']) {
      const what = `GET /session/${id.slice(0, 40)}/${page}`;
      try {
        check(what, await withTimeout(app.inject({ url: `/session/${id}/${page}`, headers: { cookie: pools.cookie } }), options.caseTimeoutMs, what));
      } catch (error) {
        report.failures.push(`${what} → ${(error as Error).message}`);
      }
    }
  }

  const hasAudio = app.hasRoute({ method: 'GET', url: '/session/:id/audio' });
  if (hasAudio && options.wsConnections > 0) {
    await app.listen({ host: '127.0.0.1', port: 0 });
    const baseWs = `ws://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    for (let i = 0; i < options.wsConnections; i++) {
      if (i % 3 === 0) pools = await makePools(app); // at most 3 live recordings per visitor
      const id = chance(rng, 0.85) ? pick(rng, pools.started) : pick(rng, [...pools.drafts, ...pools.foreign, 'nope']);
      try {
        const result = await fuzzSocket(baseWs, id, pools.cookie, rng, options.framesPerConnection, options.caseTimeoutMs);
        report.wsConnections++;
        report.wsFrames += result.sent;
        report.wsCloseCodes[result.code] = (report.wsCloseCodes[result.code] ?? 0) + 1;
        if (result.code === 1011 || result.code <= -500 || (result.code === 1006 && !result.byUs)) {
          report.failures.push(`websocket #${i} on ${id}: closed with ${result.code}`);
        }
      } catch (error) {
        report.failures.push(`websocket #${i} on ${id}: ${(error as Error).message}`);
      }
    }
  }

  const health = await withTimeout(app.inject('/health'), options.caseTimeoutMs, '/health').catch(() => null);
  if (health?.statusCode !== 200) report.failures.push(`/health after the run: ${health?.statusCode ?? 'no answer'}`);
  return report;
}
