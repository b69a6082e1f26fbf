/**
 * Lexical answer coverage: BM25 with each answer sentence (and each pair of adjacent
 * sentences) as a document and each key point as a query.
 *
 * - Terms: stop words dropped, Porter-stemmed, skills folded to one term with their aliases
 *   ("k8s" = Kubernetes), numbers folded to `#number` (terms.ts); a key point's opening verb
 *   ("Explains…") and qualifiers ("specific") are dropped.
 * - A key-point term matches a document through the term itself or, at SYNONYM_WEIGHT,
 *   through the small synonym table (synonyms.ts: metric ~ measure ~ a number).
 * - Each match is BM25's saturated, length-normalised term frequency (k1 = 1.2, b = 0.5 over
 *   a fixed typical sentence length of 10 terms: an answer's own sentences are too few for a
 *   stable average), capped at 1. Similarity = the weighted share of the key point's terms
 *   the document matches — i.e. BM25 divided by the score an ideal, typical-length sentence
 *   holding each term once would get — times the document's prose factor (documents.ts:
 *   the keyword-stuffing guard). Generic words ("team", "project") weigh half, skills 1.5.
 * - Covered: similarity ≥ LEXICAL_THRESHOLD (0.4: in practice two of a four-term point, or
 *   one of a two-term point) AND at least one matched term that is not generic, so "the
 *   team" alone never covers "credits the team's contribution to the migration".
 *
 * What it can't do: see paraphrases that share no word or listed synonym ("the thing we
 * watched was p99" vs "names the metric" works only through `#number`/"track" and friends),
 * or negation ("I didn't test it" matches "tests"). The embeddings method exists for that.
 *
 * Pure and synchronous; about 0.1 ms (median) for a typical answer (bench/coverage.bench.ts).
 */
import { TextCache } from '../text/index.js';
import type { AnswerCoverage, KeyPointCoverage } from '../intelligence/types.js';
import { answerDocuments, type AnswerDocument } from './documents.js';
import { GENERIC, synonymsOf } from './synonyms.js';
import { keyPointTerms } from './terms.js';

export const LEXICAL_THRESHOLD = 0.4;
/** How much a match through a synonym (or part of a skill's name) counts against the word itself. */
const SYNONYM_WEIGHT = 0.75;
const K1 = 1.2;
const B = 0.5;
const TYPICAL_LENGTH = 10;

interface QueryTerm {
  key: string;
  weight: number;
  /** Terms that match at SYNONYM_WEIGHT. */
  alternatives: readonly string[];
  /** A skill's words: all of them present count as the skill itself. */
  parts: readonly string[] | undefined;
  generic: boolean;
}

interface SubQuery {
  terms: QueryTerm[];
  totalWeight: number;
}

/** A key point; "X or Y" points are covered by either side, so each side is its own query. */
type Query = SubQuery[];

const queryCache = new Map<string, Query>();

function subQuery(text: string): SubQuery {
  const terms = keyPointTerms(text).map((t): QueryTerm => {
    const generic = GENERIC.has(t.key);
    const alternatives = new Set(synonymsOf(t.key));
    for (const part of t.parts ?? []) {
      alternatives.add(part);
      for (const s of synonymsOf(part)) alternatives.add(s);
    }
    alternatives.delete(t.key);
    return {
      key: t.key,
      weight: t.parts ? 1.5 : generic ? 0.5 : 1,
      alternatives: [...alternatives],
      parts: t.parts && t.parts.length > 0 ? t.parts : undefined,
      generic,
    };
  });
  return { terms, totalWeight: terms.reduce((sum, t) => sum + t.weight, 0) };
}

/** A key point as queries (cached: the same bank key points come back for every answer). */
function keyPointQuery(point: string): Query {
  const cached = queryCache.get(point);
  if (cached) return cached;
  const sides = point.split(/\s+or\s+/i).map(subQuery).filter((q) => q.terms.some((t) => !t.generic));
  // "with a rollback or other mitigation" and "Kubernetes or container orchestration" offer two
  // ways to cover the point; "how the plan or design changed" names two nouns of one phrase, and
  // its one-plain-word side ("how the plan") would be covered by any answer that says "planned".
  const alternative = (q: SubQuery) => q.terms.length >= 2 || q.terms.some((t) => t.parts !== undefined);
  const query = sides.length > 1 && sides.every(alternative) ? sides : [subQuery(point)];
  if (queryCache.size >= 2000) queryCache.clear();
  queryCache.set(point, query);
  return query;
}

interface DocStats {
  tf: Map<string, number>;
  /** A window's second sentence: its counts add to `tf`'s (a window's terms are its two sentences'). */
  tf2?: Map<string, number>;
  length: number;
}

