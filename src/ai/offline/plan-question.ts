/**
 * Answers planQuestion: the planned question for this number, drawn from the question bank at
 * the requested level (bank-questions.ts), unless it (or its focus) was already asked, e.g.
 * because another provider planned earlier questions; then the first unused alternative from
 * the plan's reserve.
 *
 * Two things bend the plan for one interview:
 * - a focused practice interview (focus competencies from the study plan) asks its
 *   behavioural and technical slots about those competencies first (then, if some are left,
 *   its skill slots);
 * - from question 3 on, skill, gap and technical slots steer toward a job requirement no
 *   answer has demonstrated yet, when one names a skill that has not been asked about.
 */
import { MAIN_QUESTION_COUNT, type CompetencyId, type Level } from '../../interview/definitions.js';
import { requirementSkills } from '../../intelligence/requirements.js';
import { type PlannedQuestion, type PlanQuestionInput } from '../types.js';
import { competencyOf, dressItem, focusQuestion, TECHNICAL_COMPETENCIES } from './bank-questions.js';
import { analyseContext, type ContextAnalysis } from '../../analysis/context-analysis.js';
import { itemForSkill, planInterview, type InterviewPlan, type PlanItem } from './question-planner.js';
import { clampInt } from '../../text/index.js';

const norm = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** Questions this early set the scene; steering starts after them. */
const STEER_FROM_QUESTION = 3;
const STEERABLE = new Set<PlannedQuestion['kind']>(['skill', 'gap', 'technical']);

type FocusSlot = { competency: CompetencyId; slot: 'behavioral' | 'technical'; ordinal: number };

/**
 * Which plan slots a focused interview gives to its focus competencies: behavioural ones to
 * behavioural slots, technical ones to technical slots, then what is left to skill slots.
 */
function focusSlots(plan: InterviewPlan, focus: readonly CompetencyId[]): Map<number, FocusSlot> {
  const out = new Map<number, FocusSlot>();
  if (focus.length === 0) return out;
  const behavioural = focus.filter((c) => !TECHNICAL_COMPETENCIES.has(c));
  const technical = focus.filter((c) => TECHNICAL_COMPETENCIES.has(c));
  const kinds = plan.questions.map((p) => p.question.kind);
  let ordinal = 0;
  const assign = (kind: PlannedQuestion['kind'], from: CompetencyId[]) => {
    kinds.forEach((k, i) => {
      if (k !== kind || out.has(i) || from.length === 0) return;
      const competency = from.shift()!;
      out.set(i, { competency, slot: TECHNICAL_COMPETENCIES.has(competency) ? 'technical' : 'behavioral', ordinal: ordinal++ });
    });
  };
  assign('behavioral', behavioural);
  assign('technical', technical);
  assign('skill', [...behavioural, ...technical]);
  return out;
}

/** The bank-entry key a plan item picks by; slots sharing one take successive entries. */
const pickKey = (item: PlanItem) => `${item.question.kind}|${competencyOf(item)}`;

/** How many plan items before `index` (all of them for an item outside the plan) share the item's pick key. */
function occurrenceOf(plan: InterviewPlan, item: PlanItem, index: number): number {
  const key = pickKey(item);
  const inPlan = plan.questions.indexOf(item);
  const before = inPlan >= 0 ? plan.questions.slice(0, inPlan) : plan.questions;
  return before.filter((p) => pickKey(p) === key).length + (inPlan >= 0 ? 0 : index);
}

/** A plan item toward the first uncovered requirement that names a skill not asked about yet. */
function steered(a: ContextAnalysis, item: PlanItem, uncovered: readonly string[], askedFocus: ReadonlySet<string>, v: number): PlanItem | null {
  const current = item.meta.skill?.name;
  for (const requirement of uncovered) {
    const skills = requirementSkills(requirement);
    if (current && skills.includes(current)) return null; // the planned question already covers it
    for (const skill of skills) {
      if (askedFocus.has(norm(skill))) continue;
      const alternative = itemForSkill(a, skill, v);
      if (alternative && !askedFocus.has(norm(alternative.question.focus))) return alternative;
    }
  }
  return null;
}

/** Dressed questions per plan item (plans are memoised per context, so items are stable), by level, slot and exclusions. */
const dressed = new WeakMap<PlanItem, Map<string, PlannedQuestion>>();

/** Plans main question `input.questionNumber` deterministically from the context, level and history. */
export function planOfflineQuestion(input: PlanQuestionInput, referenceYear?: number): PlannedQuestion {
  const a = analyseContext(input.context, referenceYear);
  const plan = planInterview(a);
  const index = clampInt(input.questionNumber, 1, MAIN_QUESTION_COUNT) - 1;
  const planned = plan.questions[index] ?? plan.questions[0];
  if (!planned) throw new Error('offline planner produced an empty plan');
  const level: Level = input.level ?? 'mid';

  const askedText = new Set(input.previous.map((p) => norm(p.text)));
  const askedFocus = new Set(input.previous.map((p) => norm(p.focus)).filter(Boolean));
  const exclude = new Set(input.previous.flatMap((p) => (p.bankId ? [p.bankId] : [])));
  const unused = (q: PlannedQuestion) => !askedText.has(norm(q.text)) && !askedFocus.has(norm(q.focus));
  const excludeKey = [...exclude].sort().join(',');
  const dress = (item: PlanItem, n = 0) => {
    const occurrence = occurrenceOf(plan, item, n);
    const key = `${level}|${occurrence}|${excludeKey}`;
    const memo = dressed.get(item) ?? new Map<string, PlannedQuestion>();
    dressed.set(item, memo);
    let q = memo.get(key);
    if (!q) memo.set(key, (q = dressItem(a, item, { level, exclude, occurrence, seed: a.seed })));
    return q;
  };

  const focus = focusSlots(plan, input.focusCompetencies ?? []).get(index);
  if (focus) {
    const q = focusQuestion(a, focus.competency, focus.slot, focus.ordinal, { level, exclude, occurrence: 0, seed: a.seed });
    if (q && unused(q)) return q;
  }

  if (STEERABLE.has(planned.question.kind) && index + 1 >= STEER_FROM_QUESTION && input.uncoveredRequirements?.length) {
    const toward = steered(a, planned, input.uncoveredRequirements, askedFocus, a.seed + index);
    if (toward) {
      const q = dress(toward, 1);
      if (unused(q)) return q;
    }
  }

  const first = dress(planned);
  if (unused(first)) return first;

  // Openers and closings keep their place in the interview; only their wording may change.
  if (planned.question.kind !== 'opener' && planned.question.kind !== 'closing') {
    const alternatives = [...plan.reserve, ...plan.questions.slice(index + 1)];
    for (const [n, alternative] of alternatives.entries()) {
      const q = dress(alternative, n + 2);
      if (unused(q)) return q;
    }
  }
  if (!askedText.has(norm(first.text))) return first;
  return { ...first, text: `Let me come at this from another angle. ${first.text}`.slice(0, 600) };
}
