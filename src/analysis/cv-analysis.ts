/**
 * Reads a CV: its sections, roles and years of experience, the skills it shows (and where),
 * quantified achievements, and bullets that describe duties without any outcome, which are
 * the first thing a reviewer would ask the candidate to rewrite.
 */
import { ROLE_WORD } from './role-words.js';
import { DATE_RANGE, parseDateRange, parseRoleHeading, totalYears, type CvRole } from './cv-roles.js';
import { RELATED_EVIDENCE } from './skill-definition.js';
import type { SkillCategory } from './skill-lexicon.js';
import { findSkills, type SkillMatch } from './skill-matcher.js';
import { countWords, headingOf, isBulletLine, splitSentences, stripBullet, TextCache } from '../text/index.js';

/** Sections a CV is split into; 'header' is everything before the first heading. */
type CvSection = 'header' | 'summary' | 'experience' | 'skills' | 'education' | 'projects' | 'certifications' | 'other';

/** One CV line (a bullet, heading or sentence) with what it shows. */
export interface CvLine {
  text: string;
  section: CvSection;
  /** Index into `roles` of the job this line sits under, or -1. */
  role: number;
  isBullet: boolean;
  isRoleHeading: boolean;
  skills: SkillMatch[];
  quantified: boolean;
  hasOutcome: boolean;
}

/** A skill the CV shows. */
export interface CvSkill {
  name: string;
  category: SkillCategory;
  /** Every alias the CV uses for it, as written ("k8s", "Kubernetes"). */
  aliases: string[];
  /** The strongest line showing it: a quantified achievement beats a skills-list entry. */
  evidence: CvLine;
}

/** Everything read from a CV. */
export interface CvProfile {
  skills: CvSkill[];
  roles: CvRole[];
  totalYears: number;
  achievements: CvLine[];
  bulletsWithoutOutcome: CvLine[];
  sections: CvSection[];
  wordCount: number;
  lines: CvLine[];
}

const SECTIONS: [CvSection, RegExp][] = [
  ['summary', /^((professional|personal|career) )?(summary|profile|about( me)?|objective|overview|statement)$/],
  ['experience', /^((work|professional|employment|career|relevant|clinical|industry|nursing) )?(experience|history)$|^employment( history)?$/],
  ['skills', /^((key|core|technical|relevant|professional) )?(skills|competencies|competences|expertise|technologies|tech stack|tools)( (and|&) [a-z ]+)?$/],
  ['education', /^(education|academic [a-z]+|qualifications|education (and|&) [a-z]+|training)$/],
  ['projects', /^((personal|side|selected|key|open[- ]source) )?projects( (and|&) [a-z]+)?$/],
  ['certifications', /^(certifications?|certificates|licen[cs]es?( (and|&) certifications?)?|registrations?|accreditations?|professional registrations?)$/],
  ['other', /^(languages|interests|hobbies|references|volunteering|awards|publications|achievements)$/],
];

const OUTCOME =
  /\b(result(?:ing|ed)? in|leading to|led to|so that|which (?:cut|reduced|increased|improved|saved|enabled|halved|doubled|meant)|saving|cutting|reducing|increasing|improving|enabling|achiev\w*|won|award\w*|recogni[sz]ed|promoted|zero)\b/i;
const CONTACT = /@|https?:\/\/|www\.|\+?\d[\d\s()-]{7,}\d/;
const PAST_WORK = /\b(?:[a-z]{3,}ed|built|led|ran|wrote|made)\b/i;
const YEARS_OF_EXPERIENCE = /\b\d{1,2}\+?\s*years?\b.{0,20}\bexperience\b/i;
const QUANTITY_WORD = /\b(doubled|tripled|halved|quadrupled|twice|tenfold|three times)\b/i;
const DATES = new RegExp(`${DATE_RANGE.source}|\\b(?:19|20)\\d{2}\\b`, 'gi');

/** True when the line states a number that is not a date or part of a tool name: "p99" counts, "2021" and "Python3" do not. */
function isQuantified(text: string, skills: readonly SkillMatch[]): boolean {
  let rest = text;
  for (const s of [...skills].reverse()) rest = rest.slice(0, s.index) + rest.slice(s.end);
  return /\d/.test(rest.replace(DATES, '')) || QUANTITY_WORD.test(rest);
}

/** How well a line evidences a skill: a quantified achievement beats a bullet, which beats a list entry. */
export const evidenceRank = (l: CvLine): number =>
  (l.quantified && !l.isRoleHeading ? 4 : 0) +
  (l.isBullet || l.section === 'experience' || l.section === 'projects' ? 2 : 0) +
  (l.section === 'summary' ? 1 : 0);

const EXPERIENCE_HEADING = SECTIONS.find(([name]) => name === 'experience')?.[1] ?? /^experience$/;

/**
 * Walks the CV line by line, tracking the current section and job: a line with a date range
 * inside the experience section starts a new role, titled by the rest of the line or, when
 * the dates stand alone, by the one or two lines just above.
 */
