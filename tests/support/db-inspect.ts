import type { FastifyInstance } from 'fastify';
import { createFeedbackRepository } from '../../src/repositories/feedback-repository.js';
import { createMessagesRepository } from '../../src/repositories/messages-repository.js';
import { createRetriesRepository } from '../../src/repositories/retries-repository.js';
import { createSessionsRepository } from '../../src/repositories/sessions-repository.js';
import { createUsersRepository } from '../../src/repositories/users-repository.js';

/** Every application table in the database (whatever migrations have added since this was written). */
export function appTables(app: FastifyInstance): string[] {
  return (
    app.database.sqlite
      .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%'")
      .all() as Array<{ name: string }>
  ).map((r) => r.name);
}

/**
 * Rows, in any table, that still mention one of `needles` (ids, an email, a marker phrase from a
 * CV or an answer) in any column. Used to prove that deleted data is really gone.
 */
export function leftovers(app: FastifyInstance, needles: string[]): Record<string, number> {
  const found: Record<string, number> = {};
  for (const table of appTables(app)) {
    const rows = app.database.sqlite.prepare(`select * from "${table}"`).all() as Array<Record<string, unknown>>;
    const hits = rows.filter((row) => Object.values(row).some((v) => typeof v === 'string' && needles.some((n) => v.includes(n)))).length;
    if (hits > 0) found[table] = hits;
  }
  return found;
}

export function rowCount(app: FastifyInstance, table: string): number {
  return (app.database.sqlite.prepare(`select count(*) n from "${table}"`).get() as { n: number }).n;
}

/** A snapshot of every table's rows, to prove a refused request changed nothing. */
export function snapshot(app: FastifyInstance): string {
  return JSON.stringify(
    appTables(app)
      .sort()
      .map((t) => [t, app.database.sqlite.prepare(`select * from "${t}" order by rowid`).all()]),
  );
}

/**
 * What the app stored, read through its own repositories (the same queries, the same typed
 * columns), for a test that knows an interview's id but not its owner. Raw SQL stays for what
 * the app has no method for: proving deleted data is gone, counting rows of a whole table,
 * corrupting storage on purpose.
 */
export function stored(app: FastifyInstance) {
  const db = app.database.db;
  const repositories = {
    sessions: createSessionsRepository(db),
    messages: createMessagesRepository(db),
    feedback: createFeedbackRepository(db),
    retries: createRetriesRepository(db),
    users: createUsersRepository(db),
  };
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
