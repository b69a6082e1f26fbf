/**
 * The interview with a real model's timing, in a real browser: the app talks to the fake AI
 * server (OpenAI-compatible protocol, streamed) made as slow as a hosted model (1.5 s a call),
 * or hanging until the timeout, or failing mid-interview, or with the AI queue full. Whatever
 * the model does, the interview section never goes blank, each next question appears in the
 * page without a reload (and shows as it is written), the page says what is happening, and a
 * failure leaves the answer in place with a clear message.
 */
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { testConfig, type AppConfig, NO_RATE_LIMITS } from '../../src/config.js';
import { createOpenAiCompatibleProvider } from '../../src/ai/providers/openai-compatible.js';
import type { AiProvider } from '../../src/ai/types.js';
import { collectConsoleErrors, launchChromium, listenLocally, screenshot } from '../support/browser.js';
import { hang, ok, startFakeAiServer, status, type FakeAiServer } from '../support/fake-ai-server.js';
import { FIXTURES, fixture, setUpSession, whenPrepared } from '../support/interview-driver.js';
import { Visitor } from '../support/test-app.js';
import { strongAnswer } from '../support/answers.js';

const MODEL_MS = 1500;

let fake: FakeAiServer;
let browser: Browser;
let app: FastifyInstance | undefined;
let context: BrowserContext | undefined;

beforeAll(async () => {
  fake = await startFakeAiServer();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await fake?.close();
});
afterEach(async () => {
  await context?.close();
  await app?.close();
  context = undefined;
  app = undefined;
  fake.reset();
});

/** The app with an OpenAI-compatible model (the fake), then the offline interviewer. */
function modelConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  const base = testConfig();
  return testConfig({
    aiProviders: ['openai', 'offline'],
    openai: { ...base.openai, apiKey: 'sk-test', baseUrl: fake.openaiBaseUrl, model: 'fake-model' },
    rateLimits: NO_RATE_LIMITS,
    ...overrides,
  });
}

async function start(config: AppConfig, providers?: AiProvider[]): Promise<string> {
  app = await buildApp(config, providers ? { providers } : {});
  return listenLocally(app);
}

interface Watch {
  /** Times the interview section was missing or empty on the interview page. */
  blank: number;
  /** Longest text the question draft showed while the question was being written. */
  draftMax: number;
  statuses: string[];
}

