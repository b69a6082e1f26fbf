import { defineConfig } from 'drizzle-kit';

/** Postgres migrations (`npm run db:generate:pg`); drizzle.config.ts is SQLite's. */
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema-pg.ts',
  out: './migrations/pg',
});
