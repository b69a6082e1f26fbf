/**
 * One voice-answer connection, from the first frame to the last (protocol: README.md in this
 * folder): the recording's state machine, the checks on every frame, the deadlines, and the
 * raw audio file when it is kept. Nothing here knows about HTTP or who may connect — the route
 * (routes/audio-routes.ts) authorises, upgrades and hands the socket over — so the whole
 * lifecycle is testable with a fake socket.
 *
 * Every frame is checked before it is analysed: binary frames must hold whole PCM16 samples and
 * be ≤ 64 KB, text frames must be one of the two control messages, and the frame rate, the pace
 * of the audio and the total length are capped; a socket that does not send `start` in time, or
 * stops sending audio, is closed. A broken rule closes the socket with a close code and a
 * reason. Whatever happens to the connection, the audio received so far stays analysed in the
 * recording store for the answer to pick up.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { SpeechSettings } from '../config.js';
import { AudioSession, type AudioSessionEvent } from './audio-session.js';
import { checkBinaryFrame, CloseCode, fasterThanRealTime, FrameRateLimiter, isViolation, MAX_TEXT_BYTES, parseControlMessage, type Violation } from './protocol.js';
import { recordingPath } from './recording-files.js';
import type { Recording, RecordingStore } from './recordings.js';
import { FRAME_BYTES, SAMPLE_RATE } from './signal.js';
import type { Transcriber, TranscriberStatus, TranscriptionHints } from './transcriber.js';
import type { SpeechSummary } from './types.js';
import { WavFileWriter } from './wav.js';

/** What the connection needs of a WebSocket (the `ws` socket, or a fake in tests). */
export interface RecordingSocketLike {
  readonly readyState: number;
  readonly OPEN: number;
  readonly bufferedAmount: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  on(event: 'message', listener: (data: Buffer | ArrayBuffer | Buffer[], isBinary: boolean) => void): unknown;
  on(event: 'close', listener: () => void): unknown;
}

