/**
 * The API's JSON for what the services return: the same facts the pages show, as data.
 */
import type { Static } from '@sinclair/typebox';
import type { AnswerEvaluation } from '../../ai/types.js';
import type { KeyPointCoverage } from '../../intelligence/types.js';
import type { SessionRow } from '../../repositories/sessions-repository.js';
import type { FeedbackView } from '../../services/feedback-service.js';
import { feedbackPresentation } from '../../views/feedback-view.js';
import type { ProgressOverview } from '../../services/progress-service.js';
import type { RetryView } from '../../services/retry-service.js';
import { voiceConsentOf, type VoiceConsentView } from '../../services/voice-consent-service.js';
import { levelOf, type InterviewState as DomainState } from '../../interview/state.js';
import type { Feedback, Interview, InterviewState, Progress, RetryResult, VoiceConsent } from './schemas.js';
import { countWords } from '../../views/session-view.js';
import { interviewStateFacts } from '../../views/interview-view.js';

const iso = (date: Date | null | undefined) => (date ? date.toISOString() : null);

export function interviewJson(session: SessionRow): Static<typeof Interview> {
  return {
    id: session.id,
    jobTitle: session.jobTitle,
    companyName: session.companyName,
    interviewType: session.interviewType,
    difficulty: session.difficulty,
    status: session.status,
    cv: session.cvText
      ? { fileName: session.cvFileName, format: session.cvFormat, words: session.cvWordCount, pages: session.cvPageCount, truncated: session.cvTruncated }
      : null,
    jobDescriptionWords: countWords(session.jobDescription),
    createdAt: session.createdAt.toISOString(),
    startedAt: iso(session.startedAt),
    completedAt: iso(session.completedAt),
    voiceConsent: voiceConsentJson(voiceConsentOf(session)),
  };
}

export function voiceConsentJson(consent: VoiceConsentView): Static<typeof VoiceConsent> {
  return { ...consent, at: iso(consent.at), withdrawnAt: iso(consent.withdrawnAt) };
}

export function stateJson(session: SessionRow, state: DomainState, remoteAi: boolean): Static<typeof InterviewState> {
  const current = state.current;
  // The same facts as the interview page (total, latest decision, take-over), from the same view.
  const { total, decision, tookOver } = interviewStateFacts(state, remoteAi);
  return {
    interview: interviewJson(session),
    phase: state.phase,
    questionNumber: state.questionNumber,
    answeredCount: state.answeredCount,
    total,
    level: levelOf(state),
    question: current
      ? {
          id: current.id,
          number: current.questionNumber,
          kind: current.kind === 'follow_up' ? 'follow_up' : 'question',
          questionKind: current.questionKind,
          text: current.content,
          level: current.difficulty,
          provider: current.provider,
        }
      : null,
    decision: decision ? { action: decision.action, reason: decision.reason, level: decision.level, nextLevel: decision.nextLevel } : null,
    tookOver,
  };
}

function evaluationJson(evaluation: AnswerEvaluation, points: readonly KeyPointCoverage[] = []) {
  return {
    score: evaluation.score,
    summary: evaluation.summary,
    criteria: evaluation.criteria.map(({ criterion, score, note }) => ({ criterion, score, note })),
    strengths: evaluation.strengths,
    weaknesses: evaluation.weaknesses,
    keyPoints: points.map((p) => ({ point: p.point, covered: p.covered, evidence: p.evidence })),
  };
}

export function feedbackJson(view: FeedbackView): Static<typeof Feedback> {
  const { feedback, session } = view;
  // The same facts as the page and the Markdown export, from the same view.
  const shown = feedbackPresentation(view);
  const coverageOf = (n: number, followUp: boolean): KeyPointCoverage[] => {
    const insight = shown.insights.get(n);
    const coverage = followUp ? insight?.followUpCoverage : insight?.coverage;
    return coverage ? [...coverage.covered, ...coverage.missed] : [];
  };
  return {
    interviewId: session.id,
    score: feedback.overallScore,
    verdict: feedback.summary.headline,
    provider: feedback.provider,
    createdAt: feedback.createdAt.toISOString(),
    // The same three as the page's "Fix these three first" and the Markdown export.
    topFixes: shown.fixes,
    strengths: feedback.summary.strengths,
    weaknesses: feedback.summary.weaknesses,
    cvTips: view.cvTips.map((t) => ({ tip: t.tip, evidence: t.evidence, requirementId: t.requirement?.id ?? null })),
    answers: view.answers.map((a) => ({
      questionNumber: a.questionNumber,
      question: a.question,
      kind: a.kind,
      level: shown.insights.get(a.questionNumber)?.level ?? null,
      answer: a.answer,
      evaluation: evaluationJson(a.evaluation, coverageOf(a.questionNumber, false)),
      followUp: a.followUp
        ? { question: a.followUp.question, answer: a.followUp.answer, evaluation: evaluationJson(a.followUp.evaluation, coverageOf(a.questionNumber, true)) }
        : null,
    })),
    requirements: view.requirements.map((r) => ({
      id: r.id,
      requirement: r.requirement,
      status: r.status,
      importance: r.importance ?? null,
      quote: r.quote ?? null,
      questionNumber: r.questionNumber ?? null,
      cvEvidence: r.cvEvidence ?? null,
    })),
    decisions: shown.decisions.map((d) => ({ questionNumber: d.questionNumber, action: d.action, text: d.text })),
    delivery: view.spoken.map((s) => ({ questionNumber: s.questionNumber, followUp: s.followUp, metrics: { ...s.metrics } })),
  };
}

export function retryJson(view: RetryView): Static<typeof RetryResult> {
  return {
    questionNumber: view.original.questionNumber,
    question: view.original.question,
    original: { answer: view.original.answer, score: view.original.evaluation.score },
    latest: view.latest
      ? { answer: view.latest.answer, evaluation: evaluationJson(view.latest.evaluation, view.latest.coverage?.points), createdAt: view.latest.createdAt.toISOString() }
      : null,
    attempts: view.attempts,
    change: view.change,
  };
}

export function progressJson(overview: ProgressOverview): Static<typeof Progress> {
  return {
    totalCompleted: overview.totalCompleted,
    interviews: overview.interviews.map((i) => ({
      interviewId: i.sessionId,
      jobTitle: i.jobTitle,
      companyName: i.companyName,
      completedAt: i.completedAt.toISOString(),
      score: i.overallScore,
    })),
    mastery: overview.mastery.map((m) => ({ competency: m.competency, label: m.label, mastery: m.mastery, interviews: m.interviews, trend: m.trend, lastScore: m.lastScore })),
    studyPlan: overview.plan.map((p) => ({ competency: p.competency, label: p.label })),
  };
}
