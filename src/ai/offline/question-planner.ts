/**
 * Plans the whole 8-question interview at once from the context, so questions never repeat a
 * focus and follow a deliberate shape (opener → behavioural/skill/gap probes → motivation →
 * closing). Slots that lack material (a thin CV or job description) fall back to the next
 * best kind of question. The plan is memoised per analysed context.
 *
 * Each planned item keeps what it was built from (the behavioural theme, the job line that
 * motivates it, the skill it probes): bank-questions.ts uses that to pick the question-bank
 * entry at the level the question is asked at, and to word it for this candidate.
 */
import type { PlannedQuestion } from '../types.js';
import type { InterviewType, SlotKind } from '../../interview/definitions.js';
import { SHAPES } from '../../interview/shape.js';
import { competencyByName, DEFAULT_COMPETENCIES } from '../../analysis/competencies.js';
import type { ContextAnalysis } from '../../analysis/context-analysis.js';
import { evidenceRank, type CvLine } from '../../analysis/cv-analysis.js';
import { isNeed } from '../../analysis/job-analysis.js';
import type { SharedSkill } from '../../analysis/overlap.js';
import { CREDENTIALS, type SkillCategory } from '../../analysis/skill-lexicon.js';
import * as t from './question-templates.js';
import { craftQuestion } from './craft-questions.js';
import { roleAreaOf } from '../../question-bank/index.js';

// The slots come from the one shape table, which the prompts read too.
type Slot = SlotKind;

// What to ask instead when a slot has no material left, per interview type.
const FALLBACKS: Record<InterviewType, Partial<Record<Slot, Slot[]>>> = {
  mixed: { skill: ['technical', 'gap', 'behavioral'], gap: ['skill', 'technical', 'behavioral'], behavioral: ['skill'] },
  technical: { skill: ['technical', 'gap', 'behavioral'], gap: ['technical', 'skill', 'behavioral'], technical: ['skill', 'gap', 'behavioral'] },
  behavioral: { skill: ['behavioral'], gap: ['behavioral'] },
};

// Replacement questions keep to the interview type: no behavioural stand-ins in a technical interview.
const RESERVE_KINDS: Record<InterviewType, PoolKind[]> = {
  mixed: ['skill', 'gap', 'behavioral', 'technical'],
  technical: ['skill', 'technical', 'gap'],
  behavioral: ['behavioral', 'skill', 'gap'],
};

/** What a planned question was built from. */
export interface ItemMeta {
  /** Behavioural questions: the offline theme (src/ai/offline/competencies.ts), e.g. "conflict resolution". */
  theme?: string;
  /** The job-description line that motivates the question, if one was quoted. */
  evidence?: string | null;
  /** Skill, gap and technical questions: the skill probed. */
  skill?: { name: string; category: SkillCategory };
  /** Behavioural questions: which CV role (index) the example is asked from. */
  cvRole?: number;
  /** Technical questions of the profession's craft (craft-questions.ts): asked as written. */
  craft?: true;
  /** Skill deep dives: the CV line that shows the skill, and where the candidate did it. */
  cvLine?: { text: string; company: string };
}

/** A planned question in its CV-specific wording, and what it was built from. */
export interface PlanItem {
  question: PlannedQuestion;
  meta: ItemMeta;
}

/** The eight planned questions plus spares. */
export interface InterviewPlan {
  questions: PlanItem[];
  /** Unused candidates, used when a planned question was already asked (e.g. by another provider). */
  reserve: PlanItem[];
}

/** Generators of candidate questions for each slot kind, each yielding distinct focuses. */
type PoolKind = Exclude<Slot, 'opener' | 'motivation' | 'closing'>;
const isPoolKind = (slot: Slot): slot is PoolKind => slot !== 'opener' && slot !== 'motivation' && slot !== 'closing';

const item = (question: PlannedQuestion, meta: ItemMeta = {}): PlanItem => ({ question, meta });
const cvLineMeta = (a: ContextAnalysis, line: CvLine) => ({ text: line.text, company: a.cv.roles[line.role]?.company ?? '' });
const skillMeta = (s: { name: string; category: SkillCategory }) => ({ skill: { name: s.name, category: s.category } });

