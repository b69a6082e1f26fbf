import { and, asc, desc, eq, isNotNull, isNull, lt, notInArray, or, sql } from 'drizzle-orm';
import { nanoid } from 'nanoid';
import { interviewSessions, recordingSummaries, signIns, users } from '../db/schema.js';
import type { Db } from '../db/client.js';
import { codeOf } from '../errors.js';

export type UserRow = typeof users.$inferSelect;

export interface AdminUserRow {
  id: string;
  email: string | null;
  createdAt: Date;
  lastActiveAt: Date | null;
  sessionCount: number;
}

export interface OperatorRow {
  id: string;
  email: string;
  operatorSince: Date;
}

export type UsersRepository = ReturnType<typeof createUsersRepository>;

/**
 * Signed-in browsers kept per account; signing in on one more signs the oldest out. Generous
 * for one person's devices, and it bounds the table against a script that signs in forever.
 */
export const SIGN_INS_PER_ACCOUNT = 50;

/**
 * A correlated count, written with explicit aliases: Drizzle drops table names from columns
 * inside a raw subquery, and "owner_id" = "id" would compare two columns of interview_sessions.
 */
const sessionCountOfUser = sql<number>`(select count(*) from "interview_sessions" as "owned" where "owned"."owner_id" = "users"."id")`;

function isUniqueViolation(error: unknown): boolean {
  return codeOf(error) === 'SQLITE_CONSTRAINT_UNIQUE';
}

