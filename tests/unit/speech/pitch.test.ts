import { describe, expect, it } from 'vitest';
import { PitchTracker, PITCH_MAX_HZ, PITCH_MIN_HZ } from '../../../src/speech/pitch.js';
import { FRAME_SAMPLES, pcm16ToFloat32, rmsDb } from '../../../src/speech/signal.js';
import { fixturePcm, sine } from '../../support/audio.js';

/** Pitch of every whole 100 ms frame of `samples`. */
function framePitches(samples: Float32Array): Array<number | null> {
  const tracker = new PitchTracker();
  const out: Array<number | null> = [];
  for (let i = 0; i + FRAME_SAMPLES <= samples.length; i += FRAME_SAMPLES) {
    const frame = samples.subarray(i, i + FRAME_SAMPLES);
    out.push(tracker.detect(frame, rmsDb(frame)));
  }
  return out;
}

describe('pitch (YIN via pitchfinder, gated)', () => {
  for (const hz of [150, 220]) {
    it(`finds the ${hz} Hz tone fixture within 2% in every frame`, () => {
      const pitches = framePitches(pcm16ToFloat32(fixturePcm(`tone-${hz}.wav`)));
      expect(pitches.length).toBe(20);
      // The first frame primes the decimation filter; every later one must be right.
      for (const p of pitches.slice(1)) {
        expect(p).not.toBeNull();
        expect(Math.abs(p! - hz) / hz).toBeLessThan(0.02);
      }
    });
  }

  it('reports no pitch on digital silence or on white noise', () => {
    expect(framePitches(pcm16ToFloat32(fixturePcm('silence.wav'))).every((p) => p === null)).toBe(true);
    expect(framePitches(pcm16ToFloat32(fixturePcm('noise.wav'))).every((p) => p === null)).toBe(true);
  });

  it('ignores tones outside the 60–500 Hz speaking range', () => {
    expect(PITCH_MIN_HZ).toBe(60);
    expect(PITCH_MAX_HZ).toBe(500);
    for (const hz of [40, 800]) expect(framePitches(sine(hz, 1)).filter((p) => p !== null)).toEqual([]);
    // Just inside the range is still found.
    const low = framePitches(sine(70, 1)).slice(1);
    expect(low.every((p) => p !== null && Math.abs(p - 70) / 70 < 0.02)).toBe(true);
  });

  it('ignores frames too quiet to be speech (YIN alone would find a pitch in them)', () => {
    const quiet = sine(150, 1, 0.001); // about -63 dBFS
    expect(framePitches(quiet).every((p) => p === null)).toBe(true);
  });

  it('finds a voice in speech, in the range of the synthetic speaker', () => {
    const pitches = framePitches(pcm16ToFloat32(fixturePcm('speech-normal.wav'))).filter((p): p is number => p !== null);
    expect(pitches.length).toBeGreaterThan(10);
    const sorted = [...pitches].sort((a, b) => a - b);
    const median = sorted[sorted.length >> 1]!;
    expect(median).toBeGreaterThan(80);
    expect(median).toBeLessThan(140);
  });
});
