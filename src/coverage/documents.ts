/**
 * The "documents" an answer is searched in: each sentence, and each window of two adjacent
 * sentences (a point is often made across two: "We had a 3% error rate. I wanted it under
 * 1%."). Every document is an exact slice of the answer, so it can be quoted as evidence.
 *
 * Each document also gets a prose factor in 0.35..1 — the keyword-stuffing guard. A real
 * sentence is about a third function words ("I", "the", "we", "to", "was"); a bare list of
 * terms ("Kubernetes, metrics, stakeholders, trade-offs") has almost none, and a sentence that
 * is mostly a comma list of bare nouns ("I know A, B, C, D and E") is a list wearing a
 * sentence's clothes. Either shape caps the document's similarity at 0.35, below both
 * coverage thresholds, so a list can't cover a point on its own however many terms it hits;
 * a real sentence with the same terms can.
 */
import { splitSentences } from '../text/index.js';
import { textTerms, type Term } from './terms.js';

export interface AnswerDocument {
  /** Exact slice bounds in the answer. */
  start: number;
  end: number;
  terms: Term[];
  prose: number;
  /** 1 for a sentence, 2 for a window. */
  span: 1 | 2;
}

/** Sentences longer than this (a transcript without punctuation) are cut into pieces. */
const MAX_SENTENCE_WORDS = 40;
const PIECE_WORDS = 25;
/** Prose factor bounds: at or above FULL_RATIO function words a sentence counts in full. */
const MIN_FACTOR = 0.35;
const LOW_RATIO = 0.08;
const FULL_RATIO = 0.25;

interface Span {
  start: number;
  end: number;
}

/**
 * Sentence ends splitSentences leaves alone because the next sentence starts in lower case,
 * as transcripts and hurried typing do ("…for a week. p99 fell to 120 ms."); not after an
 * abbreviation ("e.g. the", "vs. a").
 */
const LOWER_CASE_BOUNDARY = /(?<![a-z]\.[a-z]\.|\b(?:etc|vs|approx|incl|esp|ca|cf|al|no)\.)(?<=[.!?])\s+(?=[a-z])/gi;

function splitLowerCase(text: string, start: number): Span[] {
  const spans: Span[] = [];
  let from = 0;
  for (const m of text.matchAll(LOWER_CASE_BOUNDARY)) {
    spans.push({ start: start + from, end: start + m.index });
    from = m.index + m[0].length;
  }
  spans.push({ start: start + from, end: start + text.length });
  return spans;
}

/** The answer's sentences (long ones cut into ~25-word pieces), as exact slices. */
function sentenceSpans(answer: string, wordAt: readonly number[]): Span[] {
  const spans: Span[] = [];
  for (const { start, end } of splitSentences(answer).flatMap((s) => splitLowerCase(s.text, s.start))) {
    if (countBetween(wordAt, start, end) <= MAX_SENTENCE_WORDS) {
      spans.push({ start, end });
      continue;
    }
    const words = between(wordAt, start, end);
    for (let i = 0; i < words.length; i += PIECE_WORDS) {
      const from = i === 0 ? start : words[i]!;
      const next = words[i + PIECE_WORDS];
      const to = next === undefined ? end : answer.slice(from, next).trimEnd().length + from;
      spans.push({ start: from, end: to });
    }
  }
  return spans;
}

const pos = (x: { at: number } | number) => (typeof x === 'number' ? x : x.at);

/** The index of the first value of the sorted list `at` or after `start`. */
function firstAtOrAfter(list: readonly ({ at: number } | number)[], start: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (pos(list[mid]!) < start) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The values of the sorted list `at` in [start, end). */
function between<T extends { at: number } | number>(list: readonly T[], start: number, end: number): T[] {
  const out: T[] = [];
  for (let i = firstAtOrAfter(list, start); i < list.length && pos(list[i]!) < end; i++) out.push(list[i]!);
  return out;
}

/** How many values of the sorted list `at` lie in [start, end): `between(…).length` without the copy. */
function countBetween(list: readonly number[], start: number, end: number): number {
  let n = 0;
  for (let i = firstAtOrAfter(list, start); i < list.length && list[i]! < end; i++) n++;
  return n;
}

/** 0.35..1: how much a piece of text reads as prose rather than a keyword list. */
function proseFactor(text: string, words: number, functionWords: number): number {
  if (words === 0) return MIN_FACTOR;
  const ratio = functionWords / words;
  const byRatio = MIN_FACTOR + (1 - MIN_FACTOR) * Math.min(1, Math.max(0, (ratio - LOW_RATIO) / (FULL_RATIO - LOW_RATIO)));
  return Math.min(byRatio, listShapeFactor(text));
}

const FUNCTION_WORD = /\b(?:i|we|a|an|the|to|of|was|were|is|it|my|our|in|on|for|with|that|this|he|she|they|had|have|by|at|from|as|so|but|because)\b/i;

/** MIN_FACTOR when the text is mostly a list (four or more items, most of them bare 1–3-word terms). */
function listShapeFactor(text: string): number {
  const items = text.split(/\s*(?:[,;|•/]|\band\b|\bor\b)\s*/i).filter((s) => /[\p{L}\p{N}]/u.test(s));
  if (items.length < 4) return 1;
  const bare = items.filter((s) => s.split(/\s+/).length <= 3 && !FUNCTION_WORD.test(s)).length;
  return bare / items.length >= 0.6 ? MIN_FACTOR : 1;
}

/** Sentences then two-sentence windows of `answer`, with their terms and prose factors. */
export function answerDocuments(answer: string): AnswerDocument[] {
  const { terms, wordAt, functionAt } = textTerms(answer);
  const sentences: AnswerDocument[] = sentenceSpans(answer, wordAt).map(({ start, end }) => ({
    start,
    end,
    terms: between(terms, start, end),
    prose: proseFactor(answer.slice(start, end), countBetween(wordAt, start, end), countBetween(functionAt, start, end)),
    span: 1,
  }));
  const windows: AnswerDocument[] = [];
  for (let i = 0; i + 1 < sentences.length; i++) {
    const a = sentences[i]!;
    const b = sentences[i + 1]!;
    // A window is as list-like as its more list-like half: pairing a list with one real
    // sentence must not launder the list.
    windows.push({ start: a.start, end: b.end, terms: [...a.terms, ...b.terms], prose: Math.min(a.prose, b.prose), span: 2 });
  }
  return [...sentences, ...windows];
}
