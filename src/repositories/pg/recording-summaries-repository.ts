import { and, desc, eq, gte, inArray, lt, ne, notInArray } from 'drizzle-orm';
import { interviewSessions, recordingSummaries } from '../../db/schema-pg.js';
import type { PgHandle } from '../../db/pg-client.js';
import type { RecordingSummariesRepository } from '../recording-summaries-repository.js';

const t = recordingSummaries;

/**
 * Postgres twin of ../recording-summaries-repository.ts (same interface, same contract test).
 * `take` is one statement (DELETE … RETURNING): whichever instance runs it first gets the row,
 * the other gets nothing. The per-owner cap in `save` runs in the same transaction as the
 * insert; under READ COMMITTED two saves racing for one owner can each leave the other's row,
 * so an owner may briefly hold one or two more than the cap — the next save trims them.
 */
export function createPgRecordingSummariesRepository(db: PgHandle['db']): RecordingSummariesRepository {
  return {
    async save(row, maxPerOwner) {
      return db.transaction(async (tx) => {
        const owned = await tx
          .select({ id: interviewSessions.id })
          .from(interviewSessions)
          .where(and(eq(interviewSessions.id, row.sessionId), eq(interviewSessions.ownerId, row.ownerId)));
        if (owned.length === 0) return false;
        await tx.insert(t).values(row).onConflictDoNothing();
        const kept = tx
          .select({ id: t.id })
          .from(t)
          .where(and(eq(t.ownerId, row.ownerId), ne(t.id, row.id)))
          .orderBy(desc(t.createdAt), desc(t.id))
          .limit(Math.max(0, maxPerOwner - 1));
        await tx.delete(t).where(and(eq(t.ownerId, row.ownerId), ne(t.id, row.id), notInArray(t.id, kept)));
        return true;
      });
    },

    async take(id, sessionId, ownerId, now) {
      const [row] = await db
        .delete(t)
        .where(and(eq(t.id, id), eq(t.sessionId, sessionId), eq(t.ownerId, ownerId), gte(t.expiresAt, now)))
        .returning();
      return row ?? null;
    },

    async deleteForSession(sessionId, ownerId) {
      const deleted = await db
        .delete(t)
        .where(and(eq(t.sessionId, sessionId), eq(t.ownerId, ownerId)))
        .returning({ id: t.id });
      return deleted.length;
    },

    async deleteExpired(now, limit) {
      const expired = db.select({ id: t.id }).from(t).where(lt(t.expiresAt, now)).limit(limit);
      const deleted = await db.delete(t).where(inArray(t.id, expired)).returning({ id: t.id });
      return deleted.length;
    },
  };
}
