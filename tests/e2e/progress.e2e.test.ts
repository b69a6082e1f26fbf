/**
 * The progress page in a real browser (Debian's chromium): after two interviews the charts,
 * mastery table and study plan render under the strict CSP with no console error, the study
 * plan's button starts a focused interview, and a new visitor sees the empty state.
 * Screenshots land in tests/e2e/screenshots/.
 */
import { describe, expect, it } from 'vitest';
import { answeredInterview, contextAs, screenshot, useBrowserApp, watch } from '../support/browser.js';
import { lazyAnswer, strongAnswer } from '../support/answers.js';
import { Visitor } from '../support/test-app.js';

describe('the progress page in the browser', () => {
  const web = useBrowserApp();

  it('shows charts, mastery and a study plan after two interviews, without a CSP violation', { timeout: 120_000 }, async () => {
    // The interviews themselves are covered by interview.e2e; here they run over HTTP and the
    // browser takes over the same visitor cookie.
    const visitor = new Visitor(web.app);
    for (const answerFor of [lazyAnswer, strongAnswer]) await answeredInterview(visitor, answerFor, { complete: true });
    const context = await contextAs(web.browser, web.base, visitor, { viewport: { width: 1100, height: 900 } });
    const seen = await watch(context);
    const page = await context.newPage();

    await page.goto(`${web.base}/dashboard`);
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
    const context = await web.browser.newContext({ viewport: { width: 1100, height: 800 } });
    const seen = await watch(context);
    const page = await context.newPage();
    await page.goto(`${web.base}/progress`);
    expect(await page.locator('#progress-empty').isVisible()).toBe(true);
    expect(await page.locator('#overall-chart').count()).toBe(0);
    await screenshot(page, 'progress-00-empty', false);
    expect(seen.violations).toEqual([]);
    expect(seen.errors).toEqual([]);
    await context.close();
  });
});
