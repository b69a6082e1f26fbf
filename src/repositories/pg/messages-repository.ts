/** Postgres: an interview's conversation (the same interface as ../messages-repository.ts). */
import { and, asc, eq, getTableColumns, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { nanoid } from 'nanoid';
import { interviewSessions, messages } from '../../db/schema-pg.js';
import { Errors } from '../../errors.js';
import type { MessageRow, NewMessage, StoredEvaluation, TurnRecord } from '../messages-repository.js';
import { isUniqueViolation, type PgDb, type PgExecutor } from './driver.js';

/** Thrown inside a transaction to roll it back without an error reaching the caller. */
class AlreadyTaken extends Error {}

/** Like the SQLite repository, every query joins or filters on the session's owner. */
export function createPgMessagesRepository(db: PgDb) {
  const sessionsOf = (ownerId: string) => db.select({ id: interviewSessions.id }).from(interviewSessions).where(eq(interviewSessions.ownerId, ownerId));

  /** The owner's session row, locked until the transaction ends (none: gone or not theirs). */
  const lockSession = (tx: PgExecutor, sessionId: string, ownerId: string) =>
    tx
      .select({ id: interviewSessions.id })
      .from(interviewSessions)
      .where(and(eq(interviewSessions.id, sessionId), eq(interviewSessions.ownerId, ownerId)))
      .for('no key update');

  /**
   * Locking: SQLite numbers a message (max(seq) + 1) and inserts it in one statement that
   * nothing can run beside. In Postgres two such statements would both read the same max(seq)
   * (each sees only what was committed when it started) and the second would fail on the
   * (session, seq) unique index, refusing a message that SQLite stores. So the session row is
   * locked first (FOR NO KEY UPDATE: appends to one interview queue behind each other; inserts
   * elsewhere and the messages' foreign-key checks are not blocked), then the insert reads
   * max(seq) with a fresh snapshot that includes every earlier append. The lock also tells a
   * session that is gone or not theirs (no row) from a duplicate. Must run in a transaction.
   */
  async function insert(tx: PgExecutor, input: NewMessage): Promise<MessageRow> {
    const [session] = await lockSession(tx, input.sessionId, input.ownerId);
    // Gone (deleted while the interviewer was thinking) or never theirs: the same 404 either way.
    if (!session) throw Errors.sessionNotFound();
    const [row] = await tx
      .insert(messages)
      .values({
        id: nanoid(),
        sessionId: input.sessionId,
        // Column names spelled out: Drizzle drops table names inside a raw subquery.
        seq: sql`(select coalesce(max("seq"), 0) + 1 from "messages" where "session_id" = ${input.sessionId})`,
        role: input.kind === 'answer' ? 'candidate' : 'interviewer',
        kind: input.kind,
        questionNumber: input.questionNumber,
        replyTo: input.replyTo ?? null,
        content: input.content,
        questionKind: input.questionKind ?? null,
        focus: input.focus ?? null,
        provider: input.provider ?? null,
        speechMetrics: input.speechMetrics ?? null,
        difficulty: input.difficulty ?? null,
        competency: input.competency ?? null,
        bankId: input.bankId ?? null,
        keyPoints: input.keyPoints ?? null,
        // The time of this statement (after the lock), as SQLite's default is: now() would be
        // the transaction's start, before any wait for the lock.
        createdAt: sql`statement_timestamp()`,
      })
      .returning();
    return row!;
  }

  const setFirstEvaluation = async (tx: PgExecutor, messageId: string, ownerId: string, stored: StoredEvaluation): Promise<boolean> => {
    // One UPDATE … WHERE evaluation IS NULL: a concurrent one waits for the row, re-checks the
    // condition and changes nothing, so the first evaluation written wins as in SQLite.
    const result = await tx
      .update(messages)
      .set({ evaluation: stored.evaluation, provider: stored.provider, coverage: stored.coverage })
      .where(and(eq(messages.id, messageId), isNull(messages.evaluation), inArray(messages.sessionId, sessionsOf(ownerId))));
    return (result.rowCount ?? 0) > 0;
  };

  return {
    /**
     * Locking: this changes several of the session's messages, so it takes the session row
     * first, like every other multi-row write here and a deletion: two statements locking the
     * same messages in different orders could deadlock.
     */
    async clearSpeechMetrics(sessionId: string, ownerId: string): Promise<number> {
      return db.transaction(async (tx) => {
        const [session] = await lockSession(tx, sessionId, ownerId);
        if (!session) return 0;
        const result = await tx
          .update(messages)
          .set({ speechMetrics: null })
          .where(and(eq(messages.sessionId, sessionId), isNotNull(messages.speechMetrics)));
        return result.rowCount ?? 0;
      });
    },

    async listBySession(sessionId: string, ownerId: string): Promise<MessageRow[]> {
      return db
        .select(getTableColumns(messages))
        .from(messages)
        .innerJoin(interviewSessions, eq(interviewSessions.id, messages.sessionId))
        .where(and(eq(messages.sessionId, sessionId), eq(interviewSessions.ownerId, ownerId)))
        .orderBy(asc(messages.seq));
    },

    async append(input: NewMessage): Promise<MessageRow | null> {
      try {
        return await db.transaction((tx) => insert(tx, input));
      } catch (error) {
        if (isUniqueViolation(error)) return null;
        throw error;
      }
    },

    setFirstEvaluation: (messageId: string, ownerId: string, stored: StoredEvaluation) => setFirstEvaluation(db, messageId, ownerId, stored),

    /**
     * Locking: the answer's session row is locked first, as `append` and a deletion (which then
     * cascades to the messages) do: taking the answer's row first would deadlock with an
     * interview being deleted at the same moment. The decision is then an UPDATE … WHERE
     * decision IS NULL, so of two turns for one answer the second, once it has the lock, finds
     * a decision and writes nothing (false), as in SQLite.
     */
    async recordTurn(turn: TurnRecord): Promise<boolean> {
      try {
        await db.transaction(async (tx) => {
          const [session] = await tx
            .select({ id: interviewSessions.id })
            .from(interviewSessions)
            .innerJoin(messages, eq(messages.sessionId, interviewSessions.id))
            .where(and(eq(messages.id, turn.answerId), eq(interviewSessions.ownerId, turn.ownerId)))
            .for('no key update', { of: interviewSessions });
          // The answer is gone, or not theirs: SQLite's UPDATE would change no row either.
          if (!session) throw new AlreadyTaken();
          const decided = await tx
            .update(messages)
            .set({ decision: turn.decision })
            .where(and(eq(messages.id, turn.answerId), isNull(messages.decision), inArray(messages.sessionId, sessionsOf(turn.ownerId))));
          if (decided.rowCount === 0) throw new AlreadyTaken();
          if (turn.evaluation) await setFirstEvaluation(tx, turn.answerId, turn.ownerId, turn.evaluation);
          if (turn.next) await insert(tx, turn.next);
        });
        return true;
      } catch (error) {
        if (error instanceof AlreadyTaken || isUniqueViolation(error)) return false;
        throw error;
      }
    },
  };
}
