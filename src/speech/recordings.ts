/**
 * Recordings in memory, by random id, each tied to the visitor and interview it was made for.
 * A recording outlives its WebSocket: when the connection drops, everything received so far
 * stays here so the answer can still be sent with its metrics. Finished recordings are kept
 * for a limited time (`ttlMs`) and their number is capped; nothing is written to disk here.
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
}

export interface RecordingStoreOptions {
  ttlMs: number;
  /** Most recordings kept (live ones included); the oldest finished ones go first. */
  maxRecordings?: number;
  now?: () => number;
}

export type RecordingStore = ReturnType<typeof createRecordingStore>;

export function createRecordingStore({ ttlMs, maxRecordings = 2_000, now = Date.now }: RecordingStoreOptions) {
  const recordings = new Map<string, Recording>();

  function sweep(): void {
    const t = now();
    for (const [id, r] of recordings) {
      if (r.endedAt !== null && t - r.endedAt > ttlMs) recordings.delete(id);
    }
    // Map iteration is insertion order: the first finished ones are the oldest.
    if (recordings.size > maxRecordings) {
      for (const [id, r] of recordings) {
        if (recordings.size <= maxRecordings) break;
        if (r.endedAt !== null) recordings.delete(id);
      }
    }
  }

  const timer = setInterval(sweep, Math.max(1_000, Math.min(60_000, ttlMs / 2)));
  timer.unref();

  return {
    create(ownerId: string, sessionId: string, audio: AudioSession): Recording {
      sweep();
      const recording: Recording = { id: nanoid(), ownerId, sessionId, audio, createdAt: now(), endedAt: null };
      recordings.set(recording.id, recording);
      return recording;
    },

    /** Recordings of this visitor still connected. */
    liveCount(ownerId: string): number {
      let n = 0;
      for (const r of recordings.values()) if (r.ownerId === ownerId && r.endedAt === null) n++;
      return n;
    },

    /** Marks the connection as ended: the TTL starts now. */
    ended(id: string): void {
      const r = recordings.get(id);
      if (r && r.endedAt === null) r.endedAt = now();
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
