import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project root (where package.json, views/, public/ and migrations/ live), found by
 * walking up from this file so the same code works from `src/` (tsx) and `dist/src/` (node).
 */
function findRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`No package.json above ${start}`);
  }
}

const PROJECT_ROOT = findRoot(path.dirname(fileURLToPath(import.meta.url)));
export const VIEWS_DIR = path.join(PROJECT_ROOT, 'views');
export const PUBLIC_DIR = path.join(PROJECT_ROOT, 'public');
/** SQLite's migrations (drizzle.config.ts). */
export const MIGRATIONS_DIR = path.join(PROJECT_ROOT, 'migrations');
/** Postgres's migrations (drizzle.pg.config.ts). */
export const PG_MIGRATIONS_DIR = path.join(PROJECT_ROOT, 'migrations', 'pg');
