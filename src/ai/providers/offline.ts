/**
 * The offline interviewer: a deterministic AI provider that needs no network or API key. It is
 * what Rehearse uses on a machine without keys and the last resort when remote models fail,
 * so it plans a real interview from the CV and job description, scores answers against an
 * explicit rubric, and summarises honestly. Same input, same output; no clock, no randomness.
 */
import { LEXICAL_SCORER, type CoverageScorer } from '../../coverage/index.js';
import { decideAfterAnswer } from '../../interview/adaptive.js';
import { DEFAULT_REFERENCE_YEAR } from '../../analysis/cv-analysis.js';
import { evaluateOfflineAnswer } from '../offline/evaluate-answer.js';
import { summarizeOfflineInterview } from '../offline/interview-summary.js';
import { planOfflineQuestion } from '../offline/plan-question.js';
import { evaluationInputOf } from '../guards.js';
import type { AiProvider, InterviewTurn, NextTurnInput } from '../types.js';

/** Options for the offline interviewer. */
export interface OfflineProviderOptions {
  /**
   * The year "Present" in a CV date range stands for. Defaults to a fixed year (or the latest
   * year the CV mentions) so output never depends on the clock; pass the current year to be exact.
   */
  referenceYear?: number;
  /** Compares answers with their question's key points (default: the lexical method). */
  coverage?: Pick<CoverageScorer, 'score'>;
}

/** Throws the abort reason if the caller has already given up. */
function checkSignal(signal: AbortSignal | undefined): void {
  signal?.throwIfAborted();
}

/** Creates the offline interviewer (provider name "offline"). */
export function createOfflineProvider(options: OfflineProviderOptions = {}): AiProvider {
  const year = options.referenceYear ?? DEFAULT_REFERENCE_YEAR;
  const coverage = options.coverage ?? LEXICAL_SCORER;

  /**
   * The offline interviewer's turn: score the answer, compare it with the key points, decide
   * by the adaptive rules (interview/adaptive.ts), then plan the next question at the level
   * the decision leads to. The evaluation comes back with the turn, so it is stored at once.
   */
  async function nextTurn(input: NextTurnInput): Promise<InterviewTurn> {
    const { answered } = input;
    const evaluation = evaluateOfflineAnswer(evaluationInputOf(input), year);
    const covered = answered.keyPoints.length > 0 ? await coverage.score(answered.answer, answered.keyPoints) : null;
    const decision = decideAfterAnswer({
      score: evaluation.score,
      coverage: covered,
      level: answered.level,
      isFollowUp: answered.isFollowUp,
      questionKind: answered.question.kind,
      providerFollowUp: evaluation.followUp,
    });
    const base = { decision, evaluation, coverage: covered };
    if (decision.action === 'follow_up' || !input.next) return { ...base, question: null };
    const question = planOfflineQuestion(
      {
        context: input.context,
        questionNumber: input.next.questionNumber,
        previous: input.previous.map((q) => (q.questionNumber === answered.questionNumber && q.score === undefined ? { ...q, score: evaluation.score } : q)),
        level: decision.nextLevel,
        ...(input.uncoveredRequirements ? { uncoveredRequirements: input.uncoveredRequirements } : {}),
        ...(input.focusCompetencies ? { focusCompetencies: input.focusCompetencies } : {}),
      },
      year,
    );
    return { ...base, question };
  }

  return {
    name: 'offline',
    async planQuestion(input, signal) {
      checkSignal(signal);
      return planOfflineQuestion(input, year);
    },
    async evaluateAnswer(input, signal) {
      checkSignal(signal);
      return evaluateOfflineAnswer(input, year);
    },
    async summarizeInterview(input, signal) {
      checkSignal(signal);
      return summarizeOfflineInterview(input, year);
    },
    async nextTurn(input, signal) {
      checkSignal(signal);
      return nextTurn(input);
    },
  };
}
