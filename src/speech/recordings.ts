/**
 * Recordings in memory, by random id, each tied to the visitor and interview it was made for.
 * A recording outlives its WebSocket: when the connection drops, everything received so far
 * stays here so the answer can still be sent with its metrics. Finished recordings are kept
 * for a limited time (`ttlMs`); nothing is written to disk here.
 *
 * Their number is capped per visitor first (`maxPerVisitor` finished ones: a visitor who opens
 * and closes thousands of sockets only pushes out their own oldest — issue 17), and then in
 * total (`maxRecordings`), where the visitor holding the most gives one up first. A recording
 * that was pushed out or expired simply isn't found: the answer it was meant for is stored
 * without metrics and the page says so (interview-service).
 */
import { nanoid } from 'nanoid';
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
}

export interface RecordingStoreOptions {
  ttlMs: number;
  /** Most recordings kept in total (live ones included); beyond, the biggest holder's oldest finished one goes. */
  maxRecordings?: number;
  /** Most finished recordings kept per visitor; beyond, that visitor's oldest finished one goes. */
  maxPerVisitor?: number;
  now?: () => number;
}

export type RecordingStore = ReturnType<typeof createRecordingStore>;

export function createRecordingStore({ ttlMs, maxRecordings = 2_000, maxPerVisitor = 20, now = Date.now }: RecordingStoreOptions) {
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

  const timer = setInterval(sweep, Math.max(1_000, Math.min(60_000, ttlMs / 2)));
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

    /** Marks the connection as ended: the TTL starts now, and it counts toward its visitor's allowance. */
    ended(id: string): void {
      const r = recordings.get(id);
      if (r && r.endedAt === null) {
        r.endedAt = now();
        trimVisitor(r.ownerId);
      }
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

    /** Its metrics summary as it stands (see `find` for who may see it). */
    summaryFor(id: string, sessionId: string, ownerId: string): SpeechSummary | null {
      return this.find(id, sessionId, ownerId)?.audio.summary() ?? null;
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
      return mine.length;
    },

    /** Forgets a recording (its summary was stored with an answer). */
    delete(id: string): void {
      recordings.delete(id);
    },

    get size(): number {
      return recordings.size;
    },

    sweep,

    close(): void {
      clearInterval(timer);
      recordings.clear();
    },
  };
}