export function createUsersRepository(db: Db) {
  // Every request with a cookie looks its visitor up: prepared once.
  const findByIdQuery = db.select().from(users).where(eq(users.id, sql.placeholder('id'))).prepare();
  // ...and, for an account, checks its sign-in: prepared once too.
  const signInQuery = db
    .select({ id: signIns.id })
    .from(signIns)
    .where(and(eq(signIns.id, sql.placeholder('id')), eq(signIns.userId, sql.placeholder('userId'))))
    .prepare();
  const bumpAuthVersion = { authVersion: sql`${users.authVersion} + 1` };
  /** What the operator's users page shows of each user. */
  const adminColumns = {
    id: users.id,
    email: users.email,
    createdAt: users.createdAt,
    lastActiveAt: users.lastActiveAt,
    sessionCount: sessionCountOfUser,
  };

  return {
    /** Makes sure a row exists for this visitor id (guests get one on their first write). */
    async ensure(id: string): Promise<void> {
      db.insert(users).values({ id }).onConflictDoNothing().run();
    },

    async findById(id: string): Promise<UserRow | undefined> {
      return findByIdQuery.get({ id });
    },

    async findByEmail(email: string): Promise<UserRow | undefined> {
      return db.select().from(users).where(eq(users.email, email)).get();
    },

    /**
     * Turns the guest row `id` into an account, keeping everything it owns. Returns the new
     * auth version, or 'email_taken' / 'not_guest' when it can't.
     */
    async register(id: string, email: string, passwordHash: string): Promise<number | 'email_taken' | 'not_guest'> {
      try {
        return db.transaction((tx) => {
          tx.insert(users).values({ id }).onConflictDoNothing().run();
          const row = tx
            .update(users)
            .set({ email, passwordHash, authVersion: sql`${users.authVersion} + 1` })
            .where(and(eq(users.id, id), isNull(users.email)))
            .returning({ authVersion: users.authVersion })
            .get();
          return row ? row.authVersion : 'not_guest';
        });
      } catch (error) {
        if (isUniqueViolation(error)) return 'email_taken';
        throw error;
      }
    },

    /**
     * Stores a new password hash. `signOutEverywhere` bumps the auth version and ends every
     * sign-in of the account (other browsers' cookies stop working), in the same transaction.
     */
    async setPasswordHash(id: string, passwordHash: string, signOutEverywhere: boolean): Promise<number | null> {
      return db.transaction((tx) => {
        const row = tx
          .update(users)
          .set({ passwordHash, ...(signOutEverywhere ? bumpAuthVersion : {}) })
          .where(and(eq(users.id, id), isNotNull(users.email)))
          .returning({ authVersion: users.authVersion })
          .get();
        if (row && signOutEverywhere) tx.delete(signIns).where(eq(signIns.userId, id)).run();
        return row ? row.authVersion : null;
      });
    },

    /** A new signed-in browser for the account; the oldest beyond SIGN_INS_PER_ACCOUNT are signed out. Returns its id. */
    async createSignIn(userId: string): Promise<string> {
      const id = nanoid(32);
      db.transaction((tx) => {
        tx.insert(signIns).values({ id, userId }).run();
        const keep = tx
          .select({ id: signIns.id })
          .from(signIns)
          .where(eq(signIns.userId, userId))
          .orderBy(desc(signIns.createdAt), desc(sql`${signIns}.rowid`))
          .limit(SIGN_INS_PER_ACCOUNT);
        tx.delete(signIns).where(and(eq(signIns.userId, userId), notInArray(signIns.id, keep))).run();
      });
      return id;
    },

    /** True while this sign-in of this account has not been ended. */
    async hasSignIn(id: string, userId: string): Promise<boolean> {
      return signInQuery.get({ id, userId }) !== undefined;
    },

    /** Ends one sign-in (signing out in that browser). */
    async endSignIn(id: string, userId: string): Promise<void> {
      db.delete(signIns).where(and(eq(signIns.id, id), eq(signIns.userId, userId))).run();
    },

    /** Ends every sign-in of the account and bumps its auth version. Returns false when there is no such account. */
    async endAllSignIns(userId: string): Promise<boolean> {
      return db.transaction((tx) => {
        const changed = tx.update(users).set(bumpAuthVersion).where(and(eq(users.id, userId), isNotNull(users.email))).run().changes;
        tx.delete(signIns).where(eq(signIns.userId, userId)).run();
        return changed === 1;
      });
    },

    /** Makes an account an operator (`since`) or not (null). Returns false when there is no account with that id. */
    async setOperator(id: string, since: Date | null): Promise<boolean> {
      return db.update(users).set({ operatorSince: since }).where(and(eq(users.id, id), isNotNull(users.email))).run().changes === 1;
    },

    /** Every operator, earliest first. */
    async listOperators(): Promise<OperatorRow[]> {
      return db
        .select({ id: users.id, email: users.email, operatorSince: users.operatorSince })
        .from(users)
        .where(and(isNotNull(users.operatorSince), isNotNull(users.email)))
        .orderBy(asc(users.operatorSince), asc(users.id))
        .all() as OperatorRow[];
    },

    /** Records activity, at most once a minute per user. Returns true when the row was updated. */
    async touch(id: string, at: Date): Promise<boolean> {
      const result = db
        .update(users)
        .set({ lastActiveAt: at })
        .where(and(eq(users.id, id), or(isNull(users.lastActiveAt), lt(users.lastActiveAt, new Date(at.getTime() - 60_000)))))
        .run();
      return result.changes === 1;
    },

    /**
     * Sign-in from a guest: the guest's interviews move to the account and the (now empty) guest
     * row goes. Only ever takes from a guest row (no email). Returns how many interviews moved.
     */
    async mergeGuestInto(guestId: string, accountId: string): Promise<number> {
      if (guestId === accountId) return 0;
      return db.transaction((tx) => {
        const guest = tx.select({ email: users.email }).from(users).where(eq(users.id, guestId)).get();
        if (!guest || guest.email !== null) return 0;
        const moved = tx.update(interviewSessions).set({ ownerId: accountId }).where(eq(interviewSessions.ownerId, guestId)).run().changes;
        tx.update(recordingSummaries).set({ ownerId: accountId }).where(eq(recordingSummaries.ownerId, guestId)).run();
        tx.delete(users).where(and(eq(users.id, guestId), isNull(users.email))).run();
        return moved;
      });
    },

    /** Deletes a user; their interviews, messages and feedback go with them (ON DELETE CASCADE). */
    async delete(id: string): Promise<boolean> {
      return db.delete(users).where(eq(users.id, id)).run().changes === 1;
    },

    /** One user as the operator's page shows it. */
    async findForAdmin(id: string): Promise<AdminUserRow | undefined> {
      return db
        .select(adminColumns)
        .from(users)
        .where(eq(users.id, id))
        .get();
    },

    /** Users for the operator's page, most recently active first. */
    async listForAdmin(limit: number): Promise<{ rows: AdminUserRow[]; total: number }> {
      const rows = db
        .select(adminColumns)
        .from(users)
        .orderBy(desc(sql`coalesce(${users.lastActiveAt}, ${users.createdAt})`), desc(users.id))
        .limit(limit)
        .all();
      const total = db.select({ n: sql<number>`count(*)` }).from(users).get()!.n;
      return { rows, total };
    },
  };
}
