import { describe, expect, it } from 'vitest';
import { SignalStream } from '../../../src/speech/signal-stream.js';
import { pcm16ToFloat32 } from '../../../src/speech/signal.js';
import { estimatedWordsPerMinute, SyllableCounter } from '../../../src/speech/speech-rate.js';
import { chunks, fixturePcm, sine } from '../../support/audio.js';

function estimate(name: string) {
  const stream = new SignalStream();
  for (const c of chunks(fixturePcm(name))) stream.push(c);
  stream.finish();
  return stream.summary(null, 'stop').rate;
}

describe('speech rate from syllable nuclei (no transcript needed)', () => {
  it('orders the same sentence spoken slowly, normally and fast', () => {
    const slow = estimate('speech-slow.wav');
    const normal = estimate('speech-normal.wav');
    const fast = estimate('speech-fast.wav');
    expect(slow.estimatedWpm).not.toBeNull();
    expect(slow.estimatedWpm!).toBeLessThan(normal.estimatedWpm!);
    expect(normal.estimatedWpm!).toBeLessThan(fast.estimatedWpm!);
  });

  it('counts roughly the syllables of the sentence at every rate', () => {
    // "I led a team of four engineers and we rebuilt the billing system in three months": 21 syllables.
    for (const name of ['speech-slow.wav', 'speech-normal.wav', 'speech-fast.wav']) {
      const { syllables } = estimate(name);
      expect(syllables, name).toBeGreaterThanOrEqual(15);
      expect(syllables, name).toBeLessThanOrEqual(27);
    }
  });

  it('counts no syllables in a steady tone or where the speech flag is off', () => {
    const counter = new SyllableCounter();
    const tone = sine(150, 2);
    counter.push(tone, 0, tone.length, true);
    expect(counter.count).toBe(0);
    const speech = pcm16ToFloat32(fixturePcm('speech-normal.wav'));
    const off = new SyllableCounter();
    off.push(speech, 0, speech.length, false);
    expect(off.count).toBe(0);
    const on = new SyllableCounter();
    on.push(speech, 0, speech.length, true);
    expect(on.count).toBeGreaterThan(10);
  });

  it('turns syllables into words per minute', () => {
    expect(estimatedWordsPerMinute(28, 0.1)).toBeCloseTo(200, 5);
    expect(estimatedWordsPerMinute(10, 0)).toBeNull();
  });
});
