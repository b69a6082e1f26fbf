/**
 * Consent to voice recording, per interview (issue 14). Before the first recording the page
 * says what is measured, what is stored and for how long, and where the audio goes to be
 * transcribed; the candidate's "yes" is stored with the interview (when, whether raw audio may
 * be kept, which transcriber was named). The audio socket refuses to open without it.
 *
 * Withdrawing deletes what the recordings produced in this interview: recordings still in
 * memory (with their live transcripts; a live one is stopped), raw audio files, and the
 * delivery metrics stored with spoken answers. The answers' text stays — it is what the
 * candidate reviewed and sent — and deleting the interview removes that too.
 */
import type { FastifyBaseLogger } from 'fastify';
import { Errors } from '../errors.js';
import type { MessagesRepository } from '../repositories/messages-repository.js';
import type { SessionRow, SessionsRepository } from '../repositories/sessions-repository.js';
import type { RecordingStore } from '../speech/index.js';
import { deleteRecordingFiles } from '../speech/recording-files.js';

export interface VoiceConsentDeps {
  sessions: SessionsRepository;
  messages: Pick<MessagesRepository, 'clearSpeechMetrics'>;
  recordings: Pick<RecordingStore, 'forgetSession'>;
  dataDir: string;
  /** Whether the operator keeps raw audio at all (AUDIO_STORE_RAW). */
  storeRaw: boolean;
  /** Where audio goes for transcription, as the consent step names it. */
  transcriberDescription: () => string;
  clock: () => Date;
  log?: Pick<FastifyBaseLogger, 'info' | 'error'>;
}

/** What the pages show about an interview's consent. */
export interface VoiceConsentView {
  given: boolean;
  at: Date | null;
  rawAudio: boolean;
  transcriber: string | null;
  withdrawnAt: Date | null;
}

export function voiceConsentOf(session: SessionRow): VoiceConsentView {
  return {
    given: session.voiceConsentAt !== null,
    at: session.voiceConsentAt,
    rawAudio: session.voiceConsentRawAudio,
    transcriber: session.voiceConsentTranscriber,
    withdrawnAt: session.voiceConsentWithdrawnAt,
  };
}

export interface WithdrawalResult {
  recordings: number;
  files: number;
  answers: number;
}

export type VoiceConsentService = ReturnType<typeof createVoiceConsentService>;

export function createVoiceConsentService(deps: VoiceConsentDeps) {
  const { sessions, messages, recordings, dataDir, storeRaw, clock, log } = deps;

  return {
    /** Stores the owner's consent (again, if given before). Only while the interview can still be recorded. */
    async give(sessionId: string, ownerId: string, options: { rawAudio: boolean }): Promise<VoiceConsentView> {
      const session = await sessions.requireOwned(sessionId, ownerId);
      if (session.status === 'completed') throw Errors.interviewFinished();
      const transcriber = deps.transcriberDescription();
      if (!(await sessions.setVoiceConsent(sessionId, ownerId, { at: clock(), rawAudio: storeRaw && options.rawAudio, transcriber }))) throw Errors.sessionNotFound();
      return voiceConsentOf(await sessions.requireOwned(sessionId, ownerId));
    },

    /** Whether recording may start in this interview. */
    given(session: SessionRow): boolean {
      return session.voiceConsentAt !== null;
    },

    /** Withdraws consent and deletes the interview's recordings, audio files and stored delivery metrics. */
    async withdraw(sessionId: string, ownerId: string): Promise<WithdrawalResult> {
      await sessions.requireOwned(sessionId, ownerId);
      // First no consent (no new socket opens), then stop and forget what is in memory, then files.
      if (!(await sessions.withdrawVoiceConsent(sessionId, ownerId, clock()))) throw Errors.sessionNotFound();
      const forgotten = await recordings.forgetSession(sessionId, ownerId);
      let files = 0;
      try {
        files = await deleteRecordingFiles(dataDir, [sessionId]);
      } catch (error) {
        log?.error({ err: error, sessionId }, 'could not delete the recordings of a withdrawn voice consent');
        throw error;
      }
      const answers = await messages.clearSpeechMetrics(sessionId, ownerId);
      log?.info({ sessionId, recordings: forgotten, files, answers }, 'voice consent withdrawn: recordings and metrics deleted');
      return { recordings: forgotten, files, answers };
    },
  };
}