type Pools = Record<PoolKind, () => PlanItem | null> & {
  unusedAchievement: () => CvLine | undefined;
  /** Job-description lines already quoted, so no line is quoted twice. */
  quotedLines: ReadonlySet<string>;
};

function candidatePools(a: ContextAnalysis, seed: number): Pools {
  const usedFocus = new Set<string>();
  const usedLines = new Set<CvLine>();
  const usedRoles = new Set<number>();
  const fresh = (focus: string) => !usedFocus.has(focus.toLowerCase());
  const take = (question: PlannedQuestion, meta: ItemMeta = {}) => (usedFocus.add(question.focus.toLowerCase()), item(question, meta));
  let n = 0;
  let behavioralCount = 0;
  let craftCount = 0;
  const area = roleAreaOf(a.role, a.job.lines.map((l) => l.text).join('\n'));
  const quotedLines = new Set<string>();
  const scenariosPerCategory = new Map<string, number>();
  // The competency's best job line if not quoted yet, else another line showing it, else none.
  const evidenceFor = (name: string, best: string | null) => {
    const pattern = competencyByName(name)?.pattern;
    const other = a.job.lines.find((l) => isNeed(l) && !quotedLines.has(l.text) && pattern?.test(l.text));
    const line = best && !quotedLines.has(best) ? best : (other?.text ?? null);
    if (line) quotedLines.add(line);
    return line;
  };

  const competencies = [
    ...a.job.competencies,
    ...DEFAULT_COMPETENCIES.filter((d) => !a.job.competencies.some((c) => c.name === d)).map((name) => ({ name, evidence: null })),
  ];
  const bestLine = (s: SharedSkill) =>
    a.cv.lines
      .filter((l) => !usedLines.has(l) && l.skills.some((m) => m.skill.name === s.job.name))
      .sort((x, y) => evidenceRank(y) - evidenceRank(x))[0];
  // Prefer required skills with a quantified story, from a CV role not yet discussed.
  const skillValue = (s: SharedSkill, line: CvLine) =>
    (s.job.importance === 'required' ? 3 : s.job.importance === 'mentioned' ? 2 : 1) + evidenceRank(line) / 2 + (usedRoles.has(line.role) ? 0 : 1);

  return {
    unusedAchievement: () => a.cv.achievements.find((l) => !usedLines.has(l)),
    quotedLines,
    behavioral: () => {
      const c = competencies.find((x) => fresh(x.name));
      if (!c) return null;
      const evidence = evidenceFor(c.name, c.evidence);
      const cvRole = behavioralCount++;
      return take(t.behavioralQuestion(a, c.name, evidence, seed + n++ * 3, cvRole), { theme: c.name, evidence, cvRole });
    },
    skill: () => {
      let best: { s: SharedSkill; line: CvLine; value: number } | null = null;
      for (const s of a.overlap.shared.filter((x) => fresh(x.job.name) && !CREDENTIALS.has(x.job.name))) {
        const line = bestLine(s);
        if (line && (!best || skillValue(s, line) > best.value)) best = { s, line, value: skillValue(s, line) };
      }
      if (best) {
        usedLines.add(best.line);
        usedRoles.add(best.line.role);
        return take(t.skillQuestion(a, best.s.job, best.line, seed + n++), {
          ...skillMeta(best.s.job),
          evidence: best.s.job.evidence,
          cvLine: cvLineMeta(a, best.line),
        });
      }
      const achievement = a.cv.achievements.find((l) => !usedLines.has(l));
      if (!achievement) return null;
      usedLines.add(achievement);
      const question = t.achievementQuestion(a, achievement);
      return fresh(question.focus) ? take(question) : null;
    },
    gap: () => {
      const gap = a.overlap.gaps.find((g) => fresh(g.skill.name));
      if (gap) return take(t.gapQuestion(a, gap, seed + n++), { ...skillMeta(gap.skill), evidence: gap.skill.evidence });
      return a.overlap.yearsGap && fresh('years of experience')
        ? take(t.yearsGapQuestion(a, a.overlap.yearsGap), { evidence: a.overlap.yearsGap.evidence })
        : null;
    },
    technical: () => {
      // Outside engineering, "technical" means the profession's own craft.
      const craft = craftQuestion(area, craftCount, a.company);
      if (craft && fresh(craft.focus)) {
        craftCount++;
        return take(craft, { craft: true });
      }
      const usable = a.job.skills.filter((s) => fresh(s.name) && !CREDENTIALS.has(s.name));
      const skill = usable.find((s) => s.importance !== 'nice') ?? usable[0];
      if (!skill) return null;
      const ordinal = scenariosPerCategory.get(skill.category) ?? 0;
      scenariosPerCategory.set(skill.category, ordinal + 1);
      return take(t.technicalQuestion(a, skill, ordinal), { ...skillMeta(skill), evidence: skill.evidence });
    },
  };
}

