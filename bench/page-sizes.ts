/**
 * How long the pages are, and what a person meets on them (issue 13): the height of every page
 * of the flow at a desktop (1280×900) and a phone (390×844) viewport, sideways scrolling at
 * 360 px, axe-core violations with every section expanded, the feedback page printed to an A4
 * PDF (pages, mostly blank pages) and the Markdown export's length.
 *
 * The interview is a realistic one (tests/support/answers.ts realisticAnswer: strong, middling
 * and thin answers, so there are follow-ups and weak scores), answered by the offline
 * interviewer, with one retry. Heights are CSS pixels of the whole document; the feedback page
 * is measured as it opens, with every section closed, and with every section open.
 *
 * Run: npm run bench:pages            (APPEND=1 adds the table to bench/RESULTS.md)
 */
import { buildApp } from '../src/app.js';
import { NO_RATE_LIMITS, testConfig } from '../src/config.js';
import { contextAs, launchChromium, listenLocally } from '../tests/support/browser.js';
import { fixture } from '../tests/support/interview-driver.js';
import { realisticAnswer, strongAnswer } from '../tests/support/answers.js';
import { sessionIdFrom, Visitor } from '../tests/support/test-app.js';
import { currentQuestion } from '../tests/support/interview-driver.js';
import {
  axeViolations,
  countWords,
  DESKTOP,
  horizontalOverflow,
  mostlyBlankPages,
  NARROW,
  pageHeight,
  pdfPages,
  PHONE,
  setAllDetails,
} from '../tests/support/page-checks.js';
import { appendResults } from './results.js';
import type { CurrentQuestion } from '../tests/support/interview-driver.js';

const app = await buildApp(
  testConfig({ rateLimits: NO_RATE_LIMITS }),
);
const base = await listenLocally(app);
const visitor = new Visitor(app);

async function session(): Promise<string> {
  const created = await visitor.post('/session/create', { job_title: 'Senior Backend Engineer', company_name: 'Northwind Health', interview_type: 'mixed' });
  const id = sessionIdFrom(created.headers.location as string);
  await visitor.upload(`/session/${id}/upload-cv`, {}, [{ field: 'cv_file', fileName: 'cv-alex-morgan.pdf', content: fixture('cv-alex-morgan.pdf') }]);
  await visitor.post(`/session/${id}/upload-job`, { job_description: fixture('job-backend-engineer.txt').toString('utf8') });
  return id;
}

async function answer(id: string, until: (q: CurrentQuestion, n: number) => boolean = () => false): Promise<void> {
  for (let n = 0; n < 20; n++) {
    const q = await currentQuestion(visitor, id);
    if (!q || until(q, n)) return;
    const res = await visitor.post(`/session/${id}/message`, { answer: realisticAnswer(q), question_id: q.id });
    if (res.statusCode !== 303) throw new Error(`answer ${n}: ${res.statusCode}`);
  }
}

const draft = await session();
const midway = await session();
await visitor.post(`/session/${midway}/start`);
await answer(midway, (q) => q.kind === 'follow_up' || q.number >= 3);
const ready = await session();
await visitor.post(`/session/${ready}/start`);
await answer(ready);
const done = await session();
await visitor.post(`/session/${done}/start`);
await answer(done);
await visitor.post(`/session/${done}/complete`);
await visitor.post(`/session/${done}/retry/2`, { answer: strongAnswer({ id: '', number: 2, kind: 'question', text: '' }) });

const markdown = (await visitor.get(`/session/${done}/feedback.md`)).body;

const pages: [string, string][] = [
  ['landing', '/'],
  ['dashboard', '/dashboard'],
  ['progress', '/progress'],
  ['account', '/account'],
  ['sign in', '/account/login'],
  ['upload (CV + job added)', `/session/${draft}/upload`],
  ['interview (question on screen)', `/session/${midway}/interview`],
  ['interview (ready to finish)', `/session/${ready}/interview`],
  ['feedback', `/session/${done}/feedback`],
  ['retry (after a retry)', `/session/${done}/retry/2`],
  ['delete interview', `/session/${done}/delete`],
];

const browser = await launchChromium();
const rows: string[] = [];
const axeRows: string[] = [];
const overflowRows: string[] = [];
const heights: Record<string, Record<string, number>> = {};
for (const [name, viewport] of [['desktop', DESKTOP], ['phone', PHONE]] as const) {
  const context = await contextAs(browser, base, visitor, { viewport });
  const page = await context.newPage();
  for (const [label, url] of pages) {
    await page.goto(`${base}${url}`);
    (heights[label] ??= {})[name] = await pageHeight(page);
    if (label === 'feedback') {
      await setAllDetails(page, false);
      (heights['feedback, every section closed'] ??= {})[name] = await pageHeight(page);
      await setAllDetails(page, true);
      (heights['feedback, every section open'] ??= {})[name] = await pageHeight(page);
    }
    await setAllDetails(page, true);
    const violations = await axeViolations(page);
    if (violations.length) axeRows.push(`| ${label} | ${name} | ${violations.map((v) => `${v.id} (${v.nodes.length})`).join(', ')} |`);
  }
  await context.close();
}
{
  const context = await contextAs(browser, base, visitor, { viewport: NARROW });
  const page = await context.newPage();
  for (const [label, url] of pages) {
    await page.goto(`${base}${url}`);
    await setAllDetails(page, true);
    const wide = await horizontalOverflow(page);
    if (wide.length) overflowRows.push(`| ${label} | ${wide.slice(0, 2).join('; ')} |`);
  }
  await context.close();
}
let printed = '';
{
  const context = await contextAs(browser, base, visitor, { viewport: DESKTOP });
  const page = await context.newPage();
  await page.goto(`${base}/session/${done}/feedback`);
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4' });
  const info = await pdfPages(pdf);
  printed = `${info.pages} A4 pages (printed down to: ${info.inkDepth.map((d) => `${Math.round(d * 100)}%`).join(', ')} of each page; mostly blank: ${mostlyBlankPages(info).join(', ') || 'none'})`;
  await context.close();
}
await browser.close();
await app.close();

rows.push('| page | desktop 1280×900 (px) | phone 390×844 (px) |', '|---|---|---|');
for (const [label, h] of Object.entries(heights)) rows.push(`| ${label} | ${h.desktop?.toLocaleString('en')} | ${h.phone?.toLocaleString('en')} |`);
const lines = [
  'Heights of the whole document (CSS px); the feedback page of a realistic interview (strong, middling and thin answers, follow-ups, one retry; offline interviewer; no spoken answers).',
  '',
  ...rows,
  '',
  `Feedback printed from its default view (Chromium, A4): ${printed}.`,
  `Markdown export: ${countWords(markdown).toLocaleString('en')} words; its first 12 lines:`,
  '',
  '```',
  ...markdown.split('\n').slice(0, 12),
  '```',
  '',
  'Sideways scrolling at 360×740 (every section open):',
  '',
  ...(overflowRows.length ? ['| page | wider than the screen |', '|---|---|', ...overflowRows] : ['none']),
  '',
  'axe-core 4 violations (WCAG 2.x A/AA + best practices, every section open):',
  '',
  ...(axeRows.length ? ['| page | viewport | rules (nodes) |', '|---|---|---|', ...axeRows] : ['none']),
];
if (process.env.APPEND === '1') appendResults('Page sizes, sideways scrolling and axe (issue 13)', 'npx tsx bench/page-sizes.ts', lines);
else console.log(lines.join('\n'));
