/**
 * The text handling the bank needs to match entries with jobs and tags, on the shared language
 * layer (src/text): comparison keys in order (for phrase matching) and content keys, so
 * "nurses", "nursing" and "nurse" meet. Words every question uses ("work", "role", "team",
 * "tell me about a time") say nothing about which entry fits a job and are left out.
 */
import { contentKeys, readText, wordKey } from '../text/index.js';

const GENERIC_WORDS = 'tell time give example describe walk one two three first last new make something someone way work role job team';
let generic: ReadonlySet<string> | undefined;
const genericKeys = () => (generic ??= new Set(GENERIC_WORDS.split(' ').map(wordKey)));

/** Comparison keys of every word of a text, in order, stop words included (for phrase matching). */
export function stems(text: string): string[] {
  return readText(text.toLowerCase())
    .tokens.filter((t) => t.type === 'word' || t.type === 'number')
    .map((t) => t.key);
}

/** Distinct content keys of a text, minus words every question uses. */
export function contentStems(text: string): Set<string> {
  const out = new Set<string>();
  for (const k of contentKeys(text)) if (!genericKeys().has(k)) out.add(k);
  return out;
}

/** Whether the phrase occurs in the text, comparing keys word by word. */
export function phraseIn(phrase: string, textStems: readonly string[] | string): boolean {
  const p = stems(phrase).join(' ');
  if (!p) return false;
  const t = typeof textStems === 'string' ? textStems : ` ${textStems.join(' ')} `;
  return t.includes(` ${p} `);
}
