/**
 * Remote transcription through the real app and the real SDK clients (openai, @google/genai),
 * each pointed at a fake speech server on 127.0.0.1 (tests/support/fake-speech-server.ts):
 * the repository's speech fixture streamed through the audio socket is cut into utterances,
 * each sent with the job's vocabulary and the interview's language; captions come back one by
 * one; the transcript reaches the stored answer with the recording's metrics. A 500 and a
 * timeout are each retried once and then produce exactly one notice, and the audio's metrics
 * are kept whole.
 */
import { afterAll, beforeAll, beforeEach, describe, expect } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { testConfig, type AppConfig, type SpeechSettings } from '../../src/config.js';
import { type MakeApp, useTestApp, Visitor } from '../support/test-app.js';
import { stored } from '../support/db-inspect.js';
import { currentQuestion, setUpSession } from '../support/interview-driver.js';
import { chunks, consentToRecording, fixturePcm, gapManifest, trackSocket, type ServerMessage, type SocketClient as Client } from '../support/audio.js';
import { fails, hangs, startFakeSpeechServer, type FakeSpeechServer, type SpeechApi } from '../support/fake-speech-server.js';
import { SAMPLE_RATE } from '../../src/speech/signal.js';

const test = useTestApp({ eager: false });

const SPOKEN = ['I led a team of four engineers.', 'We rebuilt the billing system in three months.'];

function settingsFor(api: SpeechApi, fake: FakeSpeechServer, timeoutMs = 3000): SpeechSettings {
  const base = testConfig().speech;
  return api === 'openai'
    ? {
        ...base,
        transcriber: 'openai',
        transcriberChoice: 'TRANSCRIBER=openai',
        remoteOpenAi: { baseUrl: fake.openaiBaseUrl, model: 'whisper-1', apiKey: 'sk-test-transcribe-key', apiKeyVariable: 'TRANSCRIBE_API_KEY' },
        remoteTimeoutMs: timeoutMs,
      }
    : {
        ...base,
        transcriber: 'gemini',
        transcriberChoice: 'TRANSCRIBER=gemini',
        remoteGemini: { baseUrl: fake.geminiBaseUrl, model: 'gemini-2.5-flash', apiKey: 'gemini-test-key-123', apiKeyVariable: 'GEMINI_API_KEY' },
        remoteTimeoutMs: timeoutMs,
      };
}

