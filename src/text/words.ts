/**
 * Words as the app compares them: content words (the model's stop words and a short list of
 * interview boilerplate removed) reduced to their comparison key (lemma, British spelling
 * folded, Porter2 stem). This is the only stop-word list and the only word counter in the app.
 */
import { TextCache } from './cache.js';
import { readText, type TextDoc, type Token } from './document.js';

/**
 * Words that are not the model's stop words but say nothing about the topic of an answer or a
 * requirement: hedges, fillers and interview boilerplate ("tell me about a time…"). Lemmas.
 */
const BOILERPLATE = new Set(
  (
    'honestly actually basically literally maybe perhaps probably something anything everything nothing thing stuff lot ' +
    'pretty kind sort okay ok fine good great nice bad think know say tell want go come take give see look way time day week ' +
    'year today tomorrow yesterday always never sometimes usually question answer walk describe example also really just ' +
    'get make let like well yes yeah one'
  ).split(/\s+/),
);

/** True for a token that carries topic: a word or number, not a stop word, filler or punctuation. */
function isContent(t: Token): boolean {
  if (t.type !== 'word' && t.type !== 'number') return false;
  if (t.stop || BOILERPLATE.has(t.lemma)) return false;
  return t.type === 'number' || t.lower.length >= 2;
}

const contentCache = new TextCache<ReadonlySet<string>>(1024, 16_000);

/** The distinct comparison keys of the meaningful words of `text`. */
export function contentKeys(text: string): ReadonlySet<string> {
  return contentCache.get(text, () => keysOfTokens(readText(text).tokens));
}

/** The distinct comparison keys of content tokens (e.g. one sentence's tokens). */
function keysOfTokens(tokens: readonly Token[]): Set<string> {
  const out = new Set<string>();
  for (const t of tokens) if (isContent(t) && t.type === 'word' && t.lower.length >= 3) out.add(t.key);
  return out;
}

/** The content keys of one sentence of a read document. */
export function sentenceKeys(doc: TextDoc, index: number): Set<string> {
  const s = doc.sentences[index];
  return s ? keysOfTokens(doc.tokens.slice(s.from, s.to)) : new Set();
}

/** Counts how many of `keys` appear in `vocabulary`. */
export function overlapCount(keys: ReadonlySet<string>, vocabulary: ReadonlySet<string>): number {
  let n = 0;
  for (const k of keys) if (vocabulary.has(k)) n++;
  return n;
}

/** Words as a reader counts them. */
export function countWords(text: string): number {
  return text.trim() ? readText(text).words : 0;
}

/** The comparison key of one word ("nurses" → "nurs", "led" → "lead"), read in isolation. */
export function wordKey(word: string): string {
  const t = readText(word.toLowerCase()).tokens.find((x) => x.type === 'word' || x.type === 'number');
  return t ? t.key : word.toLowerCase();
}
