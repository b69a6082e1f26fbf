import type { FastifyInstance } from 'fastify';

/**
 * True when the test apps run on SQLite (the default), false with TEST_APP_DATABASE=postgres.
 * Tests that only make sense on SQLite (PRAGMAs, the file itself, better-sqlite3's statement
 * counter) are declared only when this is true, in a describe whose title says "(SQLite)".
 */
export const onSqlite = process.env.TEST_APP_DATABASE !== 'postgres';

/**
 * Runs `sql` on the app's database, whichever it is: SQL that both SQLite and Postgres accept,
 * with `?` placeholders (numbered for Postgres here). Values come back as each driver gives
 * them (Postgres: Dates, booleans, parsed JSON; SQLite: numbers and text), so compare text
 * columns or use `count`.
 */
export async function query<T = Record<string, unknown>>(app: FastifyInstance, sql: string, ...params: unknown[]): Promise<T[]> {
  const pg = app.storage.postgres;
  if (pg) {
    let n = 0;
    const result = await pg.pool.query(sql.replace(/\?/g, () => `$${++n}`), params);
    return result.rows as T[];
  }
  const statement = app.database.sqlite.prepare(sql);
  return (statement.reader ? statement.all(...params) : (statement.run(...params), [])) as T[];
}

/** The first column of the first row as a number: `count(*)` (a bigint, read as text, on Postgres). */
export async function count(app: FastifyInstance, sql: string, ...params: unknown[]): Promise<number> {
  const [row] = await query(app, sql, ...params);
  if (!row) throw new Error(`No row from ${sql}`);
  return Number(Object.values(row)[0]);
}

/** Every application table in the database (whatever migrations have added since this was written). */
export async function appTables(app: FastifyInstance): Promise<string[]> {
  const sql = app.storage.postgres
    ? "select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'"
    : "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%'";
  return (await query<{ name: string }>(app, sql)).map((r) => r.name);
}

/** A column's value as text, to search (Postgres hands JSON back parsed, and instants as Dates). */
const asText = (value: unknown): string => (typeof value === 'string' ? value : (JSON.stringify(value) ?? ''));

/**
 * Rows, in any table, that still mention one of `needles` (ids, an email, a marker phrase from a
 * CV or an answer) in any column. Used to prove that deleted data is really gone.
 */
export async function leftovers(app: FastifyInstance, needles: string[]): Promise<Record<string, number>> {
  const found: Record<string, number> = {};
  for (const table of await appTables(app)) {
    const rows = await query(app, `select * from "${table}"`);
    const hits = rows.filter((row) => Object.values(row).some((v) => v !== null && needles.some((n) => asText(v).includes(n)))).length;
    if (hits > 0) found[table] = hits;
  }
  return found;
}

export async function rowCount(app: FastifyInstance, table: string): Promise<number> {
  return count(app, `select count(*) as n from "${table}"`);
}

/** A snapshot of every table's rows, to prove a refused request changed nothing. */
export async function snapshot(app: FastifyInstance): Promise<string> {
  // Insertion order on SQLite; on Postgres (no rowid) the first column, every table's primary key.
  const order = app.storage.postgres ? '1' : 'rowid';
  const tables = (await appTables(app)).sort();
  const rows = [];
  for (const t of tables) rows.push([t, await query(app, `select * from "${t}" order by ${order}`)]);
  return JSON.stringify(rows);
}

/**
 * What the app stored, read through its own repositories (the same queries, the same typed
 * columns, on SQLite or Postgres alike), for a test that knows an interview's id but not its
 * owner. Raw SQL (the functions above) stays for what the app has no method for:
 * proving deleted data is gone, counting rows of a whole table, corrupting storage on purpose.
 */
export function stored(app: FastifyInstance) {
  const repositories = app.storage.repositories;
  const ownerOf = async (sessionId: string): Promise<string> => {
    const owner = await repositories.sessions.ownerOf(sessionId);
    if (!owner) throw new Error(`No interview ${sessionId} in the database`);
    return owner;
  };
  return {
    repositories,
    ownerOf,
    /** The interview's row (throws when it is not there). */
    session: async (sessionId: string) => repositories.sessions.requireOwned(sessionId, await ownerOf(sessionId)),
    /** The interview's messages, in order. */
    messages: async (sessionId: string) => repositories.messages.listBySession(sessionId, await ownerOf(sessionId)),
    feedback: async (sessionId: string) => repositories.feedback.findBySession(sessionId, await ownerOf(sessionId)),
    /** The speech metrics stored with each answer, in order (null for a typed answer). */
    answerSpeechMetrics: async (sessionId: string) =>
      (await repositories.messages.listBySession(sessionId, await ownerOf(sessionId))).filter((m) => m.kind === 'answer').map((m) => m.speechMetrics),
  };
}
