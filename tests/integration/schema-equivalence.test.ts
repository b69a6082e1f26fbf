/**
 * The SQLite and Postgres schemas are the same schema (issue 16): a fresh SQLite database and a
 * fresh Postgres database are migrated from their migration folders (migrations/ and
 * migrations/pg/, exactly as the app and `npm run db:migrate` do), then each is introspected —
 * SQLite through PRAGMA table_info / index_list / index_info / foreign_key_list, Postgres
 * through information_schema and pg_catalog (pg_index, pg_constraint) — and compared: tables,
 * columns with their types, nullability and defaults, primary keys, indexes with their columns,
 * uniqueness and partial predicate, and foreign keys with their ON DELETE / ON UPDATE.
 *
 * Types are compared by what they mean: SQLite stores a timestamp or a boolean in an INTEGER
 * column and JSON in a TEXT column, so the SQLite side's meaning comes from its column type plus
 * the Drizzle schema's mode for that column (timestamp_ms, boolean, json); Postgres's from its
 * column type (timestamptz, boolean, jsonb; text = varchar; integer = bigint).
 *
 * Then the same rows are written through both Drizzle schemas and read back: they must be
 * equal (Dates, booleans, JSON, and JSON null stored as SQL NULL on both), and the unique
 * indexes the interview relies on must refuse the same duplicates on both.
 *
 * Postgres comes from tests/support/postgres.ts: TEST_DATABASE_URL, else a throwaway cluster
 * from Debian's binaries, else the test fails saying how to provide one (why not a skip: there).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { eq, getTableColumns, sql } from 'drizzle-orm';
import { getTableConfig } from 'drizzle-orm/sqlite-core';
import { openDatabase, type DbHandle } from '../../src/db/client.js';
import { migratePostgres, openPostgres, pendingPostgresMigrations, type PgHandle } from '../../src/db/pg-client.js';
import { readJournal } from '../../src/db/migrations.js';
import { PG_MIGRATIONS_DIR } from '../../src/paths.js';
import * as sqliteSchema from '../../src/db/schema.js';
import * as pgSchema from '../../src/db/schema-pg.js';
import { SHARED_TABLES } from '../../src/db/schema-types.js';
import { usePostgres } from '../support/postgres.js';

type Meaning = 'text' | 'integer' | 'timestamp' | 'boolean' | 'json' | `unknown: ${string}`;

interface ColumnShape {
  meaning: Meaning;
  notNull: boolean;
  /** null: no default; 'now' for "the current time"; otherwise the literal, casts removed. */
  default: string | null;
}

interface IndexShape {
  columns: string[];
  unique: boolean;
  /** The partial index's WHERE, normalised; null for a full index. */
  where: string | null;
}

interface ForeignKeyShape {
  columns: string[];
  references: string;
  referencedColumns: string[];
  onDelete: string;
  onUpdate: string;
}

interface TableShape {
  columns: Record<string, ColumnShape>;
  primaryKey: string[];
  indexes: Record<string, IndexShape>;
  foreignKeys: ForeignKeyShape[];
}

type SchemaShape = Record<string, TableShape>;

