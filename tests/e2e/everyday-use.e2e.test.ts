/**
 * Issue 13 in a real browser, at a desktop (1280×900) and a phone (390×844, touch) viewport:
 * a candidate walks the whole flow — create, upload a CV and the job, start, answer every
 * question (follow-ups included), finish, read the feedback, retry a question, look at the
 * dashboard, progress and account pages, delete the interview — and on every page:
 *   - axe-core finds no violation, with every section open (the test fails on any);
 *   - every wait shows its indicator (each request is held at the network until the indicator
 *     is seen, so the check never depends on timing);
 *   - focus and scrolling do what a keyboard, screen-reader or phone user needs: after an
 *     upload the confirmation has the focus; after an answer "Question N of 8" and the top of
 *     the new question are in view and the question's heading has the focus;
 *   - the feedback page opens with the score, the verdict and the top three fixes on the first
 *     screen, is shorter than the targets with every section closed, prints to at most four
 *     A4 pages with none mostly blank, and the Markdown export leads with the same summary.
 * A second test checks that no page scrolls sideways at 360 px. Screenshots of every page land
 * in tests/e2e/screenshots/everyday-*.png.
 */
import path from 'node:path';
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { NO_RATE_LIMITS, testConfig } from '../../src/config.js';
import { contextAs, launchChromium, listenLocally, screenshot, shownQuestion, SCREENSHOTS, watch, answeredInterview, type Seen } from '../support/browser.js';
import { FIXTURES, fixture, setUpSession } from '../support/interview-driver.js';
import { gatedProvider } from '../support/gated-provider.js';
import { ok, startFakeAiServer, status } from '../support/fake-ai-server.js';
import { createOpenAiCompatibleProvider } from '../../src/ai/providers/openai-compatible.js';
import { realisticAnswer, strongAnswer } from '../support/answers.js';
import { Visitor } from '../support/test-app.js';
import {
  axeViolations,
  DESKTOP,
  describeViolations,
  horizontalOverflow,
  mostlyBlankPages,
  NARROW,
  onFirstScreen,
  pageHeight,
  pdfPages,
  PHONE,
  setAllDetails,
  topInView,
} from '../support/page-checks.js';

let app: FastifyInstance;
let browser: Browser;
let base: string;
let context: BrowserContext | undefined;

beforeAll(async () => {
  app = await buildApp(testConfig({ rateLimits: NO_RATE_LIMITS }));
  base = await listenLocally(app);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});
afterEach(async () => {
  await context?.close();
  context = undefined;
});

/** Holds the next `method` request to `url` at the network until `release` is called. */
async function holdNext(page: Page, method: string, url: RegExp) {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let arrive!: () => void;
  const arrived = new Promise<void>((resolve) => (arrive = resolve));
  let used = false;
  await page.route(url, async (route: Route) => {
    if (used || route.request().method() !== method) return route.fallback();
    used = true;
    arrive();
    await gate;
    return route.continue();
  });
  return { arrived, release };
}

/**
 * Presses `press` with the (htmx) request it makes held, checks that `indicator` shows while it
 * waits, then lets the request through. Returns the indicator's text.
 */
async function indicatorShows(page: Page, method: string, url: RegExp, indicator: string, press: () => Promise<void>) {
  const held = await holdNext(page, method, url);
  await press();
  await held.arrived;
  await page.locator(indicator).waitFor({ state: 'visible' });
  const text = (await page.locator(indicator).textContent())!.trim();
  held.release();
  return text;
}

interface Sent {
  form: string;
  visible: boolean;
  text: string;
}

/**
 * Forms that load the next page ("Start interview", "Delete"): what their indicator showed the
 * moment the form was sent, recorded by the page itself (a listener on window runs after
 * app.js's on document). Playwright cannot look at a page while its navigation is held.
 */
async function recordSentForms(ctx: BrowserContext): Promise<Sent[]> {
  const sent: Sent[] = [];
  await ctx.exposeBinding('__formSent', (_source, record: Sent) => void sent.push(record));
  await ctx.addInitScript(() => {
    window.addEventListener('submit', (event) => {
      const form = event.target as HTMLFormElement;
      const id = form.dataset.indicator;
      if (!id) return;
      const el = document.getElementById(id);
      (window as unknown as { __formSent(r: Sent): void }).__formSent({ form: form.id || form.getAttribute('action') || '', visible: Boolean(el?.checkVisibility()), text: el?.textContent?.trim() ?? '' });
    });
  });
  return sent;
}

