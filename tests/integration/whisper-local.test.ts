/**
 * Local Whisper through the real @huggingface/transformers code, with the tiny random-weight
 * model in tests/fixtures/models (made by make-tiny-whisper.py): the worker loads the configs,
 * the tokenizer and both ONNX graphs, computes log-mel features, runs the encoder and the
 * merged decoder with its cache, and decodes tokens. The words are nonsense ("we we we"); the
 * plumbing is the one a real model goes through, in a test and through the audio socket.
 */
import path from 'node:path';
import { describe, expect } from 'vitest';
import { loadConfig, testConfig } from '../../src/config.js';
import { createTranscriber } from '../../src/speech/index.js';
import { pcm16ToFloat32 } from '../../src/speech/signal.js';
import { createWhisperTranscriber } from '../../src/speech/whisper-transcriber.js';
import { useTestApp, Visitor } from '../support/test-app.js';
import { currentQuestion, setUpSession } from '../support/interview-driver.js';
import { chunks, consentToRecording, fixturePcm } from '../support/audio.js';
import { stored } from '../support/db-inspect.js';

const test = useTestApp({ eager: false });

const MODEL_DIR = path.resolve(import.meta.dirname, '../fixtures/models');
const MODEL = 'Rehearse/tiny-random-whisper.en';

describe('local Whisper on the tiny random-weight model', () => {
  test('loads from the model folder and decodes text, the same for the same audio', { timeout: 60_000 }, async () => {
    const whisper = createWhisperTranscriber({ modelId: MODEL, modelDir: MODEL_DIR, allowDownload: false });
    try {
      expect(whisper.status()).toEqual({ name: `whisper:${MODEL}`, available: true, reason: 'The model loads on first use.' });
      const audio = pcm16ToFloat32(fixturePcm('speech-normal.wav'));
      const text = await whisper.transcribe(audio.slice());
      // Byte-level BPE tokens decoded into words of a–z (the fixture's generation config suppresses the rest).
      expect(text).toMatch(/^[a-z]+( [a-z]+)*$/);
      expect(await whisper.transcribe(audio.slice())).toBe(text);
      expect(whisper.status()).toEqual({ name: `whisper:${MODEL}`, available: true });
      // English-only model: a language hint is not passed on (transformers.js would refuse it).
      await expect(whisper.transcribe(audio.slice(), { language: 'en', vocabulary: ['Kubernetes'] })).resolves.toBe(text);
    } finally {
      await whisper.close();
    }
  });

  test('says which file is missing when the model folder is incomplete', { timeout: 60_000 }, async () => {
    const whisper = createWhisperTranscriber({ modelId: 'Rehearse/no-such-model', modelDir: MODEL_DIR, allowDownload: false });
    expect(whisper.status()).toMatchObject({ available: false, reason: expect.stringMatching(/Whisper model "Rehearse\/no-such-model" was not found .*npm run models:download/) });
    await whisper.close();
  });

  test('transcribes a recording through the audio socket, and its words reach the stored answer', { timeout: 90_000 }, async ({ makeApp }) => {
    const base = testConfig().speech;
    const speech = { ...base, transcriber: 'whisper' as const, transcriberChoice: 'TRANSCRIBER=whisper', whisperModel: MODEL, whisperModelDir: MODEL_DIR };
    const app = await makeApp({ speech });
    expect((await app.inject('/health')).json().transcriber).toMatchObject({ name: `whisper:${MODEL}`, available: true, choice: 'TRANSCRIBER=whisper' });
    const visitor = new Visitor(app);
    const id = await setUpSession(visitor, { cv: 'cv-alex-morgan.txt' });
    expect((await visitor.post(`/session/${id}/start`)).statusCode).toBe(303);
    await consentToRecording(visitor, id);
    const messages: Array<{ type: string; [k: string]: any }> = [];
    const final = await new Promise<{ [k: string]: any }>((resolve, reject) => {
      void app!
        .injectWS(`/session/${id}/audio`, { headers: { cookie: visitor.cookieHeader! } }, {
          onInit: (ws) => {
            ws.on('message', (data, isBinary) => {
              if (isBinary) return;
              const m = JSON.parse(data.toString());
              messages.push(m);
              if (m.type === 'ready') {
                ws.send(JSON.stringify({ type: 'start' }));
                for (const c of chunks(fixturePcm('speech-gap.wav'), 16_000)) ws.send(c, { binary: true });
                ws.send(JSON.stringify({ type: 'stop' }));
              }
              if (m.type === 'final') resolve(m);
            });
          },
        })
        .catch(reject);
    });
    const captions = messages.filter((m) => m.type === 'transcript');
    expect(captions).toHaveLength(2);
    for (const c of captions) expect(c.segment.text).toMatch(/^[a-z]+( [a-z]+)*$/);
    expect(messages.filter((m) => m.type === 'notice')).toEqual([]);
    expect(final.transcript).toBe(captions.map((c) => c.segment.text).join(' '));
    expect(final.summary.transcript).toMatchObject({ segments: 2, failedSegments: 0, by: `whisper:${MODEL}`, verbatim: false });
    expect(final.summary.rate.words).toBe(final.transcript.split(' ').length);

    const q = (await currentQuestion(visitor, id))!;
    expect((await visitor.post(`/session/${id}/message`, { answer: final.transcript, question_id: q.id, recording_id: final.recordingId })).statusCode).toBe(303);
    const row = (await stored(app).messages(id)).find((m) => m.kind === 'answer')!;
    expect(row.content).toBe(final.transcript);
    expect(row.speechMetrics!.transcript.by).toBe(`whisper:${MODEL}`);
  });

  test('TRANSCRIBER=auto with nothing remote configured runs this Whisper from WHISPER_MODEL_DIR', async () => {
    const speech = loadConfig({ WHISPER_MODEL: MODEL, WHISPER_MODEL_DIR: MODEL_DIR }).speech;
    expect(speech.transcriber).toBe('whisper');
    const t = createTranscriber(speech);
    expect(t.status()).toMatchObject({ name: `whisper:${MODEL}`, available: true });
    await t.close();
  });
});
