/** Postgres: interview sessions (the same interface as ../sessions-repository.ts). */
import { and, count, desc, eq, sql } from 'drizzle-orm';
import { nanoid } from 'nanoid';
import { feedback, interviewSessions, users } from '../../db/schema-pg.js';
import { Errors } from '../../errors.js';
import type { CvUpdate, NewSession, SessionListItem, SessionRow } from '../sessions-repository.js';
import { binary, idEquals, type PgDb } from './driver.js';

/** Like the SQLite repository, every read and write filters on the owner in the query itself. */
export function createPgSessionsRepository(db: PgDb) {
  const owned = (id: string, ownerId: string) => and(idEquals(interviewSessions.id, id), eq(interviewSessions.ownerId, ownerId));

  async function findOwned(id: string, ownerId: string): Promise<SessionRow | undefined> {
    const [row] = await db.select().from(interviewSessions).where(owned(id, ownerId));
    return row;
  }

  /** The status is part of the UPDATE, as in SQLite: a concurrent start waits for the row, then the draft condition fails. */
  async function updateDraft(id: string, ownerId: string, values: Partial<CvUpdate> & { jobDescription?: string; jobFileName?: string | null }): Promise<void> {
    const result = await db
      .update(interviewSessions)
      .set(values)
      .where(and(owned(id, ownerId), eq(interviewSessions.status, 'draft')));
    if (result.rowCount === 1) return;
    throw (await findOwned(id, ownerId)) ? Errors.cvLocked() : Errors.sessionNotFound();
  }

  /** Changed-one-row, for the UPDATEs and DELETEs that say whether they found their row. */
  const one = (result: { rowCount: number | null }) => result.rowCount === 1;

  return {
    /**
     * Locking: SQLite counts the owner's sessions and inserts in one synchronous transaction.
     * In Postgres two requests would each count the sessions committed before them and both
     * insert, past the quota; so the owner's users row is locked first (FOR NO KEY UPDATE:
     * one create per owner at a time), and the count after it sees every earlier create.
     */
    async create(input: NewSession, maxPerOwner: number): Promise<SessionRow | null> {
      const { cv, ...fields } = input;
      return db.transaction(async (tx) => {
        await tx.select({ id: users.id }).from(users).where(eq(users.id, input.ownerId)).for('no key update');
        const [owned] = await tx.select({ n: count() }).from(interviewSessions).where(eq(interviewSessions.ownerId, input.ownerId));
        if (owned!.n >= maxPerOwner) return null;
        const [row] = await tx
          .insert(interviewSessions)
          // The time of this statement (after the lock), as SQLite's default is.
          .values({ id: nanoid(), ...fields, ...(cv ?? {}), createdAt: sql`statement_timestamp()` })
          .returning();
        return row!;
      });
    },

    findOwned,

    async requireOwned(id: string, ownerId: string): Promise<SessionRow> {
      const session = await findOwned(id, ownerId);
      if (!session) throw Errors.sessionNotFound();
      return session;
    },

    async ownerOf(id: string): Promise<string | undefined> {
      const [row] = await db.select({ ownerId: interviewSessions.ownerId }).from(interviewSessions).where(idEquals(interviewSessions.id, id));
      return row?.ownerId;
    },

    async listByOwner(ownerId: string, limit: number): Promise<SessionListItem[]> {
      return db
        .select({
          id: interviewSessions.id,
          jobTitle: interviewSessions.jobTitle,
          companyName: interviewSessions.companyName,
          status: interviewSessions.status,
          createdAt: interviewSessions.createdAt,
          overallScore: feedback.overallScore,
        })
        .from(interviewSessions)
        .leftJoin(feedback, eq(feedback.sessionId, interviewSessions.id))
        .where(eq(interviewSessions.ownerId, ownerId))
        .orderBy(desc(interviewSessions.createdAt), desc(binary(interviewSessions.id)))
        .limit(limit);
    },

    async updateCv(id: string, ownerId: string, cv: CvUpdate): Promise<void> {
      await updateDraft(id, ownerId, cv);
    },

    async updateJobDescription(id: string, ownerId: string, jobDescription: string, jobFileName: string | null): Promise<void> {
      await updateDraft(id, ownerId, { jobDescription, jobFileName });
    },

    /** One UPDATE … WHERE status = 'draft': of two starts, the second waits for the row and then changes nothing. */
    async markStarted(id: string, ownerId: string, at: Date): Promise<boolean> {
      return one(
        await db
          .update(interviewSessions)
          .set({ status: 'in_progress', startedAt: at })
          .where(and(owned(id, ownerId), eq(interviewSessions.status, 'draft'))),
      );
    },

    async setVoiceConsent(id: string, ownerId: string, consent: { at: Date; rawAudio: boolean; transcriber: string }): Promise<boolean> {
      return one(
        await db
          .update(interviewSessions)
          .set({ voiceConsentAt: consent.at, voiceConsentRawAudio: consent.rawAudio, voiceConsentTranscriber: consent.transcriber })
          .where(owned(id, ownerId)),
      );
    },

    async withdrawVoiceConsent(id: string, ownerId: string, at: Date): Promise<boolean> {
      return one(
        await db
          .update(interviewSessions)
          .set({ voiceConsentAt: null, voiceConsentRawAudio: false, voiceConsentTranscriber: null, voiceConsentWithdrawnAt: at })
          .where(owned(id, ownerId)),
      );
    },

    async deleteOwned(id: string, ownerId: string): Promise<boolean> {
      return one(await db.delete(interviewSessions).where(owned(id, ownerId)));
    },

    async listIdsByOwner(ownerId: string): Promise<string[]> {
      const rows = await db.select({ id: interviewSessions.id }).from(interviewSessions).where(eq(interviewSessions.ownerId, ownerId));
      return rows.map((r) => r.id);
    },
  };
}
