import { and, asc, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { feedback, interviewSessions, messages } from '../db/schema.js';
import type { Db } from '../db/client.js';
import type { InterviewType, CompetencyId, DifficultyChoice } from '../interview/definitions.js';
import type { CvUpdate, SessionRow } from './sessions-repository.js';

/** A completed interview with its overall score, in the order the interviews were completed. */
export interface CompletedInterview {
  sessionId: string;
  jobTitle: string;
  companyName: string;
  completedAt: Date;
  overallScore: number;
}

/** One main question of a completed interview and how it was answered. */
export interface ScoredQuestionRow {
  sessionId: string;
  questionNumber: number;
  /** The question as asked (to classify questions stored before competencies existed). */
  question: string;
  focus: string | null;
  /** Null for questions written before the planner stored a competency. */
  competency: CompetencyId | null;
  /** The main answer's evaluation score (1..10), null when it was never evaluated. */
  mainScore: number | null;
  /** The follow-up answer's score, null when there was no (evaluated) follow-up. */
  followUpScore: number | null;
}

/** What a new interview can copy from an earlier one (the focused practice interview). */
export interface InterviewTemplate {
  sessionId: string;
  jobTitle: string;
  companyName: string;
  interviewType: InterviewType;
  difficulty: DifficultyChoice;
  jobDescription: string;
  jobFileName: string | null;
  cv: CvUpdate | null;
}

/** A question or follow-up of a completed interview with its answer's score, as both drivers read it. */
interface QuestionScoreRow {
  sessionId: string;
  questionNumber: number;
  kind: string;
  question: string;
  focus: string | null;
  competency: CompetencyId | null;
  score: number | null;
}

/**
 * Folds each follow-up's score into its main question. The rows come ordered by session,
 * number, then seq, so a follow-up comes right after its main question. (Shared with the
 * Postgres repository: the same rows, the same folding.)
 */
export function pairFollowUps(found: Iterable<QuestionScoreRow>): ScoredQuestionRow[] {
  const rows: ScoredQuestionRow[] = [];
  for (const row of found) {
    if (row.kind === 'question') {
      const { kind: _kind, score, ...rest } = row;
      rows.push({ ...rest, competency: row.competency ?? null, mainScore: score, followUpScore: null });
      continue;
    }
    const main = rows[rows.length - 1];
    if (main && main.sessionId === row.sessionId && main.questionNumber === row.questionNumber) main.followUpScore = row.score;
  }
  return rows;
}

/** The query keeps only rows with a completion time; the filter tells the compiler so. */
export function withCompletionTime<R extends { completedAt: Date | null }>(rows: R[]): (Omit<R, 'completedAt'> & { completedAt: Date })[] {
  return rows.flatMap(({ completedAt, ...rest }) => (completedAt ? [{ ...rest, completedAt }] : []));
}

/** What a focused practice interview copies of an interview's row. */
export function templateOf(row: SessionRow): InterviewTemplate {
  return {
    sessionId: row.id,
    jobTitle: row.jobTitle,
    companyName: row.companyName,
    interviewType: row.interviewType,
    difficulty: row.difficulty,
    jobDescription: row.jobDescription,
    jobFileName: row.jobFileName,
    cv:
      row.cvText !== null && row.cvFormat !== null
        ? {
            cvText: row.cvText,
            cvFileName: row.cvFileName,
            cvFormat: row.cvFormat,
            cvPageCount: row.cvPageCount,
            cvWordCount: row.cvWordCount ?? 0,
            cvTruncated: row.cvTruncated,
          }
        : null,
  };
}

export type ProgressRepository = ReturnType<typeof createProgressRepository>;

/**
 * Read-only queries behind the progress page. Like every repository, each query filters on
 * the owner in SQL, so one visitor's progress can never include another's interviews.
 */
export function createProgressRepository(db: Db) {
  const ownerId = sql.placeholder('ownerId');
  const completedOf = and(eq(interviewSessions.ownerId, ownerId), eq(interviewSessions.status, 'completed'));

  /** The owner's latest `limit` completed interviews (the page shows only those: it stays small however many there are). */
  const latestCompleted = db
    .select({ id: interviewSessions.id })
    .from(interviewSessions)
    .where(and(completedOf, isNotNull(interviewSessions.completedAt)))
    .orderBy(desc(interviewSessions.completedAt), desc(interviewSessions.id))
    .limit(sql.placeholder('limit'));

  // The progress page runs these on every view: prepared once.
  const completedCountQuery = db
    .select({ n: sql<number>`count(*)` })
    .from(interviewSessions)
    .innerJoin(feedback, eq(feedback.sessionId, interviewSessions.id))
    .where(and(completedOf, isNotNull(interviewSessions.completedAt)))
    .prepare();
  const completedQuery = db
    .select({
      sessionId: interviewSessions.id,
      jobTitle: interviewSessions.jobTitle,
      companyName: interviewSessions.companyName,
      completedAt: interviewSessions.completedAt,
      overallScore: feedback.overallScore,
    })
    .from(interviewSessions)
    .innerJoin(feedback, eq(feedback.sessionId, interviewSessions.id))
    .where(and(completedOf, isNotNull(interviewSessions.completedAt), inArray(interviewSessions.id, latestCompleted)))
    .orderBy(asc(interviewSessions.completedAt), asc(interviewSessions.id))
    .prepare();

  // Every question and follow-up with its answer's score, one indexed lookup each (reply_to is
  // unique). Pairing a follow-up with its main question happens in scoredQuestions: joining
  // messages to itself on (session, number) scanned each session's messages per question and
  // was most of the page's time with many interviews.
  const answer = alias(messages, 'answer');
  const questionsQuery = db
    .select({
      sessionId: messages.sessionId,
      questionNumber: messages.questionNumber,
      kind: messages.kind,
      question: messages.content,
      focus: messages.focus,
      competency: messages.competency,
      score: sql<number | null>`cast(json_extract(${answer.evaluation}, '$.score') as integer)`,
    })
    .from(messages)
    .innerJoin(interviewSessions, eq(interviewSessions.id, messages.sessionId))
    .leftJoin(answer, and(eq(answer.replyTo, messages.id), eq(answer.kind, 'answer')))
    .where(and(completedOf, inArray(messages.kind, ['question', 'follow_up']), inArray(messages.sessionId, latestCompleted)))
    .orderBy(asc(interviewSessions.completedAt), asc(messages.sessionId), asc(messages.questionNumber), asc(messages.seq))
    .prepare();

  // The newest interview that has both a CV and a job description, else the newest at all.
  const templateQuery = db
    .select()
    .from(interviewSessions)
    .where(eq(interviewSessions.ownerId, ownerId))
    .orderBy(
      desc(sql`(${interviewSessions.cvText} is not null and ${interviewSessions.jobDescription} <> '')`),
      desc(interviewSessions.createdAt),
      desc(interviewSessions.id),
    )
    .limit(1)
    .prepare();

  return {
    /** The owner's latest `limit` completed interviews, oldest first. */
    async completedInterviews(owner: string, limit: number): Promise<CompletedInterview[]> {
      // The query keeps only rows with a completion time; the filter tells the compiler so.
      return withCompletionTime(completedQuery.all({ ownerId: owner, limit }));
    },

    /** How many completed interviews (with feedback) the owner has in all. */
    async completedCount(owner: string): Promise<number> {
      return completedCountQuery.get({ ownerId: owner })!.n;
    },

    /** Main questions of the owner's latest `limit` completed interviews, in completion order then question number. */
    async scoredQuestions(owner: string, limit: number): Promise<ScoredQuestionRow[]> {
      return pairFollowUps(questionsQuery.all({ ownerId: owner, limit }));
    },

    /** What a focused practice interview copies; undefined when the owner has no interview yet. */
    async latestTemplate(owner: string): Promise<InterviewTemplate | undefined> {
      const row = templateQuery.get({ ownerId: owner });
      return row && templateOf(row);
    },
  };
}
