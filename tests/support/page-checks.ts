/**
 * What a person meets on a page, measured in a real browser: how tall it is, whether it
 * scrolls sideways, what axe-core finds, whether an element is on the first screen, and how a
 * printed PDF turns out. Shared by the browser tests (which assert on them) and
 * bench/page-sizes.ts (which reports them).
 */
import { createRequire } from 'node:module';
import fs from 'node:fs';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const DESKTOP = { width: 1280, height: 900 } as const;
export const PHONE = { width: 390, height: 844 } as const;
/** The narrowest phone the layout is checked at for sideways scrolling. */
export const NARROW = { width: 360, height: 740 } as const;

/** The document's full height in CSS pixels. */
export function pageHeight(page: Page): Promise<number> {
  return page.evaluate(() => Math.max(document.documentElement.scrollHeight, document.body.scrollHeight));
}

/**
 * Elements wider than the viewport, or reaching past its right edge, that make the page
 * scroll sideways (empty when it does not). Content inside a scroll box of its own does not
 * count: only the document scrolling sideways does.
 */
export function horizontalOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const root = document.documentElement;
    if (root.scrollWidth <= root.clientWidth) return [];
    const width = root.clientWidth;
    const culprits: string[] = [];
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.right <= width + 1) continue;
      // Inside something that clips or scrolls by itself: not the page's problem.
      let clipped = false;
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        const o = getComputedStyle(p).overflowX;
        if (o !== 'visible') {
          clipped = p.getBoundingClientRect().right <= width + 1;
          break;
        }
      }
      if (clipped) continue;
      const id = el.id ? `#${el.id}` : '';
      const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
      culprits.push(`${el.tagName.toLowerCase()}${id}${cls} (right edge ${Math.round(box.right)} px > ${width})`);
      if (culprits.length >= 5) break;
    }
    return culprits.length ? culprits : [`document ${root.scrollWidth} px wide in a ${width} px viewport`];
  });
}

/** Opens (or closes) every <details> on the page. */
export async function setAllDetails(page: Page, open: boolean): Promise<void> {
  await page.evaluate((o) => {
    for (const d of Array.from(document.querySelectorAll('details'))) d.open = o;
  }, open);
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * Runs axe-core (WCAG 2.0–2.2 A/AA and best practices) on the page as it is now and returns
 * its violations. axe is injected with page.evaluate, which the page's Content-Security-Policy
 * does not see (no <script> element is added).
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  if (!loaded) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
  });
}

/** "heading-order (moderate): Heading levels should only increase by one — h4.x" lines, for a readable failure. */
export function describeViolations(violations: readonly AxeViolation[]): string[] {
  return violations.map((v) => `${v.id} (${v.impact ?? 'n/a'}): ${v.help} — ${v.nodes.join(', ')}`);
}

/**
 * Where `selector` is relative to the first screen (scrolled to the top): true when the whole
 * element lies inside the viewport.
 */
export async function onFirstScreen(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel);
    if (!el) return false;
    const box = el.getBoundingClientRect();
    const top = box.top + window.scrollY;
    const bottom = box.bottom + window.scrollY;
    return box.height > 0 && top >= 0 && bottom <= window.innerHeight;
  }, selector);
}

/** True when the element's top edge is inside the viewport as the page is scrolled now. */
export function topInView(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel);
    if (!el) return false;
    const box = el.getBoundingClientRect();
    return box.height > 0 && box.top >= 0 && box.top < window.innerHeight;
  }, selector);
}

export interface PrintedPages {
  pages: number;
  /**
   * How far down each page the ink goes, as a fraction of the page's height (0 = blank,
   * about 0.95 = printed to the bottom margin).
   */
  inkDepth: number[];
}

/**
 * The pages of a PDF and how far down each is printed, read with pdfjs-dist (the parser the
 * app itself uses): the lowest line of text on each page. The feedback page prints text in
 * every block, so the lowest text is where the page's content ends.
 */
export async function pdfPages(pdf: Buffer): Promise<PrintedPages> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, useSystemFonts: false }).promise;
  try {
    const inkDepth: number[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const height = page.getViewport({ scale: 1 }).height;
      const { items } = await page.getTextContent();
      let lowest = 0;
      for (const item of items) {
        if (!('str' in item) || !item.str.trim()) continue;
        // transform[5] is the baseline's distance from the page's bottom edge.
        lowest = Math.max(lowest, (height - Number(item.transform[5])) / height);
      }
      inkDepth.push(lowest);
    }
    return { pages: doc.numPages, inkDepth };
  } finally {
    await doc.destroy();
  }
}

/**
 * Pages (1-based) that are mostly blank: every page but the last should be printed at least
 * half way down (a page left three-quarters empty because the next block did not fit is what
 * this catches; the last page may be short).
 */
export function mostlyBlankPages({ inkDepth }: PrintedPages): number[] {
  return inkDepth.flatMap((depth, i) => (i < inkDepth.length - 1 && depth < 0.5 ? [i + 1] : []));
}

export const countWords = (text: string) => (text.match(/\S+/g) ?? []).length;
