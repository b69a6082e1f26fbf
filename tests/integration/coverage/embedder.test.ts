/**
 * The real embeddings worker (embeddings-worker.mjs through @huggingface/transformers). No
 * model can be downloaded here, so these check the loading code's failure paths and messages,
 * that answers are still scored (lexically) meanwhile, and — with a tiny model written by
 * tiny-model.ts — the whole path: worker, tokenizer, ONNX session, pooling, normalisation.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../support/temp-dirs.js';
import { createCoverageScorer, lexicalCoverage } from '../../../src/coverage/index.js';
import { createWorkerEmbedder, embeddingsModelConfigPath } from '../../../src/coverage/embedder.js';
import { writeTinyModel } from './tiny-model.js';

const MODEL = 'Xenova/all-MiniLM-L6-v2';

describe('worker embedder', () => {
  const tempDir = useTempDirs('rehearse-embeddings-');

  it('without the model folder: missing, with where it looked, and it never starts the worker', async () => {
    const dir = tempDir();
    const embedder = createWorkerEmbedder({ modelId: MODEL, modelDir: dir });
    const state = embedder.state();
    expect(state.kind).toBe('missing');
    expect(state.kind === 'missing' && state.message).toContain(embeddingsModelConfigPath(dir, MODEL));
    await expect(embedder.embed(['a sentence'])).rejects.toThrow(/not found in/);
    expect(embedder.state().kind).toBe('missing');
    await embedder.close();
  });

  it('an incomplete model folder: the real worker fails to load and names the missing file', { timeout: 60_000 }, async () => {
    const dir = tempDir();
    fs.mkdirSync(path.dirname(embeddingsModelConfigPath(dir, MODEL)), { recursive: true });
    fs.writeFileSync(embeddingsModelConfigPath(dir, MODEL), JSON.stringify({ model_type: 'bert' }));
    const embedder = createWorkerEmbedder({ modelId: MODEL, modelDir: dir });
    const reasons: string[] = [];
    const scorer = createCoverageScorer({ modelId: MODEL, embedder, timeoutMs: 50_000, onFallback: (r) => reasons.push(r) });
    try {
      expect(scorer.status()).toMatchObject({ method: 'embeddings', model: MODEL, detail: expect.stringContaining('loads on first use') });
      const coverage = await scorer.score('We ran it all on k8s.', ['Mentions Kubernetes']);
      // Scored all the same, lexically…
      expect(coverage).toEqual(lexicalCoverage('We ran it all on k8s.', ['Mentions Kubernetes']));
      // …and the worker's failure is reported, naming the file it could not find.
      expect(reasons).toHaveLength(1);
      expect(reasons[0]).toMatch(/Sentence-embedding model Xenova\/all-MiniLM-L6-v2 not found in .*\(missing .*all-MiniLM-L6-v2[/\\]/);
      const status = scorer.status();
      expect(status.method).toBe('lexical');
      expect(status.detail).toBe(reasons[0]);
      expect(embedder.state().kind).toBe('failed');
      // Later answers don't touch the worker again.
      expect((await scorer.score('We ran it all on k8s.', ['Mentions Kubernetes'])).method).toBe('lexical');
      expect(reasons).toHaveLength(1);
    } finally {
      await scorer.close();
    }
  });

  it('with a (tiny) model installed: loads lazily in the worker and scores by embeddings', { timeout: 60_000 }, async () => {
    const dir = tempDir();
    writeTinyModel(dir, 'test/tiny-minilm', { blame: ['mistake', 'fault', 'admits', 'me', 'skipped'], pace: ['latency', 'slow'] });
    const scorer = createCoverageScorer({ modelId: 'test/tiny-minilm', modelDir: dir, timeoutMs: 50_000 });
    try {
      expect(scorer.status()).toMatchObject({ method: 'embeddings', model: 'test/tiny-minilm', detail: expect.stringContaining('loads on first use') });
      const answer = 'The release went out late. That one was on me: I skipped the review step.';
      const coverage = await scorer.score(answer, ['Admits the mistake', 'Names the latency']);
      expect(coverage.method).toBe('embeddings');
      expect(coverage.points[0]).toMatchObject({ covered: true, evidence: 'That one was on me: I skipped the review step.' });
      expect(coverage.points[1]).toMatchObject({ covered: false, evidence: '' });
      expect(lexicalCoverage(answer, ['Admits the mistake']).coveredCount).toBe(0);
      expect(scorer.status()).toMatchObject({ method: 'embeddings', detail: expect.stringContaining('is loaded') });
    } finally {
      await scorer.close();
    }
  });

  it('the worker returns unit-length, mean-pooled vectors in the order of the texts', { timeout: 60_000 }, async () => {
    const dir = tempDir();
    writeTinyModel(dir, 'test/tiny-minilm', { a: ['alpha'], b: ['beta'] });
    const embedder = createWorkerEmbedder({ modelId: 'test/tiny-minilm', modelDir: dir });
    try {
      const [alpha, beta, both] = await embedder.embed(['alpha', 'beta', 'alpha beta']);
      for (const v of [alpha!, beta!, both!]) expect(Math.hypot(...v)).toBeCloseTo(1, 5);
      expect(alpha![0]).toBeGreaterThan(0.9);
      expect(beta![1]).toBeGreaterThan(0.9);
      expect(both![0]).toBeCloseTo(both![1]!, 5);
      expect(await embedder.embed([])).toEqual([]);
    } finally {
      await embedder.close();
    }
  });
});
