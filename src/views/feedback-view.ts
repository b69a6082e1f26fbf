/**
 * The one view of an interview's feedback, from what the feedback service returns: the page,
 * its print layout (the same page with print CSS), the Markdown export and the API all show
 * these facts, so they cannot drift apart (issue 15).
 */
import type { AnsweredQuestion, InterviewSummary } from '../ai/types.js';
import type { RequirementCoverage } from '../intelligence/types.js';
import type { RetrySummary } from '../repositories/retries-repository.js';
import type { FeedbackView, LinkedCvTip } from '../services/feedback-service.js';
import { deliveryView, type DeliveryView } from '../speech/delivery.js';
import { answerInsights, explainDecisions, topFixes, type AnswerInsight, type DecisionLine, type TopFix } from './feedback-insights.js';
import { CRITERION_LABELS, providerLabel } from './labels.js';
import { sessionView } from './session-view.js';

export interface FeedbackPresentation {
  jobTitle: string;
  companyName: string;
  interviewTypeLabel: string;
  /** Who wrote the feedback ("the offline interviewer", "Gemini"…). */
  providerLabel: string;
  createdAt: Date;
  summary: InterviewSummary;
  answers: AnsweredQuestion[];
  /** Level and key-point coverage per main question number. */
  insights: ReadonlyMap<number, AnswerInsight>;
  requirements: RequirementCoverage[];
  cvTips: LinkedCvTip[];
  /** The adaptive flow in sentences. */
  decisions: DecisionLine[];
  retries: RetrySummary[];
  /** Delivery of spoken answers (null when no answer was spoken). */
  delivery: DeliveryView | null;
  criterionLabels: Readonly<Record<string, string>>;
  /** The changes that would raise the score most, at the top of the page and of the export. */
  fixes: TopFix[];
}

export function feedbackPresentation(view: FeedbackView): FeedbackPresentation {
  const { session, feedback } = view;
  return {
    jobTitle: session.jobTitle,
    companyName: session.companyName,
    interviewTypeLabel: sessionView(session).interviewTypeLabel,
    providerLabel: providerLabel(feedback.provider),
    createdAt: feedback.createdAt,
    summary: feedback.summary,
    answers: view.answers,
    insights: answerInsights(view.exchanges),
    requirements: view.requirements,
    cvTips: view.cvTips,
    decisions: explainDecisions(view.exchanges, session.difficulty ?? null),
    retries: view.retries,
    delivery: deliveryView(view.spoken),
    criterionLabels: CRITERION_LABELS,
    fixes: topFixes(view.answers),
  };
}
