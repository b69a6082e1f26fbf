/** Postgres: the progress page's read-only queries (the same interface as ../progress-repository.ts). */
import { and, asc, count, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { feedback, interviewSessions, messages } from '../../db/schema-pg.js';
import { pairFollowUps, templateOf, withCompletionTime, type CompletedInterview, type InterviewTemplate, type ScoredQuestionRow } from '../progress-repository.js';
import { binary, type PgDb } from './driver.js';

/** Like the SQLite repository, each query filters on the owner in SQL. */
export function createPgProgressRepository(db: PgDb) {
  const completedOf = (ownerId: string) => and(eq(interviewSessions.ownerId, ownerId), eq(interviewSessions.status, 'completed'));

  /** The owner's latest `limit` completed interviews. */
  const latestCompleted = (ownerId: string, limit: number) =>
    db
      .select({ id: interviewSessions.id })
      .from(interviewSessions)
      .where(and(completedOf(ownerId), isNotNull(interviewSessions.completedAt)))
      .orderBy(desc(interviewSessions.completedAt), desc(binary(interviewSessions.id)))
      .limit(limit);

  const answer = alias(messages, 'answer');

  return {
    async completedInterviews(owner: string, limit: number): Promise<CompletedInterview[]> {
      const rows = await db
        .select({
          sessionId: interviewSessions.id,
          jobTitle: interviewSessions.jobTitle,
          companyName: interviewSessions.companyName,
          completedAt: interviewSessions.completedAt,
          overallScore: feedback.overallScore,
        })
        .from(interviewSessions)
        .innerJoin(feedback, eq(feedback.sessionId, interviewSessions.id))
        .where(and(completedOf(owner), isNotNull(interviewSessions.completedAt), inArray(interviewSessions.id, latestCompleted(owner, limit))))
        .orderBy(asc(interviewSessions.completedAt), asc(binary(interviewSessions.id)));
      return withCompletionTime(rows);
    },

    async completedCount(owner: string): Promise<number> {
      const [row] = await db
        .select({ n: count() })
        .from(interviewSessions)
        .innerJoin(feedback, eq(feedback.sessionId, interviewSessions.id))
        .where(and(completedOf(owner), isNotNull(interviewSessions.completedAt)));
      return row!.n;
    },

    async scoredQuestions(owner: string, limit: number): Promise<ScoredQuestionRow[]> {
      const found = await db
        .select({
          sessionId: messages.sessionId,
          questionNumber: messages.questionNumber,
          kind: messages.kind,
          question: messages.content,
          focus: messages.focus,
          competency: messages.competency,
          // SQLite: cast(json_extract(evaluation, '$.score') as integer), which truncates; a
          // score is an integer anyway, but trunc keeps the two identical for any number.
          score: sql<number | null>`trunc((${answer.evaluation} ->> 'score')::numeric)::integer`,
        })
        .from(messages)
        .innerJoin(interviewSessions, eq(interviewSessions.id, messages.sessionId))
        .leftJoin(answer, and(eq(answer.replyTo, messages.id), eq(answer.kind, 'answer')))
        .where(and(completedOf(owner), inArray(messages.kind, ['question', 'follow_up']), inArray(messages.sessionId, latestCompleted(owner, limit))))
        .orderBy(asc(interviewSessions.completedAt), asc(binary(messages.sessionId)), asc(messages.questionNumber), asc(messages.seq));
      return pairFollowUps(found);
    },

    async latestTemplate(owner: string): Promise<InterviewTemplate | undefined> {
      // The newest interview that has both a CV and a job description, else the newest at all
      // (true sorts after false in Postgres as 1 after 0 in SQLite, so DESC puts it first).
      const [row] = await db
        .select()
        .from(interviewSessions)
        .where(eq(interviewSessions.ownerId, owner))
        .orderBy(
          desc(sql`(${interviewSessions.cvText} is not null and ${interviewSessions.jobDescription} <> '')`),
          desc(interviewSessions.createdAt),
          desc(binary(interviewSessions.id)),
        )
        .limit(1);
      return row && templateOf(row);
    },
  };
}