describe.each(['openai', 'gemini'] as const)('remote transcription: %s', (api) => {
  let fake: FakeSpeechServer;

  beforeAll(async () => {
    fake = await startFakeSpeechServer();
  });
  afterAll(async () => {
    await fake.close();
  });
  // Before each test rather than after: the fixture closes a test's app after its hooks.
  beforeEach(() => {
    fake.requests.length = 0;
  });

  async function interview(makeApp: MakeApp, config: Partial<AppConfig>) {
    const app = await makeApp(config);
    const visitor = new Visitor(app);
    const id = await setUpSession(visitor, { cv: 'cv-alex-morgan.txt' });
    expect((await visitor.post(`/session/${id}/start`)).statusCode).toBe(303);
    await consentToRecording(visitor, id);
    return { app, visitor, id };
  }

  async function connect(app: FastifyInstance, visitor: Visitor, id: string): Promise<Client> {
    let client: Client | undefined;
    await app.injectWS(`/session/${id}/audio`, { headers: { cookie: visitor.cookieHeader! } }, {
      onInit: (ws) => {
        client = trackSocket(ws);
      },
    });
    return client!;
  }

  /**
   * Streams speech-gap.wav (a sentence, 3 s of silence, a sentence) in two halves: up to the
   * middle of the gap (the first utterance is cut there), then, once `between` has settled, the
   * rest. Returns the `final` message.
   */
  async function speak(client: Client, between: () => Promise<unknown> = async () => undefined): Promise<ServerMessage> {
    await client.next('ready');
    client.ws.send(JSON.stringify({ type: 'start' }));
    const pcm = fixturePcm('speech-gap.wav');
    const { gapStart } = gapManifest();
    const split = Math.round((gapStart + 1.5) * SAMPLE_RATE) * 2;
    for (const c of chunks(pcm.subarray(0, split), 16_000)) client.ws.send(c, { binary: true });
    await between();
    for (const c of chunks(pcm.subarray(split), 16_000)) client.ws.send(c, { binary: true });
    client.ws.send(JSON.stringify({ type: 'stop' }));
    return client.next('final');
  }

  const storedAnswer = async (app: FastifyInstance, id: string) => (await stored(app).messages(id)).find((m) => m.kind === 'answer')!;

  async function sendAnswer(visitor: Visitor, id: string, answer: string, recordingId: string) {
    const q = (await currentQuestion(visitor, id))!;
    const response = await visitor.post(`/session/${id}/message`, { answer, question_id: q.id, recording_id: recordingId });
    expect(response.statusCode).toBe(303);
  }

  test('transcribes utterance by utterance with the job vocabulary and language; the transcript reaches the stored answer', async ({ makeApp }) => {
    fake.setTexts(api, SPOKEN);
    const { app, visitor, id } = await interview(makeApp, { speech: settingsFor(api, fake) });
    const client = await connect(app, visitor, id);
    const ready = await client.next('ready');
    expect(ready.transcriber).toMatchObject({ available: true, name: api === 'openai' ? 'openai:whisper-1' : 'gemini:gemini-2.5-flash' });
    // The first caption arrives while the candidate is still talking (before the rest is sent).
    const final = await speak(client, () => client.next('transcript'));
    const captions = client.messages.filter((m) => m.type === 'transcript');
    expect(captions.map((m) => m.segment.text)).toEqual(SPOKEN);
    expect(captions.at(-1)!.text).toBe(SPOKEN.join(' '));
    expect(final.transcript).toBe(SPOKEN.join(' '));
    expect(client.messages.filter((m) => m.type === 'notice')).toEqual([]);

    // What the transcriber was sent: one WAV per utterance, the language, the job's words.
    const sent = fake.requestsFor(api);
    expect(sent).toHaveLength(2);
    for (const request of sent) {
      expect(request.mimeType).toBe('audio/wav');
      expect(request.audioSeconds).toBeGreaterThan(1);
      expect(request.audioSeconds).toBeLessThan(5);
      expect(request.language).toBe('en');
      for (const word of ['Kubernetes', 'PostgreSQL', 'Kafka', 'Terraform', 'Northwind Health', 'NHS']) expect(request.prompt).toContain(word);
      // Asked to keep hesitations: OpenAI through the prompt's style, Gemini in words.
      expect(request.prompt).toMatch(api === 'openai' ? /^Umm, let me think, uh/ : /verbatim: keep hesitations/);
    }
    if (api === 'openai') {
      expect(sent[0]!.model).toBe('whisper-1');
      expect(sent[0]!.headers.authorization).toBe('Bearer sk-test-transcribe-key');
    } else {
      expect(sent[0]!.model).toBe('gemini-2.5-flash');
      expect(sent[0]!.headers['x-goog-api-key']).toBe('gemini-test-key-123');
    }

    // The page puts the transcript after what was typed; the answer is stored with its metrics.
    await sendAnswer(visitor, id, `Typed first:\n\n${final.transcript}`, final.recordingId);
    const row = await storedAnswer(app, id);
    expect(row.content).toBe(`Typed first:\n\n${SPOKEN.join(' ')}`);
    const metrics = row.speechMetrics!;
    expect(metrics.transcript).toMatchObject({ available: true, segments: 2, failedSegments: 0, by: ready.transcriber.name, verbatim: true });
    expect(metrics.rate.words).toBe(SPOKEN.join(' ').split(' ').length);
  });

  test('a 500 is retried once; two in a row give one notice, the other utterance is still transcribed and no audio is lost', async ({ makeApp }) => {
    fake.setTexts(api, [SPOKEN[1]!]);
    const { app, visitor, id } = await interview(makeApp, { speech: settingsFor(api, fake) });
    const client = await connect(app, visitor, id);
    fake.enqueue(api, fails(500), fails(500));
    const final = await speak(client, () => client.next('notice'));
    const notices = client.messages.filter((m) => m.type === 'notice');
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ code: 'transcription_failed', message: expect.stringMatching(/500.*tried twice.*recording and its measurements are kept/s) });
    expect(fake.requestsFor(api).map((r) => r.behaviour)).toEqual(['status', 'status', 'ok']);
    expect(final.transcript).toBe(SPOKEN[1]);
    // The whole recording was measured: both sentences, the pause between them.
    expect(final.summary.transcript).toMatchObject({ segments: 1, failedSegments: 1 });
    expect(final.summary.longPauseCount).toBe(1);
    expect(final.summary.speakingSeconds).toBeGreaterThan(3);
    await sendAnswer(visitor, id, final.transcript, final.recordingId);
    expect((await storedAnswer(app, id)).speechMetrics).toMatchObject({ longPauseCount: 1, transcript: { failedSegments: 1 } });
  });

  test('one 500 then success: the retry fills the caption and there is no notice', async ({ makeApp }) => {
    fake.setTexts(api, SPOKEN);
    const { app, visitor, id } = await interview(makeApp, { speech: settingsFor(api, fake) });
    const client = await connect(app, visitor, id);
    fake.enqueue(api, fails(503));
    const final = await speak(client, () => client.next('transcript'));
    expect(final.transcript).toBe(SPOKEN.join(' '));
    expect(client.messages.filter((m) => m.type === 'notice')).toEqual([]);
    expect(fake.requestsFor(api).map((r) => r.behaviour)).toEqual(['status', 'ok', 'ok']);
  });

  test('a refused key is not retried: one request, one notice, and the key is not in it', async ({ makeApp }) => {
    fake.setTexts(api, [SPOKEN[1]!]);
    const { app, visitor, id } = await interview(makeApp, { speech: settingsFor(api, fake) });
    const client = await connect(app, visitor, id);
    fake.enqueue(api, fails(401));
    const final = await speak(client, () => client.next('notice'));
    expect(fake.requestsFor(api).map((r) => r.behaviour)).toEqual(['status', 'ok']);
    const notice = client.messages.find((m) => m.type === 'notice')!;
    expect(notice.message).toMatch(/refused the API key \(401\)/);
    expect(JSON.stringify(client.messages)).not.toMatch(/sk-test-transcribe-key|gemini-test-key-123/);
    expect(final.transcript).toBe(SPOKEN[1]);
  });

  test('a timeout is retried once; two give one notice and the recording is kept', async ({ makeApp }) => {
    fake.setTexts(api, [SPOKEN[1]!]);
    const { app, visitor, id } = await interview(makeApp, { speech: settingsFor(api, fake, 400) });
    const client = await connect(app, visitor, id);
    fake.enqueue(api, hangs(), hangs());
    const final = await speak(client, () => client.next('notice'));
    const notices = client.messages.filter((m) => m.type === 'notice');
    expect(notices).toHaveLength(1);
    expect(notices[0]!.message).toMatch(/did not answer within 0\.4 s/);
    expect(fake.requestsFor(api).map((r) => r.behaviour)).toEqual(['hang', 'hang', 'ok']);
    expect(final.transcript).toBe(SPOKEN[1]);
    expect(final.summary.longPauseCount).toBe(1);
    await sendAnswer(visitor, id, `${final.transcript} (and the first part typed)`, final.recordingId);
    expect((await storedAnswer(app, id)).speechMetrics!.transcript).toMatchObject({ segments: 1, failedSegments: 1 });
  });
});
