/** Postgres: personal API tokens (the same interface as ../api-tokens-repository.ts). */
import { and, count, desc, eq } from 'drizzle-orm';
import { apiTokens } from '../../db/schema-pg.js';
import type { ApiScope } from '../../db/schema.js';
import type { ApiTokenRow, ApiTokenSummary, ApiTokensRepository } from '../api-tokens-repository.js';
import type { AsyncOf, PgDb } from './driver.js';

export function createPgApiTokensRepository(db: PgDb): AsyncOf<ApiTokensRepository> {
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
    async create(input: { id: string; userId: string; name: string; secretHash: string; scopes: ApiScope[] }): Promise<ApiTokenSummary> {
      const [row] = await db.insert(apiTokens).values(input).returning(summaryColumns);
      return row!;
    },

    async findById(id: string): Promise<ApiTokenRow | undefined> {
      const [row] = await db.select().from(apiTokens).where(eq(apiTokens.id, id));
      return row;
    },

    listByOwner,

    async countByOwner(userId: string): Promise<number> {
      const [row] = await db.select({ n: count() }).from(apiTokens).where(eq(apiTokens.userId, userId));
      return row?.n ?? 0;
    },

    async revoke(id: string, userId: string): Promise<boolean> {
      const result = await db.delete(apiTokens).where(and(eq(apiTokens.id, id), eq(apiTokens.userId, userId)));
      return (result.rowCount ?? 0) > 0;
    },

    async touch(id: string, at: Date): Promise<void> {
      await db.update(apiTokens).set({ lastUsedAt: at }).where(eq(apiTokens.id, id));
    },
  };
}
