/**
 * The recording-summaries repository's contract (issue 16), run on both drivers: SQLite
 * (src/repositories/recording-summaries-repository.ts) and Postgres
 * (src/repositories/pg/recording-summaries-repository.ts), each on a database migrated from its
 * own migration folder. What an answer on another instance relies on: a saved summary is taken
 * once (then it is gone), only by its owner for its interview and before it expires; an owner's
 * rows are capped; the sweep deletes only expired rows, at most `limit` at a time; deleting the
 * interview deletes its summaries.
 *
 * Postgres comes from tests/support/postgres.ts (TEST_DATABASE_URL or a throwaway cluster).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { openDatabase, type DbHandle } from '../../src/db/client.js';
import { migratePostgres, openPostgres, type PgHandle } from '../../src/db/pg-client.js';
import * as sqliteSchema from '../../src/db/schema.js';
import * as pgSchema from '../../src/db/schema-pg.js';
import { createRecordingSummariesRepository, type RecordingSummariesRepository, type RecordingSummaryRow } from '../../src/repositories/recording-summaries-repository.js';
import { createPgRecordingSummariesRepository } from '../../src/repositories/pg/recording-summaries-repository.js';
import type { SpeechSummary } from '../../src/speech/types.js';
import { usePostgres } from '../support/postgres.js';

/** What one driver gives the contract: the repository, and a way to add and delete interviews. */
interface Driver {
  repo: RecordingSummariesRepository;
  addInterview(sessionId: string, ownerId: string): Promise<void>;
  deleteInterview(sessionId: string): Promise<void>;
  count(): Promise<number>;
}

const T0 = new Date('2026-05-01T10:00:00.000Z');
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

/** A summary as AudioSession.summary() makes it (nulls, nested objects, arrays), marked by its length. */
function summary(seconds: number): SpeechSummary {
  return {
    version: 1,
    durationSeconds: seconds,
    speakingSeconds: seconds - 4,
    silentSeconds: 4,
    timeToFirstWord: 0.8,
    speechSeconds: seconds - 3,
    longPauseCount: 1,
    longPauses: [{ start: 12.5, duration: 2.4 }],
    level: { meanDb: -23.1, sdDb: 4.2, maxDb: -6.3 },
    pitch: { medianHz: 182.4, variationSemitones: 2.6, rangeSemitones: 7.9, voicedSeconds: seconds - 9 },
    rate: { syllables: 210, estimatedWpm: 141, words: null, wpm: null },
    fillers: null,
    transcript: { available: false, segments: 0, failedSegments: 0 },
    envelope: { stepSeconds: 0.5, levelDb: [-30.2, -12.5, -18], pitchHz: [null, 176, 190] },
    endedBy: 'stop',
  };
}

function row(id: string, ownerId: string, sessionId: string, endedAtMinute: number, ttlMinutes = 30): RecordingSummaryRow {
  return { id, ownerId, sessionId, summary: summary(40 + endedAtMinute), createdAt: minutes(endedAtMinute), expiresAt: minutes(endedAtMinute + ttlMinutes) };
}

