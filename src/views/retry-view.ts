/** The retry page of one question (pages/retry and its fragment). */
import type { AppError } from '../errors.js';
import type { RetryView } from '../services/retry-service.js';
import { coverageView } from './feedback-insights.js';
import { CRITERION_LABELS, LEVEL_LABELS } from './labels.js';
import { sessionView } from './session-view.js';

export function retryPageData(view: RetryView, answerMaxChars: number, extra: { error?: AppError; answerDraft?: string } = {}) {
  const { session, original, latest } = view;
  return {
    title: `${session.jobTitle} — retry question ${original.questionNumber}`,
    session: sessionView(session),
    original,
    originalCoverage: coverageView(original.coverage),
    latest,
    latestCoverage: latest ? coverageView(latest.coverage) : null,
    attempts: view.attempts,
    change: view.change,
    levelLabels: LEVEL_LABELS,
    criterionLabels: CRITERION_LABELS,
    answerMaxChars,
    action: `/session/${session.id}/retry/${original.questionNumber}`,
    feedbackUrl: `/session/${session.id}/feedback#answer-${original.questionNumber}`,
    error: extra.error ?? null,
    answerDraft: extra.answerDraft ?? '',
  };
}
