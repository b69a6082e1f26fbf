/**
 * The progress page in a real browser (Debian's chromium): after two interviews the charts,
 * mastery table and study plan render under the strict CSP with no console error, the study
 * plan's button starts a focused interview, and a new visitor sees the empty state.
 * Screenshots land in tests/e2e/screenshots/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Browser, BrowserContext } from 'playwright-core';
import { buildApp } from '../../src/app.js';
import { testConfig } from '../../src/config.js';
import { launchChromium, listenLocally, screenshot } from '../support/browser.js';
import { answerAll, setUpSession } from '../support/interview-driver.js';
import { lazyAnswer, strongAnswer } from '../support/answers.js';
import { Visitor } from '../support/test-app.js';

interface Seen {
  violations: string[];
  errors: string[];
}

/** Records CSP violations (DOM event and console line) and any other console error or page error. */
async function watch(context: BrowserContext): Promise<Seen> {
  const seen: Seen = { violations: [], errors: [] };
  await context.exposeBinding('__cspViolation', (_source, text: string) => seen.violations.push(text));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __cspViolation(t: string): void }).__cspViolation(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`);
    });
  });
  context.on('page', (page) => {
    page.on('console', (msg) => {
      if (/Content Security Policy|Refused to/.test(msg.text())) seen.violations.push(msg.text());
      else if (msg.type() === 'error') seen.errors.push(msg.text());
    });
    page.on('pageerror', (err) => seen.errors.push(err.message));
  });
  return seen;
}

describe('the progress page in the browser', () => {
  let app: FastifyInstance;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    app = await buildApp(testConfig());
    base = await listenLocally(app);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('shows charts, mastery and a study plan after two interviews, without a CSP violation', { timeout: 120_000 }, async () => {
    // The interviews themselves are covered by interview.e2e; here they run over HTTP and the
    // browser takes over the same visitor cookie.
    const visitor = new Visitor(app);
    for (const answerFor of [lazyAnswer, strongAnswer]) {
      const id = await setUpSession(visitor);
      await visitor.post(`/session/${id}/start`);
      await answerAll(visitor, id, answerFor);
      expect((await visitor.post(`/session/${id}/complete`)).statusCode).toBe(303);
    }
    const [name, ...value] = visitor.cookieHeader!.split('=');
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    await context.addCookies([{ name: name!, value: value.join('='), url: base }]);
    const seen = await watch(context);
    const page = await context.newPage();

    await page.goto(`${base}/dashboard`);
    await page.click('#progress-link');
    await page.waitForURL(/\/progress$/);
    await page.locator('#overall-chart').waitFor();
    expect(await page.locator('#overall-chart .chart-point').count()).toBe(2);
    expect(await page.locator('#competency-charts svg[role=img]').count()).toBeGreaterThanOrEqual(3);
    expect(await page.locator('#mastery tbody tr').count()).toBeGreaterThanOrEqual(3);
    expect(await page.locator('#study-plan li[data-competency]').count()).toBe(3);
    // progress.css applied: the chart fills its card and the competency charts sit in a grid.
    const chartBox = await page.locator('#overall-chart').boundingBox();
    const cardBox = await page.locator('#overall').boundingBox();
    expect(chartBox!.width).toBeGreaterThan(cardBox!.width * 0.8);
    expect(await page.locator('#competency-charts').evaluate((el) => getComputedStyle(el).display)).toBe('grid');
    // The data table alternative opens.
    await page.click('#overall summary');
    expect(await page.locator('#overall-data tbody tr').count()).toBe(2);
    await screenshot(page, 'progress-01-page');

    await page.click('#start-focused-button');
    await page.waitForURL(/\/session\/[^/]+\/upload$/);
    expect(await page.locator('#cv-preview').textContent()).toContain('Alex Morgan');
    await screenshot(page, 'progress-02-focused-setup', false);

    expect(seen.violations).toEqual([]);
    expect(seen.errors).toEqual([]);
    await context.close();
  });

  it('shows a new visitor the empty state', { timeout: 60_000 }, async () => {
    const context = await browser.newContext({ viewport: { width: 1100, height: 800 } });
    const seen = await watch(context);
    const page = await context.newPage();
    await page.goto(`${base}/progress`);
    expect(await page.locator('#progress-empty').isVisible()).toBe(true);
    expect(await page.locator('#overall-chart').count()).toBe(0);
    await screenshot(page, 'progress-00-empty', false);
    expect(seen.violations).toEqual([]);
    expect(seen.errors).toEqual([]);
    await context.close();
  });
});
