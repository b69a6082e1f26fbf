/**
 * The offline interviewer's questions, drawn from the curated question bank at the level the
 * question is asked at and worded for this candidate and job.
 *
 * - Openers, motivation, closing and behavioural questions are the bank entry's question,
 *   personalised (role, company, a job skill) and led by what makes it this job's question:
 *   the job-description line that motivates it, or the role and company; behavioural ones ask
 *   for an example from a CV role and for the situation, action and result.
 * - Skill deep dives and gap probes keep their CV-specific wording (they quote the CV line or
 *   the missing requirement, which no bank question could), with key points from the closest
 *   bank entry at the level.
 * - Technical questions use a bank entry for the skill's area at the level when one suits the
 *   job, else the category scenario (technical-scenarios.ts).
 * Every question carries its bank entry's id and key points.
 */
import { LEVELS, competencyOfOfflineTheme, competencyLabel, type CompetencyId, type Level } from '../../interview/definitions.js';
import { classifyCompetency, isEngineeringEntry, isEngineeringJob, personalise, pickEntries, roleAreaOf, type BankEntry, type BankKind } from '../../question-bank/index.js';
import { ROLE_AREAS } from '../../question-bank/entries/role-areas.js';
import type { PlannedQuestion } from '../schemas.js';
import type { ContextAnalysis } from '../../analysis/context-analysis.js';
import type { ItemMeta, PlanItem } from './question-planner.js';
import type { SkillCategory } from '../../analysis/skill-lexicon.js';
import { lowerFirst, naturalPhrase, shorten, upperFirst } from '../../text/index.js';

/** The area of work a skill's category belongs to, for choosing bank entries. */
const CATEGORY_COMPETENCY: Record<SkillCategory, CompetencyId> = {
  language: 'role_skills', frontend: 'role_skills', mobile: 'role_skills', backend: 'system_design', messaging: 'system_design',
  database: 'data', data: 'data', ml: 'data', cloud: 'operations', devops: 'operations', operations: 'operations',
  testing: 'testing', security: 'security', practice: 'code_quality', management: 'leadership', product: 'customer_focus',
  design: 'customer_focus', sales: 'stakeholders', marketing: 'data', finance: 'data', healthcare: 'role_skills', office: 'role_skills', education: 'role_skills',
};

/** Competencies practised through scenarios and skills rather than past-behaviour stories. */
export const TECHNICAL_COMPETENCIES: ReadonlySet<CompetencyId> = new Set([
  'problem_solving', 'system_design', 'debugging', 'testing', 'data', 'security', 'operations', 'code_quality', 'role_skills',
]);

const ADJACENT: Record<Level, Level[]> = { junior: ['mid'], mid: ['junior', 'senior'], senior: ['mid'] };

const STAR = 'Walk me through the situation, what you did and the result.';
const MAX_TEXT = 600;

export interface DressOptions {
  level: Level;
  /** Bank entries already used in this interview. */
  exclude: ReadonlySet<string>;
  /** How many earlier slots of the plan pick from the same entries: the n-th takes the n-th best. */
  occurrence: number;
  /** Varies the choice among equally good entries between contexts (the context's seed). */
  seed?: number;
}

const roleRef = (a: ContextAnalysis) => (a.role ? `the ${a.role} role` : 'this role');
const at = (company: string) => (company ? ` at ${company}` : '');
const where = (a: ContextAnalysis) => `${roleRef(a)}${at(a.company)}`;
/** A CV or job line as a natural quote (a whole phrase of at most ~15 words), or null when it has none. */
const quoted = (text: string): string | null => {
  const phrase = naturalPhrase(text);
  return phrase ? `"${phrase}"` : null;
};

