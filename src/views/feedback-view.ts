/**
 * The one view of an interview's feedback, from what the feedback service returns: the page,
 * its print layout (the same page with print CSS), the Markdown export and the API all show
 * these facts, so they cannot drift apart (issue 15).
 */
import type { AnsweredQuestion, InterviewSummary } from '../ai/types.js';
import { questionScore as sharedQuestionScore } from '../intelligence/scores.js';
import type { RequirementCoverage } from '../intelligence/types.js';
import type { RetrySummary } from '../repositories/retries-repository.js';
import type { FeedbackView, LinkedCvTip } from '../services/feedback-service.js';
import { deliveryView, type DeliveryView } from './delivery.js';
import { answerInsights, explainDecisions, topFixes, type AnswerInsight, type DecisionLine, type TopFix } from './feedback-insights.js';
import { CRITERION_LABELS, inSentence, LEVEL_LABELS, providerLabel, REQUIREMENT_STATUS_LABELS } from './labels.js';
import { formatDate, sessionView } from './session-view.js';
import type { VoiceView } from './voice-view.js';

const SCALE_HINT = '1–3: not ready yet · 4–6: some solid points, gaps to close · 7–8: strong · 9–10: exceptional.';

/** A question's score as the progress page counts it (the better of the answer and its follow-up). */
const questionScore = (a: { evaluation: { score: number }; followUp?: { evaluation: { score: number } } | undefined }) =>
  sharedQuestionScore(a.evaluation.score, a.followUp?.evaluation.score) ?? a.evaluation.score;

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

/** The feedback page (and its print layout): the one view plus what only the page needs. */
export function feedbackPageData(view: FeedbackView, voice: VoiceView) {
  const shown = feedbackPresentation(view);
  return {
    ...shown,
    title: `${view.session.jobTitle} — feedback`,
    session: sessionView(view.session),
    questionScore,
    // Older interviews have no levels: the adaptive section then says so instead of "nothing changed".
    adaptiveRecorded: [...shown.insights.values()].some((i) => i.level !== null),
    retries: new Map(shown.retries.map((r) => [r.questionNumber, r] as const)),
    levelLabels: LEVEL_LABELS,
    requirementLabels: REQUIREMENT_STATUS_LABELS,
    inSentence,
    createdLabel: formatDate(shown.createdAt),
    scaleHint: SCALE_HINT,
    // Consent to recording: shown (and withdrawable) once it was ever given (issue 14).
    voice,
  };
}