/** How often `key` occurs in a document. */
function tfOf(stats: DocStats, key: string): number {
  return (stats.tf.get(key) ?? 0) + (stats.tf2?.get(key) ?? 0);
}

/**
 * The statistics of every document; a window of two sentences reuses theirs rather than
 * counting its terms into a map of its own (a long answer has a few dozen windows).
 */
function allDocStats(docs: readonly AnswerDocument[]): DocStats[] {
  const sentences = docs.filter((d) => d.span === 1).length;
  const stats: DocStats[] = [];
  docs.forEach((doc, i) => {
    const a = stats[i - sentences];
    const b = stats[i - sentences + 1];
    const first = docs[i - sentences];
    const second = docs[i - sentences + 1];
    if (doc.span === 2 && a && b && first?.span === 1 && second?.span === 1 && first.start === doc.start && second.end === doc.end) {
      stats.push({ tf: a.tf, tf2: b.tf, length: a.length + b.length });
    } else stats.push(docStats(doc));
  });
  return stats;
}

function docStats(doc: AnswerDocument): DocStats {
  const tf = new Map<string, number>();
  const add = (key: string) => tf.set(key, (tf.get(key) ?? 0) + 1);
  for (const term of doc.terms) {
    add(term.key);
    // A skill's own words count too, so "unit tests" in an answer matches "tests" in a key point.
    for (const part of term.parts ?? []) if (part !== term.key) add(part);
  }
  return { tf, length: doc.terms.length };
}

/** BM25's term-frequency part, normalised so one occurrence in a typical sentence is 1. */
function saturate(tf: number, length: number): number {
  if (tf <= 0) return 0;
  return Math.min(1, (tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * length) / TYPICAL_LENGTH)));
}

interface Match {
  similarity: number;
  substantive: boolean;
}

function matchDocument(query: Query, stats: DocStats, prose: number): Match {
  let best: Match = { similarity: 0, substantive: false };
  for (const side of query) {
    const match = matchSide(side, stats, prose);
    if (match.similarity > best.similarity || (match.similarity === best.similarity && match.substantive)) best = match;
  }
  return best;
}

function matchSide(query: SubQuery, stats: DocStats, prose: number): Match {
  let score = 0;
  let substantive = false;
  for (const term of query.terms) {
    let exact = tfOf(stats, term.key);
    if (exact === 0 && term.parts) exact = Math.min(...term.parts.map((p) => tfOf(stats, p)));
    let strength = saturate(exact, stats.length);
    if (strength < 1) {
      let alt = 0;
      for (const a of term.alternatives) alt += tfOf(stats, a);
      strength = Math.max(strength, SYNONYM_WEIGHT * saturate(alt, stats.length));
    }
    if (strength > 0) {
      score += term.weight * strength;
      if (!term.generic) substantive = true;
    }
  }
  return { similarity: query.totalWeight > 0 ? (score / query.totalWeight) * prose : 0, substantive };
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/** Compares an answer with the key points of its question by words. Pure and synchronous. */
export function lexicalCoverage(answer: string, keyPoints: readonly string[]): AnswerCoverage {
  // The offline evaluator and the coverage scorer both compare the same answer with the same
  // key points: the second call is a cache hit. Callers get their own copy to keep.
  const cached = results.get(`${keyPoints.join('\u0001')}\u0000${answer}`, () => computeCoverage(answer, keyPoints));
  return { ...cached, points: cached.points.map((p) => ({ ...p })) };
}
const results = new TextCache<AnswerCoverage>(256, 16_000);

function computeCoverage(answer: string, keyPoints: readonly string[]): AnswerCoverage {
  const docs = keyPoints.length > 0 && answer.trim() ? answerDocuments(answer) : [];
  const stats = allDocStats(docs);
  const points = keyPoints.map((point): KeyPointCoverage => {
    const query = keyPointQuery(point);
    let best: { match: Match; doc: AnswerDocument } | null = null;
    docs.forEach((doc, i) => {
      const match = matchDocument(query, stats[i]!, doc.prose);
      // Strictly better only: sentences come before windows, so a tie quotes the shorter text.
      if (!best || match.similarity > best.match.similarity) best = { match, doc };
    });
    const found = best as { match: Match; doc: AnswerDocument } | null;
    const similarity = round(found?.match.similarity ?? 0);
    const covered = found !== null && similarity >= LEXICAL_THRESHOLD && found.match.substantive;
    return { point, covered, similarity, evidence: covered && found ? answer.slice(found.doc.start, found.doc.end) : '' };
  });
  return { method: 'lexical', points, coveredCount: points.filter((p) => p.covered).length };
}
