/**
 * The signal stream of one recording: PCM16 bytes in, metrics out, frame by frame, locally
 * and synchronously. It keeps one 100 ms frame of samples (to re-chunk whatever sizes arrive)
 * and constant-size state — running statistics, a pitch histogram, a bounded envelope — so
 * memory does not grow with the length of the recording (apart from the list of long pauses,
 * capped at 50).
 *
 * Per frame: level (dBFS) → pitch (YIN, gated) → voice activity on five 20 ms sub-frames →
 * syllable nuclei on the low-passed energy envelope → statistics.
 */
import { BoundedEnvelope } from './envelope.js';
import { PitchTracker, semitones } from './pitch.js';
import { BoundedHistogram, RunningStats } from './running-stats.js';
import { FRAME_SAMPLES, FRAME_SECONDS, rmsDb, SAMPLE_RATE, SILENCE_DB } from './signal.js';
import { estimatedWordsPerMinute, SyllableCounter } from './speech-rate.js';
import { LONG_PAUSE_SECONDS, type LiveMetrics, type Pause, type SpeechSummary } from './types.js';
import { VoiceActivityDetector, type VadEvent } from './vad.js';

const SUBFRAMES = 5;
const SUBFRAME_SAMPLES = FRAME_SAMPLES / SUBFRAMES;
/** Pitch is kept in semitones above this reference (55 Hz, a low A). */
const PITCH_REFERENCE_HZ = 55;
const MAX_PAUSES_KEPT = 50;

/** What the transcript adds to the metrics, when there is one. */
export interface TranscriptFigures {
  words: number;
  fillers: number;
  top?: Array<{ filler: string; count: number }>;
}

const round = (x: number, digits = 2) => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};
const roundOrNull = (x: number | null, digits = 2) => (x === null || !Number.isFinite(x) ? null : round(x, digits));

export class SignalStream {
  private readonly frame = new Float32Array(FRAME_SAMPLES);
  private filled = 0;
  private samples = 0;
  private readonly vad = new VoiceActivityDetector({ subframeSeconds: SUBFRAME_SAMPLES / SAMPLE_RATE });
  private readonly pitch = new PitchTracker();
  private readonly syllables = new SyllableCounter();
  private readonly levelStats = new RunningStats();
  private readonly pitchStats = new RunningStats();
  private readonly pitchHistogram = new BoundedHistogram(0, 40, 400);
  private readonly envelope = new BoundedEnvelope(FRAME_SECONDS, 300);
  private voicedFrames = 0;
  private closedSpeaking = 0;
  private firstWord: number | null = null;
  private lastSegmentEnd: number | null = null;
  private readonly pauses: Pause[] = [];
  private longPauseCount = 0;
  private longPauseTotal = 0;
  private lastLevel = SILENCE_DB;
  private lastPitch: number | null = null;

  /** `onSegment` hears each speech segment start and end (the transcriber cuts audio on them). */
  constructor(private readonly onSegment?: (event: VadEvent, frame: Float32Array) => void) {}

  /** Seconds of audio received. */
  get duration(): number {
    return this.samples / SAMPLE_RATE;
  }

  get speaking(): boolean {
    return this.vad.speaking;
  }

  /**
   * Appends little-endian PCM16 bytes (even length) and analyses every complete frame.
   * Returns the number of frames analysed.
   */
  push(bytes: Uint8Array): number {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const count = bytes.byteLength >> 1;
    let frames = 0;
    for (let i = 0; i < count; i++) {
      this.frame[this.filled++] = view.getInt16(i * 2, true) / 32768;
      if (this.filled === FRAME_SAMPLES) {
        this.analyse(this.frame, FRAME_SAMPLES);
        this.filled = 0;
        frames++;
      }
    }
    return frames;
  }

  /** Analyses one whole frame of float samples (tests and benchmarks feed frames directly). */
  pushFrame(frame: Float32Array): void {
    if (frame.length !== FRAME_SAMPLES) throw new RangeError(`A frame has ${FRAME_SAMPLES} samples`);
    this.analyse(frame, FRAME_SAMPLES);
  }

  /** Analyses what is left (padded with silence) and closes a segment in progress. */
  finish(): void {
    if (this.filled > 0) {
      const real = this.filled;
      this.frame.fill(0, real);
      this.filled = 0;
      this.analyse(this.frame, real);
    }
    const event = this.vad.flush();
    if (event) this.onVad(event, this.frame);
  }

  private analyse(frame: Float32Array, realSamples: number): void {
    this.samples += realSamples;
    const levelDb = rmsDb(frame, 0, realSamples);
    const pitchHz = this.pitch.detect(frame, levelDb);
    const voiced = pitchHz !== null;
    let activeInSpeech = false;
    for (let s = 0; s < SUBFRAMES; s++) {
      const from = s * SUBFRAME_SAMPLES;
      const to = from + SUBFRAME_SAMPLES;
      const event = this.vad.push(rmsDb(frame, from, to), voiced);
      if (event) this.onVad(event, frame);
      const eligible = this.vad.active && this.vad.speaking;
      if (this.vad.active && this.vad.speaking) activeInSpeech = true;
      this.syllables.push(frame, from, to, eligible);
    }
    if (activeInSpeech) this.levelStats.push(levelDb);
    if (voiced && this.vad.speaking) {
      this.voicedFrames++;
      const st = semitones(pitchHz, PITCH_REFERENCE_HZ);
      this.pitchHistogram.push(st);
      this.pitchStats.push(st);
    }
    this.envelope.push(levelDb, voiced && this.vad.speaking ? pitchHz : null);
    this.lastLevel = levelDb;
    this.lastPitch = pitchHz;
  }

