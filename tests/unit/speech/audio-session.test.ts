import { describe, expect, it } from 'vitest';
import { AudioSession, type AudioSessionEvent } from '../../../src/speech/audio-session.js';
import { createNoTranscriber } from '../../../src/speech/transcriber.js';
import { chunks, fixturePcm, gapManifest } from '../../support/audio.js';
import { createFakeTranscriber } from '../../support/fake-transcriber.js';

function stream(session: AudioSession, name: string, size?: number) {
  for (const c of chunks(fixturePcm(name), size)) session.push(c);
}

/** Like a socket: lets pending work (transcriptions) run between frames. */
async function streamAsync(session: AudioSession, name: string) {
  for (const c of chunks(fixturePcm(name))) {
    session.push(c);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe('audio session: signal and semantic streams together', () => {
  it('transcribes each utterance when it ends and counts words and fillers', async () => {
    const transcriber = createFakeTranscriber(['Um, I led a team of four engineers.', 'We rebuilt, like, the billing system in three months.']);
    const events: AudioSessionEvent[] = [];
    const session = new AudioSession({ transcriber, emit: (e) => events.push(e) });
    await streamAsync(session, 'speech-gap.wav');
    const summary = await session.finish('stop');

    // Two utterances, cut at the 3 s gap: each is its sentence with a little silence around it,
    // never the gap itself (which would make either longer than 4.9 s).
    const { firstWordAt, gapStart, gapEnd } = gapManifest();
    expect(transcriber.calls).toHaveLength(2);
    expect(transcriber.calls[0]!).toBeGreaterThan(gapStart - firstWordAt);
    expect(transcriber.calls[0]!).toBeLessThan(gapStart - firstWordAt + 1.3);
    expect(transcriber.calls[1]!).toBeLessThan(session.duration - gapEnd + 0.5);
    const captions = events.filter((e) => e.type === 'transcript');
    expect(captions).toHaveLength(2);
    expect(captions.at(-1)).toMatchObject({ text: 'Um, I led a team of four engineers. We rebuilt, like, the billing system in three months.' });
    // The first caption arrived while audio was still streaming, not only at the end.
    const firstCaption = events.findIndex((e) => e.type === 'transcript');
    expect(events.slice(firstCaption).some((e) => e.type === 'metrics')).toBe(true);

    expect(session.text()).toContain('billing system');
    expect(summary.transcript).toEqual({ available: true, segments: 2, failedSegments: 0, by: 'fake', verbatim: false });
    expect(summary.rate.words).toBe(17); // fillers are words too
    expect(summary.rate.wpm).toBeGreaterThan(100);
    expect(summary.fillers).toMatchObject({ count: 2 });
    expect(summary.fillers!.perMinute).toBeGreaterThan(0);
    expect(summary.endedBy).toBe('stop');
  });

  it('sends live metrics a few times a second of audio, whatever the frame size', () => {
    for (const size of [3200, 32000]) {
      const events: AudioSessionEvent[] = [];
      const session = new AudioSession({ transcriber: null, emit: (e) => events.push(e) });
      stream(session, 'speech-normal.wav', size);
      const metrics = events.filter((e) => e.type === 'metrics');
      const seconds = session.duration;
      expect(metrics.length).toBeGreaterThanOrEqual(size === 3200 ? seconds * 4 : seconds / 1.1);
      expect(metrics.length).toBeLessThanOrEqual(seconds * 5 + 1);
      expect(metrics.some((m) => m.type === 'metrics' && m.speaking)).toBe(true);
    }
  });

  it('works without a transcriber: no captions, no word counts, everything else measured', async () => {
    const session = new AudioSession({ transcriber: createNoTranscriber() });
    stream(session, 'speech-gap.wav');
    const summary = await session.finish('stop');
    expect(summary.transcript.available).toBe(false);
    expect(summary.rate.words).toBeNull();
    expect(summary.fillers).toBeNull();
    expect(summary.longPauseCount).toBe(1);
    expect(summary.rate.estimatedWpm).toBeGreaterThan(0);
  });

  it('says once that captions stopped when the transcriber fails, and keeps measuring', async () => {
    const transcriber = createFakeTranscriber([], { fail: 'unavailable' });
    const events: AudioSessionEvent[] = [];
    const session = new AudioSession({ transcriber, emit: (e) => events.push(e) });
    await streamAsync(session, 'speech-gap.wav');
    const summary = await session.finish('stop');
    const notices = events.filter((e) => e.type === 'notice');
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ code: 'transcriber_unavailable' });
    // After "unavailable" it stops sending (and buffering) audio for transcription.
    expect(transcriber.calls).toHaveLength(1);
    expect(summary.transcript).toEqual({ available: false, segments: 0, failedSegments: 1, by: 'fake', verbatim: false });
    expect(summary.longPauseCount).toBe(1);
  });

  it('keeps what it received when it ends by disconnect, and ignores audio after the end', async () => {
    const session = new AudioSession({ transcriber: null });
    const pcm = fixturePcm('speech-normal.wav');
    session.push(pcm.subarray(0, 32000 * 2));
    const summary = await session.finish('disconnect');
    expect(summary.endedBy).toBe('disconnect');
    expect(summary.durationSeconds).toBeCloseTo(2, 1);
    session.push(pcm.subarray(64000));
    expect(session.summary().durationSeconds).toBeCloseTo(2, 1);
    expect(await session.finish('stop')).toBe(summary); // finishing twice gives the first result
  });

  it('does not wait for ever for a slow transcriber when the recording ends', async () => {
    const transcriber = createFakeTranscriber(['late'], { delayMs: 5_000 });
    const session = new AudioSession({ transcriber, finishTimeoutMs: 50 });
    stream(session, 'speech-normal.wav');
    const summary = await session.finish('stop');
    expect(transcriber.calls).toHaveLength(1);
    expect(summary.transcript.available).toBe(false);
  });
});
