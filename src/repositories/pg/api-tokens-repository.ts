/** Postgres: personal API tokens (the same interface as ../api-tokens-repository.ts). */
import { and, count, desc, eq, sql } from 'drizzle-orm';
import { apiTokens, users } from '../../db/schema-pg.js';
import type { ApiScope } from '../../db/schema.js';
import type { ApiTokenRow, ApiTokenSummary } from '../api-tokens-repository.js';
import { idEquals, type PgDb } from './driver.js';

export function createPgApiTokensRepository(db: PgDb) {
  const summaryColumns = {
    id: apiTokens.id,
    userId: apiTokens.userId,
    name: apiTokens.name,
    scopes: apiTokens.scopes,
    createdAt: apiTokens.createdAt,
    lastUsedAt: apiTokens.lastUsedAt,
  };

  const listByOwner = (userId: string): Promise<ApiTokenSummary[]> =>
    db.select(summaryColumns).from(apiTokens).where(eq(apiTokens.userId, userId)).orderBy(desc(apiTokens.createdAt));

  return {
    /**
     * Locking: SQLite counts the owner's tokens and inserts in one synchronous transaction. In
     * Postgres two requests would each count what was committed before them and both insert,
     * past the limit; so the owner's users row is locked first (FOR NO KEY UPDATE), and the
     * count after it sees every earlier token.
     */
    async create(input: { id: string; userId: string; name: string; secretHash: string; scopes: ApiScope[] }, maxPerOwner: number): Promise<ApiTokenSummary | null> {
      return db.transaction(async (tx) => {
        await tx.select({ id: users.id }).from(users).where(eq(users.id, input.userId)).for('no key update');
        const [held] = await tx.select({ n: count() }).from(apiTokens).where(eq(apiTokens.userId, input.userId));
        if (held!.n >= maxPerOwner) return null;
        // The time of this statement (after the lock), as SQLite's default is.
        const [row] = await tx.insert(apiTokens).values({ ...input, createdAt: sql`statement_timestamp()` }).returning(summaryColumns);
        return row!;
      });
    },

    async findById(id: string): Promise<ApiTokenRow | undefined> {
      const [row] = await db.select().from(apiTokens).where(idEquals(apiTokens.id, id));
      return row;
    },

    listByOwner,

    async revoke(id: string, userId: string): Promise<boolean> {
      const result = await db.delete(apiTokens).where(and(idEquals(apiTokens.id, id), eq(apiTokens.userId, userId)));
      return (result.rowCount ?? 0) > 0;
    },

    async touch(id: string, at: Date): Promise<void> {
      await db.update(apiTokens).set({ lastUsedAt: at }).where(eq(apiTokens.id, id));
    },
  };
}
