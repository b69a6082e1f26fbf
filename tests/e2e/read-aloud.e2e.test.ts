/**
 * "Read questions aloud" in a real browser, with speechSynthesis stubbed in the page (the
 * headless browser has no voices of its own): hidden without voices; once turned on, each new
 * question and follow-up is spoken when it appears — after a plain swap and after the event
 * stream's `done` swap when the model is slow — with the chosen voice and speed, remembered
 * across pages; Replay speaks it again; starting a recording stops the speech; everything works
 * from the keyboard.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import path from 'node:path';
import { buildApp } from '../../src/app.js';
import { NO_RATE_LIMITS, testConfig } from '../../src/config.js';
import { collectConsoleErrors, launchChromium, listenLocally, screenshot, shownQuestion } from '../support/browser.js';
import { FIXTURES, fixture } from '../support/interview-driver.js';
import { strongAnswer } from '../support/answers.js';
import { startFakeAiServer, type FakeAiServer } from '../support/fake-ai-server.js';

interface Spoken {
  text: string;
  rate: number;
  voice: string | null;
}

/** A stand-in for the Web Speech API: records what would have been said, and every cancel. */
function stubSpeech(withVoices: boolean) {
  const log = { spoken: [] as Spoken[], cancels: 0 };
  (window as unknown as { __speech: typeof log }).__speech = log;
  const voices = withVoices
    ? [
        { name: 'Test English', voiceURI: 'test-en', lang: 'en-GB', default: true, localService: true },
        { name: 'Test Second', voiceURI: 'test-2', lang: 'en-US', default: false, localService: true },
      ]
    : [];
  const listeners: Array<() => void> = [];
  class Utterance {
    text: string;
    rate = 1;
    voice: { voiceURI: string } | null = null;
    lang = '';
    onerror: ((e: unknown) => void) | null = null;
    constructor(text: string) {
      this.text = text;
    }
  }
  const synth = {
    speaking: false,
    getVoices: () => voices,
    speak: (u: Utterance) => log.spoken.push({ text: u.text, rate: u.rate, voice: u.voice ? u.voice.voiceURI : null }),
    cancel: () => void log.cancels++,
    addEventListener: (_type: string, fn: () => void) => listeners.push(fn),
    removeEventListener: () => undefined,
  };
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
  Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true });
}

describe('reading questions aloud', () => {
  let app: FastifyInstance;
  let browser: Browser;
  let base: string;
  let fake: FakeAiServer;

  beforeAll(async () => {
    // A model that takes 1.5 s per call: new questions arrive through the event stream's `done`.
    fake = await startFakeAiServer();
    fake.setLatency('openai', { totalMs: 1500 });
    const config = testConfig();
    app = await buildApp(
      testConfig({
        aiProviders: ['openai', 'offline'],
        openai: { ...config.openai, apiKey: 'sk-test', baseUrl: fake.openaiBaseUrl, model: 'fake-model' },
        aiResilience: { ...config.aiResilience, attemptTimeoutMs: 8000, callBudgetMs: 10000, localAttemptTimeoutMs: 8000 },
        rateLimits: NO_RATE_LIMITS,
      }),
    );
    base = await listenLocally(app);
    browser = await launchChromium(['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream']);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await fake?.close();
  });

  async function newInterview(page: Page) {
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
    await page.locator('#question').waitFor({ timeout: 20_000 });
  }

  const spoken = (page: Page) => page.evaluate(() => (window as unknown as { __speech: { spoken: Spoken[] } }).__speech.spoken);
  const cancels = (page: Page) => page.evaluate(() => (window as unknown as { __speech: { cancels: number } }).__speech.cancels);
  const questionText = async (page: Page) => (await page.locator('#question').textContent())!.trim();

  async function withStub(withVoices: boolean): Promise<BrowserContext> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript(stubSpeech, withVoices);
    return context;
  }

  it('reads each new question and follow-up when it appears, with the voice and speed chosen, and stops when recording starts', { timeout: 120_000 }, async () => {
    const context = await withStub(true);
    const page = await context.newPage();
    const errors = collectConsoleErrors(page);
    await newInterview(page);
    const controls = page.locator('#read-aloud');
    await controls.waitFor({ state: 'visible' });
    expect(await spoken(page)).toEqual([]); // opt-in: nothing until it is turned on

    // Keyboard only: tab to the checkbox and turn it on; the question on screen is read at once.
    await page.focus('#read-aloud-on');
    await page.keyboard.press('Space');
    const first = await questionText(page);
    await expect.poll(async () => (await spoken(page)).map((s) => s.text)).toEqual([`Question 1. ${first}`]);
    // A slower speed and the second voice, remembered.
    await page.selectOption('#read-aloud-rate', '0.8');
    await page.selectOption('#read-aloud-voice', 'test-2');
    await page.focus('#read-aloud-replay');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await spoken(page)).at(-1)).toEqual({ text: `Question 1. ${first}`, rate: 0.8, voice: 'test-2' });
    await screenshot(page, 'read-aloud-01-controls', false);

    // Answer two questions: each next question (or follow-up) is read as soon as it is on screen.
    for (let n = 0; n < 2; n++) {
      const before = (await shownQuestion(page))!;
      const count = (await spoken(page)).length;
      await page.fill('#answer', strongAnswer(before));
      await page.click('#answer-form button[type=submit]');
      // The page shows "preparing" while the slow model writes, then the next question.
      await page.waitForFunction(
        (prev) => {
          const id = document.querySelector('input[name=question_id]')?.getAttribute('value');
          return Boolean(id) && id !== prev;
        },
        before.id,
        { timeout: 30_000 },
      );
      const now = (await shownQuestion(page))!;
      const text = await questionText(page);
      const lead = now.kind === 'follow_up' ? 'Follow-up.' : `Question ${now.number}.`;
      await expect.poll(async () => (await spoken(page)).slice(count), { timeout: 10_000 }).toEqual([{ text: `${lead} ${text}`, rate: 0.8, voice: 'test-2' }]);
    }
    // Each question once: no repeats from htmx's many load events.
    const texts = (await spoken(page)).map((s) => s.text);
    expect(texts.filter((t, i) => t !== texts[i - 1] || i === 1)).toHaveLength(texts.length);

    // Recording starts: the speech stops.
    const cancelled = await cancels(page);
    await page.click('#recorder-start');
    await page.locator('#voice-consent').waitFor({ state: 'visible' });
    await page.click('#voice-consent-agree');
    await expect.poll(() => cancels(page)).toBeGreaterThan(cancelled);
    await page.locator('#recorder-stop').waitFor({ state: 'visible' });
    await page.click('#recorder-stop');

    // Remembered on the next page load: on, slower, the second voice.
    await page.reload();
    await page.locator('#read-aloud').waitFor({ state: 'visible' });
    expect(await page.isChecked('#read-aloud-on')).toBe(true);
    expect(await page.inputValue('#read-aloud-rate')).toBe('0.8');
    expect(await page.inputValue('#read-aloud-voice')).toBe('test-2');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('is hidden where the browser has no voices', { timeout: 60_000 }, async () => {
    const context = await withStub(false);
    const page = await context.newPage();
    await newInterview(page);
    await page.locator('#recorder').waitFor({ state: 'visible' });
    expect(await page.locator('#read-aloud').isVisible()).toBe(false);
    expect(await spoken(page)).toEqual([]);
    await context.close();
  });
});