/** Where the connection logs (the request's logger). */
interface RecordingLog {
  info(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

export interface RecordingSocketOptions {
  ownerId: string;
  sessionId: string;
  recordings: Pick<RecordingStore, 'create' | 'ended'>;
  transcriber: Transcriber;
  /** The interview's language and vocabulary, sent with every utterance. */
  hints: TranscriptionHints;
  settings: Pick<SpeechSettings, 'maxSeconds' | 'maxFramesPerSecond' | 'startTimeoutMs' | 'idleTimeoutMs'>;
  /** Keep the raw audio as a WAV file under this DATA_DIR (null: not kept). */
  rawAudioDataDir: string | null;
  log: RecordingLog;
}

/** Live metrics are dropped (not queued) while this much is waiting to be sent to a slow client. */
const MAX_BUFFERED_BYTES = 256 * 1024;
const BYTES_PER_SECOND = SAMPLE_RATE * 2;
/** "10 s", or "0.2 s" for the short deadlines tests use. */
const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;

type ConnectionState = 'ready' | 'recording' | 'finishing' | 'closed';

/** The raw audio file of a recording, or null when it could not be created (logged; the recording goes on). */
function openRawAudio(dataDir: string, sessionId: string, recordingId: string, log: RecordingLog): WavFileWriter | null {
  try {
    // DATA_DIR/recordings/<sessionId>/<recordingId>.wav: named by the recording's random id,
    // never by anything the client sent; "delete my data" removes the session's folder.
    const file = recordingPath(dataDir, sessionId, `${recordingId}.wav`);
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    return new WavFileWriter(file, SAMPLE_RATE, (error) => log.error({ err: error, recordingId }, 'could not write the raw recording'));
  } catch (error) {
    log.error({ err: error, recordingId }, 'could not create the raw recording');
    return null;
  }
}

/** Runs one recording over `socket` until it ends; returns the recording (already in the store). */
export function runRecordingSocket(socket: RecordingSocketLike, options: RecordingSocketOptions): Recording {
  const { settings, log, recordings } = options;
  const status = options.transcriber.status();
  let raw: WavFileWriter | null = null;
  const audio = new AudioSession({
    transcriber: status.available ? options.transcriber : null,
    hints: options.hints,
    // Live metrics are droppable (the next ones supersede them); captions and notices are not.
    emit: (event) => send(event, event.type === 'metrics'),
    tap: (pcm) => raw?.write(pcm),
  });
  const recording = recordings.create(options.ownerId, options.sessionId, audio);
  if (options.rawAudioDataDir !== null) raw = openRawAudio(options.rawAudioDataDir, options.sessionId, recording.id, log);
  const limiter = new FrameRateLimiter(settings.maxFramesPerSecond);
  const openedAt = performance.now();
  let state: ConnectionState = 'ready';
  log.info({ recordingId: recording.id, sessionId: options.sessionId }, 'voice recording opened');
  // Consent withdrawn while recording: stop at once and close the audio file before it is deleted.
  recording.stop = async () => {
    audio.mute();
    state = 'closed';
    if (socket.readyState === socket.OPEN) socket.close(CloseCode.policyViolation, 'voice consent withdrawn');
    await raw?.close();
    raw = null;
  };

  // A socket holds a descriptor and a recording slot: one that never sends `start`, or stops
  // sending audio, is closed (the audio so far is kept). Every frame moves the deadline.
  let idleTimer = setTimeout(
    () => reject({ code: CloseCode.policyViolation, reason: `send {"type":"start"} within ${seconds(settings.startTimeoutMs)}` }),
    settings.startTimeoutMs,
  );

  function send(message: AudioSessionEvent | ServerMessage, droppable = false) {
    if (socket.readyState !== socket.OPEN) return;
    if (droppable && socket.bufferedAmount > MAX_BUFFERED_BYTES) return;
    socket.send(JSON.stringify(message));
  }

  send({ type: 'ready', recordingId: recording.id, sampleRate: SAMPLE_RATE, frameBytes: FRAME_BYTES, maxSeconds: settings.maxSeconds, transcriber: status });

  /** Ends the recording; `close` says how the socket should be closed afterwards. */
  async function finish(endedBy: Exclude<SpeechSummary['endedBy'], 'in_progress'>, close: Violation | null) {
    if (state === 'finishing' || state === 'closed') return;
    state = 'finishing';
    clearTimeout(idleTimer);
    let summary: SpeechSummary | null = null;
    try {
      summary = await audio.finish(endedBy);
      log.info({ recordingId: recording.id, endedBy, seconds: summary.durationSeconds, speaking: summary.speakingSeconds }, 'voice recording finished');
    } catch (error) {
      log.error({ err: error, recordingId: recording.id }, 'could not finish the recording');
      close = { code: CloseCode.internalError, reason: 'the recording could not be finished' };
    }
    state = 'closed';
    // Saved for the other instances before the client hears it is final: the answer naming it
    // may be posted to any of them the moment `final` arrives. (`ended` never throws.)
    await recordings.ended(recording.id);
    if (summary && endedBy !== 'disconnect') send({ type: 'final', recordingId: recording.id, transcript: audio.text(), summary });
    await raw?.close();
    if (socket.readyState === socket.OPEN) socket.close(close?.code ?? CloseCode.normal, close?.reason ?? 'recording finished');
  }

  /** A broken rule: close at once with its code; the audio so far is kept. */
  function reject(violation: Violation) {
    if (state === 'closed') return;
    log.info({ recordingId: recording.id, code: violation.code, reason: violation.reason }, 'voice recording rejected');
    if (socket.readyState === socket.OPEN) socket.close(violation.code, violation.reason);
    void finish('disconnect', null);
  }

  function onControl(bytes: Buffer) {
    if (bytes.length > MAX_TEXT_BYTES) return reject({ code: CloseCode.tooBig, reason: `control messages must be at most ${MAX_TEXT_BYTES} bytes` });
    const control = parseControlMessage(bytes.toString('utf8'));
    if (isViolation(control)) return reject(control);
    if (control.type === 'start') {
      if (state !== 'ready') return reject({ code: CloseCode.policyViolation, reason: 'the recording has already started' });
      state = 'recording';
      // From now on the deadline is the longest gap allowed between frames.
      clearTimeout(idleTimer);
      idleTimer = setTimeout(
        () => void finish('limit', { code: CloseCode.policyViolation, reason: `no audio for ${seconds(settings.idleTimeoutMs)}` }),
        settings.idleTimeoutMs,
      );
      return;
    }
    if (state !== 'recording') return reject({ code: CloseCode.policyViolation, reason: 'stop before start' });
    return void finish('stop', null);
  }

  function onAudio(bytes: Buffer) {
    const problem = checkBinaryFrame(bytes.length);
    if (problem) return reject(problem);
    if (state !== 'recording') return reject({ code: CloseCode.policyViolation, reason: 'send {"type":"start"} before audio' });
    const elapsed = (performance.now() - openedAt) / 1000;
    if (fasterThanRealTime(audio.duration + bytes.length / BYTES_PER_SECOND, elapsed)) {
      return reject({ code: CloseCode.policyViolation, reason: 'audio is arriving faster than real time' });
    }
    const room = Math.floor((settings.maxSeconds - audio.duration) * BYTES_PER_SECOND) & ~1;
    if (bytes.length >= room) {
      if (room > 0) audio.push(bytes.subarray(0, room));
      const minutes = settings.maxSeconds / 60;
      const limit = minutes >= 1 && Number.isInteger(minutes) ? `${minutes} min` : `${settings.maxSeconds} s`;
      return void finish('limit', { code: CloseCode.policyViolation, reason: `recording limit reached (${limit})` });
    }
    audio.push(bytes);
  }

  socket.on('message', (data, isBinary) => {
    if (state === 'finishing' || state === 'closed') return;
    if (!limiter.allow()) return reject({ code: CloseCode.policyViolation, reason: 'too many frames per second' });
    if (state === 'recording') idleTimer.refresh();
    const bytes = Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
    return isBinary ? onAudio(bytes) : onControl(bytes);
  });

  socket.on('close', () => {
    clearTimeout(idleTimer);
    audio.mute();
    if (state !== 'finishing' && state !== 'closed') void finish('disconnect', null);
    else void recordings.ended(recording.id);
  });

  return recording;
}

/** The server's own messages (README.md): `ready` when the socket opens, `final` when the recording ends. */
type ServerMessage =
  | { type: 'ready'; recordingId: string; sampleRate: number; frameBytes: number; maxSeconds: number; transcriber: TranscriberStatus }
  | { type: 'final'; recordingId: string; transcript: string; summary: SpeechSummary };
