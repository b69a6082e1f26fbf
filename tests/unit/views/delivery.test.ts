import { describe, expect, it } from 'vitest';
import { deliveryView, gaugeOf, paceOf, timelineOf } from '../../../src/views/delivery.js';
import { SignalStream } from '../../../src/speech/signal-stream.js';
import type { SpeechSummary } from '../../../src/speech/types.js';
import { chunks, fixturePcm } from '../../support/audio.js';

function summaryOf(name: string, transcript: { words: number; fillers: number; top?: Array<{ filler: string; count: number }> } | null = null): SpeechSummary {
  const stream = new SignalStream();
  for (const c of chunks(fixturePcm(name))) stream.push(c);
  stream.finish();
  return stream.summary(transcript && { ...transcript, segments: 1, failedSegments: 0 }, 'stop');
}

/** A summary with chosen figures on top of a real one. */
function tweak(base: SpeechSummary, changes: Partial<SpeechSummary>): SpeechSummary {
  return { ...base, ...changes };
}

const everyAdvice = (view: NonNullable<ReturnType<typeof deliveryView>>) => [...view.overall.advice, ...view.answers.flatMap((a) => a.advice)];

describe('delivery feedback', () => {
  it('is absent when no answer was spoken', () => {
    expect(deliveryView([])).toBeNull();
  });

  it('describes a spoken answer: pace against 130–160, the long pause, flat pitch', () => {
    const metrics = summaryOf('speech-gap.wav');
    const view = deliveryView([{ questionNumber: 2, followUp: false, question: 'Tell me about a team you led.', metrics }])!;
    expect(view.answers).toHaveLength(1);
    const answer = view.answers[0]!;
    expect(answer.title).toBe('Question 2');
    expect(answer.figures.find((f) => f.label === 'Pace')?.value).toMatch(/words\/min \(estimated from syllables\)/);
    expect(answer.advice.join(' ')).toMatch(/1 pause longer than 2 seconds \(the longest 3(\.\d)? s, at 0:0[23]\)/);
    // The synthetic voice is nearly monotone.
    expect(answer.advice.join(' ')).toMatch(/narrow range/);
    expect(answer.figures.find((f) => f.label === 'Filler words')?.value).toBe('not counted (no transcript)');
  });

  it('uses the transcript for pace and fillers when there is one', () => {
    const base = summaryOf('speech-normal.wav', { words: 16, fillers: 2, top: [{ filler: 'um', count: 2 }] });
    expect(paceOf(base)).toEqual({ wpm: base.rate.wpm, source: 'transcript' });
    const view = deliveryView([{ questionNumber: 1, followUp: true, question: 'Why?', metrics: base }])!;
    expect(view.answers[0]!.title).toBe('Follow-up on question 1');
    expect(view.answers[0]!.advice.join(' ')).toMatch(/filler words a minute \(mostly "um"\)/);
  });

  it('advises on pace in plain terms, slow, comfortable and fast', () => {
    const base = summaryOf('speech-normal.wav', { words: 10, fillers: 0 });
    const at = (wpm: number) => deliveryView([{ questionNumber: 1, followUp: false, question: 'q', metrics: tweak(base, { rate: { ...base.rate, wpm } }) }])!.answers[0]!.advice[0];
    expect(at(95)).toMatch(/^About 95 words a minute: slower than the 130–160/);
    expect(at(145)).toMatch(/inside the 130–160 comfort band/);
    expect(at(210)).toMatch(/well above the 130–160 comfort band/);
  });

  it('describes behaviour, never feelings', () => {
    const base = summaryOf('speech-gap.wav', { words: 30, fillers: 9, top: [{ filler: 'like', count: 9 }] });
    const slowStart = tweak(base, { timeToFirstWord: 9, level: { meanDb: -48, sdDb: 3, maxDb: -40 } });
    const view = deliveryView([{ questionNumber: 1, followUp: false, question: 'q', metrics: slowStart }])!;
    const text = everyAdvice(view).join(' ');
    expect(text).toMatch(/first word came 9 s after/);
    expect(text).toMatch(/quiet/);
    expect(text).not.toMatch(/nervous|anxious|confident|unsure|scared|hesitant/i);
  });

  it('draws a bounded timeline inside its box, with the pause and first word marked', () => {
    const metrics = summaryOf('speech-gap.wav');
    const t = timelineOf(metrics);
    const xs = t.levelPoints.split(' ').map((p) => Number(p.split(',')[0]));
    expect(xs.length).toBe(metrics.envelope.levelDb.length);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(t.left);
    expect(Math.max(...xs)).toBeLessThanOrEqual(t.right);
    expect(t.pauses).toHaveLength(1);
    expect(t.pauses[0]!.width).toBeGreaterThan((t.right - t.left) * 0.25); // 3 s of 8.8 s
    expect(t.firstWord?.x).toBeGreaterThan(t.left);
    expect(t.pitchRuns.length).toBeGreaterThan(0);
  });

  it('puts the gauge needle on the right side of the comfort band', () => {
    const slow = gaugeOf(100);
    const fast = gaugeOf(200);
    expect(slow.zone).toBe('slow');
    expect(fast.zone).toBe('fast');
    expect(gaugeOf(145).zone).toBe('comfortable');
    expect(slow.needle.x2).toBeLessThan(slow.needle.x1);
    expect(fast.needle.x2).toBeGreaterThan(fast.needle.x1);
  });

  it('adds answers up, weighting by length', () => {
    const a = summaryOf('speech-slow.wav', { words: 16, fillers: 0 });
    const b = summaryOf('speech-fast.wav', { words: 16, fillers: 4 });
    const view = deliveryView([
      { questionNumber: 1, followUp: false, question: 'q1', metrics: a },
      { questionNumber: 2, followUp: false, question: 'q2', metrics: b },
    ])!;
    const pace = Number(view.overall.figures.find((f) => f.label === 'Average pace')!.value.split(' ')[0]);
    expect(pace).toBeGreaterThan(a.rate.wpm!);
    expect(pace).toBeLessThan(b.rate.wpm!);
    expect(view.overall.figures.find((f) => f.label === 'Answers spoken')?.value).toBe('2');
    expect(view.overall.gauge?.value).toBe(pace);
  });

  it('says filler counts are a lower bound, and which recogniser counted them', () => {
    const base = summaryOf('speech-normal.wav', { words: 16, fillers: 1, top: [{ filler: 'um', count: 1 }] });
    const answer = (by: string, verbatim: boolean) => ({
      questionNumber: 1,
      followUp: false,
      question: 'Q',
      metrics: { ...base, transcript: { ...base.transcript, by, verbatim } },
    });
    const local = deliveryView([answer('whisper:Xenova/whisper-tiny.en', false)])!;
    expect(local.overall.fillerNote).toBe(
      'Filler words are counted from the transcript written by Whisper on this server (whisper-tiny.en). This recogniser leaves out most “um”s and “uh”s, so the counts are a lower bound: you may have used more.',
    );
    expect(local.overall.figures.find((f) => f.label === 'Filler words')!.value).toMatch(/^at least /);
    expect(local.answers[0]!.figures.find((f) => f.label === 'Filler words')!.value).toMatch(/\(at least 1 in all\)$/);
    const remote = deliveryView([answer('gemini:gemini-2.5-flash', true), answer('openai:whisper-1', true)])!;
    expect(remote.overall.fillerNote).toMatch(/written by Gemini \(gemini-2\.5-flash\) and whisper-1 \(an OpenAI-compatible service\)\. It was asked to keep hesitations, but recognisers still leave out some/);
    // No transcript: nothing counted, no note.
    expect(deliveryView([{ questionNumber: 1, followUp: false, question: 'Q', metrics: summaryOf('speech-normal.wav') }])!.overall.fillerNote).toBeNull();
  });
});
