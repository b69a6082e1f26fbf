/**
 * Text clean-up shared by every document format. Extractors (pdf-parse, mammoth, a
 * .txt decoder) hand us text with layout artefacts — page markers, ligatures,
 * hyphenated line breaks, bullet glyphs, ragged whitespace — that would otherwise end
 * up in prompts and word counts.
 */

/** Characters that are invisible and only get in the way: soft hyphen, zero-width space/joiners, word joiner, BOM, Mongolian vowel separator. */
const INVISIBLE = /[\u00AD\u180E\u200B-\u200D\u2060\uFEFF]/g;
/** Control characters other than tab and newline (C0, DEL, C1). Form feeds and friends are turned into newlines first. */
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
/** Line/page separators some extractors use instead of "\n". */
const LINE_SEPARATORS = /[\f\v\u0085\u2028\u2029]/g;
/** Runs of horizontal whitespace, including every Unicode space separator. */
const HORIZONTAL_SPACE = /[\t\p{Zs}]+/gu;

/**
 * Whole lines that are page furniture rather than content.
 * - `-- 3 of 4 --`: the separator pdf-parse v2 appends to every page by default
 *   (`pageJoiner: '\n-- page_number of total_number --'`).
 * - `Page 3`, `Page 3 of 4`, `Page 3/4`, `3 of 4`, `3 / 4`.
 * - Lone page numbers: `3`, `- 3 -`. At most three digits, so a year on its own line survives.
 */
const PAGE_MARKERS: readonly RegExp[] = [
  /^--\s*\d{1,5}\s+of\s+\d{1,5}\s*--$/i,
  /^page\s*\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?$/i,
  /^\d{1,4}\s*(?:of|\/)\s*\d{1,4}$/i,
  /^(?:[-–—]\s*)?\d{1,3}(?:\s*[-–—])?$/,
];

/**
 * Bullet glyphs at the start of a line: typographic bullets, squares, arrows, check
 * marks, the private-use glyphs Word's Symbol/Wingdings bullets come out as, and
 * dashes or asterisks followed by a space.
 */
const BULLET = /^(?:[•◦‣⁃∙·●○◉▪▫■□◆◇❖►▶▸▹➢➣➤➔→✓✔✗✘\uF0A7\uF0A8\uF0B7\uF0D8\uF0E0\uF0FC\uF06C\uF06E\uF076]\s*|[-–—*+]\s+)/u;

/** First halves that usually start a real compound ("self-hosted"), so a line-end hyphen after them is kept. */
const COMPOUND_HEADS = new Set([
  'self', 'cross', 'non', 'co', 'multi', 'full', 'back', 'front', 'end', 'well', 'high', 'low', 'long', 'short',
  'real', 'open', 'event', 'data', 'test', 'user', 'client', 'server', 'cloud', 'on', 'off', 'part', 'mid', 'hands',
  'state', 'fault', 'large', 'small', 'fine', 'top', 'peer', 'to', 'one', 'two', 'three', 'half', 'year', 'day',
  'team', 'customer', 'mission', 'business', 'cost', 'time', 'zero', 'production', 'e',
]);
/** Second halves that usually end a real compound ("data-driven"). */
const COMPOUND_TAILS = new Set([
  'based', 'driven', 'facing', 'level', 'scale', 'time', 'term', 'stack', 'end', 'side', 'house', 'source', 'party',
  'grained', 'oriented', 'friendly', 'ready', 'critical', 'first', 'native', 'managed', 'hosted', 'specific', 'wide',
  'related', 'sensitive', 'aware', 'intensive', 'focused', 'led', 'owned', 'functional', 'minded', 'known', 'only',
  'call', 'prem', 'premises', 'hoc', 'to', 'downtime', 'quality', 'tier',
]);

const PAGE_BREAK = Symbol('page break');
type Line = string | typeof PAGE_BREAK;

export function normalizeText(raw: string): string {
  let text = raw.replace(/\r\n?/g, '\n').replace(LINE_SEPARATORS, '\n');
  text = text.normalize('NFKC');
  text = text.replace(INVISIBLE, '').replace(CONTROL, '');

  const lines: Line[] = text.split('\n').map((line) => {
    const clean = line.replace(HORIZONTAL_SPACE, ' ').trim();
    if (PAGE_MARKERS.some((marker) => marker.test(clean))) return PAGE_BREAK;
    return normalizeBullet(clean);
  });

  return joinLines(lines);
}

