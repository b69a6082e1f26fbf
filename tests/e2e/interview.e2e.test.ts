/**
 * The whole flow in a real browser (Debian's chromium through playwright-core): create an
 * interview, upload a PDF CV, add the job description, answer every question, get feedback.
 * Screenshots of each step land in tests/e2e/screenshots/ for a human to look at.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectConsoleErrors, screenshot, shownQuestion, useBrowserApp } from '../support/browser.js';
import { FIXTURES, fixture } from '../support/interview-driver.js';
import { strongAnswer } from '../support/answers.js';

describe('a candidate in the browser', () => {
  const web = useBrowserApp();

  it('does a whole interview with a PDF CV and gets feedback', { timeout: 120_000 }, async () => {
    const page = await web.browser.newPage({ viewport: { width: 1100, height: 900 } });
    const consoleErrors = collectConsoleErrors(page);

    await page.goto(`${web.base}/`);
    await screenshot(page, '01-landing');
    await page.fill('#job_title', 'Senior Backend Engineer');
    await page.fill('#company_name', 'Northwind Health');
    await page.click('button[type=submit]');
    await page.waitForURL(/\/session\/[^/]+\/upload$/);

    // A wrong file first: the message appears in place (htmx) and the page keeps working.
    await page.setInputFiles('#cv_file', path.join(FIXTURES, 'photo.png'));
    await page.click('#cv-section button[type=submit]');
    await expect.poll(() => page.locator('#error').textContent()).toContain('PNG');
    await screenshot(page, '02-wrong-file');
    // The browser logs the expected 415 as a failed resource; anything after it is a real error.
    consoleErrors.length = 0;

    await page.setInputFiles('#cv_file', path.join(FIXTURES, 'cv-alex-morgan.pdf'));
    await page.click('#cv-section button[type=submit]');
    await page.locator('#cv-preview').waitFor();
    expect(await page.locator('#cv-preview').textContent()).toContain('Alex Morgan');
    expect(await page.locator('#error').count()).toBe(0);

    await page.fill('#job_description', fixture('job-backend-engineer.txt').toString('utf8'));
    await page.click('#job-section button[type=submit]');
    await page.locator('#start-button').waitFor();
    await screenshot(page, '03-ready');
    await page.click('#start-button');
    await page.waitForURL(/\/interview$/);

    let answered = 0;
    for (let guard = 0; guard < 20; guard++) {
      const question = await shownQuestion(page);
      if (!question) break;
      const { id } = question;
      if (answered === 0) await screenshot(page, '04-first-question');
      await page.fill('#answer', strongAnswer(question));
      await page.click('#answer-form button[type=submit]');
      // htmx swaps the next question in without a page load.
      await page.waitForFunction((prev) => document.querySelector('input[name=question_id]')?.getAttribute('value') !== prev, id);
      answered++;
    }
    expect(answered).toBeGreaterThanOrEqual(8);
    await screenshot(page, '05-finish');
    await page.click('#finish-button');
    await page.waitForURL(/\/feedback$/);
    const score = Number(await page.locator('#score').getAttribute('data-score'));
    expect(score).toBeGreaterThanOrEqual(6);
    expect(await page.locator('#answer-feedback > li').count()).toBe(8);
    expect(await page.locator('#cv-tips li').count()).toBeGreaterThan(0);
    await screenshot(page, '06-feedback');
    await screenshot(page, '07-feedback-top', false);

    await page.goto(`${web.base}/dashboard`);
    expect(await page.locator('#sessions').textContent()).toContain('Northwind Health');
    expect(consoleErrors).toEqual([]);
  });

  it('works with JavaScript off (plain forms, Post/Redirect/Get)', { timeout: 60_000 }, async () => {
    const context = await web.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${web.base}/`);
    await page.fill('#job_title', 'Nurse');
    await page.fill('#company_name', 'St Mary');
    await page.click('button[type=submit]');
    await page.waitForURL(/\/upload$/);
    await page.setInputFiles('#cv_file', path.join(FIXTURES, 'cv-alex-morgan.txt'));
    await page.click('#cv-section button[type=submit]');
    await page.waitForURL(/\/upload$/);
    await page.fill('#job_description', 'Ward nurse. Requirements: patient care, teamwork.');
    await page.click('#job-section button[type=submit]');
    await page.click('#start-button');
    await page.waitForURL(/\/interview$/);
    expect(await page.locator('#question').getAttribute('data-question-number')).toBe('1');
    await page.fill('#answer', 'I led the night shift handover redesign and cut handover time by 20 minutes.');
    await page.click('#answer-form button[type=submit]');
    await page.waitForURL(/\/interview$/);
    expect(await page.locator('#question').count()).toBe(1);
    await context.close();
  });

  it('keeps a typed draft across a reload, and forgets it once the answer is sent', { timeout: 60_000 }, async () => {
    const context = await web.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${web.base}/`);
    await page.fill('#job_title', 'Ward Nurse');
    await page.fill('#company_name', 'St Mary');
    await page.click('button[type=submit]');
    await page.waitForURL(/\/upload$/);
    await page.setInputFiles('#cv_file', path.join(FIXTURES, 'cv-alex-morgan.txt'));
    await page.click('#cv-section button[type=submit]');
    await page.locator('#cv-preview').waitFor();
    await page.fill('#job_description', 'Ward nurse. Requirements: patient care, teamwork.');
    await page.click('#job-section button[type=submit]');
    await page.locator('#start-button').waitFor();
    await page.click('#start-button');
    await page.waitForURL(/\/interview$/);
    const draft = 'Half-written: on my first night shift I noticed the handover sheet';
    await page.fill('#answer', draft);
    await page.reload();
    expect(await page.locator('#answer').inputValue()).toBe(draft);
    const first = await shownQuestion(page);
    await page.fill('#answer', `${draft} was missing allergies, so I added a column and the ward adopted it within a week.`);
    await page.click('#answer-form button[type=submit]');
    await page.waitForFunction((prev) => document.querySelector('input[name=question_id]')?.getAttribute('value') !== prev, first!.id);
    expect(await page.locator('#answer').inputValue()).toBe('');
    await page.reload();
    expect(await page.locator('#answer').inputValue()).toBe('');
    await context.close();
  });
});
