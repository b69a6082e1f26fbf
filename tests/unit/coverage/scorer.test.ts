/**
 * The coverage scorer: the embeddings path with a fake embedder (deterministic vectors), and
 * every way it falls back to the lexical method without throwing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCoverageScorer, lexicalCoverage, SEMANTIC_THRESHOLD, type Embedder } from '../../../src/coverage/index.js';

/**
 * A stand-in for the sentence model: each text becomes the normalised sum of the "concepts"
 * its words belong to, plus a small constant so no vector is zero. Two texts about the same
 * concept have a cosine near 1 even when they share no word — like a real embedding.
 */
const CONCEPTS: Record<string, string[]> = {
  blame: ['mistake', 'admits', 'on me', 'my fault', 'skipped'],
  pace: ['latency', 'p99', 'slow', 'milliseconds'],
  people: ['stakeholders', 'directors', 'everyone'],
};
const DIMS = Object.keys(CONCEPTS);

function fakeVector(text: string): number[] {
  const lower = text.toLowerCase();
  const v = DIMS.map((dim) => CONCEPTS[dim]!.filter((w) => lower.includes(w)).length);
  v.push(0.05);
  const norm = Math.hypot(...v);
  return v.map((x) => x / norm);
}

function fakeEmbedder(overrides: Partial<Embedder> = {}): Embedder & { calls: string[][]; closed: boolean } {
  const calls: string[][] = [];
  const embedder = {
    calls,
    closed: false,
    embed: async (texts: string[]) => {
      calls.push(texts);
      return texts.map(fakeVector);
    },
    close: async () => {
      embedder.closed = true;
    },
    ...overrides,
  };
  return embedder;
}

const ANSWER = 'That release went out late. That one was on me: I had skipped the review step to save a day.';
const ADMITS = 'Admits the mistake';

