/**
 * What the recorder partial (views/partials/_recorder.eta) and the feedback page's consent
 * line need about voice answers in one interview: which transcriber runs and why, where the
 * audio goes, what is kept and for how long, and the interview's consent.
 */
import type { FastifyInstance } from 'fastify';
import type { SessionRow } from '../repositories/sessions-repository.js';
import { voiceConsentOf, type VoiceConsentView } from '../services/voice-consent-service.js';
import { formatDate } from './session-view.js';

export interface VoiceView {
  consent: VoiceConsentView & { atLabel: string | null; withdrawnLabel: string | null };
  /** The transcriber in use, e.g. "openai:whisper-1", and why it was chosen. */
  transcriberName: string;
  transcriberChoice: string;
  /** Where audio goes to be transcribed ("Google Gemini (gemini-2.5-flash)", "this server (…)"). */
  sendsAudioTo: string;
  /** True when audio leaves this server to be transcribed. */
  remote: boolean;
  captions: boolean;
  /** The operator keeps raw audio (then the candidate is asked separately). */
  storeRaw: boolean;
  recordingTtlMinutes: number;
}

export function voiceView(app: FastifyInstance, session: SessionRow): VoiceView {
  const status = app.services.transcriber.status();
  const consent = voiceConsentOf(session);
  return {
    consent: {
      ...consent,
      atLabel: consent.at ? formatDate(consent.at) : null,
      withdrawnLabel: consent.withdrawnAt ? formatDate(consent.withdrawnAt) : null,
    },
    transcriberName: status.name,
    transcriberChoice: app.services.transcriberChoice,
    sendsAudioTo: app.services.transcriberDescription(),
    remote: Boolean(status.sendsAudioTo),
    captions: status.available,
    storeRaw: app.config.speech.storeRaw,
    recordingTtlMinutes: Math.round(app.config.speech.recordingTtlMs / 60_000),
  };
}
