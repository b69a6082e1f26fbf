/**
 * Reads a job description: its title, the skills it names and how much each matters
 * (required, nice to have, or just mentioned), the soft competencies it stresses and the
 * years of experience it asks for. Section headings decide importance first; phrases such as
 * "is a plus" or "must" decide it for lines outside a recognised section.
 */
import { ROLE_WORD } from './role-words.js';
import { COMPETENCIES } from './competencies.js';
import type { SkillCategory } from './skill-lexicon.js';
import { findSkills, type SkillMatch } from './skill-matcher.js';
import { countWords, headingOf, splitSentences, stripBullet, TextCache } from '../text/index.js';

/** Sections of a job description; 'ignored' covers benefits and how to apply. */
type JobSection = 'intro' | 'about' | 'responsibilities' | 'requirements' | 'nice' | 'ignored' | 'other';
/** How much the job needs a skill. */
type Importance = 'required' | 'mentioned' | 'nice';

/**
 * What a line of a job ad is. Only requirements and responsibilities (and, as a plus,
 * nice-to-haves) say what the job needs; pay, logistics, how to apply, the title line and
 * lines about the company never become requirements, gap probes or CV tips.
 */
type JobLineKind = 'title' | 'requirement' | 'nice' | 'responsibility' | 'about' | 'pay' | 'logistics' | 'apply';

/** One line or sentence of the job description. */
export interface JobLine {
  text: string;
  section: JobSection;
  kind: JobLineKind;
  importance: Importance;
  skills: SkillMatch[];
}

/** True for the kinds of line that say what the job needs. */
export const isNeed = (l: Pick<JobLine, 'kind'>): boolean => l.kind === 'requirement' || l.kind === 'responsibility';

/** A skill the job names, at its highest importance. */
export interface JobSkill {
  name: string;
  category: SkillCategory;
  importance: Importance;
  /** The alias as the job writes it, e.g. "Kubernetes" where a CV may say "k8s". */
  alias: string;
  /** The job-description line that names it. */
  evidence: string;
}

/** Everything read from a job description. */
export interface JobProfile {
  title: string;
  skills: JobSkill[];
  requirements: JobLine[];
  niceToHaves: JobLine[];
  responsibilities: JobLine[];
  competencies: { name: string; evidence: string }[];
  yearsRequired: number | null;
  yearsEvidence: string;
  lines: JobLine[];
  wordCount: number;
}

