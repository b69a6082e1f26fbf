/**
 * The JSON API (/api/v1), driven as an integrator would: tokens made on the account page, a
 * whole interview through the API only, the HTML flow's error cases as problem details with the
 * same codes, scopes, revocation, other tokens' interviews, cookies and CSRF, a slow model
 * (202 + Location to poll), and the OpenAPI document.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { NO_RATE_LIMITS, testConfig } from '../../src/config.js';
import { ApiClient, accountWithToken, makeToken, postTokenForm, problem } from '../support/api-client.js';
import { createTestApp, useTestApp, Visitor } from '../support/test-app.js';
import { fixture } from '../support/interview-driver.js';
import { strongAnswer } from '../support/answers.js';
import { html } from '../support/html.js';
import { hang, ok, startFakeAiServer, type FakeAiServer } from '../support/fake-ai-server.js';
import { chunks, fixturePcm } from '../support/audio.js';
import { rowCount, stored } from '../support/db-inspect.js';

const test = useTestApp({ eager: false });

const noLimits = { rateLimits: NO_RATE_LIMITS };
const JOB = fixture('job-backend-engineer.txt').toString('utf8');
const CV = fixture('cv-alex-morgan.txt').toString('utf8');

interface State {
  phase: string;
  question: { id: string; number: number; kind: string; text: string } | null;
  answeredCount: number;
  interview: { id: string; status: string };
}

/** Polls the interview (as the 202's Location says) until the interviewer is done. */
async function settled(api: ApiClient, location: string): Promise<State> {
  for (let i = 0; i < 400; i++) {
    const res = await api.get(location);
    const body = res.json() as State;
    if (body.phase !== 'preparing') {
      expect(res.statusCode).toBe(200);
      return body;
    }
    expect(res.statusCode).toBe(202);
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('the interviewer never finished');
}

/** Creates an interview with the fixture CV (as a file) and job (as text) and starts it. */
async function startedInterview(api: ApiClient): Promise<{ id: string; state: State }> {
  const created = await api.post('/api/v1/interviews', { jobTitle: 'Senior Backend Engineer', companyName: 'Northwind Health', interviewType: 'mixed' });
  expect(created.statusCode).toBe(201);
  const id = created.json().id as string;
  expect(created.headers.location).toBe(`/api/v1/interviews/${id}`);
  const cv = await api.upload(`/api/v1/interviews/${id}/cv`, [{ field: 'file', fileName: 'cv.txt', content: Buffer.from(CV) }]);
  expect(cv.statusCode).toBe(200);
  expect(cv.json().cv).toMatchObject({ format: 'txt', words: expect.any(Number) });
  const job = await api.post(`/api/v1/interviews/${id}/job`, { text: JOB });
  expect(job.statusCode).toBe(200);
  expect(job.json().jobDescriptionWords).toBeGreaterThan(100);
  const started = await api.post(`/api/v1/interviews/${id}/start`);
  expect([200, 202]).toContain(started.statusCode);
  return { id, state: await settled(api, `/api/v1/interviews/${id}`) };
}

describe('the JSON API', () => {
  test('runs a whole interview through the API only: create, CV, job, start, answers with follow-ups, finish, feedback', { timeout: 60_000 }, async ({ makeApp }) => {
    const app = await makeApp(noLimits);
    const { token } = await accountWithToken(app, 'integrator@example.com');
    const api = new ApiClient(app, token);
    const { id, state: first } = await startedInterview(api);
    expect(first).toMatchObject({ phase: 'awaiting_answer', question: { number: 1, kind: 'question' } });

    let state = first;
    let answers = 0;
    let followUps = 0;
    // Alternate strong and lazy answers, so the interviewer follows up on some.
    while (state.phase === 'awaiting_answer' && answers < 20) {
      const q = state.question!;
      const text = answers % 3 === 1 ? 'I worked on it with the team and it went fine.' : strongAnswer({ id: q.id, number: q.number, kind: q.kind, text: q.text });
      if (q.kind === 'follow_up') followUps++;
      const res = await api.post(`/api/v1/interviews/${id}/answers`, { questionId: q.id, answer: text });
      expect([200, 202]).toContain(res.statusCode);
      state = res.statusCode === 202 ? await settled(api, res.headers.location as string) : res.json();
      answers++;
    }
    expect(state.phase).toBe('ready_to_finish');
    expect(state.answeredCount).toBe(8);
    expect(followUps).toBeGreaterThan(0);

    const finished = await api.post(`/api/v1/interviews/${id}/finish`);
    expect(finished.statusCode).toBe(200);
    const feedback = finished.json();
    expect(feedback.score).toBeGreaterThanOrEqual(1);
    expect(feedback.answers).toHaveLength(8);
    expect(feedback.answers[0].evaluation.criteria).toHaveLength(5);
    expect(feedback.topFixes.length).toBeGreaterThan(0);
    expect(feedback.requirements.length).toBeGreaterThan(0);
    expect((await api.get(`/api/v1/interviews/${id}/feedback`)).json().score).toBe(feedback.score);
    // After the end, as on the pages: no more answers, and the CV is locked.
    expect(problem(await api.post(`/api/v1/interviews/${id}/answers`, { questionId: 'any', answer: 'One more thing.' }))).toMatchObject({ status: 409, code: 'INTERVIEW_FINISHED' });
    expect(problem(await api.post(`/api/v1/interviews/${id}/cv-text`, { text: CV }))).toMatchObject({ status: 409, code: 'CV_LOCKED' });

    const md = await api.get(`/api/v1/interviews/${id}/feedback.md`);
    expect(md.statusCode).toBe(200);
    expect(md.headers['content-type']).toMatch(/^text\/markdown/);
    expect(md.body).toContain('Senior Backend Engineer');

    const retried = await api.post(`/api/v1/interviews/${id}/retries/2`, { answer: 'At Brightwave I cut p99 latency from 900 ms to 210 ms by adding PostgreSQL indexes and a Redis cache, and measured it for a quarter.' });
    expect(retried.statusCode).toBe(201);
    expect(retried.json()).toMatchObject({ questionNumber: 2, attempts: 1, latest: { evaluation: { score: expect.any(Number) } } });

    const list = (await api.get('/api/v1/interviews')).json();
    expect(list.interviews.map((i: { id: string }) => i.id)).toEqual([id]);
    expect(list.interviews[0]).toMatchObject({ status: 'completed', score: feedback.score });
    const progress = (await api.get('/api/v1/progress')).json();
    expect(progress.totalCompleted).toBe(1);
    expect(progress.mastery.length).toBeGreaterThan(0);

    expect((await api.delete(`/api/v1/interviews/${id}`)).statusCode).toBe(204);
    expect(problem(await api.get(`/api/v1/interviews/${id}`)).code).toBe('SESSION_NOT_FOUND');
  });

  test("answers the HTML flow's errors as problem details with the same codes", async ({ makeApp }) => {
    const app = await makeApp(noLimits);
    const api = new ApiClient(app, (await accountWithToken(app, 'errors@example.com')).token);
    // Invalid create: the same field messages as the form.
    const bad = await api.post('/api/v1/interviews', { jobTitle: ' ', companyName: 'Acme' });
    expect(bad.statusCode).toBe(422);
    expect(problem(bad)).toMatchObject({ code: 'VALIDATION_FAILED', fields: { jobTitle: expect.any(String) } });
    // Schema violations are 400 INVALID_REQUEST.
    expect(problem(await api.post('/api/v1/interviews', { jobTitle: 'X' })).code).toBe('INVALID_REQUEST');
    expect(problem(await api.post('/api/v1/interviews', { jobTitle: 'X', companyName: 'Y', interviewType: 'chatty' })).code).toBe('INVALID_REQUEST');

    const id = (await api.post('/api/v1/interviews', { jobTitle: 'Nurse', companyName: 'St Mary' })).json().id as string;
    // Start without CV and job; a wrong file; an empty one.
    expect(problem(await api.post(`/api/v1/interviews/${id}/start`))).toMatchObject({ status: 409, code: 'NOT_READY_TO_START' });
    expect(problem(await api.upload(`/api/v1/interviews/${id}/cv`, [{ field: 'file', fileName: 'photo.png', content: fixture('photo.png') }]))).toMatchObject({
      status: 415,
      code: 'UNSUPPORTED_FILE_TYPE',
    });
    expect(problem(await api.upload(`/api/v1/interviews/${id}/cv`, [{ field: 'file', fileName: 'empty.txt', content: fixture('empty.txt') }])).status).toBe(422);
    expect(problem(await api.upload(`/api/v1/interviews/${id}/cv`, [])).code).toBe('FILE_MISSING');
    // Answer before the start; then empty, missing question, double submit; finish early.
    expect(problem(await api.post(`/api/v1/interviews/${id}/answers`, { questionId: 'x', answer: 'hello there' })).code).toBe('NOT_STARTED');
    expect((await api.post(`/api/v1/interviews/${id}/cv-text`, { text: CV })).statusCode).toBe(200);
    expect((await api.post(`/api/v1/interviews/${id}/job`, { text: JOB })).statusCode).toBe(200);
    const started = await api.post(`/api/v1/interviews/${id}/start`);
    const q = (started.statusCode === 202 ? await settled(api, started.headers.location as string) : started.json()).question;
    expect(problem(await api.post(`/api/v1/interviews/${id}/start`)).code).toBe('ALREADY_STARTED');
    expect(problem(await api.post(`/api/v1/interviews/${id}/answers`, { questionId: q.id, answer: '   ' })).code).toBe('EMPTY_ANSWER');
    expect(problem(await api.post(`/api/v1/interviews/${id}/answers`, { questionId: q.id, answer: 'word '.repeat(2000) }))).toMatchObject({ status: 422, code: 'ANSWER_TOO_LONG' });
    expect(problem(await api.post(`/api/v1/interviews/${id}/answers`, { answer: 'no id' })).code).toBe('INVALID_REQUEST');
    const text = strongAnswer({ ...q, text: q.text });
    const first = await api.post(`/api/v1/interviews/${id}/answers`, { questionId: q.id, answer: text });
    expect([200, 202]).toContain(first.statusCode);
    expect(problem(await api.post(`/api/v1/interviews/${id}/answers`, { questionId: q.id, answer: text }))).toMatchObject({ status: 409, code: 'ALREADY_ANSWERED' });
    expect(problem(await api.post(`/api/v1/interviews/${id}/finish`))).toMatchObject({ status: 409, code: 'NOT_ALL_ANSWERED' });
    expect(problem(await api.get(`/api/v1/interviews/${id}/feedback`)).code).toBe('FEEDBACK_NOT_READY');
    expect(problem(await api.get(`/api/v1/interviews/${id}/retries/9`)).code).toBe('INVALID_REQUEST');
    expect(problem(await api.get('/api/v1/nothing-here')).code).toBe('NOT_FOUND');
  });

  test('needs a token; read tokens may only look; revoked tokens stop working; another token sees 404', async ({ makeApp }) => {
    const app = await makeApp(noLimits);
    const { browser, token } = await accountWithToken(app, 'owner@example.com');
    const owner = new ApiClient(app, token);
    const id = (await owner.post('/api/v1/interviews', { jobTitle: 'Analyst', companyName: 'Acme' })).json().id as string;

    // No token, a made-up one, a cookie only: 401 with a Bearer challenge.
    const anonymous = await new ApiClient(app, null).get('/api/v1/interviews');
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers['www-authenticate']).toMatch(/^Bearer/);
    expect(problem(anonymous).code).toBe('API_UNAUTHORIZED');
    expect((await new ApiClient(app, 'rht.nope.nope').get('/api/v1/me')).statusCode).toBe(401);
    expect((await new ApiClient(app, `${token.slice(0, -2)}xx`).get('/api/v1/me')).statusCode).toBe(401);
    const byCookie = await app.inject({ method: 'GET', url: '/api/v1/interviews', headers: { cookie: browser.cookieHeader! } });
    expect(byCookie.statusCode).toBe(401);

    // A read-only token of the same account.
    const reader = new ApiClient(app, await makeToken(browser, 'dashboard', ['read']));
    expect((await reader.get(`/api/v1/interviews/${id}`)).statusCode).toBe(200);
    expect(problem(await reader.post('/api/v1/interviews', { jobTitle: 'A', companyName: 'B' }))).toMatchObject({ status: 403, code: 'API_SCOPE_MISSING' });
    expect((await reader.get('/api/v1/me')).json()).toMatchObject({ email: 'owner@example.com', token: { scopes: ['read'] } });

    // Another account's token: the interview does not exist for it.
    const stranger = new ApiClient(app, (await accountWithToken(app, 'stranger@example.com')).token);
    for (const res of [
      await stranger.get(`/api/v1/interviews/${id}`),
      await stranger.post(`/api/v1/interviews/${id}/job`, { text: 'hijack' }),
      await stranger.delete(`/api/v1/interviews/${id}`),
    ]) {
      expect(res.statusCode).toBe(404);
      expect(problem(res).code).toBe('SESSION_NOT_FOUND');
    }

    // The account page lists the tokens (never their secrets) and revokes one.
    const page = html((await browser.get('/account')).body);
    const items = page.querySelectorAll('#token-list li');
    expect(items).toHaveLength(2);
    expect(page.querySelector('#new-token-value')).toBeNull(); // shown once only
    expect(page.toString()).not.toContain(token.split('.')[2]!);
    const readerItem = items.find((li) => li.textContent.includes('dashboard'))!;
    const revokeUrl = readerItem.querySelector('form')!.getAttribute('action')!;
    expect((await browser.post(revokeUrl)).statusCode).toBe(303);
    expect((await reader.get('/api/v1/me')).statusCode).toBe(401);
    expect((await owner.get('/api/v1/me')).statusCode).toBe(200);
  });

  test('refuses a token form without a name or a scope, keeping what was typed; guests have no tokens', async ({ makeApp }) => {
    const app = await makeApp(noLimits);
    const { browser } = await accountWithToken(app, 'forms@example.com');
    const res = await postTokenForm(browser, '', []);
    expect(res.statusCode).toBe(422);
    const doc = html(res.body);
    expect(doc.querySelector('#name-error')).not.toBeNull();
    expect(doc.querySelector('#scopes-error')).not.toBeNull();
    const guest = new Visitor(app);
    expect((await postTokenForm(guest, 'mine', ['read'])).statusCode).toBe(404);
    expect(html((await guest.get('/account')).body).querySelector('#token-form')).toBeNull();
  });

  test('holds at most 20 tokens per account, however many forms are sent at once', async ({ makeApp }) => {
    const app = await makeApp(noLimits);
    const { browser } = await accountWithToken(app, 'many@example.com');
    // The account holds one token; 25 forms sent together may add only 19 more.
    const sent = await Promise.all(Array.from({ length: 25 }, (_, i) => postTokenForm(browser, `token ${i}`, ['read'])));
    const codes = sent.map((res) => res.statusCode);
    expect(codes.filter((code) => code === 303)).toHaveLength(19);
    expect(codes.filter((code) => code === 409)).toHaveLength(6);
    expect(await rowCount(app, 'api_tokens')).toBe(20);
  });

  test('takes no CSRF token and no cookie: a token request from a page with a session is still only the token’s', async ({ makeApp }) => {
    const app = await makeApp(noLimits);
    const { browser, token } = await accountWithToken(app, 'csrf@example.com');
    // A POST with a bearer token and no CSRF token works…
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/interviews',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', cookie: browser.cookieHeader! },
      payload: JSON.stringify({ jobTitle: 'Engineer', companyName: 'Acme' }),
    });
    expect(created.statusCode).toBe(201);
    // …and sets no cookie.
    expect(created.headers['set-cookie']).toBeUndefined();
  });

  test('counts requests per token: past RATE_LIMIT_API a token gets 429 with Retry-After, another token does not', async ({ makeApp }) => {
    const app = await makeApp({ rateLimits: { ...NO_RATE_LIMITS, apiPerMinute: 3 } });
    const one = new ApiClient(app, (await accountWithToken(app, 'one@example.com')).token);
    const two = new ApiClient(app, (await accountWithToken(app, 'two@example.com')).token);
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await one.get('/api/v1/me')).statusCode);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await one.get('/api/v1/me');
    expect(problem(limited).code).toBe('RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await two.get('/api/v1/me')).statusCode).toBe(200);
  });

  test('streams a spoken answer over the audio socket with a token after consent, and withdrawing consent deletes its delivery metrics', { timeout: 30_000 }, async ({ makeApp }) => {
    const app = await makeApp(noLimits);
    const { browser, token } = await accountWithToken(app, 'voice@example.com');
    const api = new ApiClient(app, token);
    const { id, state } = await startedInterview(api);
    const open = (auth: string | null, onInit: (ws: import('ws').WebSocket) => void = () => {}) =>
      app.injectWS(`/session/${id}/audio`, { headers: auth ? { authorization: `Bearer ${auth}` } : {} }, { onInit });
    // A read-only token, someone else's, a made-up one: refused before the upgrade.
    await expect(open(await makeToken(browser, 'reader', ['read']))).rejects.toThrow(/403/);
    await expect(open((await accountWithToken(app, 'other-voice@example.com')).token)).rejects.toThrow(/404/);
    await expect(open('rht.x.y')).rejects.toThrow(/401/);
    // No consent yet: refused, and the interview says so.
    await expect(open(token)).rejects.toThrow(/403/);
    expect((await api.get(`/api/v1/interviews/${id}`)).json().interview.voiceConsent).toMatchObject({ given: false, at: null });
    const consent = await api.put(`/api/v1/interviews/${id}/voice-consent`, { rawAudio: true });
    expect(consent.statusCode).toBe(200);
    // Raw audio is not kept here (the operator does not keep it), whatever the candidate ticks.
    expect(consent.json()).toMatchObject({ given: true, rawAudio: false, withdrawnAt: null });
    expect(Date.parse(consent.json().at)).not.toBeNaN();
    expect(problem(await api.put(`/api/v1/interviews/${id}/voice-consent`, { rawAudio: 'yes' })).code).toBe('INVALID_REQUEST');

    const messages: Array<{ type: string; recordingId?: string }> = [];
    let finalSeen: (m: { recordingId: string }) => void = () => {};
    const final = new Promise<{ recordingId: string }>((resolve) => (finalSeen = resolve));
    const ws = await open(token, (socket) =>
      socket.on('message', (data, binary) => {
        if (binary) return;
        const message = JSON.parse(data.toString()) as { type: string; recordingId: string };
        messages.push(message);
        if (message.type === 'final') finalSeen(message);
      }),
    );
    ws.send(JSON.stringify({ type: 'start' }));
    for (const c of chunks(fixturePcm('speech-normal.wav'))) ws.send(c, { binary: true });
    ws.send(JSON.stringify({ type: 'stop' }));
    const { recordingId } = await final;
    ws.close();
    const q = state.question!;
    const answered = await api.post(`/api/v1/interviews/${id}/answers`, { questionId: q.id, answer: 'At Brightwave I led the move to Kubernetes and cut deploys from an hour to six minutes.', recordingId });
    expect([200, 202]).toContain(answered.statusCode);
    const answer = (await stored(app).messages(id)).find((m) => m.kind === 'answer')!;
    expect(answer.speechMetrics).toMatchObject({ version: 1, endedBy: 'stop' });

    const withdrawn = await api.delete(`/api/v1/interviews/${id}/voice-consent`);
    expect(withdrawn.statusCode).toBe(200);
    expect(withdrawn.json()).toMatchObject({ answers: 1 });
    expect((await stored(app).messages(id)).find((m) => m.kind === 'answer')!.speechMetrics).toBeNull();
    expect((await api.get(`/api/v1/interviews/${id}`)).json().interview.voiceConsent).toMatchObject({ given: false });
    await expect(open(token)).rejects.toThrow(/403/);
  });

  test('publishes an OpenAPI 3.1 document of every API route, and its reference page', async ({ makeApp }) => {
    const app = await makeApp(noLimits);
    const doc = (await app.inject('/api/v1/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/interviews', '/api/v1/interviews/{id}/answers', '/api/v1/interviews/{id}/feedback', '/api/v1/me']),
    );
    // Only the API: no page is in it.
    expect(Object.keys(doc.paths).every((p) => p.startsWith('/api/v1/'))).toBe(true);
    expect(doc.components.schemas).toHaveProperty('InterviewState');
    expect(doc.components.schemas).toHaveProperty('Problem');
    const page = await app.inject('/api/v1/docs/');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
  });
});

