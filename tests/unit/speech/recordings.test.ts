/**
 * The recording store's caps (issue 17, finding 7): a visitor's flood of recordings pushes out
 * only their own oldest; past the total cap the biggest holder gives one up first; a long
 * recording that ends last is the newest, not the oldest.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { AudioSession } from '../../../src/speech/audio-session.js';
import { createRecordingStore, type RecordingStore } from '../../../src/speech/recordings.js';
import type { SpeechSummary } from '../../../src/speech/types.js';

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

  it("one visitor's flood of 2,100 recordings pushes out only their own oldest", () => {
    store = createRecordingStore({ ttlMs: 3_600_000, now });
    const victim = record(store, 'victim');
    const flood = Array.from({ length: 2_100 }, () => record(store!, 'attacker'));
    expect(store.summaryFor(victim.id, 's-victim', 'victim')).toEqual({ label: 'victim#0' });
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

  it('expired recordings are not found', () => {
    store = createRecordingStore({ ttlMs: 1_000, now });
    const r = record(store, 'v');
    clock += 1_001;
    expect(store.summaryFor(r.id, 's-v', 'v')).toBeNull();
  });
});
