/**
 * The recording store's caps (issue 17, finding 7): a visitor's flood of recordings pushes out
 * only their own oldest; past the total cap the biggest holder gives one up first; a long
 * recording that ends last is the newest, not the oldest. And with a shared database (issue 16):
 * what is saved when a recording ends, where an answer's claim takes it from, and what is
 * given back or forgotten.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { AudioSession } from '../../../src/speech/audio-session.js';
import { createRecordingStore, type RecordingStore } from '../../../src/speech/recordings.js';
import type { SpeechSummary } from '../../../src/speech/types.js';
import type { RecordingSummariesRepository, RecordingSummaryRow } from '../../../src/repositories/recording-summaries-repository.js';

/** Stands in for an analysed recording: its summary says which one it is. */
const fakeAudio = (label: string) => ({ summary: () => ({ label }) as unknown as SpeechSummary }) as unknown as AudioSession;

describe('recording store caps', () => {
  let store: RecordingStore | undefined;
  let clock = 0;
  const now = () => clock;
  afterEach(() => store?.close());

  /** Opens and closes one recording for `owner`, as a socket that connects and hangs up would. */
  function record(s: RecordingStore, owner: string, session = `s-${owner}`) {
    const r = s.create(owner, session, fakeAudio(`${owner}#${clock}`));
    clock += 1;
    s.ended(r.id);
    return r;
  }

  it("one visitor's flood of 2,100 recordings pushes out only their own oldest", async () => {
    store = createRecordingStore({ ttlMs: 3_600_000, now });
    const victim = record(store, 'victim');
    const flood = Array.from({ length: 2_100 }, () => record(store!, 'attacker'));
    expect((await store.claim(victim.id, 's-victim', 'victim'))?.summary).toEqual({ label: 'victim#0' });
    // The attacker keeps only their newest 20.
    expect(flood.filter((r) => store!.find(r.id, 's-attacker', 'attacker') !== null)).toEqual(flood.slice(-20));
    expect(store.size).toBe(21);
  });

  it('past the total cap, the visitor holding the most gives up their oldest first', () => {
    store = createRecordingStore({ ttlMs: 3_600_000, maxRecordings: 10, maxPerVisitor: 5, now });
    const victim = record(store, 'victim');
    const a = Array.from({ length: 5 }, () => record(store!, 'a'));
    const b = Array.from({ length: 4 }, () => record(store!, 'b'));
    expect(store.size).toBe(10);
    record(store, 'c'); // one over: a holds the most
    expect(store.size).toBe(10);
    expect(store.find(a[0]!.id, 's-a', 'a')).toBeNull();
    expect(store.find(victim.id, 's-victim', 'victim')).not.toBeNull();
    expect(b.every((r) => store!.find(r.id, 's-b', 'b') !== null)).toBe(true);
  });

  it('live recordings are never pushed out, and a long one that ends last counts as the newest', () => {
    store = createRecordingStore({ ttlMs: 3_600_000, maxPerVisitor: 2, now });
    const long = store.create('v', 's', fakeAudio('long'));
    const quick = [record(store, 'v', 's'), record(store, 'v', 's'), record(store, 'v', 's')];
    expect(store.find(long.id, 's', 'v')).not.toBeNull(); // still live
    store.ended(long.id);
    expect(store.find(long.id, 's', 'v')).not.toBeNull();
    expect(quick.map((r) => store!.find(r.id, 's', 'v') !== null)).toEqual([false, false, true]);
  });

  it('expired recordings are not found', async () => {
    store = createRecordingStore({ ttlMs: 1_000, now });
    const r = record(store, 'v');
    clock += 1_001;
    expect(await store.claim(r.id, 's-v', 'v')).toBeNull();
  });
});

/** The repository's contract in memory (the real ones: tests/integration/recording-summaries-repository.test.ts). */
function memoryRepository(options: { failSaves?: boolean } = {}) {
  const rows = new Map<string, RecordingSummaryRow>();
  const calls: string[] = [];
  const repo: RecordingSummariesRepository = {
    async save(row) {
      calls.push(`save ${row.id}`);
      if (options.failSaves) throw new Error('database is locked');
      rows.set(row.id, row);
      return true;
    },
    async take(id, sessionId, ownerId, now) {
      const row = rows.get(id);
      if (!row || row.sessionId !== sessionId || row.ownerId !== ownerId || row.expiresAt < now) return null;
      rows.delete(id);
      return row;
    },
    async deleteForSession(sessionId, ownerId) {
      const mine = [...rows.values()].filter((r) => r.sessionId === sessionId && r.ownerId === ownerId);
      for (const r of mine) rows.delete(r.id);
      return mine.length;
    },
    async deleteExpired(now, limit) {
      calls.push(`deleteExpired ${limit}`);
      return 0;
    },
  };
  return { repo, rows, calls };
}