/** The motivation question, remembering the responsibility line it quotes. */
function motivationItem(a: ContextAnalysis, v: number, quotedLines: ReadonlySet<string> = new Set()): PlanItem {
  const duty = t.motivatingDuty(a, quotedLines);
  return item(t.motivationQuestion(a, v, quotedLines), { evidence: duty?.text ?? null });
}

/**
 * A question about one job skill, outside the plan (steering toward a requirement no answer
 * has covered yet): a gap probe when the CV does not show it, a deep dive into the CV line
 * that does, else a scenario. Null for credentials and skills the job does not name.
 */
export function itemForSkill(a: ContextAnalysis, name: string, v: number): PlanItem | null {
  if (CREDENTIALS.has(name)) return null;
  const gap = a.overlap.gaps.find((g) => g.skill.name === name);
  if (gap) return item(t.gapQuestion(a, gap, v), { ...skillMeta(gap.skill), evidence: gap.skill.evidence });
  const skill = a.job.skills.find((s) => s.name === name);
  if (!skill) return null;
  const line = a.cv.lines
    .filter((l) => l.skills.some((m) => m.skill.name === name))
    .sort((x, y) => evidenceRank(y) - evidenceRank(x))[0];
  const question = line ? t.skillQuestion(a, skill, line, v) : t.technicalQuestion(a, skill, 0);
  return item(question, { ...skillMeta(skill), evidence: skill.evidence, ...(line ? { cvLine: cvLineMeta(a, line) } : {}) });
}

function buildPlan(a: ContextAnalysis, type: InterviewType): InterviewPlan {
  const seed = a.seed;
  const pools = candidatePools(a, seed);
  const questions = SHAPES[type].map((slot, i): PlanItem => {
    if (slot === 'opener') return item(t.openerQuestion(a, seed));
    if (slot === 'motivation') return motivationItem(a, seed + i, pools.quotedLines);
    if (slot === 'closing') return item(t.closingQuestion(a, seed + i, pools.unusedAchievement()));
    for (const kind of [slot, ...(FALLBACKS[type][slot] ?? [])]) {
      const planned = isPoolKind(kind) ? pools[kind]() : null;
      if (planned) return planned;
    }
    // Only reachable when even the default competencies are used up, i.e. never in an 8-question plan.
    return motivationItem(a, seed + i + 1);
  });
  const reserve: PlanItem[] = [];
  for (let round = 0; round < 3; round++) {
    for (const kind of RESERVE_KINDS[type]) {
      const question = pools[kind]();
      if (question) reserve.push(question);
    }
  }
  return { questions, reserve };
}

const plans = new WeakMap<ContextAnalysis, InterviewPlan>();

/** The full plan for an analysed context (memoised for the life of the analysis). */
export function planInterview(a: ContextAnalysis): InterviewPlan {
  let plan = plans.get(a);
  if (!plan) {
    plan = buildPlan(a, a.interviewType);
    plans.set(a, plan);
  }
  return plan;
}
