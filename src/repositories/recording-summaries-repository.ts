import { and, desc, eq, gte, inArray, lt, ne, notInArray } from 'drizzle-orm';
import { interviewSessions, recordingSummaries } from '../db/schema.js';
import type { Db } from '../db/client.js';
import type { SpeechSummary } from '../speech/types.js';

export interface RecordingSummaryRow {
  /** The recording's id. */
  id: string;
  ownerId: string;
  sessionId: string;
  summary: SpeechSummary;
  createdAt: Date;
  expiresAt: Date;
}

/**
 * Finished recordings' delivery metrics, shared by every app instance (issue 16): saved when a
 * recording ends, taken (read and deleted at once) by the answer that names it. The same
 * interface on SQLite (here) and Postgres (pg/recording-summaries-repository.ts).
 */
export interface RecordingSummariesRepository {
  /**
   * Stores a summary, if its interview exists and is `ownerId`'s (false otherwise), then drops
   * that owner's oldest rows beyond `maxPerOwner` (never the one just stored): a client opening
   * socket after socket cannot grow the table past its own allowance.
   */
  save(row: RecordingSummaryRow, maxPerOwner: number): Promise<boolean>;
  /**
   * Takes the summary of recording `id` — only the owner's, for that interview, not expired at
   * `now` — deleting it in the same statement, so two answers (on two instances) can never
   * both get it. null when there is none.
   */
  take(id: string, sessionId: string, ownerId: string, now: Date): Promise<RecordingSummaryRow | null>;
  /** Deletes every summary of one of the owner's interviews (voice consent withdrawn). */
  deleteForSession(sessionId: string, ownerId: string): Promise<number>;
  /** Deletes at most `limit` rows expired before `now` (bounded work per sweep). */
  deleteExpired(now: Date, limit: number): Promise<number>;
}

const t = recordingSummaries;

/** SQLite: each method is one statement or one transaction (better-sqlite3 is synchronous). */
export function createRecordingSummariesRepository(db: Db): RecordingSummariesRepository {
  return {
    async save(row, maxPerOwner) {
      return db.transaction((tx) => {
        const owned = tx
          .select({ id: interviewSessions.id })
          .from(interviewSessions)
          .where(and(eq(interviewSessions.id, row.sessionId), eq(interviewSessions.ownerId, row.ownerId)))
          .get();
        if (!owned) return false;
        tx.insert(t).values(row).onConflictDoNothing().run();
        const kept = tx
          .select({ id: t.id })
          .from(t)
          .where(and(eq(t.ownerId, row.ownerId), ne(t.id, row.id)))
          .orderBy(desc(t.createdAt), desc(t.id))
          .limit(Math.max(0, maxPerOwner - 1));
        tx.delete(t)
          .where(and(eq(t.ownerId, row.ownerId), ne(t.id, row.id), notInArray(t.id, kept)))
          .run();
        return true;
      });
    },

    async take(id, sessionId, ownerId, now) {
      const row = db
        .delete(t)
        .where(and(eq(t.id, id), eq(t.sessionId, sessionId), eq(t.ownerId, ownerId), gte(t.expiresAt, now)))
        .returning()
        .get();
      return row ?? null;
    },

    async deleteForSession(sessionId, ownerId) {
      return db
        .delete(t)
        .where(and(eq(t.sessionId, sessionId), eq(t.ownerId, ownerId)))
        .run().changes;
    },

    async deleteExpired(now, limit) {
      const expired = db.select({ id: t.id }).from(t).where(lt(t.expiresAt, now)).limit(limit);
      return db.delete(t).where(inArray(t.id, expired)).run().changes;
    },
  };
}