  private onVad(event: VadEvent, frame: Float32Array): void {
    if (event.type === 'start') {
      if (this.firstWord === null) this.firstWord = event.start;
      if (this.lastSegmentEnd !== null) {
        const gap = event.start - this.lastSegmentEnd;
        if (gap > LONG_PAUSE_SECONDS) {
          this.longPauseCount++;
          this.longPauseTotal += gap;
          if (this.pauses.length < MAX_PAUSES_KEPT) this.pauses.push({ start: round(this.lastSegmentEnd), duration: round(gap) });
        }
      }
    } else {
      this.closedSpeaking += event.end - event.start;
      this.lastSegmentEnd = event.end;
    }
    this.onSegment?.(event, frame);
  }

  /** Speaking time so far, the segment in progress included. */
  get speakingSeconds(): number {
    const open = this.vad.segmentStart;
    return this.closedSpeaking + (open === null ? 0 : this.vad.lastActivityEnd - open);
  }

  /** First word to last word, minus long pauses: the time pace is measured over. */
  get speechSeconds(): number {
    if (this.firstWord === null) return 0;
    const last = this.vad.speaking ? this.vad.lastActivityEnd : (this.lastSegmentEnd ?? this.firstWord);
    return Math.max(0, last - this.firstWord - this.longPauseTotal);
  }

  private pitchFigures() {
    const medianSt = this.pitchHistogram.quantile(0.5);
    if (medianSt === null) return { medianHz: null, variation: null, range: null };
    const mad = this.pitchHistogram.medianAbsoluteDeviation(medianSt);
    const p10 = this.pitchHistogram.quantile(0.1)!;
    const p90 = this.pitchHistogram.quantile(0.9)!;
    return {
      medianHz: PITCH_REFERENCE_HZ * 2 ** (medianSt / 12),
      variation: mad === null ? null : 1.4826 * mad,
      range: p90 - p10,
    };
  }

  live(transcript: TranscriptFigures | null = null): LiveMetrics {
    const minutes = this.speechSeconds / 60;
    const speaking = this.speakingSeconds;
    const idleSince = this.vad.speaking ? null : this.lastSegmentEnd;
    return {
      t: round(this.duration, 1),
      levelDb: round(this.lastLevel, 1),
      speaking: this.vad.speaking,
      speakingSeconds: round(speaking, 1),
      silentSeconds: round(Math.max(0, this.duration - speaking), 1),
      currentPauseSeconds: idleSince === null ? 0 : round(Math.max(0, this.duration - idleSince), 1),
      longPauses: this.longPauseCount,
      timeToFirstWord: roundOrNull(this.firstWord, 1),
      pitchHz: roundOrNull(this.lastPitch, 0),
      pitchVariation: roundOrNull(this.voicedFrames >= 10 ? this.pitchFigures().variation : null, 1),
      estimatedWpm: roundOrNull(minutes >= 0.05 ? estimatedWordsPerMinute(this.syllables.count, minutes) : null, 0),
      wpm: roundOrNull(transcript && minutes >= 0.05 ? transcript.words / minutes : null, 0),
      fillersPerMinute: roundOrNull(transcript && minutes >= 0.05 ? transcript.fillers / minutes : null, 1),
    };
  }

  summary(transcript: (TranscriptFigures & { segments: number; failedSegments: number }) | null, endedBy: SpeechSummary['endedBy']): SpeechSummary {
    const speaking = this.speakingSeconds;
    const speech = this.speechSeconds;
    const minutes = speech / 60;
    const pitch = this.pitchFigures();
    const hasLevel = this.levelStats.count > 0;
    return {
      version: 1,
      durationSeconds: round(this.duration),
      speakingSeconds: round(speaking),
      silentSeconds: round(Math.max(0, this.duration - speaking)),
      timeToFirstWord: roundOrNull(this.firstWord),
      speechSeconds: round(speech),
      longPauseCount: this.longPauseCount,
      longPauses: this.pauses.map((p) => ({ ...p })),
      level: {
        meanDb: hasLevel ? round(this.levelStats.mean, 1) : null,
        sdDb: hasLevel ? round(this.levelStats.stdDev, 1) : null,
        maxDb: hasLevel ? round(this.levelStats.max, 1) : null,
      },
      pitch: {
        medianHz: roundOrNull(pitch.medianHz, 1),
        variationSemitones: roundOrNull(this.voicedFrames >= 5 ? pitch.variation : null),
        rangeSemitones: roundOrNull(this.voicedFrames >= 5 ? pitch.range : null),
        voicedSeconds: round(this.voicedFrames * FRAME_SECONDS, 1),
      },
      rate: {
        syllables: this.syllables.count,
        estimatedWpm: roundOrNull(minutes > 0 ? estimatedWordsPerMinute(this.syllables.count, minutes) : null, 0),
        words: transcript ? transcript.words : null,
        wpm: roundOrNull(transcript && minutes > 0 ? transcript.words / minutes : null, 0),
      },
      fillers:
        transcript && transcript.segments > 0
          ? {
              count: transcript.fillers,
              perMinute: roundOrNull(minutes > 0 ? transcript.fillers / minutes : null, 1),
              top: (transcript.top ?? []).slice(0, 5),
            }
          : null,
      transcript: {
        available: transcript !== null,
        segments: transcript?.segments ?? 0,
        failedSegments: transcript?.failedSegments ?? 0,
      },
      envelope: this.envelope.toJSON(),
      endedBy,
    };
  }
}
