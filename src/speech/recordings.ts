/**
 * Recordings in memory, by random id, each tied to the visitor and interview it was made for.
 * A recording outlives its WebSocket: when the connection drops, everything received so far
 * stays here so the answer can still be sent with its metrics. Finished recordings are kept
 * for a limited time (`ttlMs`); no audio is written to disk here.
 *
 * Several app instances (issue 16): the socket lives on one instance, but the answer naming the
 * recording may be posted to another. So when a recording ends its summary is also saved to the
 * database (`summaries`, with the same expiry), before the client is told it is final; an answer
 * claims it from this memory while it is live (or when the database copy could not be written),
 * and otherwise from the database, where taking it deletes it in the same statement — a
 * recording's metrics go with one answer only, whichever instance receives it.
 *
 * Their number is capped per visitor first (`maxPerVisitor` finished ones: a visitor who opens
 * and closes thousands of sockets only pushes out their own oldest — issue 17), and then in
 * total (`maxRecordings`), where the visitor holding the most gives one up first. A recording
 * that was pushed out or expired simply isn't found: the answer it was meant for is stored
 * without metrics and the page says so (interview-service). The database copy has the same
 * per-visitor allowance (the repository trims an owner's oldest rows when saving), and expired
 * rows are deleted by this store's sweep timer, a bounded number at a time.
 */
import { nanoid } from 'nanoid';
import type { RecordingSummariesRepository, RecordingSummaryRow } from '../repositories/recording-summaries-repository.js';
import type { AudioSession } from './audio-session.js';
import type { SpeechSummary } from './types.js';

export interface Recording {
  id: string;
  ownerId: string;
  sessionId: string;
  audio: AudioSession;
  createdAt: number;
  /** When the connection ended (null while live). */
  endedAt: number | null;
  /** Set by the live connection: ends it at once and stops writing its audio (consent withdrawn). */
  stop?: () => Promise<void>;
  /** Once ended: whether its summary was saved to the database (false: only this memory has it). */
  persisted?: Promise<boolean>;
}

/** A summary an answer has claimed; `release` gives it back when the answer was not stored after all. */
export interface ClaimedSummary {
  summary: SpeechSummary;
  release(): Promise<void>;
}

export interface RecordingStoreOptions {
  ttlMs: number;
  /** Most recordings kept in total (live ones included); beyond, the biggest holder's oldest finished one goes. */
  maxRecordings?: number;
  /** Most finished recordings kept per visitor; beyond, that visitor's oldest finished one goes. */
  maxPerVisitor?: number;
  now?: () => number;
  /** Where finished recordings' summaries are shared with other instances (none: memory only). */
  summaries?: RecordingSummariesRepository;
  /** Most expired database rows deleted per sweep. */
  sweepBatch?: number;
  log?: { error(fields: object, message: string): void };
}

export type RecordingStore = ReturnType<typeof createRecordingStore>;

