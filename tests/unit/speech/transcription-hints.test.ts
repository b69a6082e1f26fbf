import { describe, expect, it } from 'vitest';
import { distinctiveTerms, interviewLanguage, transcriptionHints } from '../../../src/services/transcription-hints.js';
import { withConcurrencyLimit } from '../../../src/speech/transcription-limit.js';
import { TranscriberError, withOneRetry, type Transcriber } from '../../../src/speech/transcriber.js';

const ENGLISH = 'I have led the team that built the platform, and we were responsible for the reliability of the service with the on-call rotation for our customers and the data they have in the system. '.repeat(2);
const GERMAN = 'Wir suchen eine Pflegefachkraft für unsere Intensivstation, die Erfahrung mit der Betreuung von beatmeten Patienten hat und gerne im Team arbeitet. Sie übernehmen Verantwortung für die Versorgung. '.repeat(2);

describe('transcription hints', () => {
  it('finds the words a recogniser cannot guess: acronyms and names with inner capitals or digits', () => {
    expect(distinctiveTerms('Experience with CRRT and NEWS2 in an ICU; PostgreSQL and GraphQL. ABOUT US: OK, I can.')).toEqual(['CRRT', 'NEWS2', 'ICU', 'PostgreSQL', 'GraphQL']);
  });

  it('puts the job skills first, then its terms, the company, the CV skills', () => {
    const hints = transcriptionHints({
      jobTitle: 'Critical Care Nurse',
      companyName: 'Leeds Teaching Hospitals',
      jobDescription: `${ENGLISH} You will manage CRRT circuits and escalate with NEWS2 scores.`,
      cvText: `${ENGLISH} Skills: Python, Kubernetes.`,
    });
    expect(hints.vocabulary!.indexOf('CRRT')).toBeGreaterThanOrEqual(0);
    expect(hints.vocabulary!.indexOf('CRRT')).toBeLessThan(hints.vocabulary!.indexOf('Leeds Teaching Hospitals'));
    expect(hints.vocabulary).toContain('NEWS2');
    expect(hints.vocabulary).toContain('Leeds Teaching Hospitals');
    expect(hints.vocabulary).toContain('Kubernetes');
    expect(hints.vocabulary!.indexOf('Leeds Teaching Hospitals')).toBeLessThan(hints.vocabulary!.indexOf('Kubernetes'));
    expect(new Set(hints.vocabulary!.map((t) => t.toLowerCase())).size).toBe(hints.vocabulary!.length);
    expect(hints.language).toBe('en');
  });

  it('passes a language only when the CV and the job ad are both reliably in it', () => {
    expect(interviewLanguage({ cvText: ENGLISH, jobDescription: ENGLISH })).toBe('en');
    expect(interviewLanguage({ cvText: GERMAN, jobDescription: GERMAN })).toBe('de');
    expect(interviewLanguage({ cvText: ENGLISH, jobDescription: GERMAN })).toBeNull();
    expect(interviewLanguage({ cvText: null, jobDescription: ENGLISH })).toBeNull();
    expect(interviewLanguage({ cvText: 'Short.', jobDescription: 'Short.' })).toBeNull();
  });
});

function scripted(outcomes: Array<string | TranscriberError>): Transcriber & { calls: number; lengths: number[] } {
  const t = {
    name: 'scripted',
    calls: 0,
    lengths: [] as number[],
    status: () => ({ name: 'scripted', available: true }),
    async transcribe(audio: Float32Array) {
      t.lengths.push(audio.length);
      const next = outcomes[t.calls++];
      if (next instanceof TranscriberError) throw next;
      // Like the Whisper worker, the call takes the buffer.
      structuredClone(audio.buffer, { transfer: [audio.buffer as ArrayBuffer] });
      return next ?? '';
    },
    close: async () => undefined,
  };
  return t;
}

describe('retry once and the server-wide bound', () => {
  it('retries a failure that can pass, with the same audio, once', async () => {
    const inner = scripted([new TranscriberError('failed', 'HTTP 500'), 'hello']);
    await expect(withOneRetry(inner).transcribe(new Float32Array(1600))).resolves.toBe('hello');
    expect(inner.lengths).toEqual([1600, 1600]);
    const twice = scripted([new TranscriberError('timeout', 't'), new TranscriberError('timeout', 't2')]);
    await expect(withOneRetry(twice).transcribe(new Float32Array(10))).rejects.toThrow('t2');
    expect(twice.calls).toBe(2);
  });

  it('does not retry what cannot pass: a refused key, busy, unavailable', async () => {
    for (const error of [new TranscriberError('failed', 'key', false), new TranscriberError('busy', 'b'), new TranscriberError('unavailable', 'u')]) {
      const inner = scripted([error, 'never']);
      await expect(withOneRetry(inner).transcribe(new Float32Array(10))).rejects.toBe(error);
      expect(inner.calls).toBe(1);
    }
  });

  it('bounds requests in flight and waiting; beyond, "busy" at once', async () => {
    const releases: Array<() => void> = [];
    const slow: Transcriber = {
      name: 'slow',
      status: () => ({ name: 'slow', available: true }),
      transcribe: () => new Promise<string>((resolve) => releases.push(() => resolve('ok'))),
      close: async () => undefined,
    };
    const limited = withConcurrencyLimit(slow, { concurrency: 2, maxWaiting: 1 });
    const jobs = [limited.transcribe(new Float32Array(1)), limited.transcribe(new Float32Array(1)), limited.transcribe(new Float32Array(1))];
    await Promise.resolve();
    expect(limited.inFlight()).toBe(2);
    expect(limited.waiting()).toBe(1);
    await expect(limited.transcribe(new Float32Array(1))).rejects.toMatchObject({ kind: 'busy' });
    releases.shift()!();
    await jobs[0];
    await new Promise((r) => setImmediate(r));
    expect(limited.inFlight()).toBe(2);
    expect(limited.waiting()).toBe(0);
    while (releases.length) releases.shift()!();
    await expect(Promise.all(jobs)).resolves.toEqual(['ok', 'ok', 'ok']);
  });
});
