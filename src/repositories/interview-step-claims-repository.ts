import { and, eq, lte, or, sql } from 'drizzle-orm';
import { interviewSessions, interviewStepClaims } from '../db/schema.js';
import type { Db } from '../db/client.js';

/**
 * Leases on an interview's next interviewer step, shared by every app instance (issue 16): the
 * instance holding one is the only one that asks the model for that step. The same interface on
 * SQLite (here) and Postgres (pg/interview-step-claims-repository.ts). The app uses it on
 * Postgres only (services/interview-service.ts says why); SQLite has it so both drivers keep one
 * contract (tests/integration/repositories-contract/step-claims.ts).
 */
export interface InterviewStepClaimsRepository {
  /**
   * Takes the interview's claim for `holder` until `now + leaseMs`, in one statement: true when
   * there was none, the one there expired at or before `now` (its holder died or stalled), or
   * it is `holder`'s own (renewed). false when another holder's claim is still live — or when
   * the interview does not exist (deleted meanwhile: whoever asks next finds that out).
   */
  claim(sessionId: string, holder: string, now: Date, leaseMs: number): Promise<boolean>;
  /** Moves `holder`'s claim on to `now + leaseMs`; false when it is no longer theirs (taken over, or released). */
  renew(sessionId: string, holder: string, now: Date, leaseMs: number): Promise<boolean>;
  /** Deletes the claim if it is `holder`'s (another holder's claim is left alone); true when it was. */
  release(sessionId: string, holder: string): Promise<boolean>;
}

const t = interviewStepClaims;

const until = (now: Date, leaseMs: number) => new Date(now.getTime() + leaseMs);

/** SQLite: each method is one statement. */
export function createInterviewStepClaimsRepository(db: Db): InterviewStepClaimsRepository {
  return {
    async claim(sessionId, holder, now, leaseMs) {
      const expiresAt = until(now, leaseMs);
      // INSERT … SELECT from the interview: nothing to claim (and no foreign-key error) once it is deleted.
      const row = db
        .insert(t)
        .select(
          db
            .select({ sessionId: interviewSessions.id, holder: sql<string>`${holder}`.as('holder'), expiresAt: sql<number>`${expiresAt.getTime()}`.as('expires_at') })
            .from(interviewSessions)
            .where(eq(interviewSessions.id, sessionId)),
        )
        .onConflictDoUpdate({ target: t.sessionId, set: { holder, expiresAt }, setWhere: or(lte(t.expiresAt, now), eq(t.holder, holder)) })
        .returning({ sessionId: t.sessionId })
        .get();
      return row !== undefined;
    },

    async renew(sessionId, holder, now, leaseMs) {
      return (
        db
          .update(t)
          .set({ expiresAt: until(now, leaseMs) })
          .where(and(eq(t.sessionId, sessionId), eq(t.holder, holder)))
          .run().changes > 0
      );
    },

    async release(sessionId, holder) {
      return db
        .delete(t)
        .where(and(eq(t.sessionId, sessionId), eq(t.holder, holder)))
        .run().changes > 0;
    },
  };
}
