/**
 * Finding a model's quote in the candidate's answer. Models quote loosely: they change case,
 * spacing and punctuation, write "did not" for "didn't" (or the other way round), and shorten
 * with an ellipsis ("I rebuilt the pipeline … and cut the run to 4 minutes"). Such a quote is
 * still the candidate's own words and is kept; a quote whose words are not in the answer, in
 * that order, is invented and is not.
 *
 * Matching is on word tokens: lower-cased, curly quotes straightened, contractions expanded.
 * A quote that matches one contiguous passage is replaced by that passage exactly as the
 * candidate wrote it, so the page shows their words, not the model's copy.
 */

interface Token {
  word: string;
  start: number;
  end: number;
}

const CONTRACTIONS: Record<string, string[]> = {
  "n't": ['not'],
  "'re": ['are'],
  "'ve": ['have'],
  "'ll": ['will'],
  "'m": ['am'],
  "'d": ['would'],
  "'s": ['s'],
};
const IRREGULAR: Record<string, string[]> = { "can't": ['can', 'not'], "won't": ['will', 'not'], "shan't": ['shall', 'not'], cannot: ['can', 'not'] };

/** Word tokens with their offsets in `text`; contractions become two tokens at the same offsets. */
function tokens(text: string): Token[] {
  const out: Token[] = [];
  const word = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;
  for (const match of text.matchAll(word)) {
    const start = match.index;
    const end = start + match[0].length;
    const raw = match[0].toLowerCase().replace(/’/g, "'");
    const irregular = IRREGULAR[raw];
    if (irregular) {
      for (const w of irregular) out.push({ word: w, start, end });
      continue;
    }
    const suffix = Object.keys(CONTRACTIONS).find((s) => raw.endsWith(s) && raw.length > s.length);
    if (suffix) {
      const stem = raw.slice(0, -suffix.length);
      // "'d" is "would" or "had": either way the stem must match; the contraction word is kept loose.
      out.push({ word: stem, start, end });
      for (const w of CONTRACTIONS[suffix]!) out.push({ word: suffix === "'d" ? '*d' : w, start, end });
      continue;
    }
    out.push({ word: raw, start, end });
  }
  return out;
}

const same = (a: string, b: string) => a === b || (a === '*d' && (b === 'would' || b === 'had')) || (b === '*d' && (a === 'would' || a === 'had'));

/** Index in `haystack` (from `from`) where `needle` occurs as a run of tokens, or -1. */
function findRun(haystack: readonly Token[], needle: readonly Token[], from: number): number {
  outer: for (let i = from; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (!same(haystack[i + j]!.word, needle[j]!.word)) continue outer;
    return i;
  }
  return -1;
}

const ELLIPSIS = /\s*(?:\.{3,}|…|\[\s*(?:\.{3}|…)\s*\])\s*/;

/**
 * The quote as it should be shown, when it is really from `answer`: the exact passage for a
 * contiguous quote, the quote itself for one shortened with ellipses; null when it is not there.
 */
export function alignQuote(quote: string, answer: string): string | null {
  const exact = quote.trim();
  if (exact && answer.includes(exact)) return exact;
  const segments = quote
    .split(ELLIPSIS)
    .map((s) => tokens(s))
    .filter((t) => t.length > 0);
  if (segments.length === 0) return null;
  const text = tokens(answer);
  let from = 0;
  let first = -1;
  let last = -1;
  for (const segment of segments) {
    const at = findRun(text, segment, from);
    if (at < 0) return null;
    if (first < 0) first = at;
    last = at + segment.length - 1;
    from = at + segment.length;
  }
  if (segments.length === 1) return answer.slice(text[first]!.start, text[last]!.end);
  return quote.trim();
}

/** True when `quote` is (by the rules above) the candidate's own words from `text`. */
export function quoteAppearsIn(quote: string, text: string): boolean {
  return alignQuote(quote, text) !== null;
}
