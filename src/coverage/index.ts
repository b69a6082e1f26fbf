/**
 * Answer coverage: which key points of a question an answer covers, with the sentence that
 * shows it. Two methods (README "Answer coverage"):
 * - embeddings: all-MiniLM-L6-v2 sentence vectors in a worker thread (embedder.ts,
 *   semantic.ts), when the model is in EMBEDDINGS_MODEL_DIR;
 * - lexical: BM25 with stemming, skill aliases and a synonym table (lexical.ts) — always
 *   available, and what every failure falls back to.
 *
 * `score` never throws and never waits long: the model loads on first use; while loading,
 * when it is missing or broken, when more than `maxQueue` answers are already being embedded,
 * or when one call takes longer than `timeoutMs`, that answer is scored lexically.
 */
import { messageOf } from '../errors.js';
import type { AnswerCoverage } from '../intelligence/types.js';
import { createWorkerEmbedder, type Embedder, type WorkerEmbedder } from './embedder.js';
import { lexicalCoverage } from './lexical.js';
import { semanticCoverage, semanticInputs } from './semantic.js';

export { lexicalCoverage } from './lexical.js';
export { SEMANTIC_THRESHOLD } from './semantic.js';
export { type Embedder } from './embedder.js';

const DEFAULT_EMBEDDINGS_MODEL = 'Xenova/all-MiniLM-L6-v2';

/** Scores by words alone: what services use when no scorer is given (tests, scripts). */
export const LEXICAL_SCORER: Pick<CoverageScorer, 'score'> = { score: async (answer, keyPoints) => lexicalCoverage(answer, keyPoints) };

interface CoverageStatus {
  /** The method answers are scored with now. */
  method: 'embeddings' | 'lexical';
  /** The embedding model, or "bm25" for the lexical method. */
  model: string;
  /** One sentence for operators (/health): why this method, and what to do to change it. */
  detail: string;
}

export interface CoverageScorer {
  /** Never throws: falls back to the lexical method. */
  score(answer: string, keyPoints: readonly string[]): Promise<AnswerCoverage>;
  status(): CoverageStatus;
  close(): Promise<void>;
}

export interface CoverageScorerOptions {
  /** 'auto' (default): embeddings when the model is there, lexical otherwise. */
  method?: 'auto' | 'lexical';
  modelId?: string;
  /** Holds <owner>/<name>/ model folders. Needed for embeddings unless `embedder` is given. */
  modelDir?: string;
  /** Replaces the worker (tests use fakes with deterministic vectors). */
  embedder?: Embedder;
  /** Longest one answer may wait for its vectors before it is scored lexically. */
  timeoutMs?: number;
  /** Answers being embedded at once; beyond this, answers are scored lexically. */
  maxQueue?: number;
  /** Told why an answer was scored lexically after all (for a log line). */
  onFallback?: (reason: string) => void;
}

const LEXICAL_MODEL = 'bm25';

const isWorkerEmbedder = (e: Embedder): e is WorkerEmbedder => typeof (e as Partial<WorkerEmbedder>).state === 'function';

export function createCoverageScorer(opts: CoverageScorerOptions = {}): CoverageScorer {
  const method = opts.method ?? 'auto';
  const modelId = opts.modelId ?? DEFAULT_EMBEDDINGS_MODEL;
  const timeoutMs = opts.timeoutMs ?? 2000;
  const maxQueue = opts.maxQueue ?? 8;
  const embedder: Embedder | null =
    method === 'lexical' ? null : (opts.embedder ?? (opts.modelDir ? createWorkerEmbedder({ modelId, modelDir: opts.modelDir }) : null));
  let inFlight = 0;
  let closed = false;

  function status(): CoverageStatus {
    if (method === 'lexical') {
      return { method: 'lexical', model: LEXICAL_MODEL, detail: 'COVERAGE_METHOD=lexical: answer coverage uses the lexical method (BM25 with stemming and skill aliases).' };
    }
    if (!embedder) {
      return { method: 'lexical', model: LEXICAL_MODEL, detail: 'No sentence-embedding model is configured — answer coverage uses the lexical method (BM25).' };
    }
    if (!isWorkerEmbedder(embedder)) return { method: 'embeddings', model: modelId, detail: 'Sentence embeddings from a supplied embedder.' };
    const state = embedder.state();
    switch (state.kind) {
      case 'missing':
      case 'failed':
        return { method: 'lexical', model: LEXICAL_MODEL, detail: state.message };
      case 'unloaded':
        return { method: 'embeddings', model: modelId, detail: `Sentence-embedding model ${modelId} is installed; it loads on first use.` };
      case 'loaded':
        return { method: 'embeddings', model: modelId, detail: `Sentence-embedding model ${modelId} is loaded.` };
    }
  }

  /** Why this answer can't use embeddings now, or null when it can. */
  function unavailable(): string | null {
    if (closed) return 'the scorer is closed';
    if (!embedder) return 'no embedder';
    if (status().method === 'lexical') return 'the sentence-embedding model is unavailable';
    if (inFlight >= maxQueue) return `${inFlight} answers are already being embedded`;
    return null;
  }

  async function embedded(answer: string, keyPoints: readonly string[], source: Embedder): Promise<AnswerCoverage> {
    const inputs = semanticInputs(answer, keyPoints);
    inFlight++;
    const job = Promise.resolve()
      .then(() => source.embed(inputs.texts))
      .finally(() => {
        inFlight--;
      });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`embedding took longer than ${timeoutMs} ms`)), timeoutMs);
      timer.unref();
    });
    try {
      const vectors = await Promise.race([job, timeout]);
      return semanticCoverage(answer, keyPoints, inputs, vectors);
    } finally {
      clearTimeout(timer);
      // A job that lost the race still settles later; nobody is waiting for it.
      job.catch(() => undefined);
    }
  }

  return {
    status,
    async score(answer, keyPoints) {
      const text = typeof answer === 'string' ? answer : '';
      const points = Array.isArray(keyPoints) ? keyPoints.filter((p): p is string => typeof p === 'string') : [];
      const why = points.length === 0 || !text.trim() ? 'nothing to embed' : unavailable();
      if (why === null && embedder) {
        try {
          return await embedded(text, points, embedder);
        } catch (error) {
          opts.onFallback?.(messageOf(error));
        }
      }
      return safeLexical(text, points);
    },
    async close() {
      closed = true;
      await embedder?.close?.().catch(() => undefined);
    },
  };
}

/** The lexical result, or "nothing covered" if even that failed: `score` must not throw. */
function safeLexical(answer: string, keyPoints: readonly string[]): AnswerCoverage {
  try {
    return lexicalCoverage(answer, keyPoints);
  } catch {
    return { method: 'lexical', points: keyPoints.map((point) => ({ point, covered: false, similarity: 0, evidence: '' })), coveredCount: 0 };
  }
}
