/**
 * Honesty checks applied to every provider's output, remote or offline. A model may be
 * generous or invent quotes; these rules make sure an empty or evasive answer can't score
 * well, that praise only quotes words the candidate actually said (never an admission of a
 * gap), and that nothing is praised and criticised at once.
 */
import { RAISE_AT_OR_ABOVE } from '../interview/adaptive.js';
import { assessSubstance } from '../analysis/answer-substance.js';
import { withoutContradictions } from '../analysis/feedback-topics.js';
import { isAdmission } from '../text/index.js';
import { alignQuote } from './quotes.js';
import type { AnswerEvaluation, EvaluateAnswerInput, InterviewSummary, InterviewTurn, NextTurnInput, SummarizeInput } from './types.js';


/**
 * Strengths whose quote is the candidate's own words (shown as they wrote them) and not an
 * admission ("I haven't…").
 */
function praiseable<P extends { quote: string }>(points: readonly P[], text: (p: P) => string): P[] {
  return points.flatMap((p) => {
    const aligned = alignQuote(p.quote, text(p));
    return aligned === null || isAdmission(aligned) ? [] : [{ ...p, quote: aligned }];
  });
}

/** Weaknesses keep their point; a quote that is not the candidate's is emptied. */
function quotesChecked<P extends { quote: string }>(points: readonly P[], text: (p: P) => string): P[] {
  return points.map((p) => (p.quote ? { ...p, quote: alignQuote(p.quote, text(p)) ?? '' } : p));
}

const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, Math.round(n)));

/** Caps the score by the answer's substance, drops invented quotes and praise that contradicts a weakness. */
export function guardEvaluation(input: EvaluateAnswerInput, evaluation: AnswerEvaluation): AnswerEvaluation {
  const { ceiling } = assessSubstance(input);
  const weaknesses = quotesChecked(evaluation.weaknesses, () => input.answer);
  // No "you named procurement" beside "never addresses procurement".
  const strengths = withoutContradictions(praiseable(evaluation.strengths, () => input.answer), weaknesses);
  return {
    ...evaluation,
    score: clamp(evaluation.score, 1, ceiling),
    strengths,
    weaknesses,
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
  const weaknesses = quotesChecked(summary.weaknesses, answerOf);
  return {
    ...summary,
    overallScore: clamp(summary.overallScore, lo, hi),
    strengths: withoutContradictions(praiseable(summary.strengths, answerOf), weaknesses),
    weaknesses,
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
    ...(answered.earlierAnswers ? { earlierAnswers: answered.earlierAnswers } : {}),
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
