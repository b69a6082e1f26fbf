import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../support/temp-dirs.js';
import { loadConfig } from '../../../src/config.js';
import { createTranscriber } from '../../../src/speech/index.js';
import { createNoTranscriber, TranscriberError } from '../../../src/speech/transcriber.js';
import { createWhisperTranscriber, modelConfigPath } from '../../../src/speech/whisper-transcriber.js';

const MODEL = 'Xenova/whisper-tiny.en';

describe('transcribers', () => {
  const tempDir = useTempDirs('rehearse-models-');

  it('Whisper without its model is unavailable and says where it looked and what to do', () => {
    const dir = tempDir();
    const whisper = createWhisperTranscriber({ modelId: MODEL, modelDir: dir, allowDownload: false });
    const status = whisper.status();
    expect(status.available).toBe(false);
    expect(status.name).toBe(`whisper:${MODEL}`);
    expect(status.reason).toContain(modelConfigPath(dir, MODEL));
    expect(status.reason).toContain('WHISPER_MODEL_DIR');
    expect(status.reason).toContain('WHISPER_ALLOW_DOWNLOAD=true');
  });

  it('the real loading code (worker thread + transformers) fails with the same clear message', { timeout: 30_000 }, async () => {
    const dir = tempDir();
    const whisper = createWhisperTranscriber({ modelId: MODEL, modelDir: dir, allowDownload: false });
    try {
      const error = await whisper.load().then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(TranscriberError);
      expect((error as TranscriberError).kind).toBe('unavailable');
      expect((error as Error).message).toMatch(/Whisper model "Xenova\/whisper-tiny\.en" was not found in /);
      expect((error as Error).message).toContain(dir);
      // …and transcribing is refused with it, without touching the worker again.
      await expect(whisper.transcribe(new Float32Array(16000))).rejects.toThrow(/was not found/);
      expect(whisper.status()).toMatchObject({ available: false });
    } finally {
      await whisper.close();
    }
  });

  it('an incomplete model folder names the missing file', { timeout: 30_000 }, async () => {
    const dir = tempDir();
    fs.mkdirSync(path.dirname(modelConfigPath(dir, MODEL)), { recursive: true });
    fs.writeFileSync(modelConfigPath(dir, MODEL), JSON.stringify({ model_type: 'whisper' }));
    const whisper = createWhisperTranscriber({ modelId: MODEL, modelDir: dir, allowDownload: false });
    try {
      expect(whisper.status()).toMatchObject({ available: true, reason: 'The model loads on first use.' });
      const error = await whisper.transcribe(new Float32Array(16000)).then(
        () => null,
        (e: unknown) => e as Error,
      );
      expect(error?.message).toMatch(/was not found in .*\(missing .*whisper-tiny\.en[/\\]/);
      expect(whisper.status().available).toBe(false);
    } finally {
      await whisper.close();
    }
  });

  it('download on first use is reported as available before anything is fetched', () => {
    const whisper = createWhisperTranscriber({ modelId: MODEL, modelDir: tempDir(), allowDownload: true });
    expect(whisper.status()).toMatchObject({ available: true });
    expect(whisper.status().reason).toMatch(/downloaded .* on first use/);
  });

  it('TRANSCRIBER=none gives a transcriber that says it is off', async () => {
    const none = createTranscriber(loadConfig({ TRANSCRIBER: 'none' }).speech);
    expect(none.status()).toEqual({ name: 'none', available: false, reason: expect.stringContaining('TRANSCRIBER=none') });
    await expect(none.transcribe(new Float32Array(10))).rejects.toBeInstanceOf(TranscriberError);
    expect(createNoTranscriber().name).toBe('none');
  });

  it('reads its settings from the environment, with a model folder under DATA_DIR', () => {
    const config = loadConfig({ DATA_DIR: '/srv/rehearse' });
    expect(config.speech).toMatchObject({
      transcriber: 'whisper',
      whisperModel: MODEL,
      whisperModelDir: path.resolve('/srv/rehearse/models'),
      whisperAllowDownload: false,
      maxSeconds: 600,
      storeRaw: false,
    });
    expect(createTranscriber(config.speech).name).toBe(`whisper:${MODEL}`);
    expect(() => loadConfig({ AUDIO_MAX_SECONDS: '5' })).toThrow(/AUDIO_MAX_SECONDS/);
    expect(() => loadConfig({ WHISPER_MODEL: '../etc' })).toThrow(/WHISPER_MODEL/);
  });
});
