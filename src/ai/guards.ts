/**
 * Honesty checks applied to every provider's output, remote or offline. A model may be
 * generous or invent quotes; these rules make sure an empty or evasive answer can't score
 * well and that praise only quotes words the candidate actually said.
 */
import { assessSubstance } from '../analysis/answer-substance.js';
import { withoutContradictions } from '../analysis/feedback-topics.js';
import { isAdmission } from '../text/index.js';
import type { AnswerEvaluation, EvaluateAnswerInput, InterviewSummary, SummarizeInput } from './types.js';

const normalizeForQuote = (text: string) =>
  text
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();

/** True when `quote` is (ignoring case, curly quotes and spacing) a passage of `text`. */
export function quoteAppearsIn(quote: string, text: string): boolean {
  const q = normalizeForQuote(quote).replace(/^["'.…\s]+|["'.…\s]+$/g, '');
  return q.length > 0 && normalizeForQuote(text).includes(q);
}

const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, Math.round(n)));

/** Caps the score by the answer's substance and drops invented quotes. */
export function guardEvaluation(input: EvaluateAnswerInput, evaluation: AnswerEvaluation): AnswerEvaluation {
  const { ceiling } = assessSubstance(input);
  const weaknesses = evaluation.weaknesses.map((w) => (w.quote && !quoteAppearsIn(w.quote, input.answer) ? { ...w, quote: '' } : w));
  // Praise quotes the candidate's words, never an admission of a gap ("I haven't…"), and never
  // contradicts a weakness (no "you named procurement" beside "never addresses procurement").
  const strengths = evaluation.strengths.filter((s) => quoteAppearsIn(s.quote, input.answer) && !isAdmission(s.quote));
  return {
    ...evaluation,
    score: clamp(evaluation.score, 1, ceiling),
    strengths: withoutContradictions(strengths, weaknesses),
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
  const quoted = (p: InterviewSummary['strengths'][number]) => quoteAppearsIn(p.quote, said.get(p.questionNumber) ?? '');
  const weaknesses = summary.weaknesses.map((w) => (w.quote && !quoted(w) ? { ...w, quote: '' } : w));
  const strengths = summary.strengths.filter((s) => quoted(s) && !isAdmission(s.quote));
  return {
    ...summary,
    overallScore: clamp(summary.overallScore, lo, hi),
    strengths: withoutContradictions(strengths, weaknesses),
    weaknesses,
  };
}