export function createRecordingStore(options: RecordingStoreOptions) {
  const { ttlMs, maxRecordings = 2_000, maxPerVisitor = 20, now = Date.now, summaries, sweepBatch = 500, log } = options;
  const recordings = new Map<string, Recording>();

  /** Oldest finished first: the one that ended longest ago (a long recording ends after shorter ones that started later). */
  const byEnd = (a: Recording, b: Recording) => a.endedAt! - b.endedAt!;
  const finishedOf = (ownerId: string) => [...recordings.values()].filter((r) => r.ownerId === ownerId && r.endedAt !== null).sort(byEnd);

  /** Drops this visitor's oldest finished recordings beyond their own allowance. */
  function trimVisitor(ownerId: string): void {
    const finished = finishedOf(ownerId);
    for (const r of finished.slice(0, Math.max(0, finished.length - maxPerVisitor))) recordings.delete(r.id);
  }

  /** Over the total cap: the visitor holding the most finished recordings gives up their oldest. */
  function trimTotal(): void {
    while (recordings.size > maxRecordings) {
      const held = new Map<string, Recording[]>();
      for (const r of recordings.values()) {
        if (r.endedAt === null) continue;
        const list = held.get(r.ownerId);
        if (list) list.push(r);
        else held.set(r.ownerId, [r]);
      }
      let biggest: Recording[] | undefined;
      for (const list of held.values()) if (!biggest || list.length > biggest.length) biggest = list;
      if (!biggest) return; // only live recordings: nothing may go
      recordings.delete(biggest.sort(byEnd)[0]!.id);
    }
  }

  function sweep(): void {
    const t = now();
    for (const [id, r] of recordings) {
      if (r.endedAt !== null && t - r.endedAt > ttlMs) recordings.delete(id);
    }
    trimTotal();
  }

  let sweepingDatabase: Promise<void> | null = null;
  /** Deletes up to `sweepBatch` expired database rows (one sweep at a time; the next tick takes more). */
  function sweepDatabase(): Promise<void> {
    if (!summaries) return Promise.resolve();
    sweepingDatabase ??= summaries
      .deleteExpired(new Date(now()), sweepBatch)
      .then(() => {})
      .catch((error: unknown) => log?.error({ err: error }, 'could not delete expired recording summaries'))
      .finally(() => (sweepingDatabase = null));
    return sweepingDatabase;
  }

  /** Saves a finished recording's summary for other instances; false when it could not be. */
  async function persist(r: Recording, endedAt: number): Promise<boolean> {
    if (!summaries) return false;
    try {
      const row = { id: r.id, ownerId: r.ownerId, sessionId: r.sessionId, summary: r.audio.summary(), createdAt: new Date(endedAt), expiresAt: new Date(endedAt + ttlMs) };
      return await summaries.save(row, maxPerVisitor);
    } catch (error) {
      // This instance still holds it: an answer posted here gets its metrics, one posted elsewhere does not.
      log?.error({ err: error, recordingId: r.id }, 'could not save the recording summary to the database');
      return false;
    }
  }

  const timer = setInterval(
    () => {
      sweep();
      void sweepDatabase();
    },
    Math.max(1_000, Math.min(60_000, ttlMs / 2)),
  );
  timer.unref();

  return {
    create(ownerId: string, sessionId: string, audio: AudioSession): Recording {
      const recording: Recording = { id: nanoid(), ownerId, sessionId, audio, createdAt: now(), endedAt: null };
      recordings.set(recording.id, recording);
      sweep();
      return recording;
    },

    /** Recordings of this visitor still connected. */
    liveCount(ownerId: string): number {
      let n = 0;
      for (const r of recordings.values()) if (r.ownerId === ownerId && r.endedAt === null) n++;
      return n;
    },

    /**
     * Marks the connection as ended: the TTL starts now, it counts toward its visitor's
     * allowance, and its summary is saved to the database (settles once saved or logged as not).
     */
    async ended(id: string): Promise<void> {
      const r = recordings.get(id);
      if (!r) return;
      if (r.endedAt === null) {
        r.endedAt = now();
        trimVisitor(r.ownerId);
        r.persisted = persist(r, r.endedAt);
      }
      await r.persisted;
    },

    /** The recording, if it exists, is not expired and belongs to this visitor and interview. */
    find(id: string, sessionId: string, ownerId: string): Recording | null {
      const r = recordings.get(id);
      if (!r || r.ownerId !== ownerId || r.sessionId !== sessionId) return null;
      if (r.endedAt !== null && now() - r.endedAt > ttlMs) {
        recordings.delete(id);
        return null;
      }
      return r;
    },

    /**
     * Claims a recording's metrics summary for an answer (see `find` for whose): from this
     * memory while it is live or when only this memory has it, otherwise from the database —
     * taken there, so no other answer on any instance gets it. null when it is nowhere (never
     * made, expired, pushed out, or already attached).
     */
    async claim(id: string, sessionId: string, ownerId: string): Promise<ClaimedSummary | null> {
      const here = this.find(id, sessionId, ownerId);
      const nothingToGiveBack = async () => {};
      if (here && (here.endedAt === null || !(await here.persisted))) return { summary: here.audio.summary(), release: nothingToGiveBack };
      if (!summaries) return null;
      let row: RecordingSummaryRow | null;
      try {
        row = await summaries.take(id, sessionId, ownerId, new Date(now()));
      } catch (error) {
        // The answer matters more than its metrics: it is stored without them, and the page says so.
        log?.error({ err: error, recordingId: id }, 'could not read the recording summary from the database');
        return null;
      }
      if (!row) {
        if (here) recordings.delete(id); // attached elsewhere, or expired there
        return null;
      }
      const taken = row;
      const release = async () => {
        try {
          await summaries.save(taken, maxPerVisitor);
        } catch (error) {
          log?.error({ err: error, recordingId: id }, 'could not give the recording summary back to the database');
        }
      };
      return { summary: taken.summary, release };
    },

    /**
     * Forgets every recording of one of this visitor's interviews — live ones are stopped first
     * (their connection closes, their audio file is closed) — with the transcripts they hold.
     * Returns how many there were.
     */
    async forgetSession(sessionId: string, ownerId: string): Promise<number> {
      const mine = [...recordings.values()].filter((r) => r.sessionId === sessionId && r.ownerId === ownerId);
      for (const r of mine) recordings.delete(r.id);
      await Promise.all(mine.map((r) => r.stop?.()));
      // Saved ones first (a save in flight would otherwise land after the delete), then the
      // database copies, including those of recordings made on other instances.
      await Promise.all(mine.map((r) => r.persisted));
      await summaries?.deleteForSession(sessionId, ownerId);
      return mine.length;
    },

    /** Forgets a recording here (its summary was stored with an answer; the database copy was taken by `claim`). */
    delete(id: string): void {
      recordings.delete(id);
    },

    get size(): number {
      return recordings.size;
    },

    sweep,
    sweepDatabase,

    close(): void {
      clearInterval(timer);
      recordings.clear();
    },
  };
}
