import { and, desc, eq, sql } from 'drizzle-orm';
import { nanoid } from 'nanoid';
import { interviewSessions, questionRetries } from '../db/schema.js';
import type { Db } from '../db/client.js';
import { Errors } from '../errors.js';
import type { AnswerEvaluation } from '../ai/types.js';
import type { AnswerCoverage } from '../intelligence/types.js';

export interface RetryRow {
  id: string;
  sessionId: string;
  questionNumber: number;
  answer: string;
  evaluation: AnswerEvaluation;
  coverage: AnswerCoverage | null;
  provider: string;
  createdAt: Date;
}

export interface NewRetry {
  sessionId: string;
  /** The session's owner: the write happens only if the session really is theirs. */
  ownerId: string;
  questionNumber: number;
  answer: string;
  evaluation: AnswerEvaluation;
  coverage: AnswerCoverage | null;
  provider: string;
  at: Date;
}

/** Per question: how many retries and the latest one's score (feedback page links). */
export interface RetrySummary {
  questionNumber: number;
  attempts: number;
  latestScore: number;
}

export type RetriesRepository = ReturnType<typeof createRetriesRepository>;

const COLUMNS = {
  id: questionRetries.id,
  sessionId: questionRetries.sessionId,
  questionNumber: questionRetries.questionNumber,
  answer: questionRetries.answer,
  evaluation: questionRetries.evaluation,
  coverage: questionRetries.coverage,
  provider: questionRetries.provider,
  createdAt: questionRetries.createdAt,
};

/**
 * Retries of a question, made from the feedback page. Like messages and feedback, they are
 * reached only through their session's owner: every query joins interview_sessions on owner_id.
 */
export function createRetriesRepository(db: Db) {
  const ownedBy = (sessionId: string, ownerId: string) =>
    and(eq(questionRetries.sessionId, sessionId), eq(interviewSessions.ownerId, ownerId));
  // Same-millisecond retries (a double submit) still come back in insertion order.
  const newestFirst = [desc(questionRetries.createdAt), desc(sql`${questionRetries}.rowid`)] as const;

  return {
    /**
     * Stores a retry, unless the question already has `maxPerQuestion` of them (then null):
     * checked in the same transaction, so parallel submits can't overshoot it. A retry with the
     * latest attempt's text is that attempt sent twice: it is returned, not stored again.
     */
    async create(input: NewRetry, maxPerQuestion: number): Promise<RetryRow | null> {
      return db.transaction((tx) => {
        const owned = tx
          .select({ id: interviewSessions.id })
          .from(interviewSessions)
          .where(and(eq(interviewSessions.id, input.sessionId), eq(interviewSessions.ownerId, input.ownerId)))
          .get();
        // Deleted while the retry was being scored (or never theirs): a 404, not a 500.
        if (!owned) throw Errors.sessionNotFound();
        // The same text as the latest attempt is the same submit sent twice: stored once (as on Postgres).
        const latest = tx
          .select(COLUMNS)
          .from(questionRetries)
          .where(and(eq(questionRetries.sessionId, input.sessionId), eq(questionRetries.questionNumber, input.questionNumber)))
          .orderBy(...newestFirst)
          .limit(1)
          .get();
        if (latest?.answer === input.answer) return latest;
        const stored = tx
          .select({ n: sql<number>`count(*)` })
          .from(questionRetries)
          .where(and(eq(questionRetries.sessionId, input.sessionId), eq(questionRetries.questionNumber, input.questionNumber)))
          .get()!.n;
        if (stored >= maxPerQuestion) return null;
        return tx
          .insert(questionRetries)
          .values({
            id: nanoid(),
            sessionId: input.sessionId,
            questionNumber: input.questionNumber,
            answer: input.answer,
            evaluation: input.evaluation,
            coverage: input.coverage,
            provider: input.provider,
            createdAt: input.at,
          })
          .returning(COLUMNS)
          .get();
      });
    },

    /** The most recent retry of one question, if any. */
    async latest(sessionId: string, ownerId: string, questionNumber: number): Promise<RetryRow | undefined> {
      return db
        .select(COLUMNS)
        .from(questionRetries)
        .innerJoin(interviewSessions, eq(interviewSessions.id, questionRetries.sessionId))
        .where(and(ownedBy(sessionId, ownerId), eq(questionRetries.questionNumber, questionNumber)))
        .orderBy(...newestFirst)
        .limit(1)
        .get();
    },

    /** How many times one question was retried. */
    async count(sessionId: string, ownerId: string, questionNumber: number): Promise<number> {
      const row = db
        .select({ n: sql<number>`count(*)` })
        .from(questionRetries)
        .innerJoin(interviewSessions, eq(interviewSessions.id, questionRetries.sessionId))
        .where(and(ownedBy(sessionId, ownerId), eq(questionRetries.questionNumber, questionNumber)))
        .get();
      return row?.n ?? 0;
    },

    /** Attempts and latest score per retried question of a session. */
    async summaries(sessionId: string, ownerId: string): Promise<RetrySummary[]> {
      const rows = db
        .select({ questionNumber: questionRetries.questionNumber, evaluation: questionRetries.evaluation })
        .from(questionRetries)
        .innerJoin(interviewSessions, eq(interviewSessions.id, questionRetries.sessionId))
        .where(ownedBy(sessionId, ownerId))
        .orderBy(...newestFirst)
        .all();
      const byQuestion = new Map<number, RetrySummary>();
      for (const r of rows) {
        const known = byQuestion.get(r.questionNumber);
        if (known) known.attempts++;
        else byQuestion.set(r.questionNumber, { questionNumber: r.questionNumber, attempts: 1, latestScore: r.evaluation.score });
      }
      return [...byQuestion.values()].sort((a, b) => a.questionNumber - b.questionNumber);
    },
  };
}
