/**
 * Embeddings answer coverage: the cosine similarity of each key point with each answer
 * sentence and two-sentence window (the same documents as the lexical method, documents.ts),
 * from unit-length sentence vectors (mean-pooled, normalised all-MiniLM-L6-v2).
 *
 * - Similarity of a point = its best document's cosine, clamped to 0..1, times that
 *   document's prose factor (the same keyword-stuffing guard as the lexical method: a bare
 *   list embeds close to the key points it names).
 * - Covered: similarity ≥ SEMANTIC_THRESHOLD. all-MiniLM-L6-v2 puts unrelated sentence pairs
 *   at about 0–0.25 and a sentence that addresses a short key point at about 0.45–0.7; 0.45 is
 *   the conservative end of that range. It is a starting value to calibrate once the model is
 *   installed (the model can't be downloaded on the build machine).
 * - A point the lexical method covers but the sentence model doesn't (typically an alias the
 *   model never saw: "k8s") keeps the lexical result, so embeddings only ever add coverage.
 *
 * Pure: the vectors come from an Embedder (embedder.ts or a test fake).
 */
import type { AnswerCoverage, KeyPointCoverage } from '../intelligence/types.js';
import { answerDocuments, type AnswerDocument } from './documents.js';
import { lexicalCoverage } from './lexical.js';

export const SEMANTIC_THRESHOLD = 0.45;
/** Past this many sentences, windows are left out to bound the work per answer. */
const MAX_SENTENCES_WITH_WINDOWS = 40;
/** At most this many documents are embedded (a very long answer is read up to here). */
const MAX_DOCUMENTS = 96;

export interface SemanticInputs {
  docs: AnswerDocument[];
  /** Key points, then documents: what to embed, in this order. */
  texts: string[];
}

export function semanticInputs(answer: string, keyPoints: readonly string[]): SemanticInputs {
  let docs = answer.trim() ? answerDocuments(answer) : [];
  const sentences = docs.filter((d) => d.span === 1).length;
  if (sentences > MAX_SENTENCES_WITH_WINDOWS) docs = docs.filter((d) => d.span === 1);
  docs = docs.slice(0, MAX_DOCUMENTS);
  return { docs, texts: [...keyPoints, ...docs.map((d) => answer.slice(d.start, d.end))] };
}

function dot(a: readonly number[], b: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/** Coverage from the vectors of `semanticInputs(answer, keyPoints).texts`. */
export function semanticCoverage(answer: string, keyPoints: readonly string[], inputs: SemanticInputs, vectors: readonly (readonly number[])[]): AnswerCoverage {
  if (vectors.length !== inputs.texts.length) throw new Error(`Expected ${inputs.texts.length} vectors, got ${vectors.length}.`);
  const lexical = lexicalCoverage(answer, keyPoints);
  const points = keyPoints.map((point, p): KeyPointCoverage => {
    const pv = vectors[p]!;
    let best = -1;
    let bestDoc: AnswerDocument | undefined;
    inputs.docs.forEach((doc, d) => {
      const sim = Math.max(0, Math.min(1, dot(pv, vectors[keyPoints.length + d]!))) * doc.prose;
      if (sim > best) {
        best = sim;
        bestDoc = doc;
      }
    });
    const similarity = round(Math.max(0, best));
    const covered = bestDoc !== undefined && similarity >= SEMANTIC_THRESHOLD;
    const byWords = lexical.points[p]!;
    if (!covered && byWords.covered) return byWords;
    return { point, covered, similarity, evidence: covered && bestDoc ? answer.slice(bestDoc.start, bestDoc.end) : '' };
  });
  return { method: 'embeddings', points, coveredCount: points.filter((p) => p.covered).length };
}
