import { and, asc, eq, getTableColumns, inArray, isNotNull, isNull, sql, type DriverValueEncoder, type Placeholder } from 'drizzle-orm';
import { nanoid } from 'nanoid';
import { interviewSessions, messages, type MessageKind } from '../db/schema.js';
import type { Db } from '../db/client.js';
import { Errors } from '../errors.js';
import type { AnswerEvaluation } from '../ai/types.js';
import type { AdaptiveDecision, AnswerCoverage } from '../intelligence/types.js';
import type { CompetencyId, Level, QuestionKind } from '../interview/definitions.js';
import type { SpeechSummary } from '../speech/types.js';

export type MessageRow = typeof messages.$inferSelect;

export interface NewMessage {
  sessionId: string;
  /** The session's owner: the write happens only if the session really is theirs. */
  ownerId: string;
  kind: MessageKind;
  questionNumber: number;
  content: string;
  replyTo?: string | null;
  questionKind?: QuestionKind | null;
  focus?: string | null;
  provider?: string | null;
  /** Delivery metrics of a spoken answer (voice answers). */
  speechMetrics?: SpeechSummary | null;
  /** Questions and follow-ups: the level asked at, the competency probed, the bank entry, the key points. */
  difficulty?: Level | null;
  competency?: CompetencyId | null;
  bankId?: string | null;
  keyPoints?: string[] | null;
}

/** An answer's evaluation, as the interviewer's turn may bring it along. */
export interface StoredEvaluation {
  evaluation: AnswerEvaluation;
  provider: string;
  coverage: AnswerCoverage | null;
}

/** One interviewer turn after an answer: its decision, the evaluation made on the way, the next question. */
export interface TurnRecord {
  answerId: string;
  ownerId: string;
  decision: AdaptiveDecision;
  evaluation?: StoredEvaluation | null;
  next?: NewMessage | null;
}

export type MessagesRepository = ReturnType<typeof createMessagesRepository>;

/** The SQLite result code of a driver error (e.g. SQLITE_CONSTRAINT_UNIQUE), if it is one. */
function sqliteCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

function isUniqueViolation(error: unknown): boolean {
  return sqliteCode(error) === 'SQLITE_CONSTRAINT_UNIQUE';
}

/**
 * Messages are reached only through their session's owner: every query joins or filters on
 * interview_sessions.owner_id, so no caller can read or change another visitor's conversation
 * by knowing a session or message id.
 */
