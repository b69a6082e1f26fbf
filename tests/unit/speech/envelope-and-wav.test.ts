import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BoundedEnvelope } from '../../../src/speech/envelope.js';
import { encodeWav, parseWav, WavFileWriter } from '../../../src/speech/wav.js';
import { sinePcm } from '../../support/audio.js';

describe('bounded envelope', () => {
  it('never holds more than its capacity, however long the recording', () => {
    const env = new BoundedEnvelope(0.1, 300);
    for (let i = 0; i < 36000; i++) env.push(-60 + (i % 50), i % 3 === 0 ? 120 : null); // one hour of frames
    const data = env.toJSON();
    expect(data.levelDb.length).toBeLessThanOrEqual(300);
    expect(data.levelDb.length).toBeGreaterThan(150);
    expect(data.stepSeconds * data.levelDb.length).toBeGreaterThanOrEqual(3600);
    expect(Math.max(...data.levelDb)).toBe(-11); // the loudest frame survives every merge
    expect(data.pitchHz.every((p) => p === 120)).toBe(true);
  });

  it('keeps one point per frame while there is room', () => {
    const env = new BoundedEnvelope(0.1, 300);
    env.push(-20, null);
    env.push(-30, 200);
    expect(env.toJSON()).toEqual({ stepSeconds: 0.1, levelDb: [-20, -30], pitchHz: [null, 200] });
  });
});

describe('WAV files', () => {
  it('round-trips PCM16 through encode and parse', () => {
    const pcm = sinePcm(220, 0.25);
    const wav = parseWav(encodeWav(pcm, 16000));
    expect(wav.sampleRate).toBe(16000);
    expect(wav.channels).toBe(1);
    expect(wav.data.equals(pcm)).toBe(true);
  });

  it('rejects files that are not 16-bit PCM WAV', () => {
    expect(() => parseWav(Buffer.from('not a wav file at all'))).toThrow(/RIFF/);
    const float = encodeWav(Buffer.alloc(8), 16000);
    float.writeUInt16LE(3, 20); // IEEE float
    expect(() => parseWav(float)).toThrow(/16-bit PCM/);
  });

  it('streams a recording to disk and patches the sizes in when closed', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rehearse-wav-'));
    const file = path.join(dir, 'rec.wav');
    const errors: Error[] = [];
    const writer = new WavFileWriter(file, 16000, (e) => errors.push(e));
    const pcm = sinePcm(150, 0.5);
    writer.write(pcm.subarray(0, 3200));
    writer.write(pcm.subarray(3200));
    await writer.close();
    expect(errors).toEqual([]);
    const wav = parseWav(fs.readFileSync(file));
    expect(wav.data.equals(pcm)).toBe(true);
    // Never overwrites an existing file.
    const again = new WavFileWriter(file, 16000, (e) => errors.push(e));
    await again.close();
    expect(errors).toHaveLength(1);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
