/**
 * What the speech pipeline produces: live metrics (sent to the browser while recording) and
 * the summary stored with a spoken answer (`messages.speech_metrics`). Times are in seconds
 * from the start of the recording; levels in dBFS.
 */
import type { EnvelopeData } from './envelope.js';

export const LONG_PAUSE_SECONDS = 2;
/** Comfortable conversational pace, words per minute. */
export const PACE_COMFORT_MIN = 130;
export const PACE_COMFORT_MAX = 160;

export interface Pause {
  start: number;
  duration: number;
}

/** Sent a few times a second while recording (`{type: 'metrics', ...}`). */
export interface LiveMetrics {
  /** Seconds of audio received. */
  t: number;
  /** Level of the latest frame, dBFS. */
  levelDb: number;
  speaking: boolean;
  speakingSeconds: number;
  silentSeconds: number;
  /** Length of the silence in progress since the last word (0 while speaking or before the first word). */
  currentPauseSeconds: number;
  longPauses: number;
  timeToFirstWord: number | null;
  /** Pitch of the latest frame (null when unvoiced). */
  pitchHz: number | null;
  /** Robust spread of pitch around the speaker's median, in semitones. */
  pitchVariation: number | null;
  /** Syllable-based estimate (no transcript needed). */
  estimatedWpm: number | null;
  /** From the transcript, when there is one. */
  wpm: number | null;
  fillersPerMinute: number | null;
}

export interface SpeechSummary {
  version: 1;
  durationSeconds: number;
  speakingSeconds: number;
  silentSeconds: number;
  /** Seconds before the first word; null when nobody spoke. */
  timeToFirstWord: number | null;
  /** Time from the first word to the last, minus long pauses: what pace is measured over. */
  speechSeconds: number;
  longPauseCount: number;
  /** The long pauses (> 2 s), at most 50. */
  longPauses: Pause[];
  level: { meanDb: number | null; sdDb: number | null; maxDb: number | null };
  pitch: {
    medianHz: number | null;
    /** Robust standard deviation (1.4826 × median absolute deviation) around the median, semitones. */
    variationSemitones: number | null;
    /** 10th to 90th percentile, semitones. */
    rangeSemitones: number | null;
    voicedSeconds: number;
  };
  rate: {
    syllables: number;
    estimatedWpm: number | null;
    /** Words in the transcript (null without one). */
    words: number | null;
    wpm: number | null;
  };
  fillers: { count: number; perMinute: number | null; top: Array<{ filler: string; count: number }> } | null;
  transcript: {
    available: boolean;
    segments: number;
    failedSegments: number;
    /** The transcriber that wrote it ("openai:whisper-1", "whisper:Xenova/whisper-tiny.en"…); absent in older summaries. */
    by?: string;
    /** Whether it was asked to keep hesitations (Gemini, OpenAI-compatible prompts); local Whisper is not. */
    verbatim?: boolean;
  };
  envelope: EnvelopeData;
  /** How the recording ended. */
  endedBy: 'stop' | 'disconnect' | 'limit' | 'in_progress';
}

export function isSpeechSummary(value: unknown): value is SpeechSummary {
  return typeof value === 'object' && value !== null && 'version' in value && value.version === 1;
}
