/**
 * Personal API tokens. Listing and revoking are scoped to the owner, like every other query;
 * `findById` is the one lookup by token id alone, for authenticating a request (the secret's
 * hash is then compared by the caller).
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import { apiTokens, type ApiScope } from '../db/schema.js';
import type { Db } from '../db/client.js';

export type ApiTokenRow = typeof apiTokens.$inferSelect;
export type ApiTokenSummary = Omit<ApiTokenRow, 'secretHash'>;

export type ApiTokensRepository = ReturnType<typeof createApiTokensRepository>;

export function createApiTokensRepository(db: Db) {
  const byIdQuery = db.select().from(apiTokens).where(eq(apiTokens.id, sql.placeholder('id'))).prepare();
  const { secretHash: _hidden, ...summaryColumns } = {
    id: apiTokens.id,
    userId: apiTokens.userId,
    name: apiTokens.name,
    secretHash: apiTokens.secretHash,
    scopes: apiTokens.scopes,
    createdAt: apiTokens.createdAt,
    lastUsedAt: apiTokens.lastUsedAt,
  };

  return {
    /**
     * Stores a token unless the owner already has `maxPerOwner` (then null). Count and insert
     * are one transaction, so parallel requests can't overshoot the limit.
     */
    async create(input: { id: string; userId: string; name: string; secretHash: string; scopes: ApiScope[] }, maxPerOwner: number): Promise<ApiTokenSummary | null> {
      return db.transaction((tx) => {
        const held = tx.select({ n: sql<number>`count(*)` }).from(apiTokens).where(eq(apiTokens.userId, input.userId)).get()?.n ?? 0;
        if (held >= maxPerOwner) return null;
        return tx.insert(apiTokens).values(input).returning(summaryColumns).get();
      });
    },

    async findById(id: string): Promise<ApiTokenRow | undefined> {
      return byIdQuery.get({ id });
    },

    async listByOwner(userId: string): Promise<ApiTokenSummary[]> {
      return db.select(summaryColumns).from(apiTokens).where(eq(apiTokens.userId, userId)).orderBy(desc(apiTokens.createdAt)).all();
    },

    /** Deletes the owner's token; false when there is no such token of theirs. */
    async revoke(id: string, userId: string): Promise<boolean> {
      return db.delete(apiTokens).where(and(eq(apiTokens.id, id), eq(apiTokens.userId, userId))).run().changes > 0;
    },

    async touch(id: string, at: Date): Promise<void> {
      db.update(apiTokens).set({ lastUsedAt: at }).where(eq(apiTokens.id, id)).run();
    },
  };
}
