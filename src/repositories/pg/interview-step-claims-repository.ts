import { and, eq, lte, or, sql } from 'drizzle-orm';
import { interviewSessions, interviewStepClaims } from '../../db/schema-pg.js';
import type { PgHandle } from '../../db/pg-client.js';
import type { InterviewStepClaimsRepository } from '../interview-step-claims-repository.js';

const t = interviewStepClaims;

const until = (now: Date, leaseMs: number) => new Date(now.getTime() + leaseMs);

/**
 * Postgres twin of ../interview-step-claims-repository.ts (same interface, same contract test).
 *
 * Locking: `claim` is one INSERT … ON CONFLICT DO UPDATE … WHERE. Two instances claiming at
 * once: Postgres lets one insert (or update) the row; the other waits on that row, then
 * re-checks the WHERE against the row as committed — another holder's, not expired — and
 * updates nothing, so it returns no row. Exactly one gets true, without a transaction around it.
 * `now` is the caller's clock: instances need clocks in step (NTP) to well within the lease.
 */
export function createPgInterviewStepClaimsRepository(db: PgHandle['db']): InterviewStepClaimsRepository {
  return {
    async claim(sessionId, holder, now, leaseMs) {
      const expiresAt = until(now, leaseMs);
      // INSERT … SELECT from the interview: nothing to claim (and no foreign-key error) once it is deleted.
      const rows = await db
        .insert(t)
        .select(
          db
            .select({ sessionId: interviewSessions.id, holder: sql<string>`${holder}::text`.as('holder'), expiresAt: sql<Date>`${expiresAt.toISOString()}::timestamptz`.as('expires_at') })
            .from(interviewSessions)
            .where(eq(interviewSessions.id, sessionId)),
        )
        .onConflictDoUpdate({ target: t.sessionId, set: { holder, expiresAt }, setWhere: or(lte(t.expiresAt, now), eq(t.holder, holder)) })
        .returning({ sessionId: t.sessionId });
      return rows.length > 0;
    },

    async renew(sessionId, holder, now, leaseMs) {
      const rows = await db
        .update(t)
        .set({ expiresAt: until(now, leaseMs) })
        .where(and(eq(t.sessionId, sessionId), eq(t.holder, holder)))
        .returning({ sessionId: t.sessionId });
      return rows.length > 0;
    },

    async release(sessionId, holder) {
      const rows = await db
        .delete(t)
        .where(and(eq(t.sessionId, sessionId), eq(t.holder, holder)))
        .returning({ sessionId: t.sessionId });
      return rows.length > 0;
    },
  };
}
