import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deleteRecordingFiles, recordingPath } from '../../../src/speech/recording-files.js';

const A = 'AAAAAAAAAAAAAAAAAAAAA'; // 21-character nanoids
const B = 'AAAAAAAAAAAAAAAAAAAAB';

describe('stored recordings', () => {
  let dataDir: string;
  const rec = (...parts: string[]) => path.join(dataDir, 'recordings', ...parts);
  const write = (file: string) => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, 'RIFF');
  };
  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rehearse-rec-'));
  });
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('deletes a session’s folder and files named after it, and nothing of another session', async () => {
    write(recordingPath(dataDir, A, 'r1.wav'));
    write(recordingPath(dataDir, A, 'r2.wav'));
    write(rec(`${A}-r3.wav`));
    write(rec(`${A}.wav`));
    write(recordingPath(dataDir, B, 'r4.wav'));
    write(rec(`${B}-r5.wav`));
    expect(await deleteRecordingFiles(dataDir, [A])).toBe(3);
    expect(fs.readdirSync(rec()).sort()).toEqual([B, `${B}-r5.wav`].sort());
  });

  it('is fine when nothing was ever recorded', async () => {
    expect(await deleteRecordingFiles(dataDir, [A])).toBe(0);
  });

  it('never lets an id or file name reach outside the recordings folder', async () => {
    write(path.join(dataDir, 'rehearse.db'));
    expect(await deleteRecordingFiles(dataDir, ['..', '../..', '', '.'])).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'rehearse.db'))).toBe(true);
    expect(() => recordingPath(dataDir, '../etc', 'x.wav')).toThrow();
    expect(() => recordingPath(dataDir, A, '../../rehearse.db')).toThrow();
    expect(() => recordingPath(dataDir, A, '.hidden')).toThrow();
  });
});