describe('recording store with a shared database (issue 16)', () => {
  let store: RecordingStore | undefined;
  let clock = 1_000;
  const now = () => clock;
  afterEach(() => store?.close());

  it('saves a finished recording with the same expiry; an answer here takes the database copy, so nobody gets it twice', async () => {
    const { repo, rows } = memoryRepository();
    store = createRecordingStore({ ttlMs: 60_000, now, summaries: repo });
    const r = store.create('v', 's', fakeAudio('one'));
    clock = 5_000;
    await store.ended(r.id);
    expect(rows.get(r.id)).toEqual({ id: r.id, ownerId: 'v', sessionId: 's', summary: { label: 'one' }, createdAt: new Date(5_000), expiresAt: new Date(65_000) });
    expect((await store.claim(r.id, 's', 'v'))?.summary).toEqual({ label: 'one' });
    expect(rows.size).toBe(0);
    // Attached (here or on another instance): this memory's copy no longer counts.
    expect(await store.claim(r.id, 's', 'v')).toBeNull();
  });

  it('a recording that ended on another instance is found in the database; release gives it back', async () => {
    const { repo, rows } = memoryRepository();
    const other = createRecordingStore({ ttlMs: 60_000, now, summaries: repo });
    const r = other.create('v', 's', fakeAudio('elsewhere'));
    await other.ended(r.id);
    other.close();
    store = createRecordingStore({ ttlMs: 60_000, now, summaries: repo });
    expect(await store.claim(r.id, 's', 'someone-else')).toBeNull();
    const claimed = await store.claim(r.id, 's', 'v');
    expect(claimed?.summary).toEqual({ label: 'elsewhere' });
    await claimed!.release(); // the answer was not stored after all
    expect(rows.has(r.id)).toBe(true);
  });

  it('a live recording is claimed from memory; when the database save fails the memory copy still counts, and the failure is logged', async () => {
    const { repo, rows } = memoryRepository({ failSaves: true });
    const errors: string[] = [];
    store = createRecordingStore({ ttlMs: 60_000, now, summaries: repo, log: { error: (_f, m) => void errors.push(m) } });
    const r = store.create('v', 's', fakeAudio('live'));
    expect((await store.claim(r.id, 's', 'v'))?.summary).toEqual({ label: 'live' });
    await store.ended(r.id);
    expect(errors).toEqual(['could not save the recording summary to the database']);
    expect(rows.size).toBe(0);
    expect((await store.claim(r.id, 's', 'v'))?.summary).toEqual({ label: 'live' });
  });

  it('withdrawn consent forgets the database copies too; the sweep deletes expired rows in bounded batches', async () => {
    const { repo, rows, calls } = memoryRepository();
    store = createRecordingStore({ ttlMs: 60_000, now, summaries: repo, sweepBatch: 7 });
    const here = store.create('v', 's', fakeAudio('here'));
    await store.ended(here.id);
    rows.set('from-elsewhere', { id: 'from-elsewhere', ownerId: 'v', sessionId: 's', summary: { label: 'x' } as unknown as SpeechSummary, createdAt: new Date(0), expiresAt: new Date(99_000) });
    expect(await store.forgetSession('s', 'v')).toBe(1);
    expect(rows.size).toBe(0);
    await store.sweepDatabase();
    expect(calls.at(-1)).toBe('deleteExpired 7');
  });
});

describe('recording store when the database fails (issue 16)', () => {
  it('an answer is not held up by a failing database: the claim finds nothing and says why in the log', async () => {
    const errors: string[] = [];
    const broken: RecordingSummariesRepository = {
      save: async () => true,
      take: async () => {
        throw new Error('connection terminated');
      },
      deleteForSession: async () => 0,
      deleteExpired: async () => 0,
    };
    const store = createRecordingStore({ ttlMs: 60_000, summaries: broken, log: { error: (_f, m) => void errors.push(m) } });
    try {
      expect(await store.claim('made-elsewhere', 's', 'v')).toBeNull();
      expect(errors).toEqual(['could not read the recording summary from the database']);
    } finally {
      store.close();
    }
  });
});