/** `(kind <> 'answer'::text)` and `kind <> 'answer'` → `kind <> 'answer'`. */
function normalisePredicate(where: string): string {
  return where
    .replace(/::[a-z ]+/gi, '')
    .replace(/[()"`]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

function normaliseDefault(value: string | null): string | null {
  if (value === null) return null;
  if (/unixepoch|now\(\)|current_timestamp/i.test(value)) return 'now';
  return value.replace(/::[a-z ]+$/i, '').replace(/^\((.*)\)$/, '$1').toLowerCase();
}

const byText = (a: ForeignKeyShape, b: ForeignKeyShape) => JSON.stringify(a).localeCompare(JSON.stringify(b));

/** What an SQLite column means: its declared type, refined by the Drizzle schema's mode. */
function sqliteMeaning(declared: string, table: string, column: string): Meaning {
  const drizzleTable = Object.values(sqliteSchema).find(
    (value) => typeof value === 'object' && value !== null && Symbol.for('drizzle:IsDrizzleTable') in value && getTableConfig(value as never).name === table,
  );
  const drizzleColumn = drizzleTable ? Object.values(getTableColumns(drizzleTable as never)).find((c) => (c as { name: string }).name === column) : undefined;
  const columnType = (drizzleColumn as { columnType?: string } | undefined)?.columnType;
  const storage = declared.toLowerCase();
  if (storage === 'integer') {
    if (columnType === 'SQLiteTimestamp') return 'timestamp';
    if (columnType === 'SQLiteBoolean') return 'boolean';
    if (columnType === 'SQLiteInteger') return 'integer';
  }
  if (storage === 'text') {
    // schema.ts's only custom column type is jsonText (JSON whose null is SQL NULL).
    if (columnType === 'SQLiteTextJson' || columnType === 'SQLiteCustomColumn') return 'json';
    if (columnType === 'SQLiteText') return 'text';
  }
  return `unknown: sqlite ${storage} ${columnType ?? 'not in schema.ts'}`;
}

function postgresMeaning(dataType: string): Meaning {
  switch (dataType) {
    case 'text':
    case 'character varying':
      return 'text';
    case 'integer':
    case 'bigint':
    case 'smallint':
      return 'integer';
    case 'timestamp with time zone':
    case 'timestamp without time zone':
      return 'timestamp';
    case 'boolean':
      return 'boolean';
    case 'jsonb':
    case 'json':
      return 'json';
    default:
      return `unknown: postgres ${dataType}`;
  }
}

function introspectSqlite(sqlite: Database.Database): SchemaShape {
  const shape: SchemaShape = {};
  const tables = sqlite
    .prepare("select name, sql from sqlite_master where type = 'table' and name not like 'sqlite_%' and name <> '__drizzle_migrations' order by name")
    .all() as { name: string }[];
  for (const { name: table } of tables) {
    const columns = sqlite.prepare(`pragma table_info(${table})`).all() as { name: string; type: string; notnull: number; dflt_value: string | null; pk: number }[];
    const indexes: Record<string, IndexShape> = {};
    const list = sqlite.prepare(`pragma index_list(${table})`).all() as { name: string; unique: number; origin: string; partial: number }[];
    for (const index of list) {
      if (index.origin === 'pk') continue; // the primary key is compared as such
      const info = sqlite.prepare(`pragma index_info(${index.name})`).all() as { seqno: number; name: string }[];
      const definition = (sqlite.prepare("select sql from sqlite_master where type = 'index' and name = ?").get(index.name) as { sql: string | null } | undefined)?.sql ?? '';
      const where = index.partial ? (/\bwhere\b(.*)$/is.exec(definition)?.[1] ?? `unreadable predicate in ${definition}`) : null;
      indexes[index.name] = {
        columns: info.sort((a, b) => a.seqno - b.seqno).map((c) => c.name),
        unique: index.unique === 1,
        where: where === null ? null : normalisePredicate(where),
      };
    }
    const keys = sqlite.prepare(`pragma foreign_key_list(${table})`).all() as { id: number; seq: number; table: string; from: string; to: string; on_update: string; on_delete: string }[];
    const foreignKeys = [...new Set(keys.map((k) => k.id))].map((id) => {
      const parts = keys.filter((k) => k.id === id).sort((a, b) => a.seq - b.seq);
      return {
        columns: parts.map((p) => p.from),
        references: parts[0]!.table,
        referencedColumns: parts.map((p) => p.to),
        onDelete: parts[0]!.on_delete.toLowerCase(),
        onUpdate: parts[0]!.on_update.toLowerCase(),
      };
    });
    shape[table] = {
      columns: Object.fromEntries(
        columns.map((c) => [
          c.name,
          // A primary key column is NOT NULL in both (SQLite says so in the DDL drizzle writes).
          { meaning: sqliteMeaning(c.type, table, c.name), notNull: c.notnull === 1 || c.pk > 0, default: normaliseDefault(c.dflt_value) },
        ]),
      ),
      primaryKey: columns.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name),
      indexes,
      foreignKeys: foreignKeys.sort(byText),
    };
  }
  return shape;
}

async function introspectPostgres(pool: PgHandle['pool']): Promise<SchemaShape> {
  const shape: SchemaShape = {};
  const tables = await pool.query<{ table_name: string }>(
    "select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name",
  );
  for (const { table_name: table } of tables.rows) {
    const columns = await pool.query<{ column_name: string; data_type: string; is_nullable: string; column_default: string | null }>(
      "select column_name, data_type, is_nullable, column_default from information_schema.columns where table_schema = 'public' and table_name = $1 order by ordinal_position",
      [table],
    );
    const indexes = await pool.query<{ name: string; unique: boolean; primary: boolean; columns: string[]; predicate: string | null }>(
      `select i.relname as name, x.indisunique as unique, x.indisprimary as primary,
              array(select a.attname::text from unnest(x.indkey) with ordinality as k(attnum, ord)
                    join pg_attribute a on a.attrelid = x.indrelid and a.attnum = k.attnum order by k.ord) as columns,
              pg_get_expr(x.indpred, x.indrelid) as predicate
         from pg_index x
         join pg_class i on i.oid = x.indexrelid
         join pg_class t on t.oid = x.indrelid
         join pg_namespace n on n.oid = t.relnamespace
        where n.nspname = 'public' and t.relname = $1`,
      [table],
    );
    const keys = await pool.query<{ columns: string[]; references: string; referenced_columns: string[]; on_delete: string; on_update: string }>(
      `select array(select a.attname::text from unnest(c.conkey) with ordinality as k(attnum, ord)
                    join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum order by k.ord) as columns,
              r.relname as references,
              array(select a.attname::text from unnest(c.confkey) with ordinality as k(attnum, ord)
                    join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.attnum order by k.ord) as referenced_columns,
              c.confdeltype as on_delete, c.confupdtype as on_update
         from pg_constraint c
         join pg_class t on t.oid = c.conrelid
         join pg_class r on r.oid = c.confrelid
         join pg_namespace n on n.oid = t.relnamespace
        where c.contype = 'f' and n.nspname = 'public' and t.relname = $1`,
      [table],
    );
    const action: Record<string, string> = { a: 'no action', r: 'restrict', c: 'cascade', n: 'set null', d: 'set default' };
    const primary = indexes.rows.find((i) => i.primary);
    shape[table] = {
      columns: Object.fromEntries(
        columns.rows.map((c) => [
          c.column_name,
          { meaning: postgresMeaning(c.data_type), notNull: c.is_nullable === 'NO', default: normaliseDefault(c.column_default) },
        ]),
      ),
      primaryKey: primary?.columns ?? [],
      indexes: Object.fromEntries(
        indexes.rows
          .filter((i) => !i.primary)
          .map((i) => [i.name, { columns: i.columns, unique: i.unique, where: i.predicate === null ? null : normalisePredicate(i.predicate) }]),
      ),
      foreignKeys: keys.rows
        .map((k) => ({
          columns: k.columns,
          references: k.references,
          referencedColumns: k.referenced_columns,
          onDelete: action[k.on_delete] ?? k.on_delete,
          onUpdate: action[k.on_update] ?? k.on_update,
        }))
        .sort(byText),
    };
  }
  return shape;
}

const postgres = usePostgres();

describe('SQLite and Postgres schemas, migrated from their folders', () => {
  let sqlite: DbHandle;
  let pgHandle: PgHandle;
  let sqliteShape: SchemaShape;
  let postgresShape: SchemaShape;

  beforeAll(async () => {
    sqlite = openDatabase(':memory:'); // migrates from migrations/, as the app does
    const database = await postgres.database();
    pgHandle = openPostgres({ url: database.url, redactedUrl: database.url, poolSize: 4, statementTimeoutMs: 30_000 });
    await migratePostgres(pgHandle.pool);
    sqliteShape = introspectSqlite(sqlite.sqlite);
    postgresShape = await introspectPostgres(pgHandle.pool);
  }, 120_000);

  afterAll(async () => {
    sqlite?.close();
    await pgHandle?.close();
  });

  it('applied every Postgres migration, each recorded by Drizzle', async () => {
    expect(await pendingPostgresMigrations(pgHandle.pool)).toEqual([]);
    const recorded = await pgHandle.pool.query<{ n: number }>('select count(*)::int as n from drizzle.__drizzle_migrations');
    expect(recorded.rows[0]?.n).toBe(readJournal(PG_MIGRATIONS_DIR).length);
    expect(readJournal(PG_MIGRATIONS_DIR).length).toBeGreaterThan(0);
  });

  it('have the same tables', () => {
    expect(Object.keys(postgresShape).sort()).toEqual(Object.keys(sqliteShape).sort());
    expect(Object.keys(sqliteShape).length).toBe(SHARED_TABLES.length);
  });

  it('have the same columns: names, meaning of the type, nullability and defaults', () => {
    for (const table of Object.keys(sqliteShape)) {
      expect({ table, columns: postgresShape[table]?.columns }).toEqual({ table, columns: sqliteShape[table]!.columns });
      for (const [column, shape] of Object.entries(sqliteShape[table]!.columns)) {
        expect(shape.meaning, `${table}.${column}`).not.toMatch(/^unknown/);
      }
    }
  });

  it('have the same primary keys', () => {
    for (const table of Object.keys(sqliteShape)) {
      expect({ table, primaryKey: postgresShape[table]?.primaryKey }).toEqual({ table, primaryKey: sqliteShape[table]!.primaryKey });
    }
  });

  it('have the same indexes: names, columns in order, uniqueness and partial predicates', () => {
    for (const table of Object.keys(sqliteShape)) {
      expect({ table, indexes: postgresShape[table]?.indexes }).toEqual({ table, indexes: sqliteShape[table]!.indexes });
    }
    // The guarantees the interview relies on are among them (not just "equal and empty").
    expect(sqliteShape.messages!.indexes.messages_session_question_uq).toEqual({
      columns: ['session_id', 'question_number', 'kind'],
      unique: true,
      where: "kind <> 'answer'",
    });
    expect(sqliteShape.messages!.indexes.messages_reply_to_uq?.unique).toBe(true);
    expect(sqliteShape.feedback!.indexes.feedback_session_id_unique).toEqual({ columns: ['session_id'], unique: true, where: null });
  });

  it('have the same foreign keys, with the same ON DELETE and ON UPDATE', () => {
    for (const table of Object.keys(sqliteShape)) {
      expect({ table, foreignKeys: postgresShape[table]?.foreignKeys }).toEqual({ table, foreignKeys: sqliteShape[table]!.foreignKeys });
    }
    expect(sqliteShape.messages!.foreignKeys).toEqual([
      { columns: ['session_id'], references: 'interview_sessions', referencedColumns: ['id'], onDelete: 'cascade', onUpdate: 'no action' },
    ]);
    // A recording's summary goes with its interview (and so with its owner's account).
    expect(sqliteShape.recording_summaries!.foreignKeys).toEqual([
      { columns: ['session_id'], references: 'interview_sessions', referencedColumns: ['id'], onDelete: 'cascade', onUpdate: 'no action' },
    ]);
  });

  it('read back the same rows from both drivers: Dates, booleans, enums, JSON, and JSON null as SQL NULL', async () => {
    const at = new Date('2026-03-04T05:06:07.891Z');
    const user = { id: 'u-equivalence', email: 'ada@example.com', passwordHash: null, authVersion: 2, lastActiveAt: at, operatorSince: null, createdAt: at };
    const session = {
      id: 's-equivalence',
      ownerId: user.id,
      jobTitle: 'Data engineer',
      companyName: 'Northwind',
      interviewType: 'technical' as const,
      focusCompetencies: null,
      cvTruncated: true,
      status: 'in_progress' as const,
      startedAt: at,
      createdAt: at,
    };
    const question = { id: 'm-1', sessionId: session.id, seq: 1, role: 'interviewer' as const, kind: 'question' as const, questionNumber: 1, content: 'Tell me about a pipeline you rebuilt.', keyPoints: ['scale', 'trade-offs'], evaluation: null, createdAt: at };
    const answer = { id: 'm-2', sessionId: session.id, seq: 2, role: 'candidate' as const, kind: 'answer' as const, questionNumber: 1, replyTo: 'm-1', content: 'We moved from cron to Airflow…', evaluation: { score: 6, criteria: [], strengths: [{ point: 'concrete', quote: "it's \"quoted\"" }], weaknesses: [], followUp: null, summary: "it's \"quoted\"" }, speechMetrics: null, createdAt: at };

    sqlite.db.insert(sqliteSchema.users).values(user).run();
    sqlite.db.insert(sqliteSchema.interviewSessions).values(session).run();
    sqlite.db.insert(sqliteSchema.messages).values([question, answer]).run();
    await pgHandle.db.insert(pgSchema.users).values(user);
    await pgHandle.db.insert(pgSchema.interviewSessions).values(session);
    await pgHandle.db.insert(pgSchema.messages).values([question, answer]);

    const recording = {
      id: 'rec-equivalence',
      ownerId: user.id,
      sessionId: session.id,
      summary: {
        version: 1 as const,
        durationSeconds: 42.5,
        speakingSeconds: 35,
        silentSeconds: 7.5,
        timeToFirstWord: null,
        speechSeconds: 38,
        longPauseCount: 1,
        longPauses: [{ start: 20.25, duration: 2.5 }],
        level: { meanDb: -21.4, sdDb: null, maxDb: -3 },
        pitch: { medianHz: 140, variationSemitones: 2.1, rangeSemitones: 6, voicedSeconds: 30 },
        rate: { syllables: 150, estimatedWpm: 138, words: 96, wpm: 135 },
        fillers: { count: 2, perMinute: 2.8, top: [{ filler: 'um', count: 2 }] },
        transcript: { available: true, segments: 3, failedSegments: 0, by: 'openai:whisper-1', verbatim: true },
        envelope: { stepSeconds: 0.5, levelDb: [-40, -12.5], pitchHz: [null, 150] },
        endedBy: 'stop' as const,
      },
      createdAt: at,
      expiresAt: new Date(at.getTime() + 30 * 60_000),
    };
    sqlite.db.insert(sqliteSchema.recordingSummaries).values(recording).run();
    await pgHandle.db.insert(pgSchema.recordingSummaries).values(recording);

    const fromSqlite = {
      recordingSummaries: sqlite.db.select().from(sqliteSchema.recordingSummaries).all(),
      user: sqlite.db.select().from(sqliteSchema.users).where(eq(sqliteSchema.users.id, user.id)).get(),
      session: sqlite.db.select().from(sqliteSchema.interviewSessions).where(eq(sqliteSchema.interviewSessions.id, session.id)).get(),
      messages: sqlite.db.select().from(sqliteSchema.messages).orderBy(sqliteSchema.messages.seq).all(),
    };
    const fromPostgres = {
      recordingSummaries: await pgHandle.db.select().from(pgSchema.recordingSummaries),
      user: (await pgHandle.db.select().from(pgSchema.users).where(eq(pgSchema.users.id, user.id)))[0],
      session: (await pgHandle.db.select().from(pgSchema.interviewSessions).where(eq(pgSchema.interviewSessions.id, session.id)))[0],
      messages: await pgHandle.db.select().from(pgSchema.messages).orderBy(pgSchema.messages.seq),
    };
    expect(fromPostgres).toEqual(fromSqlite);
    expect(fromPostgres.user?.lastActiveAt).toEqual(at);
    expect(fromPostgres.session?.cvTruncated).toBe(true);
    expect(fromPostgres.messages[1]?.evaluation).toEqual(answer.evaluation);
    expect(fromPostgres.recordingSummaries).toEqual([recording]);

    // A null JSON value is SQL NULL in both (not the JSON value null, which `IS NULL` misses).
    const sqliteNulls = sqlite.sqlite.prepare('select count(*) as n from messages where evaluation is null').get() as { n: number };
    const pgNulls = await pgHandle.pool.query<{ n: number }>('select count(*)::int as n from messages where evaluation is null');
    expect(sqliteNulls.n).toBe(1);
    expect(pgNulls.rows[0]?.n).toBe(1);
    // The default timestamp is "now" in both, read as a Date.
    sqlite.db.insert(sqliteSchema.signIns).values({ id: 'si-1', userId: user.id }).run();
    await pgHandle.db.insert(pgSchema.signIns).values({ id: 'si-1', userId: user.id });
    const sqliteSignIn = sqlite.db.select().from(sqliteSchema.signIns).get();
    const [pgSignIn] = await pgHandle.db.select().from(pgSchema.signIns);
    expect(sqliteSignIn?.createdAt).toBeInstanceOf(Date);
    expect(pgSignIn?.createdAt).toBeInstanceOf(Date);
    expect(Math.abs(pgSignIn!.createdAt.getTime() - Date.now())).toBeLessThan(60 * 60_000);
  });

  it('refuse the same duplicates on both: a second answer, a second main question, a second feedback', async () => {
    const sessionId = 's-equivalence';
    const duplicates = {
      secondAnswer: { id: 'm-dup-answer', sessionId, seq: 3, role: 'candidate' as const, kind: 'answer' as const, questionNumber: 1, replyTo: 'm-1', content: 'double submit' },
      secondQuestion: { id: 'm-dup-question', sessionId, seq: 4, role: 'interviewer' as const, kind: 'question' as const, questionNumber: 1, content: 'another first question' },
    };
    for (const row of Object.values(duplicates)) {
      expect(() => sqlite.db.insert(sqliteSchema.messages).values(row).run()).toThrow(/UNIQUE constraint failed/);
      await expect(pgHandle.db.insert(pgSchema.messages).values(row)).rejects.toMatchObject({ cause: expect.objectContaining({ code: '23505' }) });
    }
    // The partial index leaves answers alone: a second answer to ANOTHER message is fine.
    const follow = { id: 'm-follow', sessionId, seq: 5, role: 'interviewer' as const, kind: 'follow_up' as const, questionNumber: 1, content: 'What broke first?' };
    const secondAnswerToFollowUp = { id: 'm-answer-2', sessionId, seq: 6, role: 'candidate' as const, kind: 'answer' as const, questionNumber: 1, replyTo: 'm-follow', content: 'The scheduler.' };
    sqlite.db.insert(sqliteSchema.messages).values([follow, secondAnswerToFollowUp]).run();
    await pgHandle.db.insert(pgSchema.messages).values([follow, secondAnswerToFollowUp]);

    const feedbackRow = { id: 'f-1', sessionId, overallScore: 6, summary: { headline: 'Solid', overallScore: 6, strengths: [], weaknesses: [], cvTips: [] }, provider: 'offline', requirements: null };
    sqlite.db.insert(sqliteSchema.feedback).values(feedbackRow).run();
    await pgHandle.db.insert(pgSchema.feedback).values(feedbackRow);
    expect(() => sqlite.db.insert(sqliteSchema.feedback).values({ ...feedbackRow, id: 'f-2' }).run()).toThrow(/UNIQUE constraint failed/);
    await expect(pgHandle.db.insert(pgSchema.feedback).values({ ...feedbackRow, id: 'f-2' })).rejects.toMatchObject({ cause: expect.objectContaining({ code: '23505' }) });

    // Deleting the interview cascades to its messages and feedback on both.
    sqlite.db.delete(sqliteSchema.interviewSessions).where(eq(sqliteSchema.interviewSessions.id, sessionId)).run();
    await pgHandle.db.delete(pgSchema.interviewSessions).where(eq(pgSchema.interviewSessions.id, sessionId));
    const left = sqlite.db.select({ n: sql<number>`count(*)` }).from(sqliteSchema.messages).get();
    const [pgLeft] = await pgHandle.db.select({ n: sql<number>`count(*)::int` }).from(pgSchema.messages);
    expect(left?.n).toBe(0);
    expect(pgLeft?.n).toBe(0);
    const summariesLeft = sqlite.db.select({ n: sql<number>`count(*)` }).from(sqliteSchema.recordingSummaries).get();
    const [pgSummariesLeft] = await pgHandle.db.select({ n: sql<number>`count(*)::int` }).from(pgSchema.recordingSummaries);
    expect(summariesLeft?.n).toBe(0);
    expect(pgSummariesLeft?.n).toBe(0);
  });
});
