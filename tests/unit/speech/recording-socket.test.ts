/**
 * The voice-answer connection without HTTP (issue 15): the state machine, the frame checks and
 * the raw WAV file of speech/recording-socket.ts, driven through a fake socket.
 */
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CloseCode } from '../../../src/speech/protocol.js';
import { createRecordingStore, type RecordingStore } from '../../../src/speech/recordings.js';
import { runRecordingSocket, type RecordingSocketOptions } from '../../../src/speech/recording-socket.js';
import { FRAME_BYTES } from '../../../src/speech/signal.js';
import { createNoTranscriber } from '../../../src/speech/transcriber.js';

class FakeSocket extends EventEmitter {
  readonly OPEN = 1;
  readyState = 1;
  bufferedAmount = 0;
  readonly sent: Record<string, unknown>[] = [];
  closed: { code: number | undefined; reason: string | undefined } | null = null;
  send(data: string) {
    this.sent.push(JSON.parse(data) as Record<string, unknown>);
  }
  close(code?: number, reason?: string) {
    this.closed = { code, reason };
    this.readyState = 3;
    this.emit('close');
  }
  text(message: unknown) {
    this.emit('message', Buffer.from(JSON.stringify(message)), false);
  }
  audio(bytes: number) {
    this.emit('message', Buffer.alloc(bytes), true);
  }
}

/** Lets the recording's asynchronous finish run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('a recording socket', () => {
  let store: RecordingStore;
  const dirs: string[] = [];
  afterEach(() => {
    store?.close();
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });

  function open(overrides: Partial<RecordingSocketOptions> = {}) {
    store = createRecordingStore({ ttlMs: 60_000 });
    const socket = new FakeSocket();
    const logged: string[] = [];
    const recording = runRecordingSocket(socket, {
      ownerId: 'owner-1',
      sessionId: 'session-abcdefgh',
      recordings: store,
      transcriber: createNoTranscriber(),
      hints: {},
      settings: { maxSeconds: 60, maxFramesPerSecond: 50, startTimeoutMs: 5_000, idleTimeoutMs: 5_000 },
      rawAudioDataDir: null,
      log: { info: (_f, m) => void logged.push(m), error: (_f, m) => void logged.push(`error: ${m}`) },
      ...overrides,
    });
    return { socket, recording, logged };
  }

  it('says ready with its id, records between start and stop, and ends with the summary', async () => {
    const { socket, recording } = open();
    expect(socket.sent[0]).toMatchObject({ type: 'ready', recordingId: recording.id, frameBytes: FRAME_BYTES });
    socket.text({ type: 'start' });
    socket.audio(FRAME_BYTES);
    socket.text({ type: 'stop' });
    await settle();
    const final = socket.sent.find((m) => m.type === 'final');
    expect(final).toMatchObject({ recordingId: recording.id, summary: { endedBy: 'stop' } });
    expect(socket.closed).toEqual({ code: CloseCode.normal, reason: 'recording finished' });
    expect((await store.claim(recording.id, 'session-abcdefgh', 'owner-1'))?.summary).toMatchObject({ endedBy: 'stop' });
  });

  it('refuses audio before start, and a stop before start, with a policy violation', async () => {
    const first = open();
    first.socket.audio(FRAME_BYTES);
    await settle();
    expect(first.socket.closed).toEqual({ code: CloseCode.policyViolation, reason: 'send {"type":"start"} before audio' });
    store.close();
    const second = open();
    second.socket.text({ type: 'stop' });
    await settle();
    expect(second.socket.closed).toEqual({ code: CloseCode.policyViolation, reason: 'stop before start' });
  });

  it('ends at the length limit, keeping the audio up to it', async () => {
    const { socket, recording } = open({ settings: { maxSeconds: 0.2, maxFramesPerSecond: 50, startTimeoutMs: 5_000, idleTimeoutMs: 5_000 } });
    socket.text({ type: 'start' });
    socket.audio(FRAME_BYTES);
    socket.audio(FRAME_BYTES);
    await settle();
    expect(socket.closed).toEqual({ code: CloseCode.policyViolation, reason: 'recording limit reached (0.2 s)' });
    expect(recording.audio.duration).toBeCloseTo(0.2, 5);
  });

  it('closes a socket that never sends start', async () => {
    const { socket } = open({ settings: { maxSeconds: 60, maxFramesPerSecond: 50, startTimeoutMs: 30, idleTimeoutMs: 5_000 } });
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(socket.closed).toEqual({ code: CloseCode.policyViolation, reason: 'send {"type":"start"} within 0 s' });
  });

  it('writes the raw audio as a WAV file named by the recording id when asked to', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rehearse-rec-'));
    dirs.push(dataDir);
    const { socket, recording } = open({ rawAudioDataDir: dataDir });
    socket.text({ type: 'start' });
    socket.audio(FRAME_BYTES);
    socket.text({ type: 'stop' });
    await settle();
    const file = path.join(dataDir, 'recordings', 'session-abcdefgh', `${recording.id}.wav`);
    expect(fs.statSync(file).size).toBe(44 + FRAME_BYTES);
  });
});
