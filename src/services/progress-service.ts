/**
 * Progress across interviews: competency mastery, score histories, a study plan, and the focused
 * practice interview the study plan offers. Everything is read by owner id, so guests and
 * signed-in users each see only their own interviews.
 */
import { Errors } from '../errors.js';
import { questionScore as sharedQuestionScore } from '../intelligence/scores.js';
import type { ProgressRepository, ScoredQuestionRow } from '../repositories/progress-repository.js';
import type { SessionRow, SessionsRepository } from '../repositories/sessions-repository.js';
import { competencyLabel, type CompetencyId } from '../interview/definitions.js';
import {
  computeMastery,
  studyPlan,
  type CompetencyMastery,
  type InterviewResult,
  type ScoredAnswer,
  type StudyPlanItem,
} from '../intelligence/mastery.js';
import { classifyCompetency, competencyGuide } from '../question-bank/index.js';

export interface ProgressServiceDeps {
  progress: ProgressRepository;
  sessions: Pick<SessionsRepository, 'create' | 'updateCv' | 'updateJobDescription'>;
  /** Interviews one visitor may keep (a focused interview is one more). */
  maxInterviewsPerVisitor: number;
}

interface MasteryRow extends CompetencyMastery {
  label: string;
  /** The competency's score in the latest interview that asked about it. */
  lastScore: number;
}

/**
 * Completed interviews the progress page is built from: the latest ones. With 150 interviews
 * the page was 600 KB (issue 17); charts of more points than this are unreadable anyway, and
 * mastery (an exponentially weighted average) is all but settled by the latest ones.
 */
export const PROGRESS_MAX_INTERVIEWS = 30;

export interface ProgressOverview {
  interviews: (InterviewResult & { index: number; href: string })[];
  /** Completed interviews in all; more than `interviews.length` when only the latest are shown. */
  totalCompleted: number;
  mastery: MasteryRow[];
  plan: StudyPlanItem[];
}

export type FocusedInterviewResult =
  | { kind: 'created'; session: SessionRow }
  /** Nothing to copy the job and CV from. */
  | { kind: 'no-interview' }
  /** No completed interview has scored answers yet, so there is nothing to focus on. */
  | { kind: 'no-plan' };

export type ProgressService = ReturnType<typeof createProgressService>;

/**
 * The score an answered main question counts for. When the interviewer asked a follow-up, the
 * better of the two answers counts: the follow-up is aimed at exactly what the first answer
 * missed, so the pair shows what the candidate can do in the competency, and being asked a
 * follow-up should not by itself pull a score down.
 */
export function questionScore(row: Pick<ScoredQuestionRow, 'mainScore' | 'followUpScore'>): number | null {
  return sharedQuestionScore(row.mainScore, row.followUpScore);
}

/** Questions stored before competencies existed (or written by a remote model without one) are classified by text. */
export function competencyOf(row: Pick<ScoredQuestionRow, 'competency' | 'question' | 'focus'>): CompetencyId {
  return row.competency ?? classifyCompetency(row.question, row.focus ?? undefined);
}

export function createProgressService({ progress, sessions, maxInterviewsPerVisitor }: ProgressServiceDeps) {
  async function results(ownerId: string): Promise<InterviewResult[]> {
    const answers = new Map<string, ScoredAnswer[]>();
    for (const row of await progress.scoredQuestions(ownerId, PROGRESS_MAX_INTERVIEWS)) {
      const score = questionScore(row);
      if (score === null) continue;
      const list = answers.get(row.sessionId) ?? [];
      list.push({ competency: competencyOf(row), score, questionNumber: row.questionNumber, question: row.question });
      answers.set(row.sessionId, list);
    }
    return (await progress.completedInterviews(ownerId, PROGRESS_MAX_INTERVIEWS)).map((i) => ({ ...i, answers: answers.get(i.sessionId) ?? [] }));
  }

  return {
    async overview(ownerId: string): Promise<ProgressOverview> {
      const interviews = await results(ownerId);
      const mastery = computeMastery(interviews, competencyLabel);
      const plan = studyPlan(interviews, mastery, competencyGuide);
      return {
        interviews: interviews.map((i, index) => ({
          ...i,
          index,
          href: `/session/${i.sessionId}/feedback`,
        })),
        totalCompleted: interviews.length < PROGRESS_MAX_INTERVIEWS ? interviews.length : await progress.completedCount(ownerId),
        mastery: mastery.map((m) => ({ ...m, label: competencyLabel(m.competency), lastScore: m.history[m.history.length - 1]!.score })),
        plan,
      };
    },

    /**
     * A new draft interview focused on the study plan's competencies, with the job, type,
     * difficulty, job description and CV of the owner's most recent interview that has them.
     * The focus is recomputed here rather than taken from the form, so it is always the plan
     * the page showed (and cannot be anything else).
     */
    async startFocused(ownerId: string): Promise<FocusedInterviewResult> {
      const template = await progress.latestTemplate(ownerId);
      if (!template) return { kind: 'no-interview' };
      const interviews = await results(ownerId);
      const focus = studyPlan(interviews, computeMastery(interviews, competencyLabel), competencyGuide).map((p) => p.competency);
      if (focus.length === 0) return { kind: 'no-plan' };
      // One write (the quota check and the insert in one transaction): the draft carries the
      // same job description and CV an upload would have set, so it looks exactly like one set
      // up by hand, and a failure can't leave a half-copied interview behind.
      const session = await sessions.create(
        {
          ownerId,
          jobTitle: template.jobTitle,
          companyName: template.companyName,
          jobDescription: template.jobDescription,
          jobFileName: template.jobDescription ? template.jobFileName : null,
          interviewType: template.interviewType,
          difficulty: template.difficulty,
          focusCompetencies: focus,
          cv: template.cv,
        },
        maxInterviewsPerVisitor,
      );
      if (!session) throw Errors.interviewQuota(maxInterviewsPerVisitor);
      return { kind: 'created', session };
    },
  };
}