describe('createCoverageScorer', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });

  it('with an embedder: covers a paraphrase the lexical method misses, quoting the sentence exactly', async () => {
    expect(lexicalCoverage(ANSWER, [ADMITS]).coveredCount).toBe(0);
    const embedder = fakeEmbedder();
    const scorer = createCoverageScorer({ embedder });
    const coverage = await scorer.score(ANSWER, [ADMITS, 'Keeps stakeholders informed']);
    expect(coverage.method).toBe('embeddings');
    expect(coverage.points[0]).toMatchObject({ point: ADMITS, covered: true, evidence: 'That one was on me: I had skipped the review step to save a day.' });
    expect(coverage.points[0]!.similarity).toBeGreaterThanOrEqual(SEMANTIC_THRESHOLD);
    expect(coverage.points[0]!.similarity).toBeLessThanOrEqual(1);
    expect(coverage.points[1]).toMatchObject({ covered: false, evidence: '' });
    expect(coverage.points[1]!.similarity).toBeLessThan(SEMANTIC_THRESHOLD);
    expect(coverage.coveredCount).toBe(1);
    // One batch: the key points, then the sentences and the window, as exact slices.
    expect(embedder.calls).toEqual([
      [ADMITS, 'Keeps stakeholders informed', 'That release went out late.', 'That one was on me: I had skipped the review step to save a day.', ANSWER],
    ]);
    expect(scorer.status()).toMatchObject({ method: 'embeddings' });
  });

  it('keeps what the lexical method covers (an alias the sentence model may not know)', async () => {
    const scorer = createCoverageScorer({ embedder: fakeEmbedder() });
    const coverage = await scorer.score('We ran it all on k8s.', ['Mentions Kubernetes']);
    expect(coverage.method).toBe('embeddings');
    expect(coverage.points[0]).toMatchObject({ covered: true, evidence: 'We ran it all on k8s.' });
  });

  it('applies the keyword-stuffing guard to embeddings too', async () => {
    const scorer = createCoverageScorer({ embedder: fakeEmbedder() });
    const stuffed = await scorer.score('Mistake, skipped, on me, my fault, admits.', [ADMITS]);
    const real = await scorer.score('The mistake was mine: I skipped the check.', [ADMITS]);
    expect(stuffed.points[0]!.covered).toBe(false);
    expect(real.points[0]!.covered).toBe(true);
    expect(stuffed.points[0]!.similarity).toBeLessThan(real.points[0]!.similarity);
  });

  it('falls back to the lexical method when the embedder fails, and says why', async () => {
    const reasons: string[] = [];
    const scorer = createCoverageScorer({
      embedder: fakeEmbedder({ embed: () => Promise.reject(new Error('onnx exploded')) }),
      onFallback: (r) => reasons.push(r),
    });
    const coverage = await scorer.score('We ran it all on k8s.', ['Mentions Kubernetes']);
    expect(coverage).toEqual(lexicalCoverage('We ran it all on k8s.', ['Mentions Kubernetes']));
    expect(reasons).toEqual(['onnx exploded']);
  });

  it('falls back when the embedder throws synchronously or returns the wrong number of vectors', async () => {
    const throwing = createCoverageScorer({
      embedder: {
        embed: () => {
          throw new Error('sync');
        },
      },
    });
    expect((await throwing.score(ANSWER, [ADMITS])).method).toBe('lexical');
    const short = createCoverageScorer({ embedder: { embed: async () => [[1, 0]] } });
    expect((await short.score(ANSWER, [ADMITS])).method).toBe('lexical');
  });

  it('falls back when one call takes longer than the timeout', async () => {
    const reasons: string[] = [];
    const scorer = createCoverageScorer({
      embedder: { embed: () => new Promise<number[][]>(() => undefined) },
      timeoutMs: 30,
      onFallback: (r) => reasons.push(r),
    });
    const coverage = await scorer.score('We ran it all on k8s.', ['Mentions Kubernetes']);
    expect(coverage.method).toBe('lexical');
    expect(coverage.coveredCount).toBe(1);
    expect(reasons[0]).toMatch(/longer than 30 ms/);
  });

  it('bounds the queue: over maxQueue answers in flight, the next is scored lexically without waiting', async () => {
    let calls = 0;
    const scorer = createCoverageScorer({
      embedder: {
        embed: () => {
          calls++;
          return new Promise<number[][]>(() => undefined); // never settles: stays in flight
        },
      },
      maxQueue: 2,
      timeoutMs: 20,
    });
    await Promise.all([scorer.score(ANSWER, [ADMITS]), scorer.score(ANSWER, [ADMITS])]);
    expect(calls).toBe(2);
    const third = await scorer.score(ANSWER, [ADMITS]);
    expect(third.method).toBe('lexical');
    expect(calls).toBe(2);
  });

  it('never throws, whatever it is given', async () => {
    const scorer = createCoverageScorer({ embedder: fakeEmbedder() });
    const bad = scorer as unknown as { score(a: unknown, k: unknown): Promise<unknown> };
    await expect(bad.score(undefined, undefined)).resolves.toEqual({ method: 'lexical', points: [], coveredCount: 0 });
    await expect(bad.score(42, ['Names the metric', null])).resolves.toMatchObject({ coveredCount: 0 });
    // Nothing to embed: no call to the model.
    const embedder = fakeEmbedder();
    const quiet = createCoverageScorer({ embedder });
    expect(await quiet.score('', [ADMITS])).toMatchObject({ method: 'lexical', coveredCount: 0 });
    expect(await quiet.score(ANSWER, [])).toEqual({ method: 'lexical', points: [], coveredCount: 0 });
    expect(embedder.calls).toEqual([]);
  });

  it('COVERAGE_METHOD=lexical never uses the embedder and says so', async () => {
    const embedder = fakeEmbedder();
    const scorer = createCoverageScorer({ method: 'lexical', embedder });
    expect(scorer.status()).toEqual({ method: 'lexical', model: 'bm25', detail: expect.stringContaining('COVERAGE_METHOD=lexical') });
    expect((await scorer.score(ANSWER, [ADMITS])).method).toBe('lexical');
    expect(embedder.calls).toEqual([]);
  });

  it('without the model files: reports the lexical method, where it looked and what to do', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rehearse-embeddings-'));
    dirs.push(dir);
    const scorer = createCoverageScorer({ modelDir: dir, modelId: 'Xenova/all-MiniLM-L6-v2' });
    const status = scorer.status();
    expect(status.method).toBe('lexical');
    expect(status.model).toBe('bm25');
    expect(status.detail).toContain(`Sentence-embedding model Xenova/all-MiniLM-L6-v2 not found in ${dir}`);
    expect(status.detail).toContain('answer coverage uses the lexical method (BM25)');
    expect(status.detail).toContain('EMBEDDINGS_MODEL_DIR');
    const coverage = await scorer.score('We ran it all on k8s.', ['Mentions Kubernetes']);
    expect(coverage).toEqual(lexicalCoverage('We ran it all on k8s.', ['Mentions Kubernetes']));
    await scorer.close();
  });

  it('close() closes the embedder; later answers are scored lexically', async () => {
    const embedder = fakeEmbedder();
    const scorer = createCoverageScorer({ embedder });
    await scorer.close();
    expect(embedder.closed).toBe(true);
    expect((await scorer.score(ANSWER, [ADMITS])).method).toBe('lexical');
    expect(embedder.calls).toEqual([]);
  });
});
