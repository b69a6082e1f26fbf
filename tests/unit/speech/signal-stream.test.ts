import { describe, expect, it } from 'vitest';
import { SignalStream } from '../../../src/speech/signal-stream.js';
import { FRAME_BYTES } from '../../../src/speech/signal.js';
import type { VadEvent } from '../../../src/speech/vad.js';
import { chunks, fixturePcm, gapManifest, sinePcm } from '../../support/audio.js';

function analyse(pcm: Buffer, chunkBytes = FRAME_BYTES) {
  const events: VadEvent[] = [];
  const stream = new SignalStream((e) => events.push(e));
  for (const c of chunks(pcm, chunkBytes)) stream.push(c);
  stream.finish();
  return { stream, events, summary: stream.summary(null, 'stop') };
}

describe('signal stream: voice activity, pauses, time to first word', () => {
  it('counts the 3 s gap as exactly one long pause, at the right time', () => {
    const { gapStart, gapEnd, firstWordAt } = gapManifest();
    const { summary } = analyse(fixturePcm('speech-gap.wav'));
    expect(summary.longPauseCount).toBe(1);
    expect(summary.longPauses).toHaveLength(1);
    const pause = summary.longPauses[0]!;
    expect(Math.abs(pause.start - gapStart)).toBeLessThanOrEqual(0.3);
    expect(Math.abs(pause.start + pause.duration - gapEnd)).toBeLessThanOrEqual(0.3);
    expect(Math.abs(summary.timeToFirstWord! - firstWordAt)).toBeLessThanOrEqual(0.3);
    // Speaking + silent time add up to the recording, and the silence includes the gap and the lead-in.
    expect(summary.speakingSeconds + summary.silentSeconds).toBeCloseTo(summary.durationSeconds, 1);
    expect(summary.silentSeconds).toBeGreaterThan(3 + 1 - 0.3);
  });

  it('gives the same answer whatever size the audio arrives in', () => {
    const pcm = fixturePcm('speech-gap.wav');
    const a = analyse(pcm, FRAME_BYTES).summary;
    const b = analyse(pcm, 642).summary; // odd frame boundaries (still whole samples)
    const c = analyse(pcm, 64 * 1024).summary;
    for (const s of [b, c]) {
      expect(s.longPauses).toEqual(a.longPauses);
      expect(s.timeToFirstWord).toBe(a.timeToFirstWord);
      expect(s.rate.syllables).toBe(a.rate.syllables);
      expect(s.durationSeconds).toBe(a.durationSeconds);
    }
  });

  it('hears no speech in silence or in steady noise', () => {
    for (const name of ['silence.wav', 'noise.wav']) {
      const { summary, events } = analyse(fixturePcm(name));
      expect(events, name).toEqual([]);
      expect(summary.speakingSeconds, name).toBe(0);
      expect(summary.timeToFirstWord, name).toBeNull();
      expect(summary.pitch.medianHz, name).toBeNull();
      expect(summary.rate.estimatedWpm, name).toBeNull();
    }
  });

  it('does not count pauses before the first word or after the last', () => {
    const silence = fixturePcm('silence.wav');
    const { summary } = analyse(Buffer.concat([silence, silence, fixturePcm('speech-normal.wav'), silence, silence]));
    expect(summary.longPauseCount).toBe(0);
    expect(summary.timeToFirstWord).toBeGreaterThan(3.7);
    expect(summary.timeToFirstWord).toBeLessThan(4.3);
  });

  it("measures pitch variation around the speaker's own median", () => {
    // 150 Hz then 220 Hz (6.6 semitones apart), half the time each: median between, wide spread.
    const { summary } = analyse(Buffer.concat([sinePcm(150, 2), sinePcm(220, 2)]));
    expect(summary.pitch.medianHz).toBeGreaterThan(145);
    expect(summary.pitch.medianHz).toBeLessThan(225);
    expect(summary.pitch.rangeSemitones).toBeGreaterThan(6);
    const steady = analyse(sinePcm(150, 4)).summary;
    expect(steady.pitch.variationSemitones).toBeLessThan(0.2);
    expect(Math.abs(steady.pitch.medianHz! - 150)).toBeLessThan(3);
  });

  it('keeps a bounded envelope and live metrics a client can show', () => {
    const pcm = fixturePcm('speech-gap.wav');
    const stream = new SignalStream();
    const seen: boolean[] = [];
    for (const c of chunks(pcm)) {
      stream.push(c);
      seen.push(stream.live().speaking);
    }
    const live = stream.live();
    expect(live.t).toBeCloseTo(pcm.length / 32000, 1);
    expect(live.longPauses).toBe(1);
    expect(seen).toContain(true);
    expect(seen).toContain(false);
    expect(live.wpm).toBeNull(); // no transcript
    const env = stream.summary(null, 'stop').envelope;
    expect(env.levelDb.length).toBeLessThanOrEqual(300);
    expect(env.levelDb.length).toBe(env.pitchHz.length);
  });
});
