/** Postgres: visitors, accounts and their sign-ins (the same interface as ../users-repository.ts). */
import { and, asc, count, desc, eq, isNotNull, isNull, lt, notInArray, or, sql } from 'drizzle-orm';
import { nanoid } from 'nanoid';
import { interviewSessions, recordingSummaries, signIns, users } from '../../db/schema-pg.js';
import { SIGN_INS_PER_ACCOUNT, type AdminUserRow, type OperatorRow, type UserRow } from '../users-repository.js';
import { binary, idEquals, isUniqueViolation, newestTransactionFirst, type PgDb } from './driver.js';

/**
 * A correlated count, written with explicit aliases (Drizzle drops table names from columns
 * inside a raw subquery); `count(*)` is a bigint in Postgres, which node-postgres reads as a
 * string, hence the cast.
 */
const sessionCountOfUser = sql<number>`(select count(*)::integer from "interview_sessions" as "owned" where "owned"."owner_id" = "users"."id")`;

export function createPgUsersRepository(db: PgDb) {
  const bumpAuthVersion = { authVersion: sql`${users.authVersion} + 1` };
  const adminColumns = {
    id: users.id,
    email: users.email,
    createdAt: users.createdAt,
    lastActiveAt: users.lastActiveAt,
    sessionCount: sessionCountOfUser,
  };

  return {
    async ensure(id: string): Promise<void> {
      await db.insert(users).values({ id }).onConflictDoNothing();
    },

    async findById(id: string): Promise<UserRow | undefined> {
      const [row] = await db.select().from(users).where(idEquals(users.id, id));
      return row;
    },

    async findByEmail(email: string): Promise<UserRow | undefined> {
      const [row] = await db.select().from(users).where(eq(users.email, email));
      return row;
    },

    /**
     * One UPDATE … WHERE email IS NULL turns the guest into an account: a concurrent register of
     * the same guest waits for the row, then finds an email ('not_guest'); two guests taking the
     * same address meet at the unique index, where the second waits for the first to commit and
     * then fails with 23505 ('email_taken'), as SQLite's SQLITE_CONSTRAINT_UNIQUE.
     */
    async register(id: string, email: string, passwordHash: string): Promise<number | 'email_taken' | 'not_guest'> {
      try {
        return await db.transaction(async (tx) => {
          await tx.insert(users).values({ id }).onConflictDoNothing();
          const [row] = await tx
            .update(users)
            .set({ email, passwordHash, authVersion: sql`${users.authVersion} + 1` })
            .where(and(eq(users.id, id), isNull(users.email)))
            .returning({ authVersion: users.authVersion });
          return row ? row.authVersion : 'not_guest';
        });
      } catch (error) {
        if (isUniqueViolation(error)) return 'email_taken';
        throw error;
      }
    },

    async setPasswordHash(id: string, passwordHash: string, signOutEverywhere: boolean): Promise<number | null> {
      return db.transaction(async (tx) => {
        const [row] = await tx
          .update(users)
          .set({ passwordHash, ...(signOutEverywhere ? bumpAuthVersion : {}) })
          .where(and(eq(users.id, id), isNotNull(users.email)))
          .returning({ authVersion: users.authVersion });
        if (row && signOutEverywhere) await tx.delete(signIns).where(eq(signIns.userId, id));
        return row ? row.authVersion : null;
      });
    },

    /**
     * Locking: SQLite inserts and trims to SIGN_INS_PER_ACCOUNT in one synchronous transaction.
     * In Postgres two sign-ins at once would each trim from a view without the other's new row
     * and leave one too many; so the account's users row is locked first (FOR NO KEY UPDATE:
     * one sign-in per account at a time), and the trim sees every earlier sign-in.
     */
    async createSignIn(userId: string): Promise<string> {
      const id = nanoid(32);
      await db.transaction(async (tx) => {
        await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).for('no key update');
        // The time of this statement (after the lock), as SQLite's default is.
        await tx.insert(signIns).values({ id, userId, createdAt: sql`statement_timestamp()` });
        const keep = tx
          .select({ id: signIns.id })
          .from(signIns)
          .where(eq(signIns.userId, userId))
          .orderBy(desc(signIns.createdAt), newestTransactionFirst(signIns))
          .limit(SIGN_INS_PER_ACCOUNT);
        await tx.delete(signIns).where(and(eq(signIns.userId, userId), notInArray(signIns.id, keep)));
      });
      return id;
    },

    async hasSignIn(id: string, userId: string): Promise<boolean> {
      const [row] = await db
        .select({ id: signIns.id })
        .from(signIns)
        .where(and(eq(signIns.id, id), eq(signIns.userId, userId)));
      return row !== undefined;
    },

    async endSignIn(id: string, userId: string): Promise<void> {
      await db.delete(signIns).where(and(eq(signIns.id, id), eq(signIns.userId, userId)));
    },

    async endAllSignIns(userId: string): Promise<boolean> {
      return db.transaction(async (tx) => {
        const changed = await tx.update(users).set(bumpAuthVersion).where(and(eq(users.id, userId), isNotNull(users.email)));
        await tx.delete(signIns).where(eq(signIns.userId, userId));
        return changed.rowCount === 1;
      });
    },

    async setOperator(id: string, since: Date | null): Promise<boolean> {
      const result = await db.update(users).set({ operatorSince: since }).where(and(eq(users.id, id), isNotNull(users.email)));
      return result.rowCount === 1;
    },

    async listOperators(): Promise<OperatorRow[]> {
      return (await db
        .select({ id: users.id, email: users.email, operatorSince: users.operatorSince })
        .from(users)
        .where(and(isNotNull(users.operatorSince), isNotNull(users.email)))
        .orderBy(asc(users.operatorSince), asc(binary(users.id)))) as OperatorRow[];
    },

    /** One UPDATE whose WHERE holds the once-a-minute rule: atomic in Postgres as in SQLite. */
    async touch(id: string, at: Date): Promise<boolean> {
      const result = await db
        .update(users)
        .set({ lastActiveAt: at })
        .where(and(eq(users.id, id), or(isNull(users.lastActiveAt), lt(users.lastActiveAt, new Date(at.getTime() - 60_000)))));
      return result.rowCount === 1;
    },

    /**
     * Locking: SQLite reads the guest row, moves its interviews and deletes it with nothing in
     * between. In Postgres the guest could register (gain an email) or create an interview
     * between the read and the delete; so the guest row is read FOR UPDATE, which waits for
     * and then blocks both (a new interview's foreign-key check needs a share lock on it).
     */
    async mergeGuestInto(guestId: string, accountId: string): Promise<number> {
      if (guestId === accountId) return 0;
      return db.transaction(async (tx) => {
        const [guest] = await tx.select({ email: users.email }).from(users).where(eq(users.id, guestId)).for('update');
        if (!guest || guest.email !== null) return 0;
        const moved = await tx.update(interviewSessions).set({ ownerId: accountId }).where(eq(interviewSessions.ownerId, guestId));
        await tx.update(recordingSummaries).set({ ownerId: accountId }).where(eq(recordingSummaries.ownerId, guestId));
        await tx.delete(users).where(and(eq(users.id, guestId), isNull(users.email)));
        return moved.rowCount ?? 0;
      });
    },

    async delete(id: string): Promise<boolean> {
      const result = await db.delete(users).where(idEquals(users.id, id));
      return result.rowCount === 1;
    },

    async findForAdmin(id: string): Promise<AdminUserRow | undefined> {
      const [row] = await db.select(adminColumns).from(users).where(eq(users.id, id));
      return row;
    },

    async listForAdmin(limit: number): Promise<{ rows: AdminUserRow[]; total: number }> {
      const rows = await db
        .select(adminColumns)
        .from(users)
        .orderBy(desc(sql`coalesce(${users.lastActiveAt}, ${users.createdAt})`), desc(binary(users.id)))
        .limit(limit);
      const [total] = await db.select({ n: count() }).from(users);
      return { rows, total: total!.n };
    },
  };
}
