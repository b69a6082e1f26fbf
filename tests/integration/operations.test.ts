/**
 * Operating the app: /health (liveness) vs /ready (database + migrations), overload answers
 * (503 + Retry-After, /health exempt), the AI work queue with its visible queue position and
 * its "busy, your answer is saved" refusal, request ids on service log lines, and graceful
 * shutdown (in-flight requests finish, WebSockets get 1001, the database is closed).
 */
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import WebSocket from 'ws';
import { createOfflineProvider } from '../../src/ai/providers/offline.js';
import type { AiProvider } from '../../src/ai/types.js';
import { NO_RATE_LIMITS, testConfig } from '../../src/config.js';
import { gracefulClose } from '../../src/operations.js';
import { buildApp } from '../../src/app.js';
import { createTestApp, Visitor } from '../support/test-app.js';
import { consentToRecording } from '../support/audio.js';
import { html } from '../support/html.js';
import { currentQuestion, setUpSession } from '../support/interview-driver.js';
import { strongAnswer } from '../support/answers.js';
import { query, stored } from '../support/db-inspect.js';

/** Where Drizzle records applied migrations: its own schema on Postgres. */
const migrationsTable = (app: FastifyInstance) => (app.storage.postgres ? 'drizzle.__drizzle_migrations' : '__drizzle_migrations');

/** The offline interviewer, but its turns after an answer wait at a gate while it is closed. */
function gatedProvider() {
  const offline = createOfflineProvider();
  let open = true;
  let waiting: Array<() => void> = [];
  const provider: AiProvider = {
    name: 'gated',
    planQuestion: (input) => offline.planQuestion(input),
    summarizeInterview: (input) => offline.summarizeInterview(input),
    evaluateAnswer: (input) => offline.evaluateAnswer(input),
    async nextTurn(input) {
      if (!open) await new Promise<void>((resolve) => waiting.push(resolve));
      return offline.nextTurn(input);
    },
  };
  return {
    provider,
    close: () => void (open = false),
    open() {
      open = true;
      for (const release of waiting) release();
      waiting = [];
    },
    waiting: () => waiting.length,
  };
}

async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

const noLimits = { rateLimits: NO_RATE_LIMITS };

