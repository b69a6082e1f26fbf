/**
 * What the Postgres repositories (this folder) share: the database handle's type, something to
 * run queries on (the pool or a transaction), how a Postgres unique violation is recognised,
 * and the two orderings that make Postgres sort as SQLite does.
 *
 * Each file here implements the repository of the same name in src/repositories/ with the same
 * method names, parameters and results: src/db/app-database.ts makes the compiler check that,
 * and tests/integration/repositories-contract.test.ts runs one behaviour suite on both. Where the SQLite code relies on better-sqlite3 being synchronous (a
 * read then a write that nothing can come between), the Postgres code says how it gets the same
 * guarantee: one statement, or a transaction that locks a row first ("Locking:" comments).
 */
import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn, AnyPgTable, PgDatabase } from 'drizzle-orm/pg-core';
import type { NodePgQueryResultHKT } from 'drizzle-orm/node-postgres';
import type * as schema from '../../db/schema-pg.js';
import { codeOf } from '../../errors.js';

export type { PgDb } from '../../db/pg-client.js';

/** The pool's database or a transaction on it: every query of a repository runs on one of them. */
export type PgExecutor = PgDatabase<NodePgQueryResultHKT, typeof schema>;

/**
 * The SQLSTATE of a Postgres error: node-postgres puts it on the error, and Drizzle wraps a
 * failed query's error (DrizzleQueryError) with the driver's as its `cause`.
 */
function sqlState(error: unknown): string | undefined {
  const own = codeOf(error);
  if (own) return own;
  return error instanceof Error ? codeOf(error.cause) : undefined;
}

/** 23505 unique_violation: where the SQLite repositories look for SQLITE_CONSTRAINT_UNIQUE. */
export function isUniqueViolation(error: unknown): boolean {
  return sqlState(error) === '23505';
}

/**
 * A text column compared byte by byte, as SQLite compares text (its BINARY collation). Ids are
 * the tie-breaks of several orderings; a database created with a locale such as en_US.UTF-8
 * would otherwise sort 'a…', 'B…' and '_…' differently from SQLite.
 */
export const binary = (column: AnyPgColumn): SQL => sql`${column} collate "C"`;

/**
 * An ORDER BY term that puts the rows a later transaction inserted first: what SQLite's
 * `rowid DESC` is to the repositories, the tie-break between rows with the same timestamp
 * (a double submit within one millisecond). Postgres has no rowid; a row's `xmin` is the id of
 * the transaction that inserted it, and `age(xmin)` is how many transactions ago that was
 * (wraparound-safe), so ascending age is newest first. Transaction ids are handed out when a
 * transaction first writes or locks a row, so this is insertion order only between rows
 * written in separate transactions that are serialised by a row lock taken before the
 * insert, as every caller here does.
 */
export const newestTransactionFirst = (table: AnyPgTable): SQL => sql`age(${table}.xmin) asc`;

/**
 * `column = value` for an id that comes from a URL. Postgres text cannot hold a NUL character,
 * and a parameter with one fails the whole query (22021), where SQLite just finds no row: so an
 * id with a NUL, which no stored row can have, matches nothing without being sent.
 */
export const idEquals = (column: AnyPgColumn, value: string): SQL => (value.includes('\u0000') ? sql`false` : sql`${column} = ${value}`);
