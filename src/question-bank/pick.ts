/**
 * Choosing bank entries: `pickEntries` for the offline interviewer (filters, then ranks by tag
 * match with a seeded but deterministic tie-break) and `examplesFor` for remote prompts (ranks
 * by overlap with the job, then spreads the picks over competencies).
 */
import { findSkills } from '../analysis/skill-matcher.js';
import { LEVELS, type CompetencyId, type Level } from '../interview/definitions.js';
import { QUESTION_BANK } from './bank.js';
import { competencySignals } from './classify.js';
import type { BankEntry, BankKind } from './types.js';
import { contentStems, phraseIn, stems } from './words.js';
import { ROLE_AREAS, type RoleArea } from './entries/role-areas.js';

export interface PickQuery {
  level: Level;
  competency?: CompetencyId | undefined;
  kinds?: readonly BankKind[] | undefined;
  /** Skills or role areas of the job ("PostgreSQL", "backend"); entries tagged with them rank first. */
  tags?: readonly string[] | undefined;
  /** Entry ids not to return (already asked). */
  exclude?: ReadonlySet<string> | undefined;
  /** Varies the order among equally good entries; the same seed gives the same order. */
  seed?: number | undefined;
}

/** Levels to try in order: the level itself, then the adjacent ones, then the far one. */
function levelsNear(level: Level): Level[][] {
  const i = LEVELS.indexOf(level);
  return [0, 1, 2]
    .map((d) => LEVELS.filter((_l, j) => Math.abs(j - i) === d))
    .filter((ls) => ls.length > 0);
}

