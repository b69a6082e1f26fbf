/**
 * Sentences of a text as exact slices (list markers and outer spaces removed), from the
 * model's sentence boundaries plus line breaks: what quotes, evidence and "documents" are cut from.
 */
import { readText, type Sentence } from './document.js';

/** Splits text into sentences and lines; each piece can be quoted verbatim. */
export function splitSentences(text: string): Sentence[] {
  if (!text.trim()) return [];
  return readText(text).sentences.map((s) => ({ text: s.text, start: s.start }));
}
