/**
 * The feedback insights in a real browser (chromium): finish an interview, read the
 * requirement map and the adaptive decisions, retry a question (htmx swaps the side-by-side
 * comparison in), download the Markdown export, print (the button, then print media and a
 * PDF), all under the strict CSP with no console error. Screenshots land in
 * tests/e2e/screenshots/ (feedback-insights-*.png) and the PDF beside them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { answeredInterview, contextAs, screenshot, SCREENSHOTS, useBrowserApp, watch } from '../support/browser.js';
import { strongAnswer } from '../support/answers.js';
import { Visitor } from '../support/test-app.js';

const RETRY_ANSWER =
  'At Brightline I owned the payment-authorisation service when p99 latency reached 480 ms and two merchants complained. My task was to get it under 200 ms in one quarter. I profiled the TypeScript services, removed N+1 PostgreSQL queries, added a Redis cache and moved slow work to a Kafka consumer. As a result p99 fell to 120 ms, cost dropped 18%, and both merchants renewed.';

describe('feedback insights in the browser', () => {
  const web = useBrowserApp();

  it('finishes, retries a question side by side, downloads Markdown and prints', { timeout: 120_000 }, async () => {
    // The questions are answered over HTTP (interview.e2e covers that in the browser); the
    // browser takes over the visitor's cookie and finishes the interview itself.
    const visitor = new Visitor(web.app);
    const id = await answeredInterview(visitor, strongAnswer);
    const context = await contextAs(web.browser, web.base, visitor, { viewport: { width: 1100, height: 900 }, acceptDownloads: true });
    const seen = await watch(context);
    const page = await context.newPage();

    await page.goto(`${web.base}/session/${id}/interview`);
    await page.click('#finish-button');
    await page.waitForURL(/\/feedback$/);

    // The requirement map, the adaptive flow and per-answer key points.
    const requirements = page.locator('#requirements li[data-status]');
    expect(await requirements.count()).toBeGreaterThan(3);
    expect(await page.locator('#req-kafka').getAttribute('data-status')).toBe('demonstrated');
    expect(await page.locator('#req-kafka .requirement-status').textContent()).toContain('Demonstrated');
    expect(await page.locator('#decisions').isVisible()).toBe(true);
    expect(await page.locator('#decisions li').count()).toBeGreaterThan(0);
    await screenshot(page, 'feedback-insights-01-feedback');

    // A CV tip's requirement link jumps to its anchor.
    const tipLink = page.locator('#cv-tips a.requirement-link').first();
    expect(await tipLink.count()).toBe(1);
    const href = await tipLink.getAttribute('href');
    await tipLink.click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe(href);
    expect(await page.locator(href!).isVisible()).toBe(true);

    // The print buttons are there (app.js shows them) and call window.print.
    expect(await page.locator('#print').isVisible()).toBe(true);
    expect(await page.locator('#print-all').isVisible()).toBe(true);
    await page.evaluate(() => {
      window.print = () => document.body.setAttribute('data-printed', String(document.querySelectorAll('details:not([open])').length));
    });
    await page.click('#print');
    // "Print" prints the page as it is: the adaptation log is still closed.
    expect(Number(await page.locator('body').getAttribute('data-printed'))).toBeGreaterThan(0);

    // Download the Markdown export.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-markdown')]);
    expect(download.suggestedFilename()).toMatch(/^rehearse-senior-backend-engineer-\d{4}-\d{2}-\d{2}\.md$/);
    const saved = path.join(SCREENSHOTS, 'feedback-insights-export.md');
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await download.saveAs(saved);
    const markdown = fs.readFileSync(saved, 'utf8');
    expect(markdown.startsWith('# Interview feedback: Senior Backend Engineer at Northwind Health')).toBe(true);
    expect(markdown).toContain('## Job requirements');
    expect(markdown).toMatch(/^### Question 8\b/m);

    // Print media: no navigation, buttons or forms; black on white; every answer's detail shown.
    await page.emulateMedia({ media: 'print' });
    const printed = () =>
      page.evaluate(() => {
        const shown = (sel: string) => document.querySelector(sel)?.checkVisibility() ?? 'missing';
        return {
          header: shown('.site-header'),
          exportLink: shown('#export-markdown'),
          print: shown('#print'),
          retryLink: shown('#retry-link-1'),
          fixes: shown('#top-fixes'),
          // Opened by the CV tip's link above: open sections are printed, closed ones left out.
          requirements: shown('#requirements .requirement-status'),
          decisions: shown('#decisions'),
          background: getComputedStyle(document.body).backgroundColor,
          headline: getComputedStyle(document.querySelector('.headline')!).color,
        };
      });
    expect(await printed()).toEqual({
      header: false,
      exportLink: false,
      print: false,
      retryLink: false,
      fixes: true,
      requirements: true,
      decisions: false,
      background: 'rgb(255, 255, 255)',
      headline: 'rgb(0, 0, 0)',
    });
    await screenshot(page, 'feedback-insights-02-print-media');
    const pdf = await page.pdf({ path: path.join(SCREENSHOTS, 'feedback-insights-print.pdf'), format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // "Print everything" opens every section for the print.
    await page.emulateMedia({ media: 'screen' });
    await page.click('#print-all');
    expect(await page.locator('body').getAttribute('data-printed')).toBe('0');
    await page.emulateMedia({ media: 'print' });
    expect(await printed()).toMatchObject({ decisions: true, requirements: true, retryLink: false });
    await page.emulateMedia({ media: 'screen' });

    // Retry question 2: the form posts with htmx and the comparison is swapped in.
    expect(await page.locator('#retry-link-2').isVisible()).toBe(true);
    await page.click('#retry-link-2');
    await page.waitForURL(/\/retry\/2$/);
    expect(await page.locator('#original-attempt').isVisible()).toBe(true);
    await page.fill('#retry-answer', RETRY_ANSWER);
    await page.click('#retry-submit');
    await page.locator('#retry-comparison').waitFor();
    expect(page.url()).toMatch(/\/retry\/2$/);
    expect(await page.locator('#retry-comparison #original-evaluation').isVisible()).toBe(true);
    expect(await page.locator('#retry-comparison #retry-evaluation').textContent()).toContain('payment-authorisation service');
    expect(await page.locator('#retry-change').textContent()).toMatch(/Your score (went|stayed)/);
    // Side by side on a wide screen.
    const left = await page.locator('#original-evaluation').boundingBox();
    const right = await page.locator('#retry-evaluation').boundingBox();
    expect(right!.x).toBeGreaterThan(left!.x + left!.width - 1);
    expect(await page.locator('#retry-answer').inputValue()).toBe('');
    await screenshot(page, 'feedback-insights-03-retry');

    expect(seen.violations).toEqual([]);
    expect(seen.errors).toEqual([]);
    await context.close();
  });

  it('retries a question with JavaScript off (plain form, Post/Redirect/Get)', { timeout: 60_000 }, async () => {
    const visitor = new Visitor(web.app);
    const id = await answeredInterview(visitor, strongAnswer, { complete: true });
    const context = await contextAs(web.browser, web.base, visitor, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${web.base}/session/${id}/feedback`);
    // Without the script there is no print button to press; the download link still works.
    expect(await page.locator('#print').isVisible()).toBe(false);
    expect(await page.locator('#export-markdown').isVisible()).toBe(true);
    // The questions are one level down: open the section, then the retry link is there.
    await page.click('#questions > summary');
    await page.click('#retry-link-4');
    await page.waitForURL(/\/retry\/4$/);
    await page.fill('#retry-answer', RETRY_ANSWER);
    await page.click('#retry-submit');
    await page.waitForURL(/\/retry\/4$/);
    expect(await page.locator('#retry-comparison #retry-evaluation').textContent()).toContain('payment-authorisation service');
    await context.close();
  });
});
