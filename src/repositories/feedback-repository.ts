import { and, eq } from 'drizzle-orm';
import { nanoid } from 'nanoid';
import { feedback, interviewSessions } from '../db/schema.js';
import type { Db } from '../db/client.js';
import { Errors } from '../errors.js';
import type { InterviewSummary } from '../ai/types.js';
import type { RequirementCoverage } from '../intelligence/types.js';

export interface FeedbackRow {
  sessionId: string;
  overallScore: number;
  summary: InterviewSummary;
  provider: string;
  /** The job-requirement coverage map; null on feedback written before the map existed. */
  requirements: RequirementCoverage[] | null;
  createdAt: Date;
}

export type FeedbackRepository = ReturnType<typeof createFeedbackRepository>;

/** Feedback is reached only through its session's owner (joined or checked in every query). */
export function createFeedbackRepository(db: Db) {
  return {
    async findBySession(sessionId: string, ownerId: string): Promise<FeedbackRow | undefined> {
      return db
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
        .where(and(eq(feedback.sessionId, sessionId), eq(interviewSessions.ownerId, ownerId)))
        .get();
    },

    /**
     * Stores the feedback (replacing any earlier one) and marks the session completed, in
     * one transaction: a reader sees either the old feedback or the new, never none. The
     * requirement map is part of the feedback, so regenerating replaces it too.
     */
    async saveAndComplete(
      sessionId: string,
      ownerId: string,
      summary: InterviewSummary,
      provider: string,
      at: Date,
      requirements: RequirementCoverage[] | null = null,
    ): Promise<void> {
      db.transaction((tx) => {
        const completed = tx
          .update(interviewSessions)
          .set({ status: 'completed', completedAt: at })
          .where(and(eq(interviewSessions.id, sessionId), eq(interviewSessions.ownerId, ownerId)))
          .run();
        // Deleted while the feedback was being written (or never theirs): a 404, not a 500.
        if (completed.changes !== 1) throw Errors.sessionNotFound();
        const row = { overallScore: summary.overallScore, summary, provider, requirements, createdAt: at };
        tx.insert(feedback)
          .values({ id: nanoid(), sessionId, ...row })
          .onConflictDoUpdate({ target: feedback.sessionId, set: row })
          .run();
      });
    },
  };
}
