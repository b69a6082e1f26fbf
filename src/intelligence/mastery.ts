/**
 * Competency mastery across interviews (pure; no database, no clock).
 *
 * Each interview gives a competency one score: the mean of that interview's answer scores in
 * the competency. Mastery is an exponentially weighted moving average of those scores,
 * updated once per interview in which the competency was asked:
 *
 *   m₁ = s₁,   mₖ = mₖ₋₁ + α (sₖ − mₖ₋₁)
 *
 * α = 0.4: the latest interview counts for 40 %, the one before for 24 %, then 14 %, …, so
 * two or three good interviews in a row clearly move mastery, while one bad day does not
 * erase a record. Interviews that did not ask about a competency leave its mastery alone
 * (not asking is no evidence either way).
 */
import type { CompetencyId } from '../interview/definitions.js';
import type { CompetencyGuide } from '../question-bank/types.js';

export const MASTERY_ALPHA = 0.4;

/** A change in mastery smaller than this (in points out of 10) reads as "steady". */
const TREND_THRESHOLD = 0.25;

export interface ScoredAnswer {
  competency: CompetencyId;
  /** 1..10 */
  score: number;
  questionNumber: number;
  question: string;
}

export interface InterviewResult {
  sessionId: string;
  jobTitle: string;
  companyName: string;
  completedAt: Date;
  overallScore: number;
  answers: ScoredAnswer[];
}

export interface CompetencyInterviewScore {
  competency: CompetencyId;
  /** Mean of the interview's answer scores in this competency. */
  score: number;
  answers: number;
}

export type Trend = 'new' | 'up' | 'down' | 'steady';

interface MasteryStep {
  /** Position of the interview in completion order (0-based). */
  interviewIndex: number;
  sessionId: string;
  score: number;
  /** Mastery after this interview. */
  mastery: number;
}

export interface CompetencyMastery {
  competency: CompetencyId;
  mastery: number;
  /** Interviews in which the competency was scored. */
  interviews: number;
  /** Mastery before the latest interview that scored it; null after the first. */
  previous: number | null;
  trend: Trend;
  history: MasteryStep[];
}

/** The mean score per competency in one interview, in the order competencies were first asked. */
export function interviewCompetencyScores(answers: readonly ScoredAnswer[]): CompetencyInterviewScore[] {
  const sums = new Map<CompetencyId, { total: number; count: number }>();
  for (const a of answers) {
    const entry = sums.get(a.competency) ?? { total: 0, count: 0 };
    entry.total += a.score;
    entry.count += 1;
    sums.set(a.competency, entry);
  }
  return [...sums].map(([competency, { total, count }]) => ({ competency, score: total / count, answers: count }));
}

/** One EWMA update; the first score starts the average. */
export function updateMastery(previous: number | null, score: number, alpha = MASTERY_ALPHA): number {
  return previous === null ? score : previous + alpha * (score - previous);
}

export function trendOf(previous: number | null, current: number, threshold = TREND_THRESHOLD): Trend {
  if (previous === null) return 'new';
  const delta = current - previous;
  if (Math.abs(delta) < threshold) return 'steady';
  return delta > 0 ? 'up' : 'down';
}

/**
 * Mastery of every competency the interviews scored, given the interviews in completion
 * order. Sorted weakest first (see `byWeakness`).
 */
export function computeMastery(
  interviews: readonly InterviewResult[],
  label: (id: CompetencyId) => string = (id) => id,
  alpha = MASTERY_ALPHA,
): CompetencyMastery[] {
  const state = new Map<CompetencyId, CompetencyMastery>();
  interviews.forEach((interview, interviewIndex) => {
    for (const { competency, score } of interviewCompetencyScores(interview.answers)) {
      const current = state.get(competency);
      const previous = current ? current.mastery : null;
      const mastery = updateMastery(previous, score, alpha);
      const step = { interviewIndex, sessionId: interview.sessionId, score, mastery };
      state.set(competency, {
        competency,
        mastery,
        interviews: (current?.interviews ?? 0) + 1,
        previous,
        trend: trendOf(previous, mastery),
        history: [...(current?.history ?? []), step],
      });
    }
  });
  return [...state.values()].sort(byWeakness(label));
}

/** Weakest first; ties go to the competency with less evidence (fewer interviews), then by label. */
export function byWeakness(label: (id: CompetencyId) => string = (id) => id) {
  return (a: CompetencyMastery, b: CompetencyMastery) =>
    a.mastery - b.mastery || a.interviews - b.interviews || label(a.competency).localeCompare(label(b.competency), 'en');
}

export interface WeakestAnswer {
  sessionId: string;
  jobTitle: string;
  companyName: string;
  completedAt: Date;
  questionNumber: number;
  question: string;
  score: number;
}

export interface StudyPlanItem {
  competency: CompetencyId;
  label: string;
  description: string;
  mastery: number;
  interviews: number;
  practice: string[];
  /** The candidate's own lowest-scored answer in the competency (the most recent one on a tie). */
  weakestAnswer: WeakestAnswer | null;
}

const STUDY_PLAN_SIZE = 3;

/**
 * The study plan: the weakest competencies (every competency in `mastery` has at least one
 * scored answer by construction), each with practice advice and the answer to revisit.
 */
export function studyPlan(
  interviews: readonly InterviewResult[],
  mastery: readonly CompetencyMastery[],
  guide: (id: CompetencyId) => CompetencyGuide,
  size = STUDY_PLAN_SIZE,
): StudyPlanItem[] {
  const ordered = [...mastery].sort(byWeakness((id) => guide(id).label));
  return ordered.slice(0, size).map((m) => {
    const g = guide(m.competency);
    return {
      competency: m.competency,
      label: g.label,
      description: g.description,
      mastery: m.mastery,
      interviews: m.interviews,
      practice: [...g.practice],
      weakestAnswer: weakestAnswer(interviews, m.competency),
    };
  });
}

/** Lowest score wins; on a tie the later interview (what the candidate does now), then the earlier question. */
export function weakestAnswer(interviews: readonly InterviewResult[], competency: CompetencyId): WeakestAnswer | null {
  let found: WeakestAnswer | null = null;
  for (const interview of interviews) {
    for (const a of interview.answers) {
      if (a.competency !== competency) continue;
      if (found && a.score > found.score) continue;
      if (found && a.score === found.score && found.sessionId === interview.sessionId) continue;
      found = {
        sessionId: interview.sessionId,
        jobTitle: interview.jobTitle,
        companyName: interview.companyName,
        completedAt: interview.completedAt,
        questionNumber: a.questionNumber,
        question: a.question,
        score: a.score,
      };
    }
  }
  return found;
}
