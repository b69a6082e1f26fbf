import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Where browser tests leave their screenshots for a person to look at (git-ignored). */
export const SCREENSHOTS = path.resolve(import.meta.dirname, '../e2e/screenshots');

/** Starts `app` on 127.0.0.1 with a free port and returns its base URL. */
export async function listenLocally(app: FastifyInstance): Promise<string> {
  await app.listen({ host: '127.0.0.1', port: 0 });
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}

/**
 * Saves a screenshot under SCREENSHOTS. caret: 'initial' — hiding the caret makes Playwright
 * inject an inline style, which the Content-Security-Policy (rightly) blocks and reports as a
 * console error.
 */
export async function screenshot(page: Page, name: string, fullPage = true): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage, caret: 'initial' });
}

/** Debian's chromium: the real binary lives in /usr/lib/chromium; /usr/bin/chromium is a wrapper. */
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/lib/chromium/chromium', '/usr/bin/chromium'].filter(Boolean) as string[];
  const found = candidates.find((p) => fs.existsSync(p));
  if (!found) throw new Error(`Chromium not found (looked in ${candidates.join(', ')}). Install it: apt-get install chromium`);
  return found;
}

export async function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      ...extraArgs,
    ],
  });
}