function readLines(text: string, referenceYear: number): { lines: CvLine[]; roles: CvRole[]; sections: Set<CvSection>; hasExperienceHeading: boolean } {
  const rawLines = text.split(/\r?\n/).filter((l) => l.trim());
  const hasExperienceHeading = rawLines.some((l) => EXPERIENCE_HEADING.test(headingOf(l) ?? ''));
  const latestYear = Math.max(referenceYear, ...(text.match(/\b(?:19|20)\d{2}\b/g) ?? []).map(Number));
  const lines: CvLine[] = [];
  const roles: CvRole[] = [];
  const sections = new Set<CvSection>();
  let section: CvSection = 'header';
  let pending: string[] = []; // non-bullet lines that may name a role whose dates follow
  for (const raw of rawLines) {
    const heading = headingOf(raw);
    const found = heading ? SECTIONS.find(([, re]) => re.test(heading))?.[0] : undefined;
    if (found) {
      section = found;
      sections.add(found);
      pending = [];
      continue;
    }
    const body = stripBullet(raw);
    const isBullet = isBulletLine(raw);
    const inJobs = hasExperienceHeading ? section === 'experience' : section !== 'education' && section !== 'certifications';
    // A role heading is short; a long line with dates in it is prose ("I worked at X from 2018…").
    const range = isBullet || !inJobs || countWords(body) > 16 ? null : parseDateRange(body, latestYear);
    let isRoleHeading = false;
    if (range) {
      const rest = body.replace(range.dates, ' ');
      const { title, company } = parseRoleHeading(/\p{L}{2}/u.test(rest.replace(/present|current/gi, '')) ? rest : pending.slice(-2).join(' — '));
      // Without an experience heading, only a line that names a job title counts as a role.
      if (hasExperienceHeading || ROLE_WORD.test(title)) {
        roles.push({ title, company, dates: range.dates, startMonth: range.start, endMonth: range.end });
        isRoleHeading = true;
      }
    }
    pending = isBullet || isRoleHeading ? [] : [...pending, body];
    const role = inJobs ? roles.length - 1 : -1;
    // Paragraphs are judged (and quoted) sentence by sentence, like bullets.
    const pieces = !isBullet && countWords(body) > 25 ? splitSentences(body).map((p) => p.text) : [body];
    for (const piece of pieces) {
      const skills = findSkills(piece);
      const quantified = isQuantified(piece, skills);
      lines.push({ text: piece, section, role, isBullet, isRoleHeading, skills, quantified, hasOutcome: quantified || OUTCOME.test(piece) });
    }
  }
  return { lines, roles, sections, hasExperienceHeading };
}

/** Each skill once, with every alias used and its strongest evidence line. */
function collectSkills(lines: readonly CvLine[]): CvSkill[] {
  const skills = new Map<string, CvSkill>();
  for (const line of lines) {
    for (const m of line.skills) {
      const known = skills.get(m.skill.name);
      if (!known) {
        skills.set(m.skill.name, { name: m.skill.name, category: m.skill.category, aliases: [m.text], evidence: line });
        continue;
      }
      if (!known.aliases.includes(m.text)) known.aliases.push(m.text);
      if (evidenceRank(line) > evidenceRank(known.evidence)) known.evidence = line;
    }
  }
  return [...skills.values()];
}

function analyse(text: string, referenceYear: number): CvProfile {
  const { lines, roles, sections, hasExperienceHeading } = readLines(text, referenceYear);
  // Without an experience heading, the opening lines and summary may be all the CV has.
  const workLine = (l: CvLine) =>
    !l.isRoleHeading &&
    !CONTACT.test(l.text) &&
    (l.section === 'experience' || l.section === 'projects' || (!hasExperienceHeading && (l.role >= 0 || l.section === 'header' || l.section === 'summary')));
  const bullets = lines.filter((l) => workLine(l) && l.isBullet);
  // A CV written in paragraphs has no bullets; judge the sentences that describe work done.
  const statements = bullets.length > 0 ? bullets : lines.filter((l) => workLine(l) && PAST_WORK.test(l.text));
  return {
    skills: collectSkills(lines),
    roles,
    totalYears: roles.length ? totalYears(roles) : statedYears(text),
    achievements: lines.filter((l) => l.quantified && (workLine(l) || l.section === 'summary') && !YEARS_OF_EXPERIENCE.test(l.text)),
    bulletsWithoutOutcome: statements.filter((l) => !l.hasOutcome && countWords(l.text) >= 4),
    sections: [...sections].filter((s) => s !== 'other'),
    wordCount: countWords(text),
    lines,
  };
}

/** "9 years of experience" in a summary, used when no dated roles were found. */
function statedYears(text: string): number {
  const m = YEARS_OF_EXPERIENCE.exec(text);
  return m ? Number.parseInt(m[0], 10) : 0;
}

/**
 * The CV line that shows `skill` without naming it (RELATED_EVIDENCE: an MSc and PyMC show
 * statistics; "booked 312 meetings" shows lead generation), or null.
 */
export function relatedEvidence(cv: CvProfile, skill: string): CvLine | null {
  const pattern = RELATED_EVIDENCE[skill];
  if (!pattern) return null;
  return cv.lines.find((l) => !l.isRoleHeading && pattern.test(l.text)) ?? null;
}

/** A fixed "today" so results never depend on the clock; callers may pass a later year. */
export const DEFAULT_REFERENCE_YEAR = 2025;

const cache = new TextCache<CvProfile>(64, 2_000_000);

/**
 * Analyses a CV (memoised by content). "Present" in a date range is taken as mid-way through
 * `referenceYear`, or the latest year the CV mentions if that is later.
 */
export function analyseCv(text: string, referenceYear = DEFAULT_REFERENCE_YEAR): CvProfile {
  return cache.get(`${referenceYear}\u0000${text}`, () => analyse(text, referenceYear));
}
