/**
 * Small, dependency-free text helpers shared by the offline interviewer. Everything here is
 * pure and deterministic: the offline provider must give the same output for the same input.
 */

/** A sentence (or bullet line) of a larger text, sliced verbatim so it can be quoted exactly. */
export interface Sentence {
  text: string;
  start: number;
}

/** FNV-1a 32-bit hash: fast, stable across runs and platforms, good enough for cache keys. */
export function hashText(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
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
 * Splits text into sentences and lines. Each piece is an exact slice of the input (minus
 * list markers and outer whitespace) so it can be used as a verbatim quote.
 */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const boundary = /(?<=[.!?])\s+(?=["'“(]?[A-Z0-9])|\s*\n\s*/g;
  let from = 0;
  const push = (end: number) => {
    const raw = text.slice(from, end);
    const lead = raw.length - raw.trimStart().length;
    const marker = BULLET.exec(raw.trimStart());
    const skip = lead + (marker ? marker[0].length : 0);
    const body = raw.slice(skip).trimEnd();
    if (/[\p{L}\p{N}]/u.test(body)) out.push({ text: body, start: from + skip });
  };
  for (let m = boundary.exec(text); m; m = boundary.exec(text)) {
    push(m.index);
    from = m.index + m[0].length;
  }
  push(text.length);
  return out;
}

/** Counts words (runs of letters/digits, allowing inner apostrophes and hyphens). */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}][\p{L}\p{N}'’+#.-]*/gu)?.length ?? 0;
}

/**
 * Shortens text to at most `max` characters on a word boundary, adding "…" when cut.
 * For display inside questions; not for quotes (those must stay exact).
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
 * Bounded memo keyed by a hash of the source text. The full source is stored and compared
 * so a hash collision can never return another document's analysis.
 */
export class TextCache<V> {
  private readonly entries = new Map<string, { source: string; value: V }>();

  constructor(private readonly limit = 64) {}

  get(source: string, compute: () => V): V {
    const key = `${hashText(source).toString(36)}:${source.length}`;
    const hit = this.entries.get(key);
    if (hit && hit.source === source) {
      // Re-insert so the Map's insertion order doubles as least-recently-used order.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.value;
    }
    const value = compute();
    this.entries.delete(key);
    this.entries.set(key, { source, value });
    if (this.entries.size > this.limit) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return value;
  }
}

/** Words that make a short line look like a job title ("Senior Staff Nurse", "Account Executive"). */
export const ROLE_WORD =
  /\b(engineer|developer|programmer|architect|manager|director|lead|head|nurse|midwife|doctor|physician|therapist|assistant|associate|analyst|scientist|designer|consultant|specialist|coordinator|officer|administrator|executive|representative|accountant|auditor|teacher|lecturer|intern|technician|advis[eo]r|supervisor|founder|cto|ceo|vp|president|clerk|agent|marketer|writer|editor|recruiter|sre|tester|buyer|planner|operator|carer|worker|chef|pharmacist|paramedic|practitioner|sister|matron|owner|strategist|controller|partner)s?\b/i;

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
