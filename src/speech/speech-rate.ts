/**
 * Speech rate without a transcript: count syllable nuclei (after de Jong & Wempe, 2009).
 *
 * Every syllable has a vowel at its core, and vowels are the loud, voiced, low-frequency
 * peaks of the signal. So: low-pass the audio (vowel energy sits below ~1 kHz; hissing
 * consonants above), take its energy every 10 ms, and count the peaks that stand out — each
 * must rise and then fall at least `dipDb` from its neighbours, be loud enough relative to the
 * speaker, and fall inside voiced speech. Words per minute is then estimated from
 * syllables with the average of ~1.4 syllables per word of spoken English.
 */
import { Biquad, powerToDb, SAMPLE_RATE } from './signal.js';

const SYLLABLES_PER_WORD = 1.4;
const HOP_SAMPLES = SAMPLE_RATE / 100; // 10 ms

export interface SyllableCounterOptions {
  /** A peak must stand this far above the dips on both sides. */
  dipDb: number;
  /** A peak must be within this many dB of the loudest recent peak. */
  belowLoudestDb: number;
}

export class SyllableCounter {
  private readonly lowpass = Biquad.lowpass(900);
  private readonly highpass = Biquad.highpass(100);
  private readonly options: SyllableCounterOptions;
  private hopPower = 0;
  private hopCount = 0;
  private smoothed = 0;

  // Peak picking with hysteresis.
  private rising = true;
  private peakDb = -Infinity;
  private peakEligible = false;
  private valleyDb = Infinity;
  /** Loudest peak heard, decaying slowly so a loud cough doesn't mask the rest. */
  private loudestDb = -Infinity;

  /** Syllable nuclei counted so far. */
  count = 0;

  constructor(options: Partial<SyllableCounterOptions> = {}) {
    this.options = { dipDb: 2.5, belowLoudestDb: 20, ...options };
  }

  /**
   * Feeds samples (16 kHz). `eligible` says whether they belong to voiced speech: only peaks
   * that happen while it is true are counted.
   */
  push(samples: Float32Array, start: number, end: number, eligible: boolean): void {
    for (let i = start; i < end; i++) {
      const y = this.lowpass.process(this.highpass.process(samples[i]!));
      this.hopPower += y * y;
      if (++this.hopCount === HOP_SAMPLES) {
        // A little smoothing (about 20 ms) removes ripple at the pitch period.
        this.smoothed = this.smoothed * 0.5 + (this.hopPower / HOP_SAMPLES) * 0.5;
        this.envelope(powerToDb(this.smoothed), eligible);
        this.hopPower = 0;
        this.hopCount = 0;
      }
    }
  }

  private envelope(db: number, eligible: boolean): void {
    const { dipDb, belowLoudestDb } = this.options;
    this.loudestDb = Math.max(db, this.loudestDb - 0.01); // decays 1 dB per second
    if (this.rising) {
      if (db > this.peakDb) {
        this.peakDb = db;
        this.peakEligible = eligible;
      } else if (db < this.peakDb - dipDb) {
        if (this.peakEligible && this.peakDb > this.loudestDb - belowLoudestDb) this.count++;
        this.rising = false;
        this.valleyDb = db;
      }
    } else if (db < this.valleyDb) {
      this.valleyDb = db;
    } else if (db > this.valleyDb + dipDb) {
      this.rising = true;
      this.peakDb = db;
      this.peakEligible = eligible;
    }
  }
}

/** Words per minute estimated from a syllable count over `minutes` of speech. */
export function estimatedWordsPerMinute(syllables: number, minutes: number): number | null {
  return minutes > 0 ? syllables / SYLLABLES_PER_WORD / minutes : null;
}
