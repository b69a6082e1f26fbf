/**
 * Consent to voice recording (issue 14) through the real app: the socket refuses to open
 * before it, the interview page shows the consent step naming where audio goes, the consent is
 * stored with the interview and shown on the feedback page, and withdrawing it deletes the
 * interview's recordings (live and finished, raw files too), their transcripts and the stored
 * delivery metrics — and only that interview's.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type WebSocket from 'ws';
import { testConfig, type AppConfig } from '../../src/config.js';
import { useTestApp, Visitor } from '../support/test-app.js';
import { html } from '../support/html.js';
import { answerAll, currentQuestion, setUpSession } from '../support/interview-driver.js';
import { strongAnswer } from '../support/answers.js';
import { chunks, consentToRecording, fixturePcm } from '../support/audio.js';
import { createFakeTranscriber } from '../support/fake-transcriber.js';
import { query, stored } from '../support/db-inspect.js';

const test = useTestApp({ eager: false });

type Message = { type: string; [key: string]: any };

describe('consent before the microphone', () => {
  const temp: string[] = [];
  // After the file: the apps (closed by the fixture after each test) are gone by then.
  afterAll(() => {
    for (const d of temp.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });

  async function started(visitor: Visitor) {
    const id = await setUpSession(visitor, { cv: 'cv-alex-morgan.txt' });
    expect((await visitor.post(`/session/${id}/start`)).statusCode).toBe(303);
    return id;
  }

  /** Records speech-normal.wav and stops; returns the final message and how the socket closed. */
  async function record(app: FastifyInstance, visitor: Visitor, id: string, { stop = true } = {}) {
    let ws!: WebSocket;
    const messages: Message[] = [];
    let closeCode: (code: number) => void = () => undefined;
    const closed = new Promise<number>((resolve) => (closeCode = resolve));
    const final = new Promise<Message>((resolve) => {
      void app.injectWS(`/session/${id}/audio`, { headers: { cookie: visitor.cookieHeader! } }, {
        onInit: (socket) => {
          ws = socket;
          socket.on('message', (data, isBinary) => {
            if (isBinary) return;
            const m = JSON.parse(data.toString()) as Message;
            messages.push(m);
            if (m.type === 'final') resolve(m);
          });
          socket.on('close', (code) => closeCode(code));
        },
      });
    });
    await new Promise<void>((resolve) => {
      const check = () => (messages.some((m) => m.type === 'ready') ? resolve() : setTimeout(check, 5));
      check();
    });
    ws.send(JSON.stringify({ type: 'start' }));
    for (const c of chunks(fixturePcm('speech-normal.wav'), 16_000)) ws.send(c, { binary: true });
    if (stop) ws.send(JSON.stringify({ type: 'stop' }));
    return { ws, messages, final, closed, recordingId: () => messages.find((m) => m.type === 'ready')!.recordingId as string };
  }

  const consentRow = async (app: FastifyInstance, id: string) => {
    const { voiceConsentAt, voiceConsentRawAudio, voiceConsentTranscriber, voiceConsentWithdrawnAt } = await stored(app).session(id);
    return { voiceConsentAt, voiceConsentRawAudio, voiceConsentTranscriber, voiceConsentWithdrawnAt };
  };
  const metricsOf = (app: FastifyInstance, id: string) => stored(app).answerSpeechMetrics(id);
  /** The interview of each recording summary in the database (recording_summaries). */
  const summaryRowsOf = async (app: FastifyInstance) =>
    (await query<{ session_id: string }>(app, 'select session_id from recording_summaries')).map((r) => r.session_id);

  test('the socket refuses to open without consent (403 VOICE_CONSENT_REQUIRED); the page asks first and names where audio goes', async ({ makeApp }) => {
    const app = await makeApp({}, { transcriber: createFakeTranscriber(['hello']) });
    const visitor = new Visitor(app);
    const id = await started(visitor);
    await expect(app.injectWS(`/session/${id}/audio`, { headers: { cookie: visitor.cookieHeader! } })).rejects.toThrow(/403/);
    expect(app.services.recordings.size).toBe(0);

    const page = html((await visitor.get(`/session/${id}/interview`)).body);
    expect(page.querySelector('#recorder')!.getAttribute('data-consent')).toBe('needed');
    const consent = page.querySelector('#voice-consent')!;
    expect(consent.textContent).toMatch(/What is measured/);
    expect(consent.textContent).toMatch(/What is stored/);
    expect(consent.textContent).toMatch(/up to 60 minutes/);
    expect(consent.textContent).toMatch(/Raw audio is not kept/);
    expect(consent.textContent).toMatch(/withdraw this consent at any time/);
    expect(page.querySelector('#voice-consent-raw')).toBeNull(); // the operator keeps no raw audio: not even asked
    expect(page.querySelector('#voice-consent-given')!.hasAttribute('hidden')).toBe(true);

    // A cross-site form can't give consent (CSRF), and another visitor can't either (404).
    expect((await visitor.post(`/session/${id}/voice-consent`, {}, { csrf: false })).statusCode).toBe(403);
    const stranger = new Visitor(app);
    await stranger.get('/');
    expect((await stranger.post(`/session/${id}/voice-consent`, {}, { htmx: true })).statusCode).toBe(404);
    expect((await consentRow(app, id)).voiceConsentAt).toBeNull();

    // Without JavaScript the form redirects back to the interview.
    const plain = await visitor.post(`/session/${id}/voice-consent`);
    expect(plain.statusCode).toBe(303);
    expect(plain.headers.location).toBe(`/session/${id}/interview?done=voice-consent-given`);
    expect(await consentRow(app, id)).toMatchObject({ voiceConsentRawAudio: false, voiceConsentTranscriber: 'this server (fake)' });
    const after = html((await visitor.get(`/session/${id}/interview`)).body);
    expect(after.querySelector('#recorder')!.getAttribute('data-consent')).toBe('given');
    expect(after.querySelector('#voice-consent-given')!.hasAttribute('hidden')).toBe(false);
    const { final } = await record(app, visitor, id);
    expect((await final).transcript).toBe('hello');
  });

  test('names a remote transcriber in the consent step, and asks about raw audio only when the operator keeps it', async ({ makeApp }) => {
    const speech = {
      ...testConfig().speech,
      transcriber: 'gemini' as const,
      remoteGemini: { baseUrl: 'http://127.0.0.1:9', model: 'gemini-2.5-flash', apiKey: 'k', apiKeyVariable: 'GEMINI_API_KEY' },
      storeRaw: true,
    };
    const app = await makeApp({ speech });
    const visitor = new Visitor(app);
    const id = await started(visitor);
    const page = html((await visitor.get(`/session/${id}/interview`)).body);
    expect(page.querySelector('#voice-consent-provider')!.textContent).toBe('Google Gemini (gemini-2.5-flash)');
    expect(page.querySelector('#voice-consent')!.textContent).toMatch(/your audio is sent, one sentence at a time, to/);
    expect(page.querySelector('#voice-consent-raw')).not.toBeNull();
    await consentToRecording(visitor, id, { raw_audio: 'on' });
    expect(await consentRow(app, id)).toMatchObject({ voiceConsentRawAudio: true, voiceConsentTranscriber: 'Google Gemini (gemini-2.5-flash)' });
  });

  test('is shown on the feedback page; withdrawing deletes recordings, raw files, transcripts and metrics of that interview only', async ({ makeApp }) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rehearse-consent-'));
    temp.push(dataDir);
    const config: Partial<AppConfig> = { dataDir, speech: { ...testConfig().speech, storeRaw: true } };
    const app = await makeApp(config, { transcriber: createFakeTranscriber(['I led a team of four engineers.', 'again', 'other', 'live']) });
    const visitor = new Visitor(app);
    const id = await started(visitor);
    const other = await started(visitor);
    await consentToRecording(visitor, id, { raw_audio: 'on' });
    await consentToRecording(visitor, other, { raw_audio: 'on' });

    // A spoken first answer, stored with its metrics.
    const first = await record(app, visitor, id);
    await first.final;
    await first.closed;
    const q = (await currentQuestion(visitor, id))!;
    expect((await visitor.post(`/session/${id}/message`, { answer: 'I led a team of four engineers.', question_id: q.id, recording_id: first.recordingId() })).statusCode).toBe(303);
    expect((await metricsOf(app, id))[0]).not.toBeNull();
    // A finished recording not sent yet, one still live, and one in the other interview.
    const waiting = await record(app, visitor, id);
    await waiting.final;
    const live = await record(app, visitor, id, { stop: false });
    const kept = await record(app, visitor, other);
    await kept.final;
    await kept.closed;
    expect(fs.readdirSync(path.join(dataDir, 'recordings', id)).length).toBe(3);
    expect(app.services.recordings.find(waiting.recordingId(), id, await stored(app).ownerOf(id))).not.toBeNull();

    // Finish the interview and look at the feedback page.
    await answerAll(visitor, id, strongAnswer);
    expect((await visitor.post(`/session/${id}/complete`)).statusCode).toBe(303);
    live.ws.close();
    await live.closed;
    let feedback = html((await visitor.get(`/session/${id}/feedback`)).body);
    expect(feedback.querySelector('#delivery')).not.toBeNull();
    expect(feedback.querySelector('#voice-consent-status')!.getAttribute('data-consent')).toBe('given');
    expect(feedback.querySelector('#voice-consent-status')!.textContent).toMatch(/You agreed to recording in this interview on .* UTC\.\s+Transcription: this server \(fake\)\. Raw audio kept: yes\./s);

    // Finished recordings' summaries are in the database too (shared with other instances):
    // the one waiting to be sent and the other interview's (a live one is saved when it ends).
    expect((await summaryRowsOf(app)).sort()).toEqual([id, other].sort());
    const withdrawn = await visitor.post(`/session/${id}/voice-consent/withdraw`, { return_to: 'feedback' });
    expect(withdrawn.statusCode).toBe(303);
    expect(withdrawn.headers.location).toBe(`/session/${id}/feedback?done=voice-consent-withdrawn`);
    // Gone: the raw files, the recordings in memory (with their transcripts), the stored metrics.
    expect(fs.existsSync(path.join(dataDir, 'recordings', id))).toBe(false);
    expect(app.services.recordings.find(waiting.recordingId(), id, await stored(app).ownerOf(id))).toBeNull();
    expect(app.services.recordings.find(live.recordingId(), id, await stored(app).ownerOf(id))).toBeNull();
    expect((await metricsOf(app, id)).every((m) => m === null)).toBe(true);
    expect(await summaryRowsOf(app)).toEqual([other]);
    expect(await consentRow(app, id)).toMatchObject({ voiceConsentAt: null, voiceConsentRawAudio: false, voiceConsentTranscriber: null });
    expect((await consentRow(app, id)).voiceConsentWithdrawnAt).not.toBeNull();
    // The answer text stays (it is what the candidate sent).
    expect((await stored(app).messages(id)).filter((m) => m.kind === 'answer').length).toBeGreaterThan(0);
    // The other interview keeps everything.
    expect(fs.readdirSync(path.join(dataDir, 'recordings', other)).length).toBe(1);
    expect(app.services.recordings.find(kept.recordingId(), other, await stored(app).ownerOf(other))).not.toBeNull();
    expect((await consentRow(app, other)).voiceConsentAt).not.toBeNull();

    feedback = html((await visitor.get(`/session/${id}/feedback?done=voice-consent-withdrawn`)).body);
    expect(feedback.querySelector('#delivery')).toBeNull();
    expect(feedback.querySelector('#voice-consent-status')!.getAttribute('data-consent')).toBe('withdrawn');
    expect(feedback.querySelector('#notice')!.textContent).toMatch(/consent to recording is withdrawn/);
  });

  test('withdrawing during a recording stops it (1008) and nothing of it is kept; recording then needs consent again', async ({ makeApp }) => {
    const app = await makeApp({}, { transcriber: createFakeTranscriber(['one']) });
    const visitor = new Visitor(app);
    const id = await started(visitor);
    await consentToRecording(visitor, id);
    const live = await record(app, visitor, id, { stop: false });
    expect((await visitor.post(`/session/${id}/voice-consent/withdraw`, {}, { htmx: true })).statusCode).toBe(204);
    expect(await live.closed).toBe(1008);
    expect(app.services.recordings.size).toBe(0);
    expect(await summaryRowsOf(app)).toEqual([]);
    await expect(app.injectWS(`/session/${id}/audio`, { headers: { cookie: visitor.cookieHeader! } })).rejects.toThrow(/403/);
    const page = html((await visitor.get(`/session/${id}/interview`)).body);
    expect(page.querySelector('#recorder')!.getAttribute('data-consent')).toBe('needed');
  });
});
