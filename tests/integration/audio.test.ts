/**
 * The voice-answer WebSocket (/session/:id/audio) through the real app: who may connect,
 * every protocol rejection with its close code, live metrics and captions while streaming a
 * fixture, and the recording's metrics stored with the answer and shown on the feedback page.
 * Sockets are injected (app.injectWS, no port) except in the last test, which uses a real
 * listening server and the `ws` client.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import WebSocket from 'ws';
import type { AppConfig } from '../../src/config.js';
import type { AppDeps } from '../../src/app.js';
import { parseWav } from '../../src/speech/wav.js';
import { createTestApp, Visitor } from '../support/test-app.js';
import { html } from '../support/html.js';
import { answerAll, currentQuestion, setUpSession } from '../support/interview-driver.js';
import { strongAnswer } from '../support/answers.js';
import { chunks, consentToRecording, fixturePcm, gapManifest, trackSocket as track, type SocketClient as Client } from '../support/audio.js';
import { createFakeTranscriber } from '../support/fake-transcriber.js';
import { stored as inDatabase } from '../support/db-inspect.js';

async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((r) => setTimeout(r, 10));
}

describe('voice answers over WebSocket', () => {
  let app: FastifyInstance;
  const temp: string[] = [];

  afterEach(async () => {
    await app?.close();
    for (const d of temp.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });

  async function start(config: Partial<AppConfig> = {}, deps: AppDeps = {}, consent: Record<string, string> = {}) {
    app = await createTestApp(config, deps);
    const visitor = new Visitor(app);
    const id = await setUpSession(visitor, { cv: 'cv-alex-morgan.txt' });
    expect((await visitor.post(`/session/${id}/start`)).statusCode).toBe(303);
    await consentToRecording(visitor, id, consent);
    return { visitor, id };
  }

  async function connect(visitor: Visitor | null, id: string, headers: Record<string, string> = {}): Promise<Client> {
    let client: Client | undefined;
    await app.injectWS(
      `/session/${id}/audio`,
      { headers: { ...(visitor?.cookieHeader ? { cookie: visitor.cookieHeader } : {}), ...headers } },
      { onInit: (ws) => (client = track(ws)) },
    );
    return client!;
  }

  const ownerOf = (id: string) => inDatabase(app).ownerOf(id);
  const storedMetrics = (id: string) => inDatabase(app).answerSpeechMetrics(id);

  describe('who may connect (checked before the upgrade)', () => {
    it('only the interview owner: a stranger, no cookie or an unknown id get a 404 and no socket', async () => {
      const { visitor, id } = await start();
      const stranger = new Visitor(app);
      await stranger.get('/');
      await expect(connect(stranger, id)).rejects.toThrow(/Unexpected server response: 404/);
      await expect(connect(null, id)).rejects.toThrow(/404/);
      await expect(connect(visitor, 'no-such-interview-id')).rejects.toThrow(/404/);
      expect(app.services.recordings.size).toBe(0);
      // The owner gets a socket and a recording id.
      const client = await connect(visitor, id);
      expect(await client.next('ready')).toMatchObject({ sampleRate: 16000, frameBytes: 3200, maxSeconds: 600 });
      client.ws.close();
    });

    it('only while the interview is in progress', async () => {
      app = await createTestApp();
      const visitor = new Visitor(app);
      const draft = await setUpSession(visitor, { cv: 'cv-alex-morgan.txt' });
      await expect(connect(visitor, draft)).rejects.toThrow(/409/);
      expect((await visitor.post(`/session/${draft}/start`)).statusCode).toBe(303);
      await answerAll(visitor, draft, strongAnswer);
      expect((await visitor.post(`/session/${draft}/complete`)).statusCode).toBe(303);
      await expect(connect(visitor, draft)).rejects.toThrow(/409/);
      // Nothing was spoken: the feedback page has no Delivery section.
      const feedback = html((await visitor.get(`/session/${draft}/feedback`)).body);
      expect(feedback.querySelector('#score')).not.toBeNull();
      expect(feedback.querySelector('#delivery')).toBeNull();
    });

    it("refuses a page from another site using the visitor's cookie (Origin check)", async () => {
      const { visitor, id } = await start();
      await expect(connect(visitor, id, { origin: 'https://evil.example' })).rejects.toThrow(/403/);
      const ok = await connect(visitor, id, { origin: 'http://localhost:80', host: 'localhost:80' });
      await ok.next('ready');
      ok.ws.close();
    });

    it('caps how many recordings one visitor may have open', async () => {
      const { visitor, id } = await start();
      const open = [await connect(visitor, id), await connect(visitor, id), await connect(visitor, id)];
      await Promise.all(open.map((c) => c.next('ready')));
      await expect(connect(visitor, id)).rejects.toThrow(/429/);
      for (const c of open) c.ws.close();
    });
  });

  describe('protocol rejections close the socket with a code and a reason', () => {
    async function rejection(send: (ws: WebSocket) => void, config: Partial<AppConfig> = {}) {
      const { visitor, id } = await start(config);
      const client = await connect(visitor, id);
      await client.next('ready');
      send(client.ws);
      return client.closed;
    }
    const startMsg = JSON.stringify({ type: 'start' });

    it('odd-length audio (not whole 16-bit samples) → 1003', async () => {
      const closed = await rejection((ws) => {
        ws.send(startMsg);
        ws.send(Buffer.alloc(3201), { binary: true });
      });
      expect(closed).toEqual({ code: 1003, reason: 'audio frames must hold whole 16-bit samples (even length)' });
    });

    it('audio frames over 64 KB → 1009', async () => {
      const closed = await rejection((ws) => {
        ws.send(startMsg);
        ws.send(Buffer.alloc(70_000), { binary: true });
      });
      expect(closed.code).toBe(1009);
      expect(closed.reason).toMatch(/at most 65536 bytes/);
    });

    it('text that is not a known control message → 1003; a long one → 1009', async () => {
      expect((await rejection((ws) => ws.send('hello'))).code).toBe(1003);
      await app.close();
      expect(await rejection((ws) => ws.send(JSON.stringify({ type: 'pause' })))).toMatchObject({ code: 1003, reason: expect.stringMatching(/unknown control message/) });
      await app.close();
      expect((await rejection((ws) => ws.send(JSON.stringify({ type: 'start', pad: 'x'.repeat(400) })))).code).toBe(1009);
    });

    it('audio before {"type":"start"}, or a second start → 1008', async () => {
      expect(await rejection((ws) => ws.send(Buffer.alloc(3200), { binary: true }))).toEqual({ code: 1008, reason: 'send {"type":"start"} before audio' });
      await app.close();
      expect(await rejection((ws) => (ws.send(startMsg), ws.send(startMsg)))).toMatchObject({ code: 1008 });
    });

    it('too many frames per second → 1008', async () => {
      const closed = await rejection(
        (ws) => {
          ws.send(startMsg);
          for (let i = 0; i < 15; i++) ws.send(Buffer.alloc(320), { binary: true });
        },
        { speech: { ...defaultSpeech, maxFramesPerSecond: 10 } },
      );
      expect(closed).toEqual({ code: 1008, reason: 'too many frames per second' });
    });

    it('audio much faster than real time → 1008', async () => {
      const closed = await rejection((ws) => {
        ws.send(startMsg);
        for (let i = 0; i < 16; i++) ws.send(Buffer.alloc(64_000), { binary: true }); // 2 s each, all at once
      });
      expect(closed).toEqual({ code: 1008, reason: 'audio is arriving faster than real time' });
    });

    it('the total-duration cap ends the recording (final summary first) → 1008', async () => {
      const { visitor, id } = await start({ speech: { ...defaultSpeech, maxSeconds: 2 } });
      const client = await connect(visitor, id);
      client.ws.send(startMsg);
      for (const c of chunks(fixturePcm('speech-normal.wav'), 16_000)) client.ws.send(c, { binary: true });
      const final = await client.next('final');
      expect(final.summary).toMatchObject({ endedBy: 'limit', durationSeconds: 2 });
      expect(await client.closed).toEqual({ code: 1008, reason: 'recording limit reached (2 s)' });
    });
  });

  it('streams a spoken answer: live metrics and captions back, metrics stored with the answer, Delivery on the feedback page', async () => {
    const transcriber = createFakeTranscriber(['Um, I led a team of four engineers.', 'We rebuilt, like, the billing system in three months.']);
    // 100 ms frames as the browser sends them, faster than real time: lift the frame-rate cap.
    const { visitor, id } = await start({ speech: { ...defaultSpeech, maxFramesPerSecond: 1000 } }, { transcriber });
    const page = html((await visitor.get(`/session/${id}/interview`)).body);
    expect(page.querySelector('#answer-form #recorder')).not.toBeNull();
    expect(page.querySelector('#recorder-no-captions')).toBeNull(); // captions are on

    const client = await connect(visitor, id);
    const ready = await client.next('ready');
    expect(ready.transcriber).toEqual({ name: 'fake', available: true });
    client.ws.send(JSON.stringify({ type: 'start' }));
    for (const c of chunks(fixturePcm('speech-gap.wav'))) client.ws.send(c, { binary: true });
    client.ws.send(JSON.stringify({ type: 'stop' }));
    const final = await client.next('final');
    expect(await client.closed).toEqual({ code: 1000, reason: 'recording finished' });

    const metrics = client.messages.filter((m) => m.type === 'metrics');
    expect(metrics.length).toBeGreaterThanOrEqual(30); // ~5 a second of audio
    expect(metrics.some((m) => m.speaking)).toBe(true);
    expect(metrics.at(-1)).toMatchObject({ longPauses: 1, timeToFirstWord: expect.any(Number) });
    expect(client.messages.filter((m) => m.type === 'transcript')).toHaveLength(2);
    expect(final.recordingId).toBe(ready.recordingId);
    expect(final.transcript).toBe('Um, I led a team of four engineers. We rebuilt, like, the billing system in three months.');
    const { gapStart } = gapManifest();
    expect(final.summary.longPauses[0].start).toBeCloseTo(gapStart, 0);

    // Send the (edited) transcript with the recording id: the metrics go with the answer.
    const q = (await currentQuestion(visitor, id))!;
    const sent = await visitor.post(`/session/${id}/message`, { answer: `${final.transcript} It cut costs by 18%.`, question_id: q.id, recording_id: final.recordingId });
    expect(sent.statusCode).toBe(303);
    const [stored] = await storedMetrics(id);
    expect(stored).toMatchObject({ version: 1, longPauseCount: 1, endedBy: 'stop', transcript: { available: true, segments: 2 }, rate: { words: 17 }, fillers: { count: 2 } });
    expect(stored!.envelope.levelDb.length).toBeLessThanOrEqual(300);
    // Used once: the recording is gone from memory.
    expect(app.services.recordings.find(final.recordingId, id, await ownerOf(id))).toBeNull();

    // The rest typed; then the feedback page has a Delivery section for the spoken answer only.
    await answerAll(visitor, id, strongAnswer);
    expect((await storedMetrics(id)).slice(1).every((m) => m === null)).toBe(true);
    expect((await visitor.post(`/session/${id}/complete`)).statusCode).toBe(303);
    const feedback = html((await visitor.get(`/session/${id}/feedback`)).body);
    const delivery = feedback.querySelector('#delivery');
    expect(delivery).not.toBeNull();
    expect(delivery!.querySelectorAll('.delivery-answers > li')).toHaveLength(1);
    expect(delivery!.textContent).toMatch(/pause longer than 2 seconds/);
    expect(delivery!.textContent).toMatch(/filler words a minute/);
    expect(delivery!.querySelector('svg.timeline-chart rect.pause')).not.toBeNull();
    expect(delivery!.querySelector('svg.pace-gauge')).not.toBeNull();
    expect(delivery!.toString()).not.toMatch(/style=/);
  });

  it('a dropped connection keeps what was received; the answer still gets its metrics', async () => {
    const { visitor, id } = await start();
    const client = await connect(visitor, id);
    const { recordingId } = await client.next('ready');
    client.ws.send(JSON.stringify({ type: 'start' }));
    for (const c of chunks(fixturePcm('speech-normal.wav'), 32_000)) client.ws.send(c, { binary: true });
    await client.next('metrics');
    client.ws.terminate(); // no stop, no close handshake
    const owner = await ownerOf(id);
    await expect.poll(() => app.services.recordings.find(recordingId, id, owner)?.endedAt ?? null).not.toBeNull();

    const q = (await currentQuestion(visitor, id))!;
    expect((await visitor.post(`/session/${id}/message`, { answer: 'I led a team of four engineers.', question_id: q.id, recording_id: recordingId })).statusCode).toBe(303);
    const [stored] = await storedMetrics(id);
    expect(stored).toMatchObject({ endedBy: 'disconnect', transcript: { available: false } });
    expect(stored!.durationSeconds).toBeCloseTo(4.39, 1);
  });

  it("ignores a recording id that is not this visitor's or not this interview's", async () => {
    const { visitor, id } = await start();
    const client = await connect(visitor, id);
    const { recordingId } = await client.next('ready');
    client.ws.send(JSON.stringify({ type: 'start' }));
    client.ws.send(fixturePcm('speech-normal.wav').subarray(0, 32_000), { binary: true });
    client.ws.send(JSON.stringify({ type: 'stop' }));
    await client.next('final');

    // Another visitor with their own interview tries to attach it.
    const other = new Visitor(app);
    const otherId = await setUpSession(other, { cv: 'cv-alex-morgan.txt' });
    await other.post(`/session/${otherId}/start`);
    const oq = (await currentQuestion(other, otherId))!;
    expect((await other.post(`/session/${otherId}/message`, { answer: 'My answer.', question_id: oq.id, recording_id: recordingId })).statusCode).toBe(303);
    expect(await storedMetrics(otherId)).toEqual([null]);
    // The same visitor's other interview can't take it either.
    const second = await setUpSession(visitor, { cv: 'cv-alex-morgan.txt' });
    await visitor.post(`/session/${second}/start`);
    const sq = (await currentQuestion(visitor, second))!;
    await visitor.post(`/session/${second}/message`, { answer: 'Another answer.', question_id: sq.id, recording_id: recordingId });
    expect(await storedMetrics(second)).toEqual([null]);
    // Nonsense ids are ignored, not errors.
    const q = (await currentQuestion(visitor, id))!;
    expect((await visitor.post(`/session/${id}/message`, { answer: 'Typed.', question_id: q.id, recording_id: '../../etc/passwd' })).statusCode).toBe(303);
    expect(await storedMetrics(id)).toEqual([null]);
  });

  it('says once on the page when there are no captions, and /health reports the transcriber', async () => {
    const { visitor, id } = await start();
    const page = html((await visitor.get(`/session/${id}/interview`)).body);
    expect(page.querySelectorAll('#recorder-no-captions')).toHaveLength(1);
    expect(page.querySelector('#recorder')?.getAttribute('data-captions')).toBe('off');
    expect((await app.inject({ method: 'GET', url: '/health' })).json().transcriber).toEqual({
      name: 'none',
      available: false,
      reason: 'Transcription is turned off on this server (TRANSCRIBER=none).',
      choice: 'TRANSCRIBER=none',
    });
    // The page says which transcriber runs and why, too.
    expect(page.querySelector('#recorder-about')!.textContent).toMatch(/none.*TRANSCRIBER=none.*Transcription is turned off on this server/s);
    await app.close();
    app = await createTestApp({}, { transcriber: createFakeTranscriber([]) });
    expect((await app.inject({ method: 'GET', url: '/health' })).json().transcriber).toEqual({ name: 'fake', available: true, choice: 'supplied by the embedding code (tests)' });
  });

  it('keeps raw audio only when the operator asks and the candidate agreed, as WAV named by the random recording id', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rehearse-raw-'));
    temp.push(dataDir);
    const { visitor, id } = await start({ dataDir, speech: { ...defaultSpeech, storeRaw: true } }, {}, { raw_audio: 'on' });
    const client = await connect(visitor, id);
    const { recordingId } = await client.next('ready');
    const pcm = fixturePcm('speech-normal.wav');
    client.ws.send(JSON.stringify({ type: 'start' }));
    for (const c of chunks(pcm, 32_000)) client.ws.send(c, { binary: true });
    client.ws.send(JSON.stringify({ type: 'stop' }));
    await client.closed;
    const file = path.join(dataDir, 'recordings', id, `${recordingId}.wav`);
    await expect.poll(() => fs.existsSync(file) && parseWav(fs.readFileSync(file)).data.length).toBe(pcm.length);
    expect(parseWav(fs.readFileSync(file)).data.equals(pcm)).toBe(true);
  });

  it('does not keep raw audio when the operator keeps it but the candidate did not tick the box', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rehearse-raw-'));
    temp.push(dataDir);
    const { visitor, id } = await start({ dataDir, speech: { ...defaultSpeech, storeRaw: true } });
    const client = await connect(visitor, id);
    client.ws.send(JSON.stringify({ type: 'start' }));
    client.ws.send(fixturePcm('speech-normal.wav').subarray(0, 32_000), { binary: true });
    client.ws.send(JSON.stringify({ type: 'stop' }));
    await client.closed;
    expect(fs.existsSync(path.join(dataDir, 'recordings'))).toBe(false);
  });

  it('does not keep raw audio by default', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rehearse-raw-'));
    temp.push(dataDir);
    const { visitor, id } = await start({ dataDir });
    const client = await connect(visitor, id);
    client.ws.send(JSON.stringify({ type: 'start' }));
    client.ws.send(fixturePcm('speech-normal.wav').subarray(0, 32_000), { binary: true });
    client.ws.send(JSON.stringify({ type: 'stop' }));
    await client.closed;
    expect(fs.existsSync(path.join(dataDir, 'recordings'))).toBe(false);
  });

  it('on shutdown closes open recordings with 1001 and a reason', async () => {
    const { visitor, id } = await start();
    const client = await connect(visitor, id);
    await client.next('ready');
    client.ws.send(JSON.stringify({ type: 'start' }));
    client.ws.send(fixturePcm('speech-normal.wav').subarray(0, 32_000), { binary: true });
    await client.next('metrics');
    await app.close();
    expect(await client.closed).toEqual({ code: 1001, reason: 'server shutting down' });
  });

  describe('idle sockets are closed (a socket holds a descriptor and a recording slot)', () => {
    it('one that never sends {"type":"start"} → 1008, and its slot is free again', async () => {
      const { visitor, id } = await start({ speech: { ...defaultSpeech, startTimeoutMs: 200 } });
      const client = await connect(visitor, id);
      await client.next('ready');
      expect(await client.closed).toEqual({ code: 1008, reason: 'send {"type":"start"} within 0.2 s' });
      expect(app.services.recordings.liveCount((await ownerOf(id)))).toBe(0);
    });

    it('one that stops sending audio is ended with its summary (the audio so far is kept) → 1008', async () => {
      const { visitor, id } = await start({ speech: { ...defaultSpeech, idleTimeoutMs: 300 } });
      const client = await connect(visitor, id);
      client.ws.send(JSON.stringify({ type: 'start' }));
      for (const c of chunks(fixturePcm('speech-normal.wav'), 3_200).slice(0, 5)) client.ws.send(c, { binary: true });
      const final = await client.next('final');
      expect(final.summary).toMatchObject({ endedBy: 'limit' });
      expect(final.summary.durationSeconds).toBeGreaterThan(0);
      expect(await client.closed).toEqual({ code: 1008, reason: 'no audio for 0.3 s' });
    });
  });

  it('a broken WebSocket frame from the client is a warning in the log, not an error', async () => {
    const lines: string[] = [];
    app = await createTestApp({ logLevel: 'info' }, { logStream: { write: (line) => void lines.push(line) } });
    const visitor = new Visitor(app);
    const id = await setUpSession(visitor, { cv: 'cv-alex-morgan.txt' });
    expect((await visitor.post(`/session/${id}/start`)).statusCode).toBe(303);
    await consentToRecording(visitor, id);
    await app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = app.server.address() as { port: number };
    const client = track(new WebSocket(`ws://127.0.0.1:${port}/session/${id}/audio`, { headers: { cookie: visitor.cookieHeader! } }));
    client.ws.on('error', () => undefined);
    await client.next('ready');
    // A masked frame with the reserved opcode 0x3: a protocol error only a broken or hostile client makes.
    (client.ws as unknown as { _socket: import('node:net').Socket })._socket.write(Buffer.from([0x83, 0x80, 1, 2, 3, 4]));
    await client.closed;
    await until(() => lines.some((l) => l.includes('WS_ERR_INVALID_OPCODE')));
    const all = lines.map((l) => JSON.parse(l) as { level: number; msg: string; code?: string });
    expect(all.find((l) => l.code === 'WS_ERR_INVALID_OPCODE')).toMatchObject({ level: 40, msg: 'voice socket: protocol error from the client' });
    expect(all.filter((l) => l.level >= 50)).toEqual([]);
  });

  it('works over a real listening socket with the ws client (upgrade refused for strangers)', async () => {
    const { visitor, id } = await start();
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    if (!address || typeof address === 'string') throw new Error('no port');
    const url = `ws://127.0.0.1:${address.port}/session/${id}/audio`;

    const refused = await new Promise<number>((resolve, reject) => {
      const ws = new WebSocket(url);
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.on('open', () => reject(new Error('a stranger got a socket')));
      ws.on('error', () => undefined);
    });
    expect(refused).toBe(404);

    const client = track(new WebSocket(url, { headers: { cookie: visitor.cookieHeader! } }));
    await client.next('ready');
    client.ws.send(JSON.stringify({ type: 'start' }));
    for (const c of chunks(fixturePcm('speech-gap.wav'), 32_000)) client.ws.send(c, { binary: true });
    client.ws.send(JSON.stringify({ type: 'stop' }));
    const final = await client.next('final');
    expect(final.summary.longPauseCount).toBe(1);
    expect(await client.closed).toMatchObject({ code: 1000 });
  });
});

/** The speech settings tests start from (testConfig's, with no transcriber). */
const defaultSpeech: AppConfig['speech'] = {
  transcriber: 'none',
  transcriberChoice: 'TRANSCRIBER=none',
  remoteOpenAi: null,
  remoteGemini: null,
  remoteTimeoutMs: 15_000,
  remoteConcurrency: 16,
  whisperModel: 'Xenova/whisper-tiny.en',
  whisperModelDir: path.join(os.tmpdir(), 'rehearse-no-models'),
  whisperAllowDownload: false,
  maxSeconds: 600,
  maxFramesPerSecond: 50,
  recordingTtlMs: 60 * 60_000,
  storeRaw: false,
  startTimeoutMs: 10_000,
  idleTimeoutMs: 10_000,
};
