/**
 * `npm run db:migrate [-- --check]`: applies (or lists) the pending migrations of the configured
 * database, SQLite or Postgres (src/db/migrate.ts). In the container image the same code is
 * `node dist/src/db/migrate.js`.
 */
import { runMigrateCli } from '../src/db/migrate.js';

process.exitCode = await runMigrateCli(process.argv.slice(2));
