import { and, asc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import { nanoid } from 'nanoid';
import { interviewSessions, messages, type MessageKind } from '../db/schema.js';
import type { Db } from '../db/client.js';
import { Errors } from '../errors.js';
import type { AnswerEvaluation } from '../ai/types.js';
import type { AdaptiveDecision, AnswerCoverage, CompetencyId, Level } from '../intelligence/types.js';
import type { SpeechSummary } from '../speech/types.js';

export type MessageRow = Omit<typeof messages.$inferSelect, 'evaluation'> & { evaluation: AnswerEvaluation | null };

export interface NewMessage {
  sessionId: string;
  /** The session's owner: the write happens only if the session really is theirs. */
  ownerId: string;
  kind: MessageKind;
  questionNumber: number;
  content: string;
  replyTo?: string | null;
  questionKind?: string | null;
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

/** Stored with an answer's evaluation, in the same write. */
export interface EvaluationExtras {
  coverage?: AnswerCoverage | null;
  decision?: AdaptiveDecision | null;
}

export type MessagesRepository = ReturnType<typeof createMessagesRepository>;

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/**
 * Messages are reached only through their session's owner: every query joins or filters on
 * interview_sessions.owner_id, so no caller can read or change another visitor's conversation
 * by knowing a session or message id.
 */
export function createMessagesRepository(db: Db) {
  const sessionsOf = (ownerId: string) =>
    db.select({ id: interviewSessions.id }).from(interviewSessions).where(eq(interviewSessions.ownerId, ownerId));

  // The queries every page view and answer runs are prepared once (bench/RESULTS.md: building
  // and preparing them on each call was most of an answer's time).
  const nextSeqQuery = db
    .select({ next: sql<number>`coalesce(max(${messages.seq}), 0) + 1` })
    .from(messages)
    .where(eq(messages.sessionId, sql.placeholder('sessionId')))
    .prepare();
  const nextSeq = (sessionId: string): number => nextSeqQuery.get({ sessionId })!.next;
  const listBySessionQuery = db
    .select(getTableColumns(messages))
    .from(messages)
    .innerJoin(interviewSessions, eq(interviewSessions.id, messages.sessionId))
    .where(and(eq(messages.sessionId, sql.placeholder('sessionId')), eq(interviewSessions.ownerId, sql.placeholder('ownerId'))))
    .orderBy(asc(messages.seq))
    .prepare();
  const ownedSessionQuery = db
    .select({ id: interviewSessions.id })
    .from(interviewSessions)
    .where(and(eq(interviewSessions.id, sql.placeholder('sessionId')), eq(interviewSessions.ownerId, sql.placeholder('ownerId'))))
    .prepare();

  const p = <T extends string>(name: T) => sql.placeholder(name);
  const insertQuery = db
    .insert(messages)
    .values({
      id: p('id'),
      sessionId: p('sessionId'),
      seq: p('seq'),
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
  const setEvaluationQuery = db
    .update(messages)
    .set({
      evaluation: p('evaluation'),
      provider: p('provider') as unknown as string,
      coverage: p('coverage') as unknown as AnswerCoverage,
      decision: p('decision') as unknown as AdaptiveDecision,
    })
    .where(and(eq(messages.id, p('messageId')), inArray(messages.sessionId, sessionsOf(p('ownerId') as unknown as string))))
    .prepare();

  return {
    /** The whole conversation of a session, in order. */
    listBySession(sessionId: string, ownerId: string): MessageRow[] {
      return listBySessionQuery.all({ sessionId, ownerId }) as MessageRow[];
    },

    /**
     * Appends a message at the end of the conversation. Returns null instead of inserting
     * when a unique rule says it already exists (a second answer to the same question, a
     * second question 3): that is how double submits are refused without duplicate rows.
     */
    append(input: NewMessage): MessageRow | null {
      try {
        return db.transaction(() => {
          // Same connection, so the prepared queries run inside this transaction.
          const owned = ownedSessionQuery.get({ sessionId: input.sessionId, ownerId: input.ownerId });
          // Gone (deleted while the interviewer was thinking) or never theirs: the same 404 either way.
          if (!owned) throw Errors.sessionNotFound();
          return insertQuery.get({
            id: nanoid(),
            sessionId: input.sessionId,
            seq: nextSeq(input.sessionId),
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
          }) as MessageRow;
        });
      } catch (error) {
        if (isUniqueViolation(error)) return null;
        throw error;
      }
    },

    /**
     * The evaluation, its key-point coverage and the adaptive decision: one UPDATE, so none
     * exists without the others. Throws SESSION_NOT_FOUND when the answer is no longer there
     * (its interview was deleted while it was being scored): the caller must not carry on as
     * if it had been stored.
     */
    setEvaluation(messageId: string, ownerId: string, evaluation: AnswerEvaluation, provider: string, extras: EvaluationExtras = {}): void {
      const result = setEvaluationQuery.run({ messageId, ownerId, evaluation, provider, coverage: extras.coverage ?? null, decision: extras.decision ?? null });
      if (result.changes !== 1) throw Errors.sessionNotFound();
    },
  };
}
