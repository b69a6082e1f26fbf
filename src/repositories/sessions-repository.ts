import { and, desc, eq, sql } from 'drizzle-orm';
import { nanoid } from 'nanoid';
import { feedback, interviewSessions, type SessionStatus } from '../db/schema.js';
import type { Db } from '../db/client.js';
import { Errors } from '../errors.js';
import type { InterviewType, CompetencyId, DifficultyChoice } from '../interview/definitions.js';

export type SessionRow = typeof interviewSessions.$inferSelect;

export interface NewSession {
  ownerId: string;
  jobTitle: string;
  companyName: string;
  jobDescription: string;
  interviewType: InterviewType;
  difficulty?: DifficultyChoice;
  focusCompetencies?: CompetencyId[] | null;
  /** The job-description file's name, when the draft starts with one (a focused interview copies it). */
  jobFileName?: string | null;
  /** A CV the draft starts with, as an upload would set it (a focused interview copies the latest). */
  cv?: CvUpdate | null;
}

export interface CvUpdate {
  cvText: string;
  cvFileName: string | null;
  cvFormat: 'pdf' | 'docx' | 'txt';
  cvPageCount: number | null;
  cvWordCount: number;
  cvTruncated: boolean;
}

export interface SessionListItem {
  id: string;
  jobTitle: string;
  companyName: string;
  status: SessionStatus;
  createdAt: Date;
  overallScore: number | null;
}

export type SessionsRepository = ReturnType<typeof createSessionsRepository>;

/**
 * Interview sessions. Every read and write takes the owner's id and filters on it in the
 * query itself, so a route can't forget the ownership check.
 */
export function createSessionsRepository(db: Db) {
  const owned = (id: string, ownerId: string) =>
    and(eq(interviewSessions.id, id), eq(interviewSessions.ownerId, ownerId));
  // Every interview request reads its session: prepared once.
  const findOwnedQuery = db
    .select()
    .from(interviewSessions)
    .where(and(eq(interviewSessions.id, sql.placeholder('id')), eq(interviewSessions.ownerId, sql.placeholder('ownerId'))))
    .prepare();
  const ownerOfQuery = db
    .select({ ownerId: interviewSessions.ownerId })
    .from(interviewSessions)
    .where(eq(interviewSessions.id, sql.placeholder('id')))
    .prepare();

  function updateDraft(id: string, ownerId: string, values: Partial<CvUpdate> & { jobDescription?: string; jobFileName?: string | null }): void {
    const result = db
      .update(interviewSessions)
      .set(values)
      .where(and(owned(id, ownerId), eq(interviewSessions.status, 'draft')))
      .run();
    if (result.changes === 1) return;
    throw findOwnedQuery.get({ id, ownerId }) ? Errors.cvLocked() : Errors.sessionNotFound();
  }

  const countOwnedQuery = db
    .select({ n: sql<number>`count(*)` })
    .from(interviewSessions)
    .where(eq(interviewSessions.ownerId, sql.placeholder('ownerId')))
    .prepare();

  return {
    /**
     * Creates a session unless the owner already has `maxPerOwner` (then null). Count and
     * insert are one synchronous transaction, so parallel requests can't overshoot the quota;
     * a draft that starts with its job description and CV (a focused interview) is written
     * whole in the same insert.
     */
    async create(input: NewSession, maxPerOwner: number): Promise<SessionRow | null> {
      const { cv, ...fields } = input;
      return db.transaction((tx) => {
        if (countOwnedQuery.get({ ownerId: input.ownerId })!.n >= maxPerOwner) return null;
        return tx
          .insert(interviewSessions)
          .values({ id: nanoid(), ...fields, ...(cv ?? {}) })
          .returning()
          .get();
      });
    },


    async findOwned(id: string, ownerId: string): Promise<SessionRow | undefined> {
      return findOwnedQuery.get({ id, ownerId });
    },

    /**
     * The visitor's own session, or SESSION_NOT_FOUND (404) — also for someone else's session,
     * so an id never confirms that another visitor's interview exists.
     */
    async requireOwned(id: string, ownerId: string): Promise<SessionRow> {
      const session = findOwnedQuery.get({ id, ownerId });
      if (!session) throw Errors.sessionNotFound();
      return session;
    },

    /**
     * Who owns a session now, or undefined once it is deleted. Only for work a request already
     * authorised that outlives it: the interviewer's turn follows its interview when a guest
     * signs in (their interviews move into the account) and stops when it is deleted.
     */
    async ownerOf(id: string): Promise<string | undefined> {
      return ownerOfQuery.get({ id })?.ownerId;
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
        .orderBy(desc(interviewSessions.createdAt), desc(interviewSessions.id))
        .limit(limit)
        .all();
    },

    /**
     * Sets the CV of a draft. The status is part of the UPDATE itself, so an upload that was
     * still being read when the interview started can never replace the CV its first question
     * was written from: it gets CV_LOCKED (409) instead; a vanished interview gets 404.
     */
    async updateCv(id: string, ownerId: string, cv: CvUpdate): Promise<void> {
      updateDraft(id, ownerId, cv);
    },

    /** Sets the job description of a draft (same rule as `updateCv`). */
    async updateJobDescription(id: string, ownerId: string, jobDescription: string, jobFileName: string | null): Promise<void> {
      updateDraft(id, ownerId, { jobDescription, jobFileName });
    },

    /**
     * Moves a draft to in_progress. Returns false when it was not a draft any more, which is
     * how a double "start" is detected without a race: the check and the write are one statement.
     */
    async markStarted(id: string, ownerId: string, at: Date): Promise<boolean> {
      const result = db
        .update(interviewSessions)
        .set({ status: 'in_progress', startedAt: at })
        .where(and(owned(id, ownerId), eq(interviewSessions.status, 'draft')))
        .run();
      return result.changes === 1;
    },

    /** Records the owner's consent to voice recording in this interview (issue 14). */
    async setVoiceConsent(id: string, ownerId: string, consent: { at: Date; rawAudio: boolean; transcriber: string }): Promise<boolean> {
      const result = db
        .update(interviewSessions)
        .set({ voiceConsentAt: consent.at, voiceConsentRawAudio: consent.rawAudio, voiceConsentTranscriber: consent.transcriber })
        .where(owned(id, ownerId))
        .run();
      return result.changes === 1;
    },

    /** Withdraws it: no consent from now on, and when it was withdrawn. */
    async withdrawVoiceConsent(id: string, ownerId: string, at: Date): Promise<boolean> {
      const result = db
        .update(interviewSessions)
        .set({ voiceConsentAt: null, voiceConsentRawAudio: false, voiceConsentTranscriber: null, voiceConsentWithdrawnAt: at })
        .where(owned(id, ownerId))
        .run();
      return result.changes === 1;
    },

    /** Deletes one of the owner's sessions; its messages and feedback go with it (ON DELETE CASCADE). */
    async deleteOwned(id: string, ownerId: string): Promise<boolean> {
      return db.delete(interviewSessions).where(owned(id, ownerId)).run().changes === 1;
    },

    /** Every session id the owner has (to remove files that belong to them). */
    async listIdsByOwner(ownerId: string): Promise<string[]> {
      return db
        .select({ id: interviewSessions.id })
        .from(interviewSessions)
        .where(eq(interviewSessions.ownerId, ownerId))
        .all()
        .map((r) => r.id);
    },
  };
}
