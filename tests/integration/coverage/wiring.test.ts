/**
 * Answer coverage in the app: its settings from the environment, the scorer buildApp makes
 * (or is given), closing it on shutdown, and what /health says about it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig, testConfig } from '../../../src/config.js';
import type { CoverageScorer } from '../../../src/coverage/index.js';
import { useTestApp } from '../../support/test-app.js';

const test = useTestApp({ eager: false });

describe('answer coverage settings and wiring', () => {
  const dirs: string[] = [];
  // After the file: the apps (closed by the fixture after each test) are gone by then.
  afterAll(() => {
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });

  it('reads its settings from the environment, with the model folder under DATA_DIR by default', () => {
    expect(loadConfig({ DATA_DIR: '/srv/rehearse' }).coverage).toEqual({
      method: 'auto',
      embeddingsModel: 'Xenova/all-MiniLM-L6-v2',
      embeddingsModelDir: path.resolve('/srv/rehearse/models'),
      timeoutMs: 2000,
    });
    expect(
      loadConfig({ COVERAGE_METHOD: 'lexical', EMBEDDINGS_MODEL: 'Xenova/bge-small-en', EMBEDDINGS_MODEL_DIR: '/models', COVERAGE_TIMEOUT_MS: '500' })
        .coverage,
    ).toEqual({ method: 'lexical', embeddingsModel: 'Xenova/bge-small-en', embeddingsModelDir: path.resolve('/models'), timeoutMs: 500 });
    expect(() => loadConfig({ COVERAGE_METHOD: 'magic' })).toThrow(/COVERAGE_METHOD/);
    expect(() => loadConfig({ EMBEDDINGS_MODEL: '../etc/passwd' })).toThrow(/EMBEDDINGS_MODEL/);
    expect(() => loadConfig({ COVERAGE_TIMEOUT_MS: '0' })).toThrow(/COVERAGE_TIMEOUT_MS/);
    // Tests never load a model unless they ask to.
    expect(testConfig().coverage.method).toBe('lexical');
  });

  test('/health reports the coverage method next to its existing fields', async ({ makeApp }) => {
    const app = await makeApp();
    const body = (await app.inject({ method: 'GET', url: '/health' })).json();
    expect(body.status).toBe('ok');
    expect(body.providers).toBeDefined();
    expect(body.transcriber).toBeDefined();
    expect(body.coverage).toEqual({ method: 'lexical', model: 'bm25', detail: expect.stringContaining('COVERAGE_METHOD=lexical') });
    expect((await app.services.coverage.score('We ran it on k8s.', ['Mentions Kubernetes'])).coveredCount).toBe(1);
  });

  test('COVERAGE_METHOD=auto without the model: /health says where it looked (by setting, not path) and that answers are scored lexically', async ({ makeApp }) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rehearse-embeddings-'));
    dirs.push(dir);
    const app = await makeApp({ coverage: { ...testConfig().coverage, method: 'auto', embeddingsModelDir: dir } });
    const { coverage } = (await app.inject({ method: 'GET', url: '/health' })).json();
    expect(coverage.method).toBe('lexical');
    expect(coverage.detail).toContain('Sentence-embedding model Xenova/all-MiniLM-L6-v2 not found in $EMBEDDINGS_MODEL_DIR');
    expect(coverage.detail).not.toContain(dir);
    expect((await app.services.coverage.score('We ran it on k8s.', ['Mentions Kubernetes'])).method).toBe('lexical');
  });

  test('uses an injected scorer, shows its status and closes it with the app', async ({ makeApp }) => {
    let closed = false;
    const injected: CoverageScorer = {
      score: async () => ({ method: 'embeddings', points: [], coveredCount: 0 }),
      status: () => ({ method: 'embeddings', model: 'fake/model', detail: 'fake' }),
      close: async () => {
        closed = true;
      },
    };
    const app = await makeApp({}, { coverage: injected });
    expect(app.services.coverage).toBe(injected);
    expect((await app.inject({ method: 'GET', url: '/health' })).json().coverage).toEqual({ method: 'embeddings', model: 'fake/model', detail: 'fake' });
    await app.close();
    expect(closed).toBe(true);
  });
});
