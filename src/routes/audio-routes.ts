/**
 * GET /session/:id/audio — the voice-answer WebSocket (protocol: src/speech/README.md).
 *
 * Who may connect is decided before the upgrade (preValidation): only the interview's owner,
 * from this site's pages, while the interview is in progress. Everyone else gets an ordinary
 * HTTP error (404 for an unknown or foreign interview) and no socket.
 *
 * After the upgrade every frame is checked before it is analysed: binary frames must hold
 * whole PCM16 samples and be ≤ 64 KB, text frames must be one of the two control messages,
 * and the frame rate, the pace of the audio and the total length are capped; a socket that
 * does not send `start` in time, or stops sending audio, is closed. A broken rule
 * closes the socket with a close code and a reason. Whatever happens to the connection, the
 * audio received so far stays analysed in the recording store for the answer to pick up.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Errors } from '../errors.js';
import { AudioSession, type AudioSessionEvent } from '../speech/audio-session.js';
import {
  checkBinaryFrame,
  CloseCode,
  fasterThanRealTime,
  FrameRateLimiter,
  isViolation,
  MAX_TEXT_BYTES,
  parseControlMessage,
  type Violation,
} from '../speech/protocol.js';
import { FRAME_BYTES, SAMPLE_RATE } from '../speech/signal.js';
import type { SpeechSummary } from '../speech/types.js';
import { WavFileWriter } from '../speech/wav.js';
import { recordingPath } from '../services/recording-files.js';
import { transcriptionHints } from '../services/transcription-hints.js';
import { visitorId } from './visitor.js';
import { bearerIdentity } from './api/index.js';

interface IdParams {
  id: string;
}

/** Recordings one visitor may have open at once (a second tab is fine, a hundred are not). */
export const MAX_LIVE_RECORDINGS_PER_VISITOR = 3;
/** Live metrics are dropped (not queued) while this much is waiting to be sent to a slow client. */
const MAX_BUFFERED_BYTES = 256 * 1024;
const BYTES_PER_SECOND = SAMPLE_RATE * 2;
/** "10 s", or "0.2 s" for the short deadlines tests use. */
const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;

/** A browser page from another site must not open a socket with our visitor's cookie. */
function sameOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (!origin) return true; // not a browser page (e.g. a script with the cookie): the cookie is the check
  try {
    // Both through URL with the page's scheme, so "host:80" and "host" compare equal.
    const page = new URL(origin);
    return page.host === new URL(`${page.protocol}//${request.host}`).host;
  } catch {
    return false;
  }
}

/**
 * Whose recording this is: an API token's owner (an integrator streaming a spoken answer; a
 * page cannot send that header, so no Origin check is needed), or the visitor of the cookie,
 * whose socket must come from one of our own pages.
 */
function socketOwner(request: FastifyRequest): string {
  const token = bearerIdentity(request, 'write');
  if (token) return token.ownerId;
  if (!sameOrigin(request)) throw Errors.crossOriginAudio();
  return visitorId(request);
}

