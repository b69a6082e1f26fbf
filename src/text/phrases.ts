/**
 * Quoting a CV or job line inside a question so that it reads as natural English: one whole
 * phrase of at most ~15 words, never a raw line of "|"-separated items and never a clause cut
 * mid-way. Returns null when the line has no such phrase, so the caller words the question
 * without a quote instead.
 */
import { readText } from './document.js';

const SEPARATOR = /\s+[|•·]\s+|\s*[|•·;]\s*|\s+[–—-]\s+/;
const CLAUSE_BREAK = new Set([',', ';', ':', '(']);
const CLAUSE_WORDS = new Set(['which', 'including', 'where', 'while', 'whereas', 'but']);

/**
 * The first whole phrase of `line` of at most `maxWords` words: the line itself when short,
 * else its first clause (cut before "," / "which" / "including" / "and"), else null.
 */
export function naturalPhrase(line: string, maxWords = 15): string | null {
  const parts = line.split(SEPARATOR).map((p) => p.trim()).filter((p) => /\p{L}{2}/u.test(p));
  // A run of short items ("NIV and high-flow oxygen | Arterial blood gas …") is a list, not a phrase.
  const first = parts[0];
  if (!first) return null;
  const doc = readText(first);
  const sentence = doc.sentences[0];
  if (!sentence) return null;
  const tokens = doc.tokens.slice(sentence.from, sentence.to);
  const wordCount = tokens.filter((t) => t.type === 'word' || t.type === 'number').length;
  const clean = (text: string) => text.replace(/[\s,;:.(–—-]+$/, '').trim();
  // "About 15 words": a whole clean sentence a little longer reads better than a cut one.
  if (wordCount <= maxWords || (wordCount <= maxWords + 3 && parts.length === 1 && !/[,;(]/.test(sentence.text))) {
    const text = clean(sentence.text);
    return text.split(/\s+/).length >= 2 ? text : null;
  }
  // Cut at the last clause boundary that keeps the phrase within the limit.
  let words = 0;
  let cut = -1;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type === 'word' || t.type === 'number') words++;
    if (words > maxWords) break;
    const next = tokens[i + 1];
    if (!next) break;
    const gerund = /^(?:by|through|using|with|while)$/.test(next.lower) && tokens[i + 2]?.pos === 'VERB' && /ing$/.test(tokens[i + 2]!.lower);
    if (words >= 4 && (CLAUSE_BREAK.has(next.text) || (CLAUSE_WORDS.has(next.lower) && next.pos !== 'NOUN') || gerund)) cut = next.start;
  }
  if (cut < 0) return null;
  let text = clean(first.slice(0, cut));
  // Never leave a bracket open: drop the bracketed remainder.
  if (text.lastIndexOf('(') > text.lastIndexOf(')')) text = clean(text.slice(0, text.lastIndexOf('(')));
  return text.split(/\s+/).length >= 3 ? text : null;
}