/** Every section open, axe run, the test fails on any violation (listed in the message). */
async function expectAxeClean(page: Page, where: string) {
  await setAllDetails(page, true);
  const violations = await axeViolations(page);
  expect(describeViolations(violations), `axe on ${where}`).toEqual([]);
}

const VIEWPORTS = [
  ['desktop', { viewport: DESKTOP }],
  ['phone', { viewport: PHONE, isMobile: true, hasTouch: true }],
] as const;

describe.each(VIEWPORTS)('everyday use at the %s viewport', (name, options) => {
  const shot = (page: Page, step: string, fullPage = true) => screenshot(page, `everyday-${name}-${step}`, fullPage);

  it('walks the whole flow: no axe violation anywhere, an indicator for every wait, focus and scrolling where they help', { timeout: 300_000 }, async () => {
    context = await browser.newContext({ ...options, acceptDownloads: true });
    const seen: Seen = await watch(context);
    const sent = await recordSentForms(context);
    const page = await context.newPage();

    // --- create -------------------------------------------------------------------------
    await page.goto(`${base}/`);
    await expectAxeClean(page, 'the landing page');
    await shot(page, '01-landing');
    await page.fill('#job_title', 'Senior Backend Engineer');
    await page.fill('#company_name', 'Northwind Health');
    await page.click('#new-session button[type=submit]');
    await page.waitForURL(/\/upload$/);
    expect(sent.at(-1)).toEqual({ form: 'new-session', visible: true, text: 'Setting up your interview…' });

    // --- uploads: indicator, then the focus on the announced confirmation ------------------
    await page.setInputFiles('#cv_file', path.join(FIXTURES, 'cv-alex-morgan.pdf'));
    expect(await indicatorShows(page, 'POST', /\/upload-cv$/, '#cv-reading', () => page.click('#cv-section button[type=submit]'))).toMatch(/Reading your CV/);
    await page.locator('#cv-status').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('cv-status');
    expect(await page.locator('#cv-status').textContent()).toMatch(/read:\s+\d+ words/);
    await page.fill('#job_description', fixture('job-backend-engineer.txt').toString('utf8'));
    expect(await indicatorShows(page, 'POST', /\/upload-job$/, '#job-saving', () => page.click('#job-section button[type=submit]'))).toMatch(/Saving/);
    await page.locator('#job-status').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('job-status');
    await expectAxeClean(page, 'the set-up page');
    await shot(page, '02-set-up');

    // --- start: a plain form, with its indicator ----------------------------------------
    await setAllDetails(page, false);
    await page.click('#start-button');
    await page.waitForURL(/\/interview$/);
    expect(sent.at(-1)).toMatchObject({ visible: true, text: 'Starting your interview…' });
    await page.locator('#question').waitFor();

    // The first screen of a question holds the question and the answer box (the recorder is below it).
    expect(await topInView(page, '#question')).toBe(true);
    const box = (await page.locator('#answer').boundingBox())!;
    expect(box.y + 60, 'at least the first lines of the answer box on the first screen').toBeLessThan(options.viewport.height);
    // Keyboard tips only where there is a keyboard.
    expect(await page.locator('.kbd-tip').isVisible()).toBe(name === 'desktop');
    await expectAxeClean(page, 'the first question');
    await shot(page, '03-question', false);

    // An empty answer gets the app's own message, not the browser's.
    await setAllDetails(page, false);
    await page.fill('#answer', '');
    await page.click('#answer-form button[type=submit]');
    await page.locator('#error').waitFor();
    expect((await page.locator('#error').textContent())!.trim()).toBe('Write (or record) an answer before sending it.');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('error');

    // --- every question: the indicator, then the new question in view with the focus -----
    let answered = 0;
    let sawFollowUp = false;
    for (let guard = 0; guard < 20; guard++) {
      const q = await shownQuestion(page);
      if (!q) break;
      const text = (await page.locator('#question').textContent())!.trim();
      await page.fill('#answer', realisticAnswer({ ...q, text }));
      if (answered === 0) {
        expect(await indicatorShows(page, 'POST', /\/message$/, '#thinking', () => page.click('#answer-form button[type=submit]'))).toMatch(/Sending your answer/);
      } else {
        await page.click('#answer-form button[type=submit]');
      }
      await page.waitForFunction((prev) => {
        const id = document.querySelector('#answer-form input[name=question_id]')?.getAttribute('value');
        return Boolean(id && id !== prev) || Boolean(document.getElementById('finish-button'));
      }, q.id);
      answered++;
      if (await page.locator('#finish-button').count()) break;
      expect(await topInView(page, '#progress'), `"Question N of 8" in view after answer ${answered}`).toBe(true);
      expect(await topInView(page, '#question'), `the new question in view after answer ${answered}`).toBe(true);
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('question');
      const next = (await shownQuestion(page))!;
      if (next.kind === 'follow_up' && !sawFollowUp) {
        sawFollowUp = true;
        // The follow-up stays under its main question, with a reason that gives no score away.
        expect((await page.locator('#main-question').textContent())!.trim()).toBe(text);
        expect(await page.locator('#main-question').isVisible()).toBe(true);
        expect(await page.locator('#decision').textContent()).not.toMatch(/\/10|scored/);
        await expectAxeClean(page, 'a follow-up');
        await shot(page, '04-follow-up', false);
        await setAllDetails(page, false);
      }
    }
    expect(answered).toBeGreaterThanOrEqual(8);
    expect(sawFollowUp).toBe(true);

    // --- finish --------------------------------------------------------------------------
    await expectAxeClean(page, 'the finish step');
    await shot(page, '05-finish');
    expect(await indicatorShows(page, 'POST', /\/complete$/, '#finishing', () => page.click('#finish-button'))).toMatch(/Writing your feedback/);
    await page.waitForURL(/\/feedback$/);

    // --- feedback: the first screen, the length, print and export --------------------------
    for (const id of ['#score', '#verdict', '#top-fixes']) expect(await onFirstScreen(page, id), `${id} on the first screen`).toBe(true);
    expect(await page.locator('#top-fixes > li').count()).toBe(3);
    await shot(page, '06-feedback-first-screen', false);
    const links = await page.locator('#top-fixes a.fix-link').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    for (const href of links) expect(await page.locator(`${href}`).count(), `${href} exists`).toBe(1);
    await setAllDetails(page, false);
    const collapsed = await pageHeight(page);
    expect(collapsed, 'feedback height with every section closed').toBeLessThan(name === 'desktop' ? 4000 : 9000);
    await page.reload();
    await shot(page, '07-feedback');
    // A top fix's link opens its answer (inside the closed "Question by question").
    await page.click('#fix-1 a.fix-link');
    const target = links[0]!;
    await expect.poll(() => page.locator(`${target} > details`).evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    expect(await page.locator(`${target} .answer-text`).first().isVisible()).toBe(true);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(target.slice(1));
    await expectAxeClean(page, 'the feedback page');
    await shot(page, '08-feedback-open');

    // Printed from its default view (no #answer-N in the address, which opens that answer): at
    // most four A4 pages, none mostly blank.
    await page.goto(page.url().replace(/#.*$/, ''));
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', path: path.join(SCREENSHOTS, `everyday-${name}-feedback.pdf`) });
    await page.emulateMedia({ media: 'screen' });
    const printed = await pdfPages(pdf);
    expect(printed.pages).toBeLessThanOrEqual(4);
    expect(mostlyBlankPages(printed), `printed down to ${printed.inkDepth.map((d) => Math.round(d * 100) + '%').join(', ')}`).toEqual([]);

    // The Markdown export leads with the same summary: the score, the verdict, the same three fixes.
    const markdown = await (await page.request.get(`${base}${await page.locator('#export-markdown').getAttribute('href')}`)).text();
    const score = await page.locator('#score').getAttribute('data-score');
    const headings = markdown.match(/^## .*/gm)!;
    expect(headings.slice(0, 2)).toEqual([`## Overall score: ${score}/10`, '## Fix these three first']);
    expect(markdown).toContain((await page.locator('#verdict').textContent())!.trim().slice(0, 40));
    const actions = await page.locator('#top-fixes .fix-action').allTextContents();
    const fixBlock = markdown.slice(markdown.indexOf('## Fix these three first'), markdown.indexOf('## Strengths'));
    actions.forEach((action, i) => expect(fixBlock).toContain(`${i + 1}. **${action.trim()}**`));

    // --- retry a question ---------------------------------------------------------------
    await page.click('#questions > summary');
    await page.click('#retry-link-2');
    await page.waitForURL(/\/retry\/2$/);
    await expectAxeClean(page, 'the retry page');
    await setAllDetails(page, false);
    await page.fill('#retry-answer', strongAnswer({ id: '', number: 2, kind: 'question', text: '' }));
    expect(await indicatorShows(page, 'POST', /\/retry\/2$/, '#retry-scoring', () => page.click('#retry-submit'))).toMatch(/Scoring/);
    await page.locator('#retry-comparison').waitFor();
    await expectAxeClean(page, 'the retry comparison');
    await shot(page, '09-retry');

    // --- dashboard, progress, account, delete ---------------------------------------------
    await page.goto(`${base}/progress`);
    await expectAxeClean(page, 'the progress page');
    await shot(page, '10-progress');
    await page.goto(`${base}/account`);
    await expectAxeClean(page, 'the account page');
    await page.goto(`${base}/account/register`);
    await expectAxeClean(page, 'the registration page');
    await page.goto(`${base}/dashboard`);
    await expectAxeClean(page, 'the dashboard');
    await shot(page, '11-dashboard');
    const deleteLink = page.locator('#sessions a.danger-link').first();
    if (name === 'phone') expect((await deleteLink.boundingBox())!.height, 'a tap target').toBeGreaterThanOrEqual(44);
    await deleteLink.click();
    await page.waitForURL(/\/delete$/);
    await expectAxeClean(page, 'the delete page');
    await page.click('#confirm-delete');
    await page.waitForURL(/\/dashboard/);
    expect(sent.at(-1)).toEqual({ form: 'delete-session-form', visible: true, text: 'Deleting…' });
    await expect.poll(() => page.locator('#sessions').textContent()).toContain('no interviews yet');

    expect(seen.violations).toEqual([]);
    expect(seen.errors.filter((e) => !/status of 422/.test(e))).toEqual([]);
  });
});

describe('at 360 px wide', () => {
  it('no page scrolls sideways, with every section open', { timeout: 180_000 }, async () => {
    const visitor = new Visitor(app);
    // An account with a long address, a finished interview with a retry, one midway, one being set up.
    const email = 'a.very.long.email.address.for.testing.wrapping@example-hospital-trust.nhs.uk';
    await visitor.post('/account/register', { email, password: 'correct horse battery staple', password_confirm: 'correct horse battery staple' });
    const done = await answeredInterview(visitor, realisticAnswer, { complete: true });
    await visitor.post(`/session/${done}/retry/2`, { answer: strongAnswer({ id: '', number: 2, kind: 'question', text: '' }) });
    const midway = await answeredInterview(visitor, realisticAnswer);
    context = await contextAs(browser, base, visitor, { viewport: NARROW, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const pages = [
      '/',
      '/dashboard',
      '/progress',
      '/account',
      '/account/delete',
      `/session/${done}/feedback`,
      `/session/${done}/retry/2`,
      `/session/${midway}/interview`,
      `/session/${done}/delete`,
      '/account/login',
    ];
    for (const url of pages) {
      await page.goto(`${base}${url}`);
      await setAllDetails(page, true);
      expect(await horizontalOverflow(page), `${url} at 360 px`).toEqual([]);
    }
    await page.goto(`${base}/account`);
    expect(await page.locator('#account-email').textContent()).toBe(email);
    await screenshot(page, 'everyday-360-account');
  });
});

describe('when the interviewer takes its time', () => {
  it('on a phone, the question the event stream brings is in view, with the focus on it', { timeout: 120_000 }, async () => {
    const gate = gatedProvider();
    const slow = await buildApp(testConfig({ rateLimits: NO_RATE_LIMITS }), { providers: [gate.provider] });
    try {
      const slowBase = await listenLocally(slow);
      const visitor = new Visitor(slow);
      const id = await setUpSession(visitor, { cv: 'cv-alex-morgan.txt' });
      await visitor.post(`/session/${id}/start`);
      context = await contextAs(browser, slowBase, visitor, { viewport: PHONE, isMobile: true, hasTouch: true });
      const page = await context.newPage();
      await page.goto(`${slowBase}/session/${id}/interview`);
      const q1 = (await shownQuestion(page))!;

      // The next question is written while the page follows the event stream.
      gate.hold('nextTurn');
      await page.fill('#answer', strongAnswer(q1));
      await page.click('#answer-form button[type=submit]');
      await page.locator('#turn-status').waitFor();
      await gate.arrived('nextTurn');
      // The candidate scrolls down while waiting, as people do.
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      gate.release('nextTurn');
      await page.waitForFunction((prev) => {
        const current = document.querySelector('#answer-form input[name=question_id]')?.getAttribute('value');
        return Boolean(current && current !== prev);
      }, q1.id);
      expect(await topInView(page, '#progress')).toBe(true);
      expect(await topInView(page, '#question')).toBe(true);
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('question');
    } finally {
      await slow.close();
    }
  });

  it('"Try again" after the interviewer failed shows its wait', { timeout: 120_000 }, async () => {
    const fake = await startFakeAiServer();
    // Only the model, no offline interviewer behind it: its failure reaches the candidate.
    const onlyModel = createOpenAiCompatibleProvider({ apiKey: 'sk-test', baseUrl: fake.openaiBaseUrl, model: 'fake-model' });
    const base0 = testConfig();
    const failing = await buildApp(
      testConfig({
        aiProviders: ['openai'],
        openai: { ...base0.openai, apiKey: 'sk-test', baseUrl: fake.openaiBaseUrl, model: 'fake-model' },
        rateLimits: NO_RATE_LIMITS,
      }),
      { providers: [onlyModel] },
    );
    try {
      const failingBase = await listenLocally(failing);
      const visitor = new Visitor(failing);
      const id = await setUpSession(visitor, { cv: 'cv-alex-morgan.txt' });
      await visitor.post(`/session/${id}/start`);
      context = await contextAs(browser, failingBase, visitor, { viewport: DESKTOP });
      const page = await context.newPage();
      await page.goto(`${failingBase}/session/${id}/interview`);
      await page.locator('#question').waitFor({ timeout: 20_000 });
      const q1 = (await shownQuestion(page))!;
      fake.setDefault('openai', (request) => (request.intent === 'nextTurn' ? status(500) : ok()));
      await page.fill('#answer', strongAnswer(q1));
      await page.click('#answer-form button[type=submit]');
      await page.locator('#try-again').waitFor({ timeout: 20_000 });
      fake.setDefault('openai', ok());
      expect(await indicatorShows(page, 'GET', /\/interview$/, '#retrying', () => page.click('#try-again'))).toMatch(/Asking the interviewer again/);
      await page.waitForFunction((prev) => {
        const current = document.querySelector('#answer-form input[name=question_id]')?.getAttribute('value');
        return Boolean(current && current !== prev);
      }, q1.id, { timeout: 20_000 });
      await expectAxeClean(page, 'the interview after "Try again"');
    } finally {
      await failing.close();
      await fake.close();
    }
  });
});

describe('without JavaScript', () => {
  it('a refused answer brings the browser back to the interview URL with the message and the text (Post/Redirect/Get)', { timeout: 60_000 }, async () => {
    const visitor = new Visitor(app);
    const id = await setUpSession(visitor, { cv: 'cv-alex-morgan.txt' });
    await visitor.post(`/session/${id}/start`);
    const interviewUrl = `${base}/session/${id}/interview`;
    context = await contextAs(browser, base, visitor, { javaScriptEnabled: false });
    const tabA = await context.newPage();
    const tabB = await context.newPage();
    await tabA.goto(interviewUrl);
    await tabB.goto(interviewUrl);

    // An empty answer: the app's own message (no browser bubble: the box is not `required`).
    await tabA.click('#answer-form button[type=submit]');
    await tabA.locator('#error').waitFor();
    expect(tabA.url()).toBe(interviewUrl);
    expect((await tabA.locator('#error').textContent())!.trim()).toBe('Write (or record) an answer before sending it.');

    // Tab A answers; tab B, still on the same question, sends its own text: refused, and back it comes.
    const q1 = (await shownQuestion(tabA))!;
    await tabA.fill('#answer', strongAnswer(q1));
    await tabA.click('#answer-form button[type=submit]');
    await tabA.waitForLoadState();
    const typed = 'Typed in the second tab: I rebuilt the night-shift handover and cut it by 20 minutes.';
    await tabB.fill('#answer', typed);
    await tabB.click('#answer-form button[type=submit]');
    await tabB.locator('#error').waitFor();
    expect(tabB.url()).toBe(interviewUrl);
    expect(await tabB.locator('#error').getAttribute('data-code')).toBe('ANSWERED_ELSEWHERE');
    expect(await tabB.locator('#answer').inputValue()).toBe(typed);

    // A reload is a plain GET: nothing is sent again, the message has been read.
    const documents: string[] = [];
    tabB.on('request', (request) => {
      if (request.isNavigationRequest()) documents.push(`${request.method()} ${new URL(request.url()).pathname}`);
    });
    await tabB.reload();
    expect(documents).toEqual([`GET /session/${id}/interview`]);
    expect(await tabB.locator('#error').count()).toBe(0);
  });
});
