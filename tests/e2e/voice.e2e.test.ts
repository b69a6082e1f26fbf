/**
 * Voice answers in a real browser: chromium with a fake microphone that plays
 * tests/fixtures/audio/speech-gap.wav (1 s of silence, a sentence, 3 s of silence, a
 * sentence) once. The consent step comes first (once per interview); then the page records
 * through the AudioWorklet, streams to the server, shows live level / speaking state /
 * speaking time, and each sentence's caption lands in the answer box while recording (the
 * app's OpenAI-compatible transcriber talks to a fake speech server on 127.0.0.1); the answer
 * is sent with its recording's metrics, and the feedback page shows the Delivery section and
 * the consent, which is then withdrawn. Screenshots go to tests/e2e/screenshots/.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { buildApp } from '../../src/app.js';
import { testConfig } from '../../src/config.js';
import { startFakeSpeechServer, type FakeSpeechServer } from '../support/fake-speech-server.js';
import { launchChromium, listenLocally, screenshot, SCREENSHOTS, shownQuestion } from '../support/browser.js';
import { FIXTURES, fixture } from '../support/interview-driver.js';
import { strongAnswer } from '../support/answers.js';
import { AUDIO_FIXTURES } from '../support/audio.js';

const SPOKEN = ['I led a team of four engineers.', 'We rebuilt the billing system in three months.'];

describe('a candidate answering by voice', () => {
  let app: FastifyInstance;
  let browser: Browser;
  let base: string;
  let speech: FakeSpeechServer;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    speech = await startFakeSpeechServer();
    speech.setTexts('openai', SPOKEN);
    // A speech server that takes a moment, like a real one.
    speech.setLatency('openai', 300);
    const config = testConfig();
    app = await buildApp(
      testConfig({
        speech: {
          ...config.speech,
          transcriber: 'openai',
          transcriberChoice: 'TRANSCRIBER=openai',
          remoteOpenAi: { baseUrl: speech.openaiBaseUrl, model: 'whisper-1', apiKey: 'sk-test', apiKeyVariable: 'TRANSCRIBE_API_KEY' },
        },
      }),
    );
    base = await listenLocally(app);
    browser = await launchChromium([
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-audio-capture=${path.join(AUDIO_FIXTURES, 'speech-gap.wav')}%noloop`,
      '--autoplay-policy=no-user-gesture-required',
    ]);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await speech?.close();
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
  }

  it('records an answer, shows live metrics, fills the answer box, and stores the metrics', { timeout: 120_000 }, async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    page.on('console', (msg) => {
      if (msg.type() === 'error') consoleErrors.push(msg.text());
    });
    page.on('pageerror', (err) => consoleErrors.push(err.message));
    await newInterview(page);

    await page.locator('#recorder').waitFor({ state: 'visible' });
    await page.fill('#answer', 'Typed first:');
    // First recording in this interview: the consent step, naming where audio goes.
    await page.click('#recorder-start');
    await page.locator('#voice-consent').waitFor({ state: 'visible' });
    expect(await page.locator('#voice-consent-provider').textContent()).toMatch(/^127\.0\.0\.1:\d+ \(whisper-1\)$/);
    expect(await page.locator('#recorder-live').isVisible()).toBe(false);
    await screenshot(page, 'voice-00-consent', false);
    await page.click('#voice-consent-agree');

    // Live: the level meter moves, the state says "Speaking", the speaking time counts up.
    await page.locator('#recorder-live').waitFor({ state: 'visible' });
    await expect.poll(() => page.locator('#recorder-state').getAttribute('data-speaking'), { timeout: 15_000 }).toBe('true');
    await expect.poll(() => page.locator('#recorder-state').textContent()).toBe('Speaking');
    expect(Number(await page.locator('#recorder-level').getAttribute('value'))).toBeGreaterThan(-60);
    await expect.poll(() => page.locator('#recorder-elapsed').textContent(), { timeout: 15_000 }).not.toBe('0:00');
    await screenshot(page, 'voice-01-recording', false);
    // The first sentence's caption arrives once it ends, in the answer box, while recording goes
    // on, after what was typed.
    await expect.poll(() => page.locator('#recorder-captions').textContent(), { timeout: 15_000 }).toContain(SPOKEN[0]);
    await expect.poll(() => page.inputValue('#answer'), { timeout: 5_000 }).toBe(`Typed first:\n\n${SPOKEN[0]}`);
    expect(await page.locator('#recorder').getAttribute('data-recording')).toBe('true');
    expect(await page.locator('#recorder-stop').isVisible()).toBe(true);
    // The 3 s gap in the audio: the state goes back to silent.
    await expect.poll(() => page.locator('#recorder-state').textContent(), { timeout: 15_000 }).toBe('Silent');
    // Let the second sentence be heard, then stop with the keyboard.
    await expect.poll(() => page.locator('#recorder-captions').textContent(), { timeout: 20_000 }).toContain(SPOKEN[1]);
    await page.focus('#recorder-stop');
    await page.keyboard.press('Enter');

    await page.locator('#recorder[data-final="true"]').waitFor({ timeout: 30_000 });
    const answer = await page.inputValue('#answer');
    expect(answer).toBe(`Typed first:\n\n${SPOKEN.join(' ')}`); // typed text kept, transcript after it
    const recordingId = await page.locator('input[name=recording_id]').inputValue();
    expect(recordingId).toMatch(/^[\w-]{21}$/);
    expect(await page.locator('#recorder-status').textContent()).toMatch(/Recorded \d+:\d\d of speaking/);
    await screenshot(page, 'voice-02-stopped', false);

    const questionId = await page.locator('input[name=question_id]').getAttribute('value');
    await page.click('#answer-form button[type=submit]');
    await page.waitForFunction((prev) => document.querySelector('input[name=question_id]')?.getAttribute('value') !== prev, questionId);
    // The next question's form works again (htmx swap): a fresh recorder, empty recording id.
    await page.locator('#recorder-start:not([disabled])').waitFor();
    expect(await page.locator('input[name=recording_id]').inputValue()).toBe('');
    // Consent was given once, for the whole interview: the next recording starts at once.
    expect(await page.locator('#recorder').getAttribute('data-consent')).toBe('given');
    expect(await page.locator('#voice-consent-given').isVisible()).toBe(true);
    // The transcription server heard each sentence with the job's vocabulary.
    expect(speech.requestsFor('openai')).toHaveLength(2);
    expect(speech.requestsFor('openai')[0]!.prompt).toContain('Kubernetes');

    const row = app.database.sqlite.prepare("select content, speech_metrics from messages where kind = 'answer' order by seq limit 1").get() as {
      content: string;
      speech_metrics: string;
    };
    expect(row.content).toContain(SPOKEN[1]);
    const metrics = JSON.parse(row.speech_metrics);
    expect(metrics).toMatchObject({ version: 1, endedBy: 'stop', transcript: { available: true, segments: 2 } });
    expect(metrics.speakingSeconds).toBeGreaterThan(2);
    expect(metrics.longPauseCount).toBe(1);

    // Type the other answers, finish, and look at the Delivery section.
    for (let guard = 0; guard < 20; guard++) {
      const question = await shownQuestion(page);
      if (!question) break;
      const { id } = question;
      await page.fill('#answer', strongAnswer(question));
      await page.click('#answer-form button[type=submit]');
      await page.waitForFunction((prev) => document.querySelector('input[name=question_id]')?.getAttribute('value') !== prev, id);
    }
    await page.click('#finish-button');
    await page.waitForURL(/\/feedback$/);
    const delivery = page.locator('#delivery');
    await delivery.waitFor();
    expect(await delivery.locator('.delivery-answers > li').count()).toBe(1);
    // Delivery is one level down on the feedback page (issue 13): open the section, then the answer.
    await delivery.locator(':scope > summary').click();
    await delivery.locator('.delivery-answers summary').first().click();
    await delivery.locator('svg.timeline-chart').first().waitFor({ state: 'visible' });
    await delivery.scrollIntoViewIfNeeded();
    await screenshot(page, 'voice-03-delivery');
    await delivery.screenshot({ path: path.join(SCREENSHOTS, 'voice-04-delivery-section.png'), caret: 'initial' });

    // The consent is on the feedback page; withdrawing it deletes the recording's metrics.
    await expect.poll(() => page.locator('#voice-consent-status').getAttribute('data-consent')).toBe('given');
    await page.click('#voice-consent-withdraw');
    await page.waitForURL(/feedback\?done=voice-consent-withdrawn$/);
    expect(await page.locator('#voice-consent-status').getAttribute('data-consent')).toBe('withdrawn');
    expect(await page.locator('#delivery').count()).toBe(0);
    const stored = app.database.sqlite.prepare("select count(*) n from messages where kind = 'answer' and speech_metrics is not null").get() as { n: number };
    expect(stored.n).toBe(0);
    expect(consoleErrors).toEqual([]);
  });

  it('withdraws consent from the interview page: the waiting recording is deleted and the next one asks again', { timeout: 60_000 }, async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    page.on('dialog', (dialog) => void dialog.accept());
    await newInterview(page);
    const sessionId = /\/session\/([^/]+)\/interview/.exec(page.url())![1]!;
    await page.click('#recorder-start');
    await page.click('#voice-consent-agree');
    await page.locator('#recorder-stop').waitFor({ state: 'visible' });
    await expect.poll(() => page.locator('#recorder').getAttribute('data-speaking-seconds'), { timeout: 15_000 }).not.toBeNull();
    await page.click('#recorder-stop');
    await page.locator('#recorder[data-final="true"]').waitFor({ timeout: 30_000 });
    const recordingId = await page.locator('input[name=recording_id]').inputValue();
    const owner = (app.database.sqlite.prepare('select owner_id from interview_sessions where id = ?').get(sessionId) as { owner_id: string }).owner_id;
    expect(app.services.recordings.find(recordingId, sessionId, owner)).not.toBeNull();

    await page.click('#voice-consent-withdraw');
    await expect.poll(() => page.locator('#recorder').getAttribute('data-consent')).toBe('needed');
    expect(app.services.recordings.find(recordingId, sessionId, owner)).toBeNull();
    expect(await page.locator('input[name=recording_id]').inputValue()).toBe('');
    expect(await page.locator('#recorder-status').textContent()).toMatch(/Consent withdrawn/);
    // Recording asks again.
    await page.click('#recorder-start');
    await page.locator('#voice-consent').waitFor({ state: 'visible' });
    await page.click('#voice-consent-cancel');
    expect(await page.locator('#voice-consent').isVisible()).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('explains a blocked microphone and typing still works', { timeout: 60_000 }, async () => {
    const context = await browser.newContext();
    // As if the person clicked "Block" on the permission prompt.
    await context.addInitScript(() => {
      navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));
    });
    const page = await context.newPage();
    await newInterview(page);
    await page.click('#recorder-start');
    await page.click('#voice-consent-agree');
    await expect.poll(() => page.locator('#recorder-status').textContent()).toMatch(/Microphone access was blocked/);
    expect(await page.locator('#recorder-status').getAttribute('data-kind')).toBe('error');
    expect(await page.locator('#recorder-start').isEnabled()).toBe(true);
    await screenshot(page, 'voice-05-mic-blocked', false);
    const id = await page.locator('input[name=question_id]').getAttribute('value');
    await page.fill('#answer', 'I led the night shift handover redesign and cut handover time by 20 minutes.');
    await page.click('#answer-form button[type=submit]');
    await page.waitForFunction((prev) => document.querySelector('input[name=question_id]')?.getAttribute('value') !== prev, id);
    await context.close();
  });
});
