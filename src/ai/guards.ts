/**
 * Honesty checks applied to every provider's output, remote or offline. A model may be
 * generous or invent quotes; these rules make sure an empty or evasive answer can't score
 * well and that praise only quotes words the candidate actually said.
 */
import { RAISE_AT_OR_ABOVE } from '../intelligence/adaptive.js';
import { assessSubstance } from './offline/answer-substance.js';
import { alignQuote } from './quotes.js';
import type { AnswerEvaluation, EvaluateAnswerInput, InterviewSummary, InterviewTurn, NextTurnInput, SummarizeInput } from './types.js';

export { quoteAppearsIn } from './quotes.js';

/** Points whose quote is the candidate's own words, with the quote shown as they wrote it. */
function quotedOnly<P extends { quote: string }>(points: readonly P[], text: (p: P) => string): P[] {
  return points.flatMap((p) => {
    const aligned = alignQuote(p.quote, text(p));
    return aligned === null ? [] : [{ ...p, quote: aligned }];
  });
}

/** Weaknesses keep their point; a quote that is not the candidate's is emptied. */
function quotesChecked<P extends { quote: string }>(points: readonly P[], text: (p: P) => string): P[] {
  return points.map((p) => (p.quote ? { ...p, quote: alignQuote(p.quote, text(p)) ?? '' } : p));
}

const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, Math.round(n)));

/** Caps the score by the answer's substance and drops invented quotes. */
export function guardEvaluation(input: EvaluateAnswerInput, evaluation: AnswerEvaluation): AnswerEvaluation {
  const { ceiling } = assessSubstance(input);
  return {
    ...evaluation,
    score: clamp(evaluation.score, 1, ceiling),
    strengths: quotedOnly(evaluation.strengths, () => input.answer),
    weaknesses: quotesChecked(evaluation.weaknesses, () => input.answer),
    followUp: input.isFollowUp ? null : evaluation.followUp,
  };
}

/**
 * Keeps the overall score between the lowest and highest per-answer score (so eight weak
 * answers can't add up to a good interview) and keeps only quotes found in the answers.
 */
export function guardSummary(input: SummarizeInput, summary: InterviewSummary): InterviewSummary {
  const said = new Map(
    input.answers.map((a) => [a.questionNumber, [a.answer, a.followUp?.answer ?? ''].join('\n')] as const),
  );
  const scores = input.answers.flatMap((a) => [a.evaluation.score, ...(a.followUp ? [a.followUp.evaluation.score] : [])]);
  const lo = scores.length ? Math.min(...scores) : 1;
  const hi = scores.length ? Math.max(...scores) : 10;
  const answerOf = (p: InterviewSummary['strengths'][number]) => said.get(p.questionNumber) ?? '';
  return {
    ...summary,
    overallScore: clamp(summary.overallScore, lo, hi),
    strengths: quotedOnly(summary.strengths, answerOf),
    weaknesses: quotesChecked(summary.weaknesses, answerOf),
  };
}

/** The answer of a turn, as the evaluation guards see it. */
export function evaluationInputOf(input: NextTurnInput): EvaluateAnswerInput {
  const { answered } = input;
  return {
    context: input.context,
    questionNumber: answered.questionNumber,
    question: answered.question,
    answer: answered.answer,
    isFollowUp: answered.isFollowUp,
    ...(answered.keyPoints.length > 0 ? { keyPoints: answered.keyPoints } : {}),
  };
}

/**
 * Keeps a turn honest whoever wrote it: no follow-up where none may be asked (after a
 * follow-up's answer, after the closing question) or without its question, and no harder
 * question after an answer too thin to have earned it; an evaluation made on the way gets the
 * evaluation guards.
 */
export function guardTurn(input: NextTurnInput, turn: InterviewTurn): InterviewTurn {
  const answer = evaluationInputOf(input);
  const { level } = input.answered;
  let { decision } = turn;
  const moveOn = (reason: string) => ({ action: 'move_on' as const, reason, level, nextLevel: level });
  if (decision.action === 'follow_up' && (!input.answered.canFollowUp || !decision.followUp?.trim())) {
    decision = moveOn("Let's move on to the next question.");
  }
  if (decision.action === 'raise' && assessSubstance(answer).ceiling < RAISE_AT_OR_ABOVE) {
    decision = moveOn(`The next question stays at the ${level} level.`);
  }
  return {
    ...turn,
    decision,
    question: decision.action === 'follow_up' ? null : turn.question,
    ...(turn.evaluation ? { evaluation: guardEvaluation(answer, turn.evaluation) } : {}),
  };
}