export async function audioRoutes(app: FastifyInstance) {
  const { interview, recordings, transcriber, voiceConsent } = app.services;
  const settings = app.config.speech;

  app.get<{ Params: IdParams }>(
    '/session/:id/audio',
    {
      websocket: true,
      preValidation: async (request) => {
        const owner = socketOwner(request);
        const { session } = interview.peek(request.params.id, owner); // 404 unless it is theirs
        if (session.status === 'draft') throw Errors.notStarted();
        if (session.status === 'completed') throw Errors.interviewFinished();
        // The candidate agreed, in this interview, to what is measured, stored and sent (issue 14).
        if (!voiceConsent.given(session)) throw Errors.voiceConsentRequired();
        if (recordings.liveCount(owner) >= MAX_LIVE_RECORDINGS_PER_VISITOR) throw Errors.tooManyRecordings();
      },
    },
    (socket, request) => {
      const owner = socketOwner(request);
      const log = request.log;
      const status = transcriber.status();
      let raw: WavFileWriter | null = null;
      const { session } = interview.peek(request.params.id, owner);
      const audio = new AudioSession({
        transcriber: status.available ? transcriber : null,
        // The job's vocabulary and the interview's language go with every utterance.
        hints: transcriptionHints(session),
        // Live metrics are droppable (the next ones supersede them); captions and notices are not.
        emit: (event) => send(event, event.type === 'metrics'),
        tap: (pcm) => raw?.write(pcm),
      });
      const recording = recordings.create(owner, request.params.id, audio);
      // Raw audio only when the operator keeps it and the candidate agreed to that too.
      if (settings.storeRaw && session.voiceConsentRawAudio) {
        try {
          // DATA_DIR/recordings/<sessionId>/<recordingId>.wav: named by the recording's random id,
          // never by anything the client sent; "delete my data" removes the session's folder.
          const file = recordingPath(app.config.dataDir, request.params.id, `${recording.id}.wav`);
          fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
          raw = new WavFileWriter(file, SAMPLE_RATE, (error) =>
            log.error({ err: error, recordingId: recording.id }, 'could not write the raw recording'),
          );
        } catch (error) {
          log.error({ err: error, recordingId: recording.id }, 'could not create the raw recording');
        }
      }
      const limiter = new FrameRateLimiter(settings.maxFramesPerSecond);
      const openedAt = performance.now();
      let state: 'ready' | 'recording' | 'finishing' | 'closed' = 'ready';
      log.info({ recordingId: recording.id, sessionId: request.params.id }, 'voice recording opened');
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

      function send(message: AudioSessionEvent | Record<string, unknown>, droppable = false) {
        if (socket.readyState !== socket.OPEN) return;
        if (droppable && socket.bufferedAmount > MAX_BUFFERED_BYTES) return;
        socket.send(JSON.stringify(message));
      }

      send({
        type: 'ready',
        recordingId: recording.id,
        sampleRate: SAMPLE_RATE,
        frameBytes: FRAME_BYTES,
        maxSeconds: settings.maxSeconds,
        transcriber: status,
      });

      /** Ends the recording; `close` says how the socket should be closed afterwards. */
      async function finish(endedBy: Exclude<SpeechSummary['endedBy'], 'in_progress'>, close: Violation | null) {
        if (state === 'finishing' || state === 'closed') return;
        state = 'finishing';
        clearTimeout(idleTimer);
        try {
          const summary = await audio.finish(endedBy);
          if (endedBy !== 'disconnect') send({ type: 'final', recordingId: recording.id, transcript: audio.text(), summary });
          log.info(
            { recordingId: recording.id, endedBy, seconds: summary.durationSeconds, speaking: summary.speakingSeconds },
            'voice recording finished',
          );
        } catch (error) {
          log.error({ err: error, recordingId: recording.id }, 'could not finish the recording');
          close = { code: CloseCode.internalError, reason: 'the recording could not be finished' };
        } finally {
          state = 'closed';
          recordings.ended(recording.id);
          await raw?.close();
          if (socket.readyState === socket.OPEN) socket.close(close?.code ?? CloseCode.normal, close?.reason ?? 'recording finished');
        }
      }

      /** A broken rule: close at once with its code; the audio so far is kept. */
      function reject(violation: Violation) {
        if (state === 'closed') return;
        log.info({ recordingId: recording.id, code: violation.code, reason: violation.reason }, 'voice recording rejected');
        if (socket.readyState === socket.OPEN) socket.close(violation.code, violation.reason);
        void finish('disconnect', null);
      }

      socket.on('message', (data: Buffer | ArrayBuffer | Buffer[], isBinary: boolean) => {
        if (state === 'finishing' || state === 'closed') return;
        if (!limiter.allow()) return reject({ code: CloseCode.policyViolation, reason: 'too many frames per second' });
        if (state === 'recording') idleTimer.refresh();
        const bytes = Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);

        if (!isBinary) {
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
      });

      socket.on('close', () => {
        clearTimeout(idleTimer);
        audio.mute();
        if (state !== 'finishing' && state !== 'closed') void finish('disconnect', null);
        else recordings.ended(recording.id);
      });
    },
  );
}