describe('operations', () => {
  let app: FastifyInstance | undefined;
  afterEach(async () => {
    await app?.close().catch(() => undefined);
    app = undefined;
  });

  describe('/health and /ready', () => {
    // Starting the threads loads pdf-parse and mammoth in each: seconds on a busy 2-core machine.
    it('/ready waits until the document parsing threads are warm; /health does not', { timeout: 60_000 }, async () => {
      app = await createTestApp({ documentWarmStart: true });
      const server = app;
      expect((await server.inject('/health')).statusCode).toBe(200);
      const early = await server.inject('/ready');
      if (early.statusCode !== 200) expect(early.json()).toEqual({ status: 'unavailable', reason: 'documents: parsing threads starting' });
      await until(async () => (await server.inject('/ready')).statusCode === 200, 'warm parsing threads', 45_000);
      expect(server.services.documentsReady()).toEqual({ ready: true });
    });

    it('are separate: /ready checks the database and that every migration is applied', async () => {
      app = await createTestApp();
      expect((await app.inject('/health')).statusCode).toBe(200);
      const ready = await app.inject('/ready');
      expect(ready.statusCode).toBe(200);
      expect(ready.json()).toMatchObject({ status: 'ready', migrations: expect.any(Number) });
      expect(ready.headers['set-cookie']).toBeUndefined();

      // Pretend the newest migration never ran.
      const [newest] = await query<{ at: number | string }>(app, `select max(created_at) as at from ${migrationsTable(app)}`);
      await query(app, `delete from ${migrationsTable(app)} where created_at = ?`, newest!.at);
      const missing = await app.inject('/ready');
      expect(missing.statusCode).toBe(503);
      expect(missing.json().reason).toMatch(/^migrations: not applied: \d{4}_/);
      expect((await app.inject('/health')).statusCode).toBe(200);
    });

    it('/ready says 503 when the database cannot answer, and while shutting down', async () => {
      app = await createTestApp();
      app.lifecycle.shuttingDown = true;
      expect((await app.inject('/ready')).json()).toEqual({ status: 'unavailable', reason: 'shutting down' });
      app.lifecycle.shuttingDown = false;
      await query(app, `drop table ${migrationsTable(app)}`);
      const res = await app.inject('/ready');
      expect(res.statusCode).toBe(503);
      expect(res.json().reason).toMatch(/^migrations: none applied/);
    });
  });

  describe('overload', () => {
    it('answers 503 with Retry-After while over a threshold, except /health', async () => {
      // A heap limit of 1 byte: under pressure from the first sample on, deterministically.
      app = await createTestApp({
        overload: { ...testConfig().overload, maxHeapUsedBytes: 1, sampleIntervalMs: 10, retryAfterSeconds: 7 },
      });
      await new Promise((r) => setTimeout(r, 50));
      const page = await app.inject('/');
      expect(page.statusCode).toBe(503);
      expect(page.headers['retry-after']).toBe('7');
      expect(html(page.body).querySelector('#error')?.getAttribute('data-code')).toBe('OVERLOADED');
      const fragment = await app.inject({ url: '/dashboard', headers: { 'hx-request': 'true' } });
      expect(fragment.statusCode).toBe(503);
      expect(fragment.body).toMatch(/^<p id="error"/);
      const ready = await app.inject('/ready');
      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toEqual({ status: 'unavailable', reason: 'overloaded (heapUsedBytes)' });
      expect((await app.inject('/health')).statusCode).toBe(200);
    });

    it('start-up work does not count as load: no 503 right after a slow start', async () => {
      // Start-up blocks the loop (module loading, migrations, building the app); it used to be in
      // the first sample, so every restart answered 503 OVERLOADED for about a second.
      // Limits well above what a busy, shared CI machine delays a timer by, and a start-up block
      // far over them.
      const built = await buildApp(testConfig({ overload: { ...testConfig().overload, maxEventLoopDelayMs: 400, sampleIntervalMs: 50 } }));
      app = built;
      const end = Date.now() + 1_500;
      while (Date.now() < end); // a slow start
      await built.ready();
      const statuses = [(await built.inject('/')).statusCode];
      for (let i = 0; i < 4; i++) {
        await new Promise((r) => setTimeout(r, 30)); // across several samples
        statuses.push((await built.inject('/')).statusCode);
      }
      expect(statuses).toEqual([200, 200, 200, 200, 200]);
    });

    it('notices a blocked event loop and recovers when it is free again', async () => {
      // Samples every 200 ms, so a refused window is long enough to see from a busy CI machine.
      // A 2 s block lifts the mean delay over 50 ms whether the sample right after it includes the
      // block's tick or the next one does (then among ~20 ordinary 10 ms ticks: ~95 ms).
      app = await createTestApp({ overload: { ...testConfig().overload, maxEventLoopDelayMs: 50, sampleIntervalMs: 200 } });
      const server = app;
      await until(async () => (await server.inject('/health')).statusCode === 200, 'start');
      let refused = false;
      for (let round = 0; round < 3 && !refused; round++) {
        const end = Date.now() + 2_000;
        while (Date.now() < end); // block the loop
        // /ready is the cheapest page that the overload guard covers.
        const pollUntil = Date.now() + 1_000;
        while (Date.now() < pollUntil && !refused) {
          const ready = await server.inject('/ready');
          refused = ready.statusCode === 503 && ready.json().reason === 'overloaded (eventLoopDelay)';
          await new Promise((r) => setTimeout(r, 5));
        }
      }
      expect(refused).toBe(true);
      await until(async () => (await server.inject('/')).statusCode === 200, 'recovery');
    });
  });

  describe('AI work queue', () => {
    it('queues AI calls beyond AI_CONCURRENCY, shows the queue position, and past AI_QUEUE_MAX keeps the answer and waits', async () => {
      // One slot and one waiting place, for turns someone waits for; evaluations wait elsewhere.
      const gate = gatedProvider();
      app = await createTestApp({ ...noLimits, aiQueue: { concurrency: 1, maxWaiting: 1 } }, { providers: [gate.provider] });
      const server = app;
      const visitors = [new Visitor(app), new Visitor(app), new Visitor(app)];
      const ids: string[] = [];
      for (const v of visitors) {
        const id = await setUpSession(v, { cv: 'cv-alex-morgan.txt' });
        expect((await v.post(`/session/${id}/start`)).statusCode).toBe(303);
        ids.push(id);
      }
      const [a, b, c] = visitors as [Visitor, Visitor, Visitor];
      const [idA, idB, idC] = ids as [string, string, string];
      const questions = await Promise.all(visitors.map((v, i) => currentQuestion(v, ids[i]!)));

      gate.close();
      // The answers are stored and the pages answered at once: the turns go on in the background.
      const answerA = await a.post(`/session/${idA}/message`, { answer: strongAnswer(questions[0]!), question_id: questions[0]!.id }, { htmx: true });
      expect(gate.waiting()).toBe(1);
      const answerB = await b.post(`/session/${idB}/message`, { answer: strongAnswer(questions[1]!), question_id: questions[1]!.id }, { htmx: true });
      for (const res of [answerA, answerB]) {
        expect(res.statusCode).toBe(200);
        const turn = html(res.body).querySelector('#turn');
        expect(turn?.getAttribute('sse-connect')).toMatch(/^\/session\/[^/]+\/events$/);
        expect(html(res.body).querySelector('#saved-answer')?.textContent).toContain('Your answer (saved)');
      }
      // B's turn waits for the slot, ahead of A's background evaluation.
      expect(server.aiQueue.position(idB)).toBe(1);

      const queueB = await b.get(`/session/${idB}/queue`, { htmx: true });
      expect(queueB.statusCode).toBe(200);
      expect(queueB.body).toContain('You are number 1 in the queue.');
      expect(html(queueB.body).querySelector('#queue-position')?.getAttribute('hx-trigger')).toBe('load delay:1s');
      const queueA = await a.get(`/session/${idA}/queue`, { htmx: true });
      expect(html(queueA.body).querySelector('#queue-position')?.getAttribute('data-position')).toBe('0');
      expect(queueA.body).not.toContain('in the queue');
      // Someone else's interview: 404, no position leaks.
      expect((await c.get(`/session/${idA}/queue`)).statusCode).toBe(404);

      // Full: C's answer is stored, and the page waits for room instead of failing.
      const answerC = strongAnswer(questions[2]!);
      const waiting = await c.post(`/session/${idC}/message`, { answer: answerC, question_id: questions[2]!.id }, { htmx: true });
      expect(waiting.statusCode).toBe(200);
      const doc = html(waiting.body);
      expect(doc.querySelector('#error')).toBeNull();
      expect(doc.querySelector('#interview')?.getAttribute('data-phase')).toBe('preparing');
      expect(doc.querySelector('#turn-status')?.textContent).toMatch(/busy with other candidates\. Your answer is saved/);
      expect(doc.querySelector('#turn')?.getAttribute('sse-connect')).toBe(`/session/${idC}/events`);
      // Without JavaScript: Post/Redirect/Get to the same waiting page, which reloads itself.
      const plain = await c.get(`/session/${idC}/interview`);
      expect(plain.statusCode).toBe(200);
      expect(plain.body).toMatch(/<noscript><meta http-equiv="refresh" content="3"><\/noscript>/);
      const answersC = (await stored(server)
        .messages(idC))
        .filter((m) => m.kind === 'answer')
        .map(({ content, evaluation }) => ({ content, evaluation }));
      expect(answersC).toEqual([{ content: answerC, evaluation: null }]);

      gate.open();
      await until(() => server.aiQueue.stats().running === 0 && server.aiQueue.stats().waiting === 0, 'the queue to drain');
      expect((await currentQuestion(a, idA))!.number).toBe(2);
      expect((await currentQuestion(b, idB))!.number).toBe(2);
      const idle = await b.get(`/session/${idB}/queue`, { htmx: true });
      expect(html(idle.body).querySelector('#queue-position')?.hasAttribute('hx-get')).toBe(false);
      // C reloads: the cut-short step is finished and the interview goes on.
      const next = await currentQuestion(c, idC);
      expect(next).not.toBeNull();
      expect(next!.id).not.toBe(questions[2]!.id);
    });
  });

  it('puts the request id on service log lines written during a request', async () => {
    const lines: string[] = [];
    app = await createTestApp({ logLevel: 'info' }, { logStream: { write: (line) => void lines.push(line) } });
    const visitor = new Visitor(app);
    const id = await setUpSession(visitor, { cv: 'cv-alex-morgan.txt' });
    lines.length = 0;
    await visitor.post(`/session/${id}/start`);
    const logs = lines.map((l) => JSON.parse(l) as { msg: string; reqId?: string; url?: string; req?: { url: string } });
    const incoming = logs.find((l) => l.msg === 'incoming request' && l.req?.url === `/session/${id}/start`);
    const aiCall = logs.find((l) => l.msg === 'ai call');
    expect(incoming?.reqId).toBeTruthy();
    expect(aiCall?.reqId).toBe(incoming?.reqId);
  });

  it('shuts down gracefully: in-flight requests finish, WebSockets get 1001, the database closes', async () => {
    const gate = gatedProvider();
    app = await createTestApp(noLimits, { providers: [gate.provider] });
    const server = app;
    await app.listen({ host: '127.0.0.1', port: 0 });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const visitor = new Visitor(app);
    const id = await setUpSession(visitor, { cv: 'cv-alex-morgan.txt' });
    expect((await visitor.post(`/session/${id}/start`)).statusCode).toBe(303);
    await consentToRecording(visitor, id);
    const q = (await currentQuestion(visitor, id))!;
    const token = await visitor.csrfToken();

    const ws = new WebSocket(`${base.replace('http', 'ws')}/session/${id}/audio`, { headers: { cookie: visitor.cookieHeader! } });
    const wsClosed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });

    gate.close();
    const inFlight = fetch(`${base}/session/${id}/message`, {
      method: 'POST',
      headers: { cookie: visitor.cookieHeader!, 'content-type': 'application/x-www-form-urlencoded', 'x-csrf-token': token, 'hx-request': 'true' },
      body: new URLSearchParams({ answer: strongAnswer(q), question_id: q.id }),
    });
    await until(() => gate.waiting() === 1, 'the answer to be in flight');

    const closing = gracefulClose(app);
    expect(await wsClosed).toBe(1001);
    expect(app.lifecycle.shuttingDown).toBe(true);
    // No new connections once closing has begun.
    await until(async () => (await fetch(`${base}/health`).then(() => false, () => true)), 'the listener to close');
    gate.open();
    const answered = await inFlight;
    expect(answered.status).toBe(200);
    await closing;
    if (server.storage.postgres) expect(server.storage.postgres.pool.ended).toBe(true);
    else expect(server.database.sqlite.open).toBe(false);
    app = undefined;
  });
});