// Order matters: "Preferred qualifications" is a nice-to-have, not a requirement.
const SECTION_HEADINGS: [JobSection, RegExp][] = [
  ['nice', /nice[- ]to[- ]haves?|bonus|preferred|desirable|a plus|plus points|extra credit|good to have|even better/],
  ['ignored', /benefits|perks|what we offer|compensation|salary|why join|package|how to apply|process|next steps|equal opportunit|diversity/],
  ['requirements', /requirements?|what you('|’)ll need|looking for|must[- ]haves?|qualifications|who you are|about you|you have|you bring|skills|essential|minimum|person specification/],
  ['responsibilities', /responsibilit|what you('|’)ll do|what you will do|about the role|the role|your role|day[- ]to[- ]day|duties|in this role|key tasks|you will/],
  ['about', /about|who we are|our mission|our team|the team|company/],
];

const NICE_PHRASE = /\b(nice[- ]to[- ]have|a plus|bonus|preferred|desirable|advantageous|an advantage|not required|would be (?:great|nice|good))\b/i;
const REQUIRED_PHRASE =
  /\b(required|requirements?|must|essential|you(?:'ll| will)? (?:have|bring|need)|proficien\w*|strong|solid|proven|experience (?:with|in|of|running|building)|hands-on|expertise|knowledge of|\d+\+? years)\b/i;
const YEARS = /\b(\d{1,2})\s*\+?\s*(?:(?:-|–|to)\s*\d{1,2}\s*)?\+?\s*(?:years?|yrs)\b/i;
const RANK: Record<Importance, number> = { required: 0, mentioned: 1, nice: 2 };
const COMPETENCY_PRIORITY: Record<JobSection, number> = { requirements: 0, responsibilities: 1, intro: 2, other: 2, nice: 3, about: 4, ignored: 9 };

const PAY =
  /\b(?:salary|compensation|OTE|base pay|\d+k? base|bonus(?:es)?|equity|commission|pension|holiday allowance|annual leave|days'? holiday|days holiday|benefits package|per annum|p\.a\.|stock options|health(?:care)? (?:plan|insurance)|private medical|learning budget|perks|paid (?:parental|sick))\b|[£$€]\s?\d[\d,.]*k?\s*(?:[-–]|to)\s*[£$€]?\d/i;
const APPLY =
  /\b(?:apply|applications?|cover letter|send (?:us )?(?:your|a)|include (?:a )?(?:link|portfolio)|closing date|interview process|next steps|we(?:'ll| will) be in touch|equal opportunit\w*|reasonable adjustments|please (?:include|send|note|apply))\b/i;
const LOGISTICS =
  /\b(?:travel|remote|hybrid|on-?site|in the office|office-based|relocat\w*|time ?zones?|full-time|part-time|hrs?\/week|hours? (?:a|per) week|days and nights|permanent|fixed[- ]term|contract (?:role|position)|visa|sponsorship|based in|flexible working|start date|location)\b/i;
/** Pay, benefits or logistics ("is the salary negotiable?", "how many days in the office?"): the terms of a job, not its work. */
export const isTermsOfEmployment = (text: string): boolean => PAY.test(text) || LOGISTICS.test(text);
/** A line that asks something of the candidate ("you will", "you have", "experience of"). */
const DUTY = /\b(?:you(?:'ll| will| would)?|your)\b|\b(?:experience|ability|able to|knowledge|skills?|must|required|essential)\b/i;
/** A line about the employer: "We are a Series C company", "Our 24-bed unit…", "We value…". */
const ABOUT = /^(?:we(?:'re| are)? (?:a|an|the|proud|building|growing|hiring|looking to hire|value|believe|care|offer)|we value|our (?!ideal)|[A-Z][\w&'’.-]+ (?:is|helps|builds|makes|provides|runs|was founded))/;

/** What a line of the ad is, from its own words first (pay, logistics, how to apply), then its section. */
function lineKind(text: string, section: JobSection, importance: Importance, first: boolean): JobLineKind {
  if (first) return 'title';
  if (APPLY.test(text)) return 'apply';
  if (PAY.test(text)) return 'pay';
  if (LOGISTICS.test(text) && !(section === 'requirements' && DUTY.test(text) && !/\btravel\b/i.test(text))) return 'logistics';
  // "We use Jira": a tool of the job, so part of the work.
  if (/^(?:we|you(?:'ll)?)\s+(?:use|work with|work in)\b/i.test(text)) return 'responsibility';
  if (ABOUT.test(text)) return 'about';
  if (section === 'ignored') return 'pay';
  if (section === 'about') return 'about';
  if (section === 'nice' || importance === 'nice') return 'nice';
  if (section === 'requirements') return 'requirement';
  if (section === 'responsibilities') return 'responsibility';
  // Outside any recognised section: a line addressed to the candidate is a duty or a requirement.
  if (importance === 'required') return 'requirement';
  return DUTY.test(text) ? 'responsibility' : 'about';
}

function classify(text: string, section: JobSection): Importance {
  if (section === 'nice' || NICE_PHRASE.test(text)) return 'nice';
  if (section === 'requirements') return 'required';
  if (section === 'about' || section === 'ignored') return 'mentioned';
  return REQUIRED_PHRASE.test(text) ? 'required' : 'mentioned';
}

function guessTitle(rawLines: string[], fallback: string): string {
  for (const line of rawLines) {
    const labelled = /^(?:job title|title|role|position)\s*:\s*(.+)$/i.exec(line.trim());
    if (labelled?.[1]) return labelled[1].trim();
  }
  for (const line of rawLines.slice(0, 3)) {
    const first = line.trim().split(/\s+(?:at|@|[-–—|·])\s+|,\s+/)[0] ?? '';
    if (first.length <= 80 && ROLE_WORD.test(first)) return first.replace(/[.:]$/, '');
  }
  return fallback.trim();
}

function analyse(text: string): JobProfile {
  const rawLines = text.split(/\r?\n/).filter((l) => l.trim());
  const lines: JobLine[] = [];
  let section: JobSection = 'intro';
  for (const [rawIndex, raw] of rawLines.entries()) {
    const heading = headingOf(raw);
    const headingSection = heading ? SECTION_HEADINGS.find(([, re]) => re.test(heading))?.[0] : undefined;
    if (headingSection) {
      section = headingSection;
      continue;
    }
    if (heading && raw.trim().endsWith(':')) section = 'other';
    // The first line is the title; a short second line without a verb is the company and place.
    const headerLine = rawIndex === 1 && section === 'intro' && countWords(raw) <= 14 && !/[.!?]$/.test(raw.trim());
    for (const [k, sentence] of splitSentences(stripBullet(raw)).entries()) {
      const importance = classify(sentence.text, section);
      const header = (rawIndex === 0 && k === 0 && countWords(sentence.text) <= 12) || headerLine;
      const kind = lineKind(sentence.text, section, importance, header);
      lines.push({ text: sentence.text, section, kind, importance, skills: findSkills(sentence.text) });
    }
  }

  const skills = new Map<string, JobSkill>();
  for (const line of lines.filter((l) => isNeed(l) || l.kind === 'nice')) {
    for (const m of line.skills) {
      const known = skills.get(m.skill.name);
      if (known && RANK[known.importance] <= RANK[line.importance]) continue;
      skills.set(m.skill.name, { name: m.skill.name, category: m.skill.category, importance: line.importance, alias: m.text, evidence: line.text });
    }
  }

  const competencies = COMPETENCIES.flatMap((c) => {
    const hits = lines.filter((l) => (isNeed(l) || l.kind === 'nice') && c.pattern.test(l.text));
    const best = hits.sort((a, b) => COMPETENCY_PRIORITY[a.section] - COMPETENCY_PRIORITY[b.section])[0];
    return best ? [{ name: c.name, evidence: best.text, priority: COMPETENCY_PRIORITY[best.section], at: lines.indexOf(best) }] : [];
  })
    .sort((a, b) => a.priority - b.priority || a.at - b.at)
    .map(({ name, evidence }) => ({ name, evidence }));

  const yearsLine = lines.find((l) => isNeed(l) && YEARS.test(l.text));
  const years = yearsLine ? Number(YEARS.exec(yearsLine.text)?.[1]) : null;

  return {
    title: guessTitle(rawLines, ''),
    skills: [...skills.values()].sort((a, b) => RANK[a.importance] - RANK[b.importance]),
    requirements: lines.filter((l) => l.kind === 'requirement'),
    niceToHaves: lines.filter((l) => l.kind === 'nice'),
    responsibilities: lines.filter((l) => l.kind === 'responsibility'),
    competencies,
    yearsRequired: years !== null && years > 0 && years < 40 ? years : null,
    yearsEvidence: yearsLine?.text ?? '',
    lines,
    wordCount: countWords(text),
  };
}

const cache = new TextCache<JobProfile>(64, 2_000_000);

/** Analyses a job description (memoised by content, so repeated calls are free). */
export function analyseJob(text: string): JobProfile {
  return cache.get(text, () => analyse(text));
}
