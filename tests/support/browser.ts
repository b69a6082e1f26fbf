import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect } from 'vitest';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { buildApp } from '../../src/app.js';
import { testConfig } from '../../src/config.js';
import { answerAll, setUpSession, type CurrentQuestion } from './interview-driver.js';
import type { Visitor } from './test-app.js';

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

/** What a browser context showed: CSP violations, and any other console or page error. */
export interface Seen {
  violations: string[];
  errors: string[];
}

/** Records CSP violations (DOM event and console line) and any other console or page error. */
export async function watch(context: BrowserContext): Promise<Seen> {
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

/** Collects `page`'s console errors and uncaught page errors into `errors` (returned). */
export function collectConsoleErrors(page: Page, errors: string[] = []): string[] {
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(err.message));
  return errors;
}

/** The app (test config) on a local port and a chromium, for one describe block. */
export interface BrowserApp {
  readonly app: FastifyInstance;
  readonly browser: Browser;
  /** The app's base URL. */
  readonly base: string;
}

/** Starts the app and chromium before the block's tests and closes both after them. */
export function useBrowserApp(): BrowserApp {
  const started: { app?: FastifyInstance; browser?: Browser; base?: string } = {};
  beforeAll(async () => {
    started.app = await buildApp(testConfig());
    started.base = await listenLocally(started.app);
    started.browser = await launchChromium();
  });
  afterAll(async () => {
    await started.browser?.close();
    await started.app?.close();
  });
  return {
    get app() {
      return started.app!;
    },
    get browser() {
      return started.browser!;
    },
    get base() {
      return started.base!;
    },
  };
}

/**
 * Walks `visitor` over HTTP to an interview with every question answered by `answerFor`
 * (started, not finished; `complete` also finishes it) and returns its id.
 */
export async function answeredInterview(
  visitor: Visitor,
  answerFor: (q: CurrentQuestion) => string,
  { complete = false }: { complete?: boolean } = {},
): Promise<string> {
  const id = await setUpSession(visitor);
  await visitor.post(`/session/${id}/start`);
  await answerAll(visitor, id, answerFor);
  if (complete) expect((await visitor.post(`/session/${id}/complete`)).statusCode).toBe(303);
  return id;
}

/** The question the page is showing (as the interview driver reads it over HTTP), or null when none is waiting. */
export async function shownQuestion(page: Page): Promise<CurrentQuestion | null> {
  const question = page.locator('#question');
  if ((await question.count()) === 0) return null;
  return {
    id: (await page.locator('input[name=question_id]').getAttribute('value')) ?? '',
    number: Number(await question.getAttribute('data-question-number')),
    kind: (await question.getAttribute('data-kind')) ?? 'question',
    text: '',
  };
}

/** A new browser context that carries `visitor`'s cookie, so the browser takes over its interviews. */
export async function contextAs(browser: Browser, base: string, visitor: Visitor, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const [name, ...value] = visitor.cookieHeader!.split('=');
  const context = await browser.newContext(options);
  await context.addCookies([{ name: name!, value: value.join('='), url: base }]);
  return context;
}
