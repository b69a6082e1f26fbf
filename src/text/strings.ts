/**
 * String helpers for text shown to people: shortening on word boundaries, exact quotes,
 * capitalisation, list markers and headings. Pure and deterministic.
 */

/** True for the characters `\s` matches in a regular expression. */
function isSpace(c: number): boolean {
  return (
    c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/**
 * `text.split(/\s+/).length` (the pieces between runs of white space, an empty piece at either
 * end included) without building the array: scorers ask it of every sentence of an answer.
 */
export function spaceSeparatedCount(text: string): number {
  let runs = 0;
  let inSpace = false;
  for (let i = 0; i < text.length; i++) {
    const space = isSpace(text.charCodeAt(i));
    if (space && !inSpace) runs++;
    inSpace = space;
  }
  return runs + 1;
}

/** Clamps and rounds `n` into the integer range [lo, hi]. */
export function clampInt(n: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, Math.round(n)));
}

/** Picks an element deterministically from a non-empty list using a seed. */
export function pick<T>(items: readonly [T, ...T[]], seed: number): T {
  return items[Math.abs(seed) % items.length] ?? items[0];
}

const BULLET = /^(?:[-*•·▪◦‣–—]|\d{1,2}[.)])\s+/;

/** True when a line starts with a list marker ("- ", "• ", "1. "). */
export function isBulletLine(line: string): boolean {
  return BULLET.test(line.trimStart());
}

/** Removes a leading list marker and surrounding whitespace. */
export function stripBullet(line: string): string {
  return line.trim().replace(BULLET, '').trim();
}

/**
 * Shortens text to at most `max` characters on a word boundary, adding "…" when cut.
 * For display; not for quotes (those must stay exact).
 */
export function shorten(text: string, max = 120): string {
  const clean = text.replace(/\s+/g, ' ').trim().replace(/[.;:,]+$/, '');
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.(–—-]+$/, '')}…`;
}

/** An exact prefix of `text` no longer than `max` characters, cut at a word boundary. */
export function clipQuote(text: string, max = 300): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return (space > max / 2 ? cut.slice(0, space) : cut).trimEnd();
}

/** Lower-cases the first letter unless the first word looks like an acronym or name. */
export function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

/** Upper-cases the first letter. */
export function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * If `line` looks like a section heading (short, no sentence punctuation, maybe "##" or a
 * trailing colon), returns it lower-cased without decoration; otherwise null.
 */
export function headingOf(line: string): string | null {
  const text = line.trim().replace(/^#+\s*/, '').replace(/^\*\*(.*)\*\*$/, '$1').replace(/:$/, '').trim();
  if (!text || text.length > 60 || isBulletLine(line) || /[.!?]$/.test(text)) return null;
  if (text.split(/\s+/).length > 6) return null;
  return text.toLowerCase();
}
