/**
 * The offline interviewer: a deterministic AI provider that needs no network or API key. It is
 * what Rehearse uses on a machine without keys and the last resort when remote models fail,
 * so it plans a real interview from the CV and job description, scores answers against an
 * explicit rubric, and summarises honestly. Same input, same output; no clock, no randomness.
 */
import { DEFAULT_REFERENCE_YEAR } from '../../analysis/cv-analysis.js';
import { evaluateOfflineAnswer } from '../offline/evaluate-answer.js';
import { summarizeOfflineInterview } from '../offline/interview-summary.js';
import { planOfflineQuestion } from '../offline/plan-question.js';
import type { AiProvider } from '../types.js';

/** Options for the offline interviewer. */
export interface OfflineProviderOptions {
  /**
   * The year "Present" in a CV date range stands for. Defaults to a fixed year (or the latest
   * year the CV mentions) so output never depends on the clock; pass the current year to be exact.
   */
  referenceYear?: number;
}

/** Throws the abort reason if the caller has already given up. */
function checkSignal(signal: AbortSignal | undefined): void {
  signal?.throwIfAborted();
}

/** Creates the offline interviewer (provider name "offline"). */
export function createOfflineProvider(options: OfflineProviderOptions = {}): AiProvider {
  const year = options.referenceYear ?? DEFAULT_REFERENCE_YEAR;
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
  };
}