function contract(name: string, open: () => Promise<Driver>) {
  describe(`recording summaries on ${name}`, () => {
    let d: Driver;
    beforeAll(async () => {
      d = await open();
      await d.addInterview('s-ada', 'ada');
      await d.addInterview('s-ada-2', 'ada');
      await d.addInterview('s-bob', 'bob');
      await d.addInterview('s-flood', 'flooder');
    }, 120_000);

    it('a saved summary is taken once, whole, by its owner for its interview; then it is gone', async () => {
      const saved = row('rec-1', 'ada', 's-ada', 0);
      expect(await d.repo.save(saved, 20)).toBe(true);
      expect(await d.repo.take('rec-1', 's-ada', 'bob', minutes(1))).toBeNull(); // another visitor
      expect(await d.repo.take('rec-1', 's-ada-2', 'ada', minutes(1))).toBeNull(); // another interview of hers
      expect(await d.repo.take('rec-1', 's-ada', 'ada', minutes(1))).toEqual(saved);
      expect(await d.repo.take('rec-1', 's-ada', 'ada', minutes(1))).toBeNull();
    });

    it('two takes at once: exactly one gets it', async () => {
      await d.repo.save(row('rec-race', 'ada', 's-ada', 0), 20);
      const results = await Promise.all([1, 2, 3].map(() => d.repo.take('rec-race', 's-ada', 'ada', minutes(1))));
      expect(results.filter((r) => r !== null)).toHaveLength(1);
    });

    it('an expired summary is not taken, and the sweep deletes only expired rows, at most `limit` at a time', async () => {
      await d.repo.save(row('rec-old-1', 'bob', 's-bob', 0, 10), 20);
      await d.repo.save(row('rec-old-2', 'bob', 's-bob', 1, 10), 20);
      await d.repo.save(row('rec-old-3', 'bob', 's-bob', 2, 10), 20);
      await d.repo.save(row('rec-fresh', 'bob', 's-bob', 30, 10), 20);
      expect(await d.repo.take('rec-old-1', 's-bob', 'bob', minutes(10.5))).toBeNull();
      expect(await d.repo.deleteExpired(minutes(20), 2)).toBe(2);
      expect(await d.repo.deleteExpired(minutes(20), 2)).toBe(1);
      expect(await d.repo.deleteExpired(minutes(20), 2)).toBe(0);
      expect((await d.repo.take('rec-fresh', 's-bob', 'bob', minutes(31)))?.id).toBe('rec-fresh');
    });

    it("is not saved for an interview that is not the owner's (or does not exist)", async () => {
      expect(await d.repo.save(row('rec-stranger', 'bob', 's-ada', 0), 20)).toBe(false);
      expect(await d.repo.save(row('rec-nowhere', 'ada', 's-gone', 0), 20)).toBe(false);
      expect(await d.repo.take('rec-stranger', 's-ada', 'bob', minutes(1))).toBeNull();
    });

    it("caps an owner's rows at their newest, never dropping the one just saved, and leaves others' alone", async () => {
      const before = await d.count();
      await d.repo.save(row('rec-ada-keep', 'ada', 's-ada', 5), 3);
      // 50 recordings at the same instant and then older ones: the cap still holds at 3.
      for (let i = 0; i < 50; i++) expect(await d.repo.save(row(`rec-flood-${String(i).padStart(2, '0')}`, 'flooder', 's-flood', 10), 3)).toBe(true);
      expect(await d.repo.save(row('rec-flood-late-but-older', 'flooder', 's-flood', 1), 3)).toBe(true);
      expect(await d.count()).toBe(before + 1 + 3);
      // The one just saved is kept even though it is the oldest.
      expect((await d.repo.take('rec-flood-late-but-older', 's-flood', 'flooder', minutes(2)))?.id).toBe('rec-flood-late-but-older');
      expect(await d.repo.take('rec-flood-00', 's-flood', 'flooder', minutes(11))).toBeNull();
      expect((await d.repo.take('rec-ada-keep', 's-ada', 'ada', minutes(6)))?.id).toBe('rec-ada-keep');
    });

    it("withdrawn consent deletes one interview's summaries; deleting an interview cascades to its summaries", async () => {
      await d.repo.save(row('rec-a', 'ada', 's-ada', 0), 20);
      await d.repo.save(row('rec-b', 'ada', 's-ada', 1), 20);
      await d.repo.save(row('rec-c', 'ada', 's-ada-2', 1), 20);
      expect(await d.repo.deleteForSession('s-ada', 'bob')).toBe(0);
      expect(await d.repo.deleteForSession('s-ada', 'ada')).toBe(2);
      expect(await d.repo.take('rec-a', 's-ada', 'ada', minutes(2))).toBeNull();
      await d.deleteInterview('s-ada-2');
      expect(await d.repo.take('rec-c', 's-ada-2', 'ada', minutes(2))).toBeNull();
    });
  });
}

let sqliteHandle: DbHandle | undefined;
afterAll(() => sqliteHandle?.close());

contract('SQLite', async () => {
  const handle = openDatabase(':memory:');
  sqliteHandle = handle;
  return {
    repo: createRecordingSummariesRepository(handle.db),
    async addInterview(sessionId, ownerId) {
      handle.db.insert(sqliteSchema.users).values({ id: ownerId }).onConflictDoNothing().run();
      handle.db.insert(sqliteSchema.interviewSessions).values({ id: sessionId, ownerId, jobTitle: 'Data engineer', companyName: 'Northwind' }).run();
    },
    async deleteInterview(sessionId) {
      handle.db.delete(sqliteSchema.interviewSessions).where(eq(sqliteSchema.interviewSessions.id, sessionId)).run();
    },
    async count() {
      return handle.db.select().from(sqliteSchema.recordingSummaries).all().length;
    },
  };
});

const postgres = usePostgres();
let pgHandle: PgHandle | undefined;
afterAll(async () => pgHandle?.close());

contract('Postgres', async () => {
  const database = await postgres.database();
  const handle = openPostgres({ url: database.url, redactedUrl: database.url, poolSize: 4, statementTimeoutMs: 30_000 });
  pgHandle = handle;
  await migratePostgres(handle.pool);
  return {
    repo: createPgRecordingSummariesRepository(handle.db),
    async addInterview(sessionId, ownerId) {
      await handle.db.insert(pgSchema.users).values({ id: ownerId }).onConflictDoNothing();
      await handle.db.insert(pgSchema.interviewSessions).values({ id: sessionId, ownerId, jobTitle: 'Data engineer', companyName: 'Northwind' });
    },
    async deleteInterview(sessionId) {
      await handle.db.delete(pgSchema.interviewSessions).where(eq(pgSchema.interviewSessions.id, sessionId));
    },
    async count() {
      return (await handle.db.select().from(pgSchema.recordingSummaries)).length;
    },
  };
});