/** FNV-1a of the id mixed with the seed: a stable pseudo-random tie-break. */
function tieBreak(id: string, seed: number): number {
  let h = 0x811c9dc5 ^ (seed | 0);
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function matching(level: Level, q: Omit<PickQuery, 'level'>): BankEntry[] {
  return QUESTION_BANK.filter(
    (e) =>
      e.level === level &&
      (!q.competency || e.competency === q.competency) &&
      (!q.kinds || q.kinds.length === 0 || q.kinds.includes(e.kind)) &&
      !q.exclude?.has(e.id),
  );
}

/** Entries that pass the filters at the nearest level that has any. */
function nearestMatching(level: Level, q: Omit<PickQuery, 'level'>): BankEntry[] {
  for (const levels of levelsNear(level)) {
    const found = levels.flatMap((l) => matching(l, q));
    if (found.length > 0) return found;
  }
  return [];
}

/**
 * How well an entry's tags suit the query tags: one point per matching tag; an entry tagged
 * for other roles only scores -1, so a nursing question never beats a general one for an
 * engineer; untagged entries score 0.
 */
function tagScore(entry: BankEntry, queryStems: readonly string[]): number {
  if (!entry.tags || entry.tags.length === 0) return 0;
  // phraseIn both ways, with the tag's side stemmed once per entry.
  const hits = tagStemsOf(entry).filter((padded) => padded.trim() !== '' && queryStems.some((q) => ` ${q} `.includes(padded) || phraseIn(q, padded))).length;
  return hits > 0 ? hits : -1;
}

/** Each tag's stems, padded for phraseIn; the bank never changes, so stemmed once per entry. */
const tagStems = new Map<string, string[]>();
function tagStemsOf(entry: BankEntry): string[] {
  let found = tagStems.get(entry.id);
  if (!found) tagStems.set(entry.id, (found = (entry.tags ?? []).map((tag) => ` ${stems(tag).join(' ')} `)));
  return found;
}

/**
 * Bank entries for a question slot, best first: filtered by level (falling back to the
 * nearest level that has matches), competency, kinds and exclusions; ranked by tag match,
 * then by a seeded tie-break. Same query, same order.
 */
export function pickEntries(q: PickQuery): readonly BankEntry[] {
  // The bank never changes, so a query always has the same answer; the offline planner asks
  // the same few queries for every question of an interview. Bounded: cleared when full.
  const key = JSON.stringify([q.level, q.competency, q.kinds, q.tags, q.seed, [...(q.exclude ?? [])].sort()]);
  let found = picks.get(key);
  if (!found) {
    if (picks.size >= PICKS_MAX) picks.clear();
    picks.set(key, (found = rank(q)));
  }
  return found;
}
const PICKS_MAX = 2_000;
const picks = new Map<string, readonly BankEntry[]>();

function rank(q: PickQuery): BankEntry[] {
  const queryStems = (q.tags ?? []).map((t) => stems(t).join(' ')).filter(Boolean);
  const seed = q.seed ?? 0;
  return nearestMatching(q.level, q)
    .map((entry) => ({ entry, score: tagScore(entry, queryStems), tie: tieBreak(entry.id, seed) }))
    .sort((a, b) => b.score - a.score || a.tie - b.tie || a.entry.id.localeCompare(b.entry.id))
    .map((r) => r.entry);
}

export interface ExamplesQuery {
  jobTitle: string;
  jobDescription: string;
  level: Level;
  competency?: CompetencyId | undefined;
  kinds?: readonly BankKind[] | undefined;
}

const TAG_IN_TITLE = 6;
const TAG_IN_DESCRIPTION = 3;
const OTHER_ROLE = -4;
const NOT_ENGINEERING = -8;
/** Shared words count, but only up to a point: long questions must not win by length. */
const MAX_WORD_OVERLAP = 3;
/** Each signal of the entry's competency in the job text (e.g. "stakeholders") adds this, up to two. */
const COMPETENCY_SIGNAL = 2;

/** Competencies whose questions only make sense for engineering jobs. */
const ENGINEERING_ONLY = new Set<CompetencyId>(['system_design', 'debugging', 'testing', 'code_quality']);
/** Competencies whose technical-kind questions are engineering questions (their behavioural ones suit anyone). */
const ENGINEERING_WHEN_TECHNICAL = new Set<CompetencyId>(['security', 'operations', 'data']);
const ENGINEERING_CATEGORIES = new Set(['language', 'frontend', 'backend', 'mobile', 'database', 'cloud', 'devops', 'messaging', 'testing', 'ml']);
const ENGINEERING_TITLE = /\b(?:engineer\w*|develop(?:er|ment)|programm\w*|devops|sre|architect|software|data scientist|technical lead|tech lead|cto)\b/i;

/** Words that make a question about software work whatever its competency ("an incident or outage"). */
const ENGINEERING_WORDS = /\b(?:outages?|deploy\w*|quer(?:y|ies)|vulnerabilit\w*|code ?bases?|codes?|API|APIs|servers?|databases?|pipelines?|bugs?|releases?|production|on-call|latency|schema\w*|microservices?)\b/i;

/**
 * Whether an entry is an engineering question: its competency only exists in engineering, it is
 * a technical question of a competency that is technical only there, or it talks software.
 */
export function isEngineeringEntry(entry: BankEntry): boolean {
  if (ENGINEERING_ONLY.has(entry.competency)) return true;
  if (ENGINEERING_WHEN_TECHNICAL.has(entry.competency) && entry.kind === 'technical') return true;
  return !entry.tags?.length && ENGINEERING_WORDS.test(entry.text);
}

/**
 * The role area (ROLE_AREAS) a job outside engineering belongs to — nursing, sales, teaching… —
 * from its title (weighted) and description, or null when none stands out.
 */
export function roleAreaOf(title: string, description: string): RoleArea | null {
  if (isEngineeringJob(title, description)) return null;
  const titleKeys = ` ${stems(title).join(' ')} `;
  const descriptionKeys = ` ${stems(description).join(' ')} `;
  let best: RoleArea | null = null;
  let bestScore = 1;
  for (const [area, tags] of Object.entries(ROLE_AREAS) as [RoleArea, readonly string[]][]) {
    if (ENGINEERING_AREAS.has(area)) continue;
    let score = 0;
    for (const tag of tags) score += phraseIn(tag, titleKeys) ? 3 : phraseIn(tag, descriptionKeys) ? 1 : 0;
    if (score > bestScore) [best, bestScore] = [area, score];
  }
  return best;
}
const ENGINEERING_AREAS = new Set<RoleArea>(['frontend', 'backend', 'mobile', 'devops', 'dataScience']);

/** Whether a job is an engineering job: an engineering title, or at least two engineering skills. */
export function isEngineeringJob(title: string, description: string): boolean {
  if (ENGINEERING_TITLE.test(title)) return true;
  const skills = new Set(findSkills(`${title}\n${description}`).filter((m) => ENGINEERING_CATEGORIES.has(m.skill.category)).map((m) => m.skill.name));
  return skills.size >= 2;
}

interface JobView {
  title: string;
  description: string;
  words: ReadonlySet<string>;
  signals: ReadonlyMap<CompetencyId, number>;
  engineering: boolean;
}

/** How relevant an entry is to a job: its tags in the title or description, its competency's signals, shared words. */
function jobScore(entry: BankEntry, job: JobView): number {
  let score = 0;
  if (entry.tags && entry.tags.length > 0) {
    let tagHits = 0;
    for (const tag of entry.tags) {
      if (phraseIn(tag, job.title)) tagHits += TAG_IN_TITLE;
      else if (phraseIn(tag, job.description)) tagHits += TAG_IN_DESCRIPTION;
    }
    score += tagHits > 0 ? tagHits : OTHER_ROLE;
  }
  if (isEngineeringEntry(entry) && !job.engineering) score += NOT_ENGINEERING;
  score += COMPETENCY_SIGNAL * Math.min(2, job.signals.get(entry.competency) ?? 0);
  let shared = 0;
  for (const w of contentStems(entry.text)) if (job.words.has(w)) shared++;
  return score + Math.min(MAX_WORD_OVERLAP, shared);
}

/**
 * A few bank entries to show a remote model as examples of good questions for this job:
 * ranked by overlap with the job title and description, at the level (nearest level if it has
 * none), and spread over different competencies unless one is asked for.
 */
export function examplesFor(q: ExamplesQuery, n = 3): BankEntry[] {
  const job: JobView = {
    title: ` ${stems(q.jobTitle).join(' ')} `,
    description: ` ${stems(q.jobDescription).join(' ')} `,
    words: contentStems(`${q.jobTitle} ${q.jobDescription}`),
    signals: competencySignals(`${q.jobTitle}\n${q.jobDescription}`),
    engineering: isEngineeringJob(q.jobTitle, q.jobDescription),
  };
  const ranked = nearestMatching(q.level, q)
    .map((entry) => ({ entry, score: jobScore(entry, job) }))
    .sort((a, b) => b.score - a.score || a.entry.id.localeCompare(b.entry.id))
    .map((r) => r.entry);
  if (q.competency) return ranked.slice(0, n);
  const chosen: BankEntry[] = [];
  const used = new Set<CompetencyId>();
  for (const e of ranked) {
    if (chosen.length >= n) break;
    if (!used.has(e.competency)) {
      chosen.push(e);
      used.add(e.competency);
    }
  }
  for (const e of ranked) {
    if (chosen.length >= n) break;
    if (!chosen.includes(e)) chosen.push(e);
  }
  return chosen;
}