function normalizeBullet(line: string): string {
  const match = BULLET.exec(line);
  if (!match) return line;
  const rest = line.slice(match[0].length);
  // A glyph alone on its line ("•") becomes "-"; joinLines() then pulls in the text from the next line.
  return rest === '' ? '-' : `- ${rest}`;
}

function joinLines(lines: Line[]): string {
  const out: string[] = [];
  let pendingBlank = false;
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i];
    if (line === PAGE_BREAK || line === '' || line === undefined) {
      pendingBlank = out.length > 0;
      continue;
    }
    // A bullet glyph alone on its line, with its text on the next one.
    if (line === '-') {
      const next = lines[i + 1];
      if (typeof next === 'string' && next !== '' && !next.startsWith('- ')) {
        line = `- ${next}`;
        i++;
      }
    }
    // Words hyphenated across a line (or page) break: "manage-" + "ment of ..." → "management of ...".
    for (;;) {
      if (!/[\p{L}\p{N}]-$/u.test(line)) break;
      const next = nextContentLine(lines, i);
      if (!next || !/^\p{Ll}/u.test(next.text)) break;
      line = joinHyphenated(line, next.text);
      i = next.index;
    }
    if (pendingBlank) out.push('');
    pendingBlank = false;
    out.push(line);
  }
  return out.join('\n').trim();
}

/** The next non-empty line after `i`; blank lines are only skipped when a page break sits among them. */
function nextContentLine(lines: Line[], i: number): { text: string; index: number } | null {
  let sawPageBreak = false;
  let blank = false;
  for (let j = i + 1; j < lines.length; j++) {
    const line = lines[j];
    if (line === PAGE_BREAK) sawPageBreak = true;
    else if (line === '' || line === undefined) blank = true;
    else return blank && !sawPageBreak ? null : { text: line, index: j };
  }
  return null;
}

function joinHyphenated(line: string, next: string): string {
  const head = /([\p{L}\p{N}]+)-$/u.exec(line)?.[1] ?? '';
  const tail = /^[\p{L}]+/u.exec(next)?.[0] ?? '';
  const keepHyphen =
    /\p{N}$/u.test(head) || // "24-" + "hour"
    (head.match(/\p{Lu}/gu)?.length ?? 0) >= 2 || // "API-" + "first"
    COMPOUND_HEADS.has(head.toLowerCase()) ||
    COMPOUND_TAILS.has(tail.toLowerCase());
  return keepHyphen ? `${line}${next}` : `${line.slice(0, -1)}${next}`;
}

/**
 * Cuts `text` to at most `maxChars` characters, at the best boundary in the last 15%
 * before the cap: a paragraph break, else the end of a sentence or line, else a
 * space, else (one enormous word) exactly at the cap.
 */
export function truncateText(text: string, maxChars: number): { text: string; truncated: boolean } {
  if (text.length <= maxChars) return { text, truncated: false };
  const limit = Math.max(0, Math.floor(maxChars));
  const floor = Math.floor(limit * 0.85);
  const head = text.slice(0, limit + 1); // +1: a boundary right at the cap still counts

  let cut = head.lastIndexOf('\n\n', limit);
  if (cut < floor) {
    cut = Math.max(lastSentenceEnd(head, limit), head.lastIndexOf('\n', limit));
  }
  if (cut < floor) cut = head.lastIndexOf(' ', limit);
  if (cut < floor) {
    cut = limit;
    const code = text.charCodeAt(cut - 1);
    if (code >= 0xd800 && code <= 0xdbff) cut--; // never split a surrogate pair
  }
  return { text: text.slice(0, cut).trimEnd(), truncated: true };
}

/** Index just after the last ".", "!", "?" or "…" (plus closing quotes/brackets) that is followed by whitespace, within `limit`. */
function lastSentenceEnd(head: string, limit: number): number {
  const pattern = /[.!?…]["'”’)\]]*(?=\s)/g;
  let best = -1;
  for (let m = pattern.exec(head); m !== null; m = pattern.exec(head)) {
    const end = m.index + m[0].length;
    if (end <= limit) best = end;
  }
  return best;
}

/** Whitespace-separated tokens that contain at least one letter or digit (so "-" bullets and "|" don't count). */
export function countWords(text: string): number {
  let count = 0;
  for (const token of text.split(/\s+/)) if (/[\p{L}\p{N}]/u.test(token)) count++;
  return count;
}
