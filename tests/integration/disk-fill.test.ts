/**
 * Issue 17, finding 5 — disk fill: POST /session/create had no rate limit (2,861 interviews in
 * 30 s from one client, each with up to 50,000 characters of job description), and retries with
 * new text were unbounded. Now: a create limit per visitor and per address (new cookies don't
 * help), a per-visitor quota of stored interviews with a message that keeps the form as typed,
 * a retry limit, and a cap on retries stored per question.
 */
import { describe, expect } from 'vitest';
import { testConfig, NO_RATE_LIMITS } from '../../src/config.js';
import { RETRIES_PER_QUESTION } from '../../src/services/retry-service.js';
import { csrfTokenIn, sessionIdFrom, useTestApp, Visitor } from '../support/test-app.js';
import { html, textOf } from '../support/html.js';
import { answerAll, setUpSession } from '../support/interview-driver.js';
import { strongAnswer } from '../support/answers.js';
import { rowCount } from '../support/db-inspect.js';

const test = useTestApp({ eager: false });

const noLimits = NO_RATE_LIMITS;
const LONG_JOB = 'We are hiring a pastry chef to lead our laminated dough section. '.repeat(700).trim(); // ~45,000 characters

const form = (n: number) => ({ job_title: `Pastry Chef ${n}`, company_name: 'Maison Fournier', job_description: LONG_JOB, interview_type: 'technical' });

/** The create form as the page shows it after a refusal. */
function formValues(body: string) {
  const doc = html(body);
  return {
    job_title: doc.querySelector('#job_title')?.getAttribute('value'),
    company_name: doc.querySelector('#company_name')?.getAttribute('value'),
    job_description: doc.querySelector('#job_description')?.textContent,
    interview_type: doc.querySelector('input[name=interview_type][checked]')?.getAttribute('value'),
  };
}

