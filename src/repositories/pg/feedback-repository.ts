/** Postgres: interview feedback (the same interface as ../feedback-repository.ts). */
import { and, eq } from 'drizzle-orm';
import { nanoid } from 'nanoid';
import { feedback, interviewSessions } from '../../db/schema-pg.js';
import { Errors } from '../../errors.js';
import type { InterviewSummary } from '../../ai/types.js';
import type { RequirementCoverage } from '../../intelligence/types.js';
import type { FeedbackRow } from '../feedback-repository.js';
import type { PgDb } from './driver.js';

export function createPgFeedbackRepository(db: PgDb) {
  return {
    async findBySession(sessionId: string, ownerId: string): Promise<FeedbackRow | undefined> {
      const [row] = await db
        .select({
          sessionId: feedback.sessionId,
          overallScore: feedback.overallScore,
          summary: feedback.summary,
          provider: feedback.provider,
          requirements: feedback.requirements,
          createdAt: feedback.createdAt,
        })
        .from(feedback)
        .innerJoin(interviewSessions, eq(interviewSessions.id, feedback.sessionId))
        .where(and(eq(feedback.sessionId, sessionId), eq(interviewSessions.ownerId, ownerId)));
      return row;
    },

    /**
     * Locking: the UPDATE of the session row holds its lock until commit, so two saves of the
     * same interview's feedback run one after the other; INSERT … ON CONFLICT DO UPDATE is
     * atomic in Postgres too (a concurrent insert is waited for, then updated, never duplicated).
     */
    async saveAndComplete(
      sessionId: string,
      ownerId: string,
      summary: InterviewSummary,
      provider: string,
      at: Date,
      requirements: RequirementCoverage[] | null = null,
    ): Promise<void> {
      await db.transaction(async (tx) => {
        const completed = await tx
          .update(interviewSessions)
          .set({ status: 'completed', completedAt: at })
          .where(and(eq(interviewSessions.id, sessionId), eq(interviewSessions.ownerId, ownerId)));
        // Deleted while the feedback was being written (or never theirs): a 404, not a 500.
        if (completed.rowCount !== 1) throw Errors.sessionNotFound();
        const row = { overallScore: summary.overallScore, summary, provider, requirements, createdAt: at };
        await tx
          .insert(feedback)
          .values({ id: nanoid(), sessionId, ...row })
          .onConflictDoUpdate({ target: feedback.sessionId, set: row });
      });
    },
  };
}
