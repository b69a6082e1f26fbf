/**
 * Answers planQuestion: the planned question for this number, unless it (or its focus) was
 * already asked, e.g. because another provider planned earlier questions; then the first
 * unused alternative from the plan's reserve.
 */
import { MAIN_QUESTION_COUNT, type PlannedQuestion, type PlanQuestionInput } from '../types.js';
import { analyseContext } from './context-analysis.js';
import { planInterview } from './question-planner.js';
import { clampInt } from './text.js';

const norm = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** Plans main question `input.questionNumber` deterministically from the context. */
export function planOfflineQuestion(input: PlanQuestionInput, referenceYear?: number): PlannedQuestion {
  const analysis = analyseContext(input.context, referenceYear);
  const plan = planInterview(analysis);
  const index = clampInt(input.questionNumber, 1, MAIN_QUESTION_COUNT) - 1;
  const planned = plan.questions[index] ?? plan.questions[0];
  if (!planned) throw new Error('offline planner produced an empty plan');

  const askedText = new Set(input.previous.map((p) => norm(p.text)));
  const askedFocus = new Set(input.previous.map((p) => norm(p.focus)).filter(Boolean));
  const unused = (q: PlannedQuestion) => !askedText.has(norm(q.text)) && !askedFocus.has(norm(q.focus));
  if (unused(planned)) return planned;

  // Openers and closings keep their place in the interview; only their wording may change.
  if (planned.kind !== 'opener' && planned.kind !== 'closing') {
    const alternative = plan.reserve.find(unused) ?? plan.questions.slice(index + 1).find(unused);
    if (alternative) return alternative;
  }
  if (!askedText.has(norm(planned.text))) return planned;
  return { ...planned, text: `Let me come at this from another angle. ${planned.text}`.slice(0, 600) };
}
