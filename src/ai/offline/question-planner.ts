/**
 * Plans the whole 8-question interview at once from the context, so questions never repeat a
 * focus and follow a deliberate shape (opener → behavioural/skill/gap probes → motivation →
 * closing). Slots that lack material (a thin CV or job description) fall back to the next
 * best kind of question. The plan is memoised per analysed context.
 */
import type { InterviewType, PlannedQuestion } from '../types.js';
import { competencyByName, DEFAULT_COMPETENCIES } from './competencies.js';
import type { ContextAnalysis } from './context-analysis.js';
import { evidenceRank, type CvLine } from './cv-analysis.js';
import type { SharedSkill } from './overlap.js';
import { CREDENTIALS } from './skill-lexicon.js';
import * as t from './question-templates.js';

type Slot = 'opener' | 'behavioral' | 'skill' | 'gap' | 'technical' | 'motivation' | 'closing';

const SHAPES: Record<InterviewType, Slot[]> = {
  mixed: ['opener', 'behavioral', 'skill', 'gap', 'behavioral', 'skill', 'motivation', 'closing'],
  technical: ['opener', 'skill', 'technical', 'skill', 'gap', 'technical', 'skill', 'closing'],
  behavioral: ['opener', 'behavioral', 'behavioral', 'skill', 'behavioral', 'gap', 'motivation', 'closing'],
};

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

/** The eight planned questions plus spares. */
export interface InterviewPlan {
  questions: PlannedQuestion[];
  /** Unused candidates, used when a planned question was already asked (e.g. by another provider). */
  reserve: PlannedQuestion[];
}

/** Generators of candidate questions for each slot kind, each yielding distinct focuses. */
type PoolKind = Exclude<Slot, 'opener' | 'motivation' | 'closing'>;
const isPoolKind = (slot: Slot): slot is PoolKind => slot !== 'opener' && slot !== 'motivation' && slot !== 'closing';

type Pools = Record<PoolKind, () => PlannedQuestion | null> & {
  unusedAchievement: () => CvLine | undefined;
  /** Job-description lines already quoted, so no line is quoted twice. */
  quotedLines: ReadonlySet<string>;
};

function candidatePools(a: ContextAnalysis, seed: number): Pools {
  const usedFocus = new Set<string>();
  const usedLines = new Set<CvLine>();
  const usedRoles = new Set<number>();
  const fresh = (focus: string) => !usedFocus.has(focus.toLowerCase());
  const take = (question: PlannedQuestion) => (usedFocus.add(question.focus.toLowerCase()), question);
  let n = 0;
  let behavioralCount = 0;
  const quotedLines = new Set<string>();
  const scenariosPerCategory = new Map<string, number>();
  // The competency's best job line if not quoted yet, else another line showing it, else none.
  const evidenceFor = (name: string, best: string | null) => {
    const pattern = competencyByName(name)?.pattern;
    const other = a.job.lines.find((l) => l.section !== 'ignored' && !quotedLines.has(l.text) && pattern?.test(l.text));
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
      return c ? take(t.behavioralQuestion(a, c.name, evidenceFor(c.name, c.evidence), seed + n++ * 3, behavioralCount++)) : null;
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
        return take(t.skillQuestion(a, best.s.job, best.line, seed + n++));
      }
      const achievement = a.cv.achievements.find((l) => !usedLines.has(l));
      if (!achievement) return null;
      usedLines.add(achievement);
      const question = t.achievementQuestion(a, achievement);
      return fresh(question.focus) ? take(question) : null;
    },
    gap: () => {
      const gap = [...a.overlap.gaps, ...a.overlap.niceGaps].find((g) => fresh(g.skill.name));
      if (gap) return take(t.gapQuestion(a, gap, seed + n++));
      return a.overlap.yearsGap && fresh('years of experience') ? take(t.yearsGapQuestion(a, a.overlap.yearsGap)) : null;
    },
    technical: () => {
      const usable = a.job.skills.filter((s) => fresh(s.name) && !CREDENTIALS.has(s.name));
      const skill = usable.find((s) => s.importance !== 'nice') ?? usable[0];
      if (!skill) return null;
      const ordinal = scenariosPerCategory.get(skill.category) ?? 0;
      scenariosPerCategory.set(skill.category, ordinal + 1);
      return take(t.technicalQuestion(a, skill, ordinal));
    },
  };
}

function buildPlan(a: ContextAnalysis, type: InterviewType): InterviewPlan {
  const seed = a.seed;
  const pools = candidatePools(a, seed);
  const questions = SHAPES[type].map((slot, i): PlannedQuestion => {
    if (slot === 'opener') return t.openerQuestion(a, seed);
    if (slot === 'motivation') return t.motivationQuestion(a, seed + i, pools.quotedLines);
    if (slot === 'closing') return t.closingQuestion(a, seed + i, pools.unusedAchievement());
    for (const kind of [slot, ...(FALLBACKS[type][slot] ?? [])]) {
      const question = isPoolKind(kind) ? pools[kind]() : null;
      if (question) return question;
    }
    // Only reachable when even the default competencies are used up, i.e. never in an 8-question plan.
    return t.motivationQuestion(a, seed + i + 1);
  });
  const reserve: PlannedQuestion[] = [];
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