/** A page that records what a candidate would see: blank moments, the streamed draft, the status lines. */
async function watchedPage(viewport = { width: 1280, height: 900 }): Promise<Page> {
  context = await browser.newContext({ viewport });
  await context.addInitScript(() => {
    const seen: Watch = { blank: 0, draftMax: 0, statuses: [] };
    (window as unknown as { __seen: Watch }).__seen = seen;
    new MutationObserver(() => {
      if (!/\/interview$/.test(location.pathname) || document.readyState === 'loading') return;
      const section = document.getElementById('interview');
      if (!section || section.textContent!.trim() === '') seen.blank++;
      const draft = document.getElementById('question-draft');
      if (draft) seen.draftMax = Math.max(seen.draftMax, draft.textContent!.trim().length);
      const line = document.getElementById('turn-status')?.textContent?.trim();
      if (line && seen.statuses.at(-1) !== line) seen.statuses.push(line);
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  return context.newPage();
}

const seen = (page: Page) => page.evaluate(() => (window as unknown as { __seen: Watch }).__seen);

/** Creates an interview in the browser (TXT CV, pasted job) and presses Start. */
async function startInterview(page: Page, base: string) {
  await page.goto(`${base}/`);
  await page.fill('#job_title', 'Senior Backend Engineer');
  await page.fill('#company_name', 'Northwind Health');
  await page.click('button[type=submit]');
  await page.waitForURL(/\/upload$/);
  await page.setInputFiles('#cv_file', path.join(FIXTURES, 'cv-alex-morgan.txt'));
  await page.click('#cv-section button[type=submit]');
  await page.locator('#cv-preview').waitFor();
  await page.fill('#job_description', fixture('job-backend-engineer.txt').toString('utf8'));
  await page.click('#job-section button[type=submit]');
  await page.locator('#start-button').waitFor();
  await page.click('#start-button');
  await page.waitForURL(/\/interview$/);
}

interface Shown {
  id: string;
  number: number;
  kind: string;
  text: string;
}

/** Waits for a question other than `previousId` and returns it. */
async function nextQuestion(page: Page, previousId: string | null, timeout = 20_000): Promise<Shown> {
  await page.waitForFunction(
    (prev) => {
      const id = document.querySelector('#answer-form input[name=question_id]')?.getAttribute('value');
      return Boolean(id && id !== prev && document.getElementById('question'));
    },
    previousId,
    { timeout },
  );
  const q = page.locator('#question');
  return {
    id: (await page.locator('#answer-form input[name=question_id]').getAttribute('value'))!,
    number: Number(await q.getAttribute('data-question-number')),
    kind: (await q.getAttribute('data-kind'))!,
    text: (await q.textContent())!.trim(),
  };
}

/** Types an answer and sends it with the button. */
async function answer(page: Page, q: Shown, text = strongAnswer({ ...q, text: q.text })) {
  await page.fill('#answer', text);
  await page.click('#answer-form button[type=submit]');
  return text;
}

/** A marker that survives only as long as the document does: a reload or navigation clears it. */
const markDocument = (page: Page) => page.evaluate(() => ((window as unknown as { __doc: number }).__doc = Math.random()));
const documentMark = (page: Page) => page.evaluate(() => (window as unknown as { __doc?: number }).__doc ?? null);

describe('an interview with a real model', () => {
  it('with a 1.5 s model: each question streams into the page without a reload, and the section is never blank', { timeout: 180_000 }, async () => {
    fake.setLatency('openai', { totalMs: MODEL_MS });
    const base = await start(modelConfig());
    const page = await watchedPage({ width: 390, height: 844 });
    const errors = collectConsoleErrors(page);
    await startInterview(page, base);
    // The first question is written by the model while the page shows what is happening.
    let q = await nextQuestion(page, null);
    expect(q.number).toBe(1);
    expect((await seen(page)).statuses[0]).toMatch(/preparing your first question/);
    expect(await page.locator('#question').getAttribute('data-provider')).toBe('openai');

    const mark = await markDocument(page);
    let answered = 0;
    for (let guard = 0; guard < 12; guard++) {
      await page.evaluate(() => ((window as unknown as { __seen: Watch }).__seen.draftMax = 0));
      await answer(page, q);
      answered++;
      if (q.number === 8) break;
      // While the model writes: the saved answer and a status line are on screen.
      await page.locator('#turn-status').waitFor();
      expect(await page.locator('#saved-answer').textContent()).toContain('Your answer (saved)');
      if (answered === 2) await screenshot(page, 'real-model-01-streaming-phone');
      const next = await nextQuestion(page, q.id);
      // The question was shown as it was written, before it was complete.
      const after = await seen(page);
      expect(after.draftMax, `question ${next.number} streamed`).toBeGreaterThan(0);
      expect(next.text).toMatch(/from the fake openai model/);
      q = next;
    }
    expect(answered).toBe(8);
    // Never blank, never reloaded: the same document all along.
    expect((await seen(page)).blank).toBe(0);
    expect(await documentMark(page)).toBe(mark);
    expect((await seen(page)).statuses).toContain('The interviewer is reading your answer…');

    await page.locator('#finish-button').waitFor();
    await page.click('#finish-button');
    await page.waitForURL(/\/feedback$/, { timeout: 30_000 });
    expect(Number(await page.locator('#score').getAttribute('data-score'))).toBeGreaterThanOrEqual(1);
    expect(errors).toEqual([]);
  });

  it('without JavaScript, with a 1.5 s model: Post/Redirect/Get, and the waiting page reloads itself until the question is there', { timeout: 90_000 }, async () => {
    fake.setLatency('openai', { totalMs: MODEL_MS });
    const base = await start(modelConfig());
    context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await startInterview(page, base);
    // The first question may still be on its way: the page refreshes itself.
    await page.locator('#question').waitFor({ timeout: 20_000 });
    const q1 = await page.locator('#question').getAttribute('data-question-number');
    expect(q1).toBe('1');
    const id = (await page.locator('input[name=question_id]').getAttribute('value'))!;
    await page.fill('#answer', 'At Brightwave I moved the billing jobs to a queue and cut failed runs from 40 a week to 3, which I measured for a quarter.');
    await page.click('#answer-form button[type=submit]');
    await page.waitForURL(/\/interview$/);
    // The model takes 1.5 s, the request waits 0.3 s: the page says the interviewer is working.
    expect(await page.locator('#question').count()).toBe(0);
    expect(await page.locator('#turn-status').textContent()).toMatch(/reading your answer/);
    expect(await page.locator('#turn a.button').textContent()).toBe('Continue');
    await page.waitForFunction((prev) => document.querySelector('input[name=question_id]')?.getAttribute('value') !== prev && !!document.getElementById('question'), id, { timeout: 20_000 });
    expect(await page.locator('#question').getAttribute('data-question-number')).toBe('2');
  });

  it('with a model that hangs until the timeout: the built-in interviewer takes over and the page says so', { timeout: 90_000 }, async () => {
    fake.setDefault('openai', (request) => (request.intent === 'nextTurn' ? hang() : ok()));
    const base = await start(modelConfig());
    const page = await watchedPage();
    await startInterview(page, base);
    const q1 = await nextQuestion(page, null);
    const mark = await markDocument(page);
    await answer(page, q1);
    await page.locator('#turn-status').waitFor();
    const q2 = await nextQuestion(page, q1.id);
    expect(q2.number).toBe(2);
    expect(await page.locator('#question').getAttribute('data-provider')).toBe('offline');
    await expect.poll(() => page.locator('#provider-notice').textContent()).toMatch(/did not answer in time, so Rehearse’s built-in interviewer asked this question/);
    expect((await seen(page)).statuses.some((s) => /did not answer in time|built-in interviewer/.test(s))).toBe(true);
    expect((await seen(page)).blank).toBe(0);
    expect(await documentMark(page)).toBe(mark);
    await screenshot(page, 'real-model-02-took-over');
  });

  it('with a model that fails mid-interview: the next question still comes, from the built-in interviewer, and nothing typed is lost', { timeout: 90_000 }, async () => {
    fake.setLatency('openai', { totalMs: 300 });
    const base = await start(modelConfig());
    const page = await watchedPage();
    await startInterview(page, base);
    const q1 = await nextQuestion(page, null);
    await answer(page, q1);
    const q2 = await nextQuestion(page, q1.id);
    expect(await page.locator('#question').getAttribute('data-provider')).toBe('openai');
    // The model goes down.
    fake.setDefault('openai', status(503));
    const typed = await answer(page, q2);
    const q3 = await nextQuestion(page, q2.id);
    expect(q3.number).toBeGreaterThanOrEqual(2);
    expect(await page.locator('#question').getAttribute('data-provider')).toBe('offline');
    await expect.poll(() => page.locator('#provider-notice').isVisible()).toBe(true);
    await page.click('.transcript summary');
    expect(await page.locator('.transcript').textContent()).toContain(typed.slice(0, 80));
    expect((await seen(page)).blank).toBe(0);
  });

  it('with the AI queue full: the page says it waits for room, and the question comes without a reload', { timeout: 90_000 }, async () => {
    fake.setLatency('openai', { totalMs: MODEL_MS });
    const base = await start(modelConfig({ aiQueue: { concurrency: 1, maxWaiting: 0 } }));
    const page = await watchedPage();
    await startInterview(page, base);
    const q1 = await nextQuestion(page, null);

    // Someone else's answer holds the only slot for the next 1.5 s.
    const other = new Visitor(app!);
    const otherId = await setUpSession(other, { cv: 'cv-alex-morgan.txt' });
    expect((await other.post(`/session/${otherId}/start`)).statusCode).toBe(303);
    const otherPage = await whenPrepared(() => other.get(`/session/${otherId}/interview`));
    const otherQuestion = /name="question_id" value="([^"]+)"/.exec(otherPage.body)![1]!;
    await other.post(`/session/${otherId}/message`, { answer: 'At Brightwave I led the move to Kubernetes and cut deploy time by half.', question_id: otherQuestion }, { htmx: true });

    const mark = await markDocument(page);
    await answer(page, q1);
    await expect.poll(async () => (await seen(page)).statuses.join('\n'), { timeout: 10_000 }).toMatch(/busy with other candidates/);
    await screenshot(page, 'real-model-03-queue-full');
    const q2 = await nextQuestion(page, q1.id, 30_000);
    expect(q2.number).toBe(2);
    expect(await documentMark(page)).toBe(mark);
    expect((await seen(page)).blank).toBe(0);
  });

  it('when no interviewer can answer: the answer stays on the page with a clear message, and "Try again" carries on', { timeout: 90_000 }, async () => {
    // Only the model, no offline interviewer behind it: its failure reaches the candidate.
    const config = modelConfig();
    const onlyModel = createOpenAiCompatibleProvider({ apiKey: 'sk-test', baseUrl: fake.openaiBaseUrl, model: 'fake-model' });
    const base = await start(config, [onlyModel]);
    const page = await watchedPage();
    await startInterview(page, base);
    const q1 = await nextQuestion(page, null);
    fake.setDefault('openai', (request) => (request.intent === 'nextTurn' ? status(500) : ok()));
    const typed = await answer(page, q1);
    await page.locator('#error').waitFor();
    expect(await page.locator('#error').textContent()).toMatch(/Your answer is saved/);
    expect(await page.locator('#saved-answer').textContent()).toContain(typed.slice(0, 80));
    expect((await seen(page)).blank).toBe(0);
    await screenshot(page, 'real-model-04-failed');

    fake.setDefault('openai', ok());
    await page.click('#try-again');
    const q2 = await nextQuestion(page, q1.id);
    expect(q2.number).toBe(2);
  });
});
