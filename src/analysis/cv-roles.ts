/**
 * Finds jobs on a CV: a date range ("Mar 2021 – Present", "2018 - 2020", "06/2017 to 02/2021")
 * plus the title and employer written on the same line or just above it, and turns the ranges
 * into total years of experience (overlapping jobs are not double-counted).
 */
import { ROLE_WORD } from './role-words.js';

/** One job on the CV. */
export interface CvRole {
  title: string;
  company: string;
  /** The date range as written, e.g. "Mar 2021 – Present". */
  dates: string;
  /** Months since year 0, so ranges can be merged. */
  startMonth: number;
  endMonth: number;
}

const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const POINT = (p: string) => `(?:(?<${p}m>${MONTH})\\s+|(?<${p}n>0?[1-9]|1[0-2])[/.])?(?<${p}y>(?:19|20)\\d{2})`;
/** A start–end date range; the end may be a date or "present". */
export const DATE_RANGE = new RegExp(
  `${POINT('s')}\\s*(?:-|–|—|to|until)\\s*(?:${POINT('e')}|(?<now>present|current|now|today|date))`,
  'i',
);
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function monthIndex(name: string | undefined, numeric: string | undefined): number {
  if (name) return Math.max(0, MONTHS.indexOf(name.slice(0, 3).toLowerCase()));
  return numeric ? Number(numeric) - 1 : 0;
}

/** Parses a date range in `line`, or returns null. "Present" means mid-`referenceYear`. */
export function parseDateRange(line: string, referenceYear: number): { dates: string; start: number; end: number } | null {
  const m = DATE_RANGE.exec(line);
  const g = m?.groups;
  if (!m || !g?.sy) return null;
  const start = Number(g.sy) * 12 + monthIndex(g.sm, g.sn);
  const end = g.now ? referenceYear * 12 + 6 : Number(g.ey) * 12 + monthIndex(g.em, g.en);
  return { dates: m[0], start, end: Math.max(start, end) };
}

const clean = (s: string) =>
  s
    .replace(/\(\s*\)|\[\s*\]/g, '')
    .replace(/^[\s,|·•:–—-]+|[\s,|·•:–—(-]+$/g, '')
    .trim();

/**
 * Splits a role heading such as "Staff Nurse — Salford Royal Hospital" or
 * "Acme Corp | Senior Engineer" into title and company (the part with a job word is the title).
 */
export function parseRoleHeading(heading: string): { title: string; company: string } {
  const text = clean(heading);
  let parts = text.split(/\s+[|—–-]\s+|\s+at\s+|\s+@\s+|\s*·\s*/).map(clean).filter(Boolean);
  if (parts.length < 2) parts = text.split(/,\s+/).map(clean).filter(Boolean);
  const titleAt = Math.max(0, parts.findIndex((p) => ROLE_WORD.test(p)));
  const title = parts[titleAt] ?? '';
  const company = parts.find((_, i) => i !== titleAt) ?? '';
  return { title, company };
}

/** Total years covered by the roles, merging overlaps, to one decimal place. */
export function totalYears(roles: readonly CvRole[]): number {
  const spans = roles.map((r) => [r.startMonth, r.endMonth] as const).sort((a, b) => a[0] - b[0]);
  let months = 0;
  let curStart = -1;
  let curEnd = -1;
  for (const [s, e] of spans) {
    if (s > curEnd) {
      months += curEnd - curStart;
      curStart = s;
      curEnd = e;
    } else curEnd = Math.max(curEnd, e);
  }
  months += curEnd - curStart;
  return Math.round((months / 12) * 10) / 10;
}
