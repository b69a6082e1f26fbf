/**
 * Issue 17, finding 10: /health showed the DATA_DIR path to anyone (in the transcriber's and
 * the coverage method's "model not found in …" texts). Server paths now never reach a
 * response — not /health, not the voice socket's "ready" message — while the operator still
 * gets them in the start-up log.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect } from 'vitest';
import { testConfig } from '../../src/config.js';
import { createPathRedactor } from '../../src/security/redact-paths.js';
import { useTestApp, Visitor } from '../support/test-app.js';
import { consentToRecording } from '../support/audio.js';
import { setUpSession } from '../support/interview-driver.js';

const test = useTestApp({ eager: false });

describe('server paths stay out of responses', () => {
  let dataDir: string;
  const dirs: string[] = [];
  // After the file: the apps (closed by the fixture after each test) are gone by then.
  afterAll(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  test('/health and the voice socket name settings, not the DATA_DIR path; the log has the paths', async ({ makeApp }) => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rehearse-secret-place-'));
    dirs.push(dataDir);
    const models = path.join(dataDir, 'models');
    const logs: string[] = [];
    const base = testConfig();
    const app = await makeApp(
      {
        dataDir,
        logLevel: 'info',
        // The real transcriber and coverage scorer, with no model installed: both explain where they looked.
        speech: { ...base.speech, transcriber: 'whisper', whisperModelDir: models },
        coverage: { ...base.coverage, method: 'auto', embeddingsModelDir: models },
      },
      { logStream: { write: (line) => void logs.push(line) } },
    );

    const health = await app.inject({ method: 'GET', url: '/health' });
    expect(health.statusCode).toBe(200);
    expect(health.body).not.toContain(dataDir);
    expect(health.body).not.toMatch(/"[^"]*\s\/(tmp|var|home|srv|data)\//);
    const body = health.json();
    expect(body.transcriber).toMatchObject({ available: false, reason: expect.stringContaining('not found in $WHISPER_MODEL_DIR') });
    expect(body.coverage.detail).toContain('not found in $EMBEDDINGS_MODEL_DIR');

    // A visitor's voice socket: its "ready" message carries the same status.
    const visitor = new Visitor(app);
    const id = await setUpSession(visitor, { cv: 'cv-alex-morgan.txt' });
    expect((await visitor.post(`/session/${id}/start`)).statusCode).toBe(303);
    await consentToRecording(visitor, id);
    const ready = await new Promise<string>((resolve, reject) => {
      void app!
        .injectWS(`/session/${id}/audio`, { headers: { cookie: visitor.cookieHeader! } }, {
          onInit: (ws) =>
            ws.on('message', (data, isBinary) => {
              if (isBinary) return;
              resolve(data.toString());
              ws.terminate();
            }),
        })
        .catch(reject);
    });
    expect(JSON.parse(ready).type).toBe('ready');
    expect(ready).not.toContain(dataDir);
    expect(ready).toContain('$WHISPER_MODEL_DIR');

    // The operator still learns the real paths, from the start-up log.
    expect(logs.find((l) => l.includes('speech-to-text and answer coverage'))).toContain(models);
  });

  test('the redactor names the most specific setting, leaves URLs alone and hides any other absolute path', () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rehearse-redact-'));
    dirs.push(dataDir);
    const redact = createPathRedactor({ DATA_DIR: dataDir, WHISPER_MODEL_DIR: path.join(dataDir, 'models') });
    expect(redact(`missing ${dataDir}/models/Xenova/whisper-tiny.en/config.json`)).toBe('missing $WHISPER_MODEL_DIR/Xenova/whisper-tiny.en/config.json');
    expect(redact(`database at ${dataDir}/rehearse.db`)).toBe('database at $DATA_DIR/rehearse.db');
    expect(redact('Load model from /opt/elsewhere/model.onnx failed')).toBe('Load model from [path] failed');
    expect(redact('get a key at https://aistudio.google.com/apikey and/or retry')).toBe('get a key at https://aistudio.google.com/apikey and/or retry');
  });
});