describe('disk fill', () => {
  test('a create flood from one client is limited per visitor, and per address when it drops its cookie', async ({ makeApp }) => {
    const app = await makeApp({ rateLimits: { ...testConfig().rateLimits, createPerHour: 3 } });
    const flooder = new Visitor(app);
    for (let i = 0; i < 3; i++) expect((await flooder.post('/session/create', form(i))).statusCode).toBe(303);

    const refused = await flooder.post('/session/create', form(3));
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(60);
    expect(html(refused.body).querySelector('#error')?.getAttribute('data-code')).toBe('RATE_LIMITED');
    expect(textOf(refused.body, '#error')).toMatch(/Too many attempts.*minutes/);
    // The form comes back as it was typed.
    expect(formValues(refused.body)).toEqual({ ...form(3), job_description: LONG_JOB });

    // New cookie for every request: the address's budget (five visitors' worth) still runs out.
    let created = 3;
    for (let i = 0; i < 40; i++) {
      const res = await new Visitor(app).post('/session/create', form(10 + i));
      if (res.statusCode !== 303) {
        expect(res.statusCode).toBe(429);
        break;
      }
      created++;
    }
    expect(created).toBe(15);
    expect(await rowCount(app, 'interview_sessions')).toBe(15);
    // A client at another address is not affected.
    const remoteAddress = '198.51.100.7';
    const page = await app.inject({ method: 'GET', url: '/', remoteAddress });
    const cookie = String(page.headers['set-cookie']).split(';')[0]!;
    const token = csrfTokenIn(page.body)!;
    const elsewhere = await app.inject({
      method: 'POST',
      url: '/session/create',
      remoteAddress,
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: token, ...form(99) }).toString(),
    });
    expect(elsewhere.statusCode).toBe(303);
  });

  test('a visitor at the quota gets a clear message, the form keeps what was typed, and deleting one makes room', async ({ makeApp }) => {
    const app = await makeApp({ rateLimits: noLimits, maxInterviewsPerVisitor: 2 });
    const visitor = new Visitor(app);
    const first = sessionIdFrom((await visitor.post('/session/create', form(1))).headers.location);
    expect((await visitor.post('/session/create', form(2))).statusCode).toBe(303);

    const full = await visitor.post('/session/create', form(3));
    expect(full.statusCode).toBe(409);
    const error = html(full.body).querySelector('#error');
    expect(error?.getAttribute('data-code')).toBe('INTERVIEW_QUOTA');
    expect(error?.textContent).toMatch(/already keep 2 interviews here, the most one person can\. Delete ones you no longer need/);
    expect(formValues(full.body)).toEqual({ ...form(3), job_description: LONG_JOB });
    expect(await rowCount(app, 'interview_sessions')).toBe(2);

    // Someone else is not affected by this visitor's quota.
    expect((await new Visitor(app).post('/session/create', form(4))).statusCode).toBe(303);

    expect((await visitor.post(`/session/${first}/delete`, { confirm: 'yes' })).statusCode).toBe(303);
    expect((await visitor.post('/session/create', form(3))).statusCode).toBe(303);
  });

  test('parallel creates at the quota do not overshoot it', async ({ makeApp }) => {
    const app = await makeApp({ rateLimits: noLimits, maxInterviewsPerVisitor: 3 });
    const visitor = new Visitor(app);
    await visitor.csrfToken();
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => visitor.post('/session/create', form(i))));
    expect(results.filter((r) => r.statusCode === 303)).toHaveLength(3);
    expect(results.filter((r) => r.statusCode === 409)).toHaveLength(7);
    expect(await rowCount(app, 'interview_sessions')).toBe(3);
  });

  describe('retries', () => {
    async function finishedInterview(visitor: Visitor) {
      const id = await setUpSession(visitor, { cv: 'cv-alex-morgan.txt' });
      expect((await visitor.post(`/session/${id}/start`)).statusCode).toBe(303);
      await answerAll(visitor, id, strongAnswer);
      expect((await visitor.post(`/session/${id}/complete`)).statusCode).toBe(303);
      return id;
    }
    const retryText = (i: number) => `Attempt ${i}: I cut p99 latency from 900 ms to ${200 + i} ms with composite indexes and a Redis cache.`;

    test('are rate limited, and a refused retry keeps its text', async ({ makeApp }) => {
      const app = await makeApp({ rateLimits: { ...noLimits, retryPerMinute: 2 } });
      const visitor = new Visitor(app);
      const id = await finishedInterview(visitor);
      for (let i = 0; i < 2; i++) expect((await visitor.post(`/session/${id}/retry/1`, { answer: retryText(i) })).statusCode).toBe(303);
      const refused = await visitor.post(`/session/${id}/retry/1`, { answer: retryText(2) });
      expect(refused.statusCode).toBe(429);
      expect(refused.headers['retry-after']).toBeDefined();
      expect(html(refused.body).querySelector('#error')?.getAttribute('data-code')).toBe('RATE_LIMITED');
      expect(html(refused.body).querySelector('#retry-answer')?.textContent).toBe(retryText(2));
      expect(await rowCount(app, 'question_retries')).toBe(2);
    });

    test(`are capped at ${RETRIES_PER_QUESTION} stored per question, with a message`, async ({ makeApp }) => {
      const app = await makeApp({ rateLimits: noLimits });
      const visitor = new Visitor(app);
      const id = await finishedInterview(visitor);
      for (let i = 0; i < RETRIES_PER_QUESTION; i++) {
        expect((await visitor.post(`/session/${id}/retry/2`, { answer: retryText(i) })).statusCode).toBe(303);
      }
      const refused = await visitor.post(`/session/${id}/retry/2`, { answer: retryText(99) });
      expect(refused.statusCode).toBe(409);
      expect(html(refused.body).querySelector('#error')?.getAttribute('data-code')).toBe('RETRY_LIMIT');
      expect(html(refused.body).querySelector('#retry-answer')?.textContent).toBe(retryText(99));
      expect(await rowCount(app, 'question_retries')).toBe(RETRIES_PER_QUESTION);
      // Other questions can still be retried.
      expect((await visitor.post(`/session/${id}/retry/3`, { answer: retryText(0) })).statusCode).toBe(303);
    });
  });

  test('the focused practice interview counts toward the quota too', async ({ makeApp }) => {
    const app = await makeApp({ rateLimits: noLimits, maxInterviewsPerVisitor: 1 });
    const visitor = new Visitor(app);
    const id = await setUpSession(visitor, { cv: 'cv-alex-morgan.txt' });
    expect((await visitor.post(`/session/${id}/start`)).statusCode).toBe(303);
    await answerAll(visitor, id, strongAnswer);
    expect((await visitor.post(`/session/${id}/complete`)).statusCode).toBe(303);
    const res = await visitor.post('/progress/focused-interview');
    expect(res.statusCode).toBe(409);
    expect(html(res.body).querySelector('#error')?.getAttribute('data-code')).toBe('INTERVIEW_QUOTA');
    expect(await rowCount(app, 'interview_sessions')).toBe(1);
  });
});
