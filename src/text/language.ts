/**
 * Which language a text is written in, with `eld` (Efficient Language Detector, the small
 * static n-gram set): it is accurate on short answers, fast (tens of microseconds) and, unlike
 * the alternatives tried, reads English jargon lists ("NEWS2 ILS ALS mechanical ventilation")
 * as English. Short texts are too little to judge and count as English.
 */
import { eld } from 'eld/small';
import { TextCache } from './cache.js';

export interface LanguageGuess {
  /** ISO 639-1 code, e.g. "en", "fr"; "en" when the text is too short to tell. */
  code: string;
  english: boolean;
  /** True when the detector was sure enough to act on. */
  reliable: boolean;
}

/** Letters needed before a text's language is judged (about five or six words). */
const MIN_LETTERS = 25;
/** Common English function words: a text where they are ENGLISH_SHARE of the words is English whatever the n-grams say. */
const ENGLISH_WORDS = /\b(?:the|and|was|were|with|that|this|have|had|what|which|because|when|then|they|would|from|into|about|my|our|we|i)\b/gi;

const ENGLISH_SHARE = 0.15;

const cache = new TextCache<LanguageGuess>(256, 16_000);

const NAMES: Readonly<Record<string, string>> = {
  fr: 'French', es: 'Spanish', de: 'German', it: 'Italian', pt: 'Portuguese', nl: 'Dutch', pl: 'Polish', ro: 'Romanian',
  sv: 'Swedish', da: 'Danish', no: 'Norwegian', fi: 'Finnish', tr: 'Turkish', ru: 'Russian', uk: 'Ukrainian', cs: 'Czech',
  hu: 'Hungarian', el: 'Greek', ar: 'Arabic', zh: 'Chinese', ja: 'Japanese', ko: 'Korean', hi: 'Hindi', ca: 'Catalan',
};

/** The language's English name, or its code when unknown. */
export function languageName(code: string): string {
  return NAMES[code] ?? code;
}

/** Characters read to decide: a few hundred decide the language as well as a whole answer does. */
const SAMPLE_CHARS = 600;

const LETTER_AT = /\p{L}/uy;

/**
 * How many letters (code points) `text` has and how many runs of them: what
 * `text.match(/\p{L}/gu).length` and `text.match(/\p{L}+/gu).length` count, without building an
 * array of every letter and every word of the sample.
 */
function letterCounts(text: string): { letters: number; runs: number } {
  let letters = 0;
  let runs = 0;
  let inRun = false;
  for (let i = 0; i < text.length; ) {
    const c = text.charCodeAt(i);
    let letter: boolean;
    let width = 1;
    if (c < 128) letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
    else {
      width = text.codePointAt(i)! > 0xffff ? 2 : 1;
      LETTER_AT.lastIndex = i;
      letter = LETTER_AT.test(text);
    }
    if (letter) {
      letters++;
      if (!inRun) runs++;
    }
    inRun = letter;
    i += width;
  }
  return { letters, runs };
}

/** Guesses the language of `text`. */
export function detectLanguage(text: string): LanguageGuess {
  return cache.get(text, () => {
    const sample = text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text;
    const { letters, runs } = letterCounts(sample);
    if (letters < MIN_LETTERS) return { code: 'en', english: true, reliable: false };
    // English prose is recognised by its function words alone, so the n-gram detector (the
    // costliest step of reading an answer) only runs on text that may be something else.
    const words = runs || 1;
    const english = (sample.match(ENGLISH_WORDS)?.length ?? 0) / words >= ENGLISH_SHARE;
    if (english) return { code: 'en', english: true, reliable: true };
    const result = eld.detect(sample);
    const code = result.language || 'en';
    if (code === 'en') return { code, english: true, reliable: result.isReliable() };
    return { code, english: false, reliable: result.isReliable() };
  });
}

/** True when the text is reliably recognised as a language other than English. */
export function isNotEnglish(text: string): boolean {
  const guess = detectLanguage(text);
  return !guess.english && guess.reliable;
}
