/**
 * A remote model's interview turn, read into the domain's terms. The model judges the answer
 * and decides what comes next (its follow-up is the follow-up asked); the app decides what is
 * not the model's to decide: the question's kind (its slot in the interview), the level the
 * decision leads to, and that nothing is asked twice.
 */
import { type AdaptiveDecision } from '../intelligence/types.js';
import { LEVELS, type Level } from '../interview/definitions.js';
import { slotFor } from './prompts/interview-shape.js';
import type { InterviewTurnReply, PlannedQuestionReply, TurnDecision } from './schemas.js';
import type { InterviewTurn, NextTurnInput, PlanQuestionInput, PlannedQuestion } from './types.js';
import type { AskedQuestion } from '../interview/definitions.js';

/** The level one step up or down, within junior..senior. */
function stepLevel(level: Level, by: 1 | -1): Level {
  return LEVELS[Math.min(LEVELS.length - 1, Math.max(0, LEVELS.indexOf(level) + by))]!;
}

const words = (text: string) =>
  new Set(
    text
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s]/gu, ' ')
      .split(/\s+/)
      .filter((w) => w.length > 2),
  );

/**
 * True when `a` and `b` ask the same thing: most of the shorter one's words are in the other
 * (a paraphrase with the company name swapped still counts; a new question on the same skill
 * does not, because its scenario words differ).
 */
function sameQuestion(a: string, b: string): boolean {
  const wa = words(a);
  const wb = words(b);
  const [small, large] = wa.size <= wb.size ? [wa, wb] : [wb, wa];
  if (small.size === 0) return a.trim().toLowerCase() === b.trim().toLowerCase();
  let shared = 0;
  for (const w of small) if (large.has(w)) shared++;
  return shared / small.size >= 0.8;
}

/** The earlier question `text` repeats, if any. */
function repeatedQuestion(text: string, previous: readonly Pick<AskedQuestion, 'questionNumber' | 'text'>[]): AskedQuestion['questionNumber'] | null {
  return previous.find((q) => sameQuestion(text, q.text))?.questionNumber ?? null;
}

/** What is wrong with a planned question beyond its shape, said so a model can fix it. */
export function plannedQuestionProblems(input: PlanQuestionInput, reply: PlannedQuestionReply): string[] {
  const repeated = repeatedQuestion(reply.text, input.previous);
  return repeated === null ? [] : [`/text: repeats question ${repeated}; ask about something not covered yet`];
}

export function plannedQuestionFromReply(input: PlanQuestionInput, reply: PlannedQuestionReply): PlannedQuestion {
  return {
    text: reply.text.trim(),
    kind: slotFor(input.context.interviewType, input.questionNumber).kind,
    focus: reply.focus.trim() || 'general',
    ...(reply.keyPoints ? { keyPoints: reply.keyPoints } : {}),
    ...(reply.bankId ? { bankId: reply.bankId } : {}),
  };
}

/** What is wrong with a turn beyond its shape: the rules the prompt states, said so a model can fix them. */
export function turnReplyProblems(input: NextTurnInput, reply: InterviewTurnReply): string[] {
  const problems: string[] = [];
  const question = reply.question?.trim() ?? '';
  if (reply.decision === 'follow_up' && !input.answered.canFollowUp) {
    problems.push(`/decision: a follow-up is not possible here; ${input.next ? 'move on to the next question' : 'the interview ends: use move_on with question null'}`);
  }
  const asks = reply.decision === 'follow_up' || input.next !== null;
  if (asks && question.length < 10) problems.push('/question: write the question (at least 10 characters)');
  if (asks && question.length >= 10) {
    const earlier = [...input.previous, { questionNumber: input.answered.questionNumber, text: input.answered.question.text }];
    const repeated = repeatedQuestion(question, earlier);
    if (repeated !== null) problems.push(`/question: repeats question ${repeated}; ask something new`);
  }
  return problems;
}

const REASONS: Record<TurnDecision, (level: Level) => string> = {
  follow_up: () => 'I would like to hear a little more about that answer before we move on.',
  move_on: () => "Let's move on to the next question.",
  raise: (level) => `That was a strong answer, so the next question goes a step further (${level} level).`,
  lower: (level) => `Let's take the next question from a different angle (${level} level).`,
};

/**
 * The domain's turn from the model's reply (already checked by `turnReplyProblems`). Raising
 * or lowering beyond the ends of the scale is moving on; the guards (guards.ts) then check the
 * decision against the answer's substance.
 */
export function turnFromReply(input: NextTurnInput, reply: InterviewTurnReply): InterviewTurn {
  const level = input.answered.level;
  let action: TurnDecision = reply.decision;
  if (action === 'follow_up' && !input.answered.canFollowUp) action = 'move_on';
  if ((action === 'raise' && level === 'senior') || (action === 'lower' && level === 'junior')) action = 'move_on';
  const nextLevel = action === 'raise' ? stepLevel(level, 1) : action === 'lower' ? stepLevel(level, -1) : level;
  const reason = reply.reason.trim() || REASONS[action](nextLevel);
  const missed = reply.missedKeyPoints.map((p) => p.trim()).filter(Boolean);
  const text = reply.question?.trim() ?? '';
  const decision: AdaptiveDecision = { action, reason, level, nextLevel };
  if (action === 'follow_up') return { decision: { ...decision, followUp: text, missedPoints: missed }, question: null };
  if (!input.next || !text) return { decision, question: null };
  return {
    decision,
    question: {
      text,
      kind: slotFor(input.context.interviewType, input.next.questionNumber).kind,
      focus: reply.focus.trim() || 'general',
      ...(reply.keyPoints ? { keyPoints: reply.keyPoints } : {}),
      ...(reply.bankId ? { bankId: reply.bankId } : {}),
    },
  };
}