describe('the JSON API with a slow model', () => {
  let fake: FakeAiServer;
  let app: FastifyInstance;
  beforeAll(async () => {
    fake = await startFakeAiServer();
  });
  afterAll(async () => {
    await fake.close();
  });
  afterEach(async () => {
    await app?.close();
    fake.reset();
  });

  it('answers 202 with Location and Retry-After while the model works, never holding the client; the events stream ends with the state', { timeout: 60_000 }, async () => {
    const base = testConfig();
    app = await createTestApp({
      ...noLimits,
      aiProviders: ['openai', 'offline'],
      openai: { ...base.openai, apiKey: 'k', baseUrl: fake.openaiBaseUrl, model: 'fake-model' },
    });
    const api = new ApiClient(app, (await accountWithToken(app, 'slow@example.com')).token);
    fake.setLatency('openai', { totalMs: 800 });
    const { id, state } = await startedInterview(api);
    const q = state.question!;
    const answered = await api.post(`/api/v1/interviews/${id}/answers`, { questionId: q.id, answer: strongAnswer({ ...q, text: q.text }) });
    expect(answered.statusCode).toBe(202);
    expect(answered.headers.location).toBe(`/api/v1/interviews/${id}`);
    expect(Number(answered.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(answered.json()).toMatchObject({ phase: 'preparing', question: null });
    const events = await api.get(`/api/v1/interviews/${id}/events`);
    expect(events.headers['content-type']).toMatch(/^text\/event-stream/);
    const done = /event: done\ndata: (.*)\n/.exec(events.body)!;
    expect(JSON.parse(done[1]!)).toMatchObject({ phase: 'awaiting_answer', question: { number: 2 } });
    expect(events.body).toMatch(/event: question\ndata: \{"text":"Question 2/);

    // A model that hangs: the poll still answers at once (202), and the offline interviewer takes over.
    fake.setDefault('openai', (request) => (request.intent === 'nextTurn' ? hang() : ok()));
    const next = await settled(api, `/api/v1/interviews/${id}`);
    const res = await api.post(`/api/v1/interviews/${id}/answers`, { questionId: next.question!.id, answer: strongAnswer({ ...next.question!, text: next.question!.text }) });
    expect(res.statusCode).toBe(202);
    const after = await settled(api, `/api/v1/interviews/${id}`);
    expect(after).toMatchObject({ phase: 'awaiting_answer', tookOver: true });
  });
});