export function createMessagesRepository(db: Db) {
  const sessionsOf = (ownerId: string | Placeholder) =>
    db.select({ id: interviewSessions.id }).from(interviewSessions).where(eq(interviewSessions.ownerId, ownerId));

  // The queries every page view and answer runs are prepared once (bench/RESULTS.md: building
  // and preparing them on each call was most of an answer's time).
  const listBySessionQuery = db
    .select(getTableColumns(messages))
    .from(messages)
    .innerJoin(interviewSessions, eq(interviewSessions.id, messages.sessionId))
    .where(and(eq(messages.sessionId, sql.placeholder('sessionId')), eq(interviewSessions.ownerId, sql.placeholder('ownerId'))))
    .orderBy(asc(messages.seq))
    .prepare();

  const p = <T extends string>(name: T) => sql.placeholder(name);
  const insertQuery = db
    .insert(messages)
    .values({
      id: p('id'),
      // One statement checks the owner, numbers the message and inserts it (issue 15: the
      // answer path's statements): the session id is looked up under its owner, so a session
      // that is gone or not theirs yields NULL, which the NOT NULL rule refuses; the next seq
      // is read in the same statement, so nothing can slip in between.
      sessionId: sql`(select ${interviewSessions.id} from ${interviewSessions} where ${interviewSessions.id} = ${p('sessionId')} and ${interviewSessions.ownerId} = ${p('ownerId')})`,
      seq: sql`(select coalesce(max(${messages.seq}), 0) + 1 from ${messages} where ${messages.sessionId} = ${p('sessionId')})`,
      role: p('role'),
      kind: p('kind'),
      questionNumber: p('questionNumber'),
      replyTo: p('replyTo'),
      content: p('content'),
      questionKind: p('questionKind'),
      focus: p('focus'),
      provider: p('provider'),
      speechMetrics: p('speechMetrics'),
      difficulty: p('difficulty'),
      competency: p('competency'),
      bankId: p('bankId'),
      keyPoints: p('keyPoints'),
    })
    .returning()
    .prepare();
  // A placeholder in a prepared UPDATE, bound through its column's own encoder (the JSON columns
  // serialise their value): Drizzle's `set()` takes such SQL where it would not take a bare placeholder.
  const bound = (name: string, column: DriverValueEncoder<unknown, unknown>) => sql`${sql.param(p(name), column)}`;
  const setFirstEvaluationQuery = db
    .update(messages)
    .set({
      evaluation: bound('evaluation', messages.evaluation),
      provider: bound('provider', messages.provider),
      coverage: bound('coverage', messages.coverage),
    })
    .where(and(eq(messages.id, p('messageId')), isNull(messages.evaluation), inArray(messages.sessionId, sessionsOf(p('ownerId')))))
    .prepare();
  const setDecisionQuery = db
    .update(messages)
    .set({ decision: bound('decision', messages.decision) })
    .where(and(eq(messages.id, p('messageId')), isNull(messages.decision), inArray(messages.sessionId, sessionsOf(p('ownerId')))))
    .prepare();

  /** Thrown inside a transaction to roll it back without an error reaching the caller. */
  class AlreadyTaken extends Error {}

  function insert(input: NewMessage): MessageRow {
    try {
      return insertQuery.get({
        id: nanoid(),
        sessionId: input.sessionId,
        ownerId: input.ownerId,
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
      });
    } catch (error) {
      // Gone (deleted while the interviewer was thinking) or never theirs: the same 404 either way.
      if (sqliteCode(error) === 'SQLITE_CONSTRAINT_NOTNULL') throw Errors.sessionNotFound();
      throw error;
    }
  }

  return {
    /**
     * Forgets the delivery metrics of every spoken answer in one of the owner's sessions (voice
     * consent withdrawn). The answers' text stays: it is what the candidate sent. Returns how
     * many answers had metrics.
     */
    async clearSpeechMetrics(sessionId: string, ownerId: string): Promise<number> {
      return db
        .update(messages)
        .set({ speechMetrics: null })
        .where(and(eq(messages.sessionId, sessionId), inArray(messages.sessionId, sessionsOf(ownerId)), isNotNull(messages.speechMetrics)))
        .run().changes;
    },

    /** The whole conversation of a session, in order. */
    async listBySession(sessionId: string, ownerId: string): Promise<MessageRow[]> {
      return listBySessionQuery.all({ sessionId, ownerId });
    },

    /**
     * Appends a message at the end of the conversation. Returns null instead of inserting
     * when a unique rule says it already exists (a second answer to the same question, a
     * second question 3): that is how double submits are refused without duplicate rows.
     */
    async append(input: NewMessage): Promise<MessageRow | null> {
      try {
        // One statement, so no transaction of its own: it commits once.
        return insert(input);
      } catch (error) {
        if (isUniqueViolation(error)) return null;
        throw error;
      }
    },

    /**
     * Stores an answer's evaluation (with its provider and key-point coverage) unless it has one
     * already: the first evaluation written wins, so a background evaluation and one made by the
     * interviewer's turn never overwrite each other. Returns false when one was there.
     */
    async setFirstEvaluation(messageId: string, ownerId: string, stored: StoredEvaluation): Promise<boolean> {
      const result = setFirstEvaluationQuery.run({ messageId, ownerId, evaluation: stored.evaluation, provider: stored.provider, coverage: stored.coverage });
      return result.changes > 0;
    },

    /**
     * Records the interviewer's turn after an answer in one transaction: the decision, the
     * evaluation if the turn made one (unless the answer has one already), and the next question
     * or follow-up. Returns false, writing nothing, when the answer already has its decision
     * (another tab or request took the turn first).
     */
    async recordTurn(turn: TurnRecord): Promise<boolean> {
      try {
        db.transaction(() => {
          if (setDecisionQuery.run({ messageId: turn.answerId, ownerId: turn.ownerId, decision: turn.decision }).changes === 0) throw new AlreadyTaken();
          if (turn.evaluation) {
            const e = turn.evaluation;
            setFirstEvaluationQuery.run({ messageId: turn.answerId, ownerId: turn.ownerId, evaluation: e.evaluation, provider: e.provider, coverage: e.coverage });
          }
          if (turn.next) insert(turn.next);
        });
        return true;
      } catch (error) {
        if (error instanceof AlreadyTaken || isUniqueViolation(error)) return false;
        throw error;
      }
    },
  };
}
