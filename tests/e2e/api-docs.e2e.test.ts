/**
 * The JSON API's reference page (/api/v1/docs) in a real browser: it lists the operations,
 * under its Content-Security-Policy, with no violation and no console error.
 */
import { describe, expect, it } from 'vitest';
import { useBrowserApp, watch } from '../support/browser.js';

describe('the API reference page', () => {
  const web = useBrowserApp();

  it('renders every operation without a CSP violation', { timeout: 60_000 }, async () => {
    const context = await web.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const seen = await watch(context);
    const page = await context.newPage();
    await page.goto(`${web.base}/api/v1/docs`);
    await page.locator('.opblock').first().waitFor();
    expect(await page.locator('.opblock').count()).toBeGreaterThanOrEqual(15);
    expect(await page.locator('.info .title').textContent()).toContain('Rehearse API');
    expect(seen).toEqual({ violations: [], errors: [] });
    await context.close();
  });
});