/** Words of a tag or skill, for loose matching ("nurse" ~ "nursing", "data" ~ "database"). */
const words = (text: string) => text.toLowerCase().split(/[^a-z0-9+#]+/).filter((w) => w.length >= 2);
const near = (x: string, y: string) => x === y || (x.length >= 5 && y.length >= 5 && x.slice(0, 5) === y.slice(0, 5));
/** pickEntries falls back to any level that has entries; a question is never pitched two levels away. */
const within = (level: Level) => (e: BankEntry) => Math.abs(LEVELS.indexOf(e.level) - LEVELS.indexOf(level)) <= 1;

const AREA_NAMES = new Set(Object.keys(ROLE_AREAS));

/**
 * True when an entry is for any role, or tagged for one of `tags`; an entry written for another
 * profession's area (a finance question for a nurse) never suits.
 */
function suits(entry: BankEntry, tags: readonly string[], area: string | null = null): boolean {
  if (!entry.tags || entry.tags.length === 0) return true;
  const entryArea = AREA_NAMES.has(entry.tags[0] ?? '') ? entry.tags[0] : null;
  if (area && entryArea && entryArea !== area) return false;
  const wanted = tags.flatMap(words);
  return entry.tags.some((t) => words(t).some((w) => wanted.some((x) => near(w, x))));
}

const engineeringJobs = new WeakMap<ContextAnalysis, boolean>();
/** Whether the job is an engineering one; other jobs never get a question that talks software. */
function engineeringJob(a: ContextAnalysis): boolean {
  let engineering = engineeringJobs.get(a);
  if (engineering === undefined) {
    engineering = isEngineeringJob(a.role, a.job.lines.map((l) => l.text).join('\n'));
    engineeringJobs.set(a, engineering);
  }
  return engineering;
}

const jobAreas = new WeakMap<ContextAnalysis, string | null>();
/** The job's profession (question-bank role area), for keeping questions within it. */
function jobArea(a: ContextAnalysis): string | null {
  let area = jobAreas.get(a);
  if (area === undefined) {
    area = roleAreaOf(a.role, a.job.lines.map((l) => l.text).join('\n'));
    jobAreas.set(a, area);
  }
  return area;
}

/** What the job is about, for tag matching: its title and skills. */
const jobTags = (a: ContextAnalysis) => [a.role, ...a.job.skills.slice(0, 12).map((s) => s.name)];

/**
 * The bank entry for a slot: the competency and kind asked for at the level (nearest level if
 * none), then looser matches. `strict` is true when the competency matched.
 */
function entryFor(
  query: { competency: CompetencyId; kind: BankKind; tags: readonly string[]; engineering: boolean; area?: string | null; prefer?: (e: BankEntry) => boolean },
  options: DressOptions,
): { entry: BankEntry; strict: boolean } | null {
  const tries: { competency?: CompetencyId; kinds?: BankKind[]; strict: boolean }[] = [
    { competency: query.competency, kinds: [query.kind], strict: true },
    { competency: query.competency, strict: true },
    { kinds: [query.kind], strict: false },
    { strict: false },
  ];
  const { prefer } = query;
  for (const { strict, ...filter } of tries) {
    const at = (level: Level) =>
      pickEntries({ level, ...filter, tags: query.tags, exclude: options.exclude, seed: options.seed }).filter(
        (e) => within(options.level)(e) && suits(e, query.tags, query.area ?? null) && (query.engineering || !isEngineeringEntry(e)),
      );
    const found = at(options.level);
    if (prefer) {
      // Preferred entries first, borrowing from the adjacent levels before settling for others.
      const preferred = [...new Set([options.level, ...ADJACENT[options.level]].flatMap((l) => at(l).filter(prefer)))];
      if (preferred.length > options.occurrence) return { entry: preferred[options.occurrence]!, strict };
    }
    if (found.length > 0) return { entry: found[options.occurrence % found.length]!, strict };
    // The competency has nothing suitable at this level (e.g. only software questions for a
    // nurse): a neighbouring level of the same competency beats a different competency.
    if (strict) {
      const nearby = ADJACENT[options.level].flatMap(at);
      if (nearby.length > 0) return { entry: nearby[options.occurrence % nearby.length]!, strict };
    }
  }
  return null;
}

/** Skill categories that are tools or technologies, which can have limitations and alternatives. */
const TOOL_CATEGORIES: ReadonlySet<SkillCategory> = new Set<SkillCategory>([
  'language', 'frontend', 'mobile', 'backend', 'messaging', 'database', 'data', 'ml', 'cloud', 'devops', 'testing', 'security',
]);
const TOOL_ONLY_WORDING = /\blimitations\b|something else instead|built or did with|problem it caused|adopt\b/i;

/** Generic skill entries ("How have you used {skill}…?"), which fit any skill of any job. */
const aboutAnySkill = (e: BankEntry) => !e.tags?.length && e.text.includes('{skill}');
const namesTheJob = (e: BankEntry) => /\{(?:company|role)\}/.test(e.text);
const mentions = (text: string, term: string) => term.length > 0 && text.toLowerCase().includes(term.toLowerCase());
/** True when the text already names the role or the company (a question must name something concrete). */
const concrete = (a: ContextAnalysis, text: string) => mentions(text, a.company) && (mentions(text, a.role) || !a.role);
/** True when the text names the role or the company. */
const namesEither = (a: ContextAnalysis, text: string) => mentions(text, a.company) || mentions(text, a.role);

/** Joins optional parts, dropping the optional ones (last first) until it fits. */
function fit(required: string, optional: string[], before: string[] = []): string {
  let lead = [...before];
  let tail = [...optional];
  const join = () => [...lead, required, ...tail].filter(Boolean).join(' ');
  while (join().length > MAX_TEXT && tail.length > 0) tail = tail.slice(0, -1);
  while (join().length > MAX_TEXT && lead.length > 0) lead = lead.slice(1);
  const text = join();
  return text.length <= MAX_TEXT ? text : shorten(text, MAX_TEXT);
}

const question = (kind: PlannedQuestion['kind'], focus: string, text: string, entry: BankEntry): PlannedQuestion => ({
  text,
  kind,
  focus: shorten(focus, 120),
  keyPoints: entry.keyPoints.slice(0, 5).map((p) => shorten(p, 200)),
  bankId: entry.id,
});

/** The competency a planned question probes. */
export function competencyOf(item: PlanItem): CompetencyId {
  const { kind, focus, text } = item.question;
  if (kind === 'opener') return 'self_presentation';
  if (kind === 'motivation' || kind === 'closing') return 'motivation';
  if (kind === 'behavioral' && item.meta.theme) return competencyOfOfflineTheme(item.meta.theme) ?? classifyCompetency(text, focus);
  // Deep dives and gap probes are about the skill itself, whatever its area.
  if (kind === 'skill' || kind === 'gap') return 'role_skills';
  if (item.meta.skill) return CATEGORY_COMPETENCY[item.meta.skill.category];
  return classifyCompetency(text, focus);
}

/** What the question is personalised with. */
function values(a: ContextAnalysis, meta: ItemMeta) {
  return { company: a.company, role: a.role, skill: meta.skill?.name ?? a.job.skills.find((s) => s.importance === 'required')?.name ?? a.job.skills[0]?.name };
}

/** A CV role to take the example from, as " If you can, take an example from your time at X." */
function fromCvRole(a: ContextAnalysis, ordinal: number | undefined): string {
  const role = a.cv.roles[(ordinal ?? 0) % Math.max(1, a.cv.roles.length)];
  return role?.company ? `If you can, take an example from your time at ${role.company}.` : '';
}

/** The planned item as asked at `options.level`, with its bank entry's key points and id. */
export function dressItem(a: ContextAnalysis, item: PlanItem, options: DressOptions): PlannedQuestion {
  const planned = item.question;
  if (item.meta.craft) return planned;
  const kind = planned.kind === 'follow_up' ? 'behavioral' : planned.kind;
  const competency = competencyOf(item);
  const tags = item.meta.skill ? [item.meta.skill.name, item.meta.skill.category, ...jobTags(a)] : jobTags(a);
  // Frame questions that can name the role or company are preferred: they read as this job's.
  // Motivation questions that name the company read as this job's; skill questions fit any skill.
  // "The limitations of X" suits a tool, not a skill such as negotiation or triage.
  const tool = item.meta.skill ? TOOL_CATEGORIES.has(item.meta.skill.category) : false;
  const anySkill = (e: BankEntry) => aboutAnySkill(e) && (tool || !TOOL_ONLY_WORDING.test(e.text));
  const prefer = kind === 'motivation' ? namesTheJob : kind === 'skill' || kind === 'gap' ? anySkill : undefined;
  const found = entryFor({ competency, kind, tags, engineering: engineeringJob(a), area: jobArea(a), ...(prefer ? { prefer } : {}) }, options);
  if (!found) return planned; // an empty bank: the CV-specific question alone
  const { entry, strict } = found;
  const asked = personalise(entry, values(a, item.meta));

  switch (kind) {
    case 'opener': {
      const lead = concrete(a, asked) ? [] : [`Thanks for talking to us about ${where(a)}.`];
      return question(kind, planned.focus, fit(asked, [], lead), entry);
    }
    case 'motivation': {
      const duty = item.meta.evidence;
      const dutyQuote = duty ? quoted(duty) : null;
      const lead = dutyQuote ? `The role involves ${dutyQuote}.` : '';
      const text = namesEither(a, asked) ? asked : `Thinking about ${where(a)}, ${lowerFirst(asked)}`;
      return question(kind, planned.focus, fit(text, [], lead ? [lead] : []), entry);
    }
    case 'closing': {
      const lead = namesEither(a, asked) ? [] : [`We're nearly at the end of this interview for ${where(a)}.`];
      // A closing question always leaves room for the candidate's own questions.
      const invite = /\bask\b|questions/i.test(asked) ? [] : ['And what questions do you have for us?'];
      return question(kind, planned.focus, fit(asked, invite, lead), entry);
    }
    case 'behavioral': {
      const theme = item.meta.theme ?? planned.focus;
      const quote = item.meta.evidence ? quoted(item.meta.evidence) : null;
      const lead = quote ? `The job description says ${quote}.` : `${upperFirst(theme)} matters a lot in ${where(a)}.`;
      return question(kind, planned.focus, fit(asked, [STAR, fromCvRole(a, item.meta.cvRole)], [lead]), entry);
    }
    case 'technical': {
      if (!strict || !item.meta.skill) return question(kind, planned.focus, planned.text, entry);
      const skill = item.meta.skill.name;
      // Name the skill only when the question is about it; otherwise it reads as a non sequitur.
      const aboutSkill = entry.text.includes('{skill}') || mentions(entry.text, skill) || (entry.tags ?? []).some((t) => near(t.toLowerCase(), skill.toLowerCase()));
      const quote = item.meta.evidence ? quoted(item.meta.evidence) : null;
      const evidence = quote ? ` (${quote})` : '';
      const lead = aboutSkill
        ? `${upperFirst(roleRef(a))}${at(a.company)} needs ${skill}${evidence}.`
        : `Here is a scenario of the kind ${where(a)} deals with.`;
      return question(kind, planned.focus, fit(asked, [], [lead]), entry);
    }
    case 'skill': {
      // The CV line is what makes it this candidate's question; the bank pitches it at the level.
      const line = item.meta.cvLine;
      const cvQuote = line ? quoted(line.text) : null;
      if (!line || !cvQuote || !item.meta.skill || !anySkill(entry)) return question(kind, planned.focus, planned.text, entry);
      const lead = `Your CV mentions ${cvQuote}${at(line.company)}, and ${roleRef(a)} relies on ${item.meta.skill.name}.`;
      return question(kind, planned.focus, fit(asked, [], [lead]), entry);
    }
    default:
      // Gap probes (and achievement deep dives): the CV-specific wording is the better question.
      return question(kind, planned.focus, planned.text, entry);
  }
}

/**
 * A question of a focused practice interview: a bank entry of the competency at the level,
 * for the behavioural slot (a past situation) or the technical one (a scenario).
 */
export function focusQuestion(a: ContextAnalysis, competency: CompetencyId, slot: 'behavioral' | 'technical', cvRole: number, options: DressOptions): PlannedQuestion | null {
  const found = entryFor({ competency, kind: slot, tags: jobTags(a), engineering: engineeringJob(a), area: jobArea(a) }, options);
  if (!found?.strict) return null;
  const { entry } = found;
  const label = competencyLabel(competency);
  const asked = personalise(entry, values(a, {}));
  const lead = `You asked to practise ${lowerFirst(label)}, which matters in ${where(a)}.`;
  const optional = entry.kind === 'behavioral' ? [STAR, fromCvRole(a, cvRole)] : [];
  const kind: PlannedQuestion['kind'] = entry.kind === 'behavioral' || entry.kind === 'technical' ? entry.kind : slot;
  return question(kind, label, fit(asked, optional, [lead]), entry);
}
