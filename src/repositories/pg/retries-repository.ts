/** Postgres: retries of a question from the feedback page (the same interface as ../retries-repository.ts). */
import { and, count, desc, eq } from 'drizzle-orm';
import { nanoid } from 'nanoid';
import { interviewSessions, questionRetries } from '../../db/schema-pg.js';
import { Errors } from '../../errors.js';
import type { NewRetry, RetryRow, RetrySummary } from '../retries-repository.js';
import { newestTransactionFirst, type PgDb } from './driver.js';

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

/** Like the SQLite repository, every query joins interview_sessions on owner_id. */
export function createPgRetriesRepository(db: PgDb) {
  const ownedBy = (sessionId: string, ownerId: string) => and(eq(questionRetries.sessionId, sessionId), eq(interviewSessions.ownerId, ownerId));
  // Same-millisecond retries (a double submit) still come back newest first (driver.ts).
  const newestFirst = [desc(questionRetries.createdAt), newestTransactionFirst(questionRetries)] as const;

  return {
    /**
     * Locking: SQLite counts and inserts in one synchronous transaction. In Postgres two
     * transactions would each count the retries committed before them and both insert, one over
     * the limit; so the session row is locked first (FOR NO KEY UPDATE), and the count that
     * follows, a new statement, sees every retry committed by whoever held the lock before.
     * A submit whose text is the latest attempt's returns that attempt instead of a twin.
     */
    async create(input: NewRetry, maxPerQuestion: number): Promise<RetryRow | null> {
      return db.transaction(async (tx) => {
        const [owned] = await tx
          .select({ id: interviewSessions.id })
          .from(interviewSessions)
          .where(and(eq(interviewSessions.id, input.sessionId), eq(interviewSessions.ownerId, input.ownerId)))
          .for('no key update');
        // Deleted while the retry was being scored (or never theirs): a 404, not a 500.
        if (!owned) throw Errors.sessionNotFound();
        // The same text as the latest attempt is the same submit sent twice (a double click that
        // two instances scored side by side, each with its own in-process guard): stored once.
        const [latest] = await tx
          .select(COLUMNS)
          .from(questionRetries)
          .where(and(eq(questionRetries.sessionId, input.sessionId), eq(questionRetries.questionNumber, input.questionNumber)))
          .orderBy(...newestFirst)
          .limit(1);
        if (latest?.answer === input.answer) return latest;
        const [stored] = await tx
          .select({ n: count() })
          .from(questionRetries)
          .where(and(eq(questionRetries.sessionId, input.sessionId), eq(questionRetries.questionNumber, input.questionNumber)));
        if (stored!.n >= maxPerQuestion) return null;
        const [row] = await tx
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
          .returning(COLUMNS);
        return row!;
      });
    },

    async latest(sessionId: string, ownerId: string, questionNumber: number): Promise<RetryRow | undefined> {
      const [row] = await db
        .select(COLUMNS)
        .from(questionRetries)
        .innerJoin(interviewSessions, eq(interviewSessions.id, questionRetries.sessionId))
        .where(and(ownedBy(sessionId, ownerId), eq(questionRetries.questionNumber, questionNumber)))
        .orderBy(...newestFirst)
        .limit(1);
      return row;
    },

    async count(sessionId: string, ownerId: string, questionNumber: number): Promise<number> {
      const [row] = await db
        .select({ n: count() })
        .from(questionRetries)
        .innerJoin(interviewSessions, eq(interviewSessions.id, questionRetries.sessionId))
        .where(and(ownedBy(sessionId, ownerId), eq(questionRetries.questionNumber, questionNumber)));
      return row?.n ?? 0;
    },

    async summaries(sessionId: string, ownerId: string): Promise<RetrySummary[]> {
      const rows = await db
        .select({ questionNumber: questionRetries.questionNumber, evaluation: questionRetries.evaluation })
        .from(questionRetries)
        .innerJoin(interviewSessions, eq(interviewSessions.id, questionRetries.sessionId))
        .where(ownedBy(sessionId, ownerId))
        .orderBy(...newestFirst);
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
