/**
 * Filler words in a transcript. Some fillers are always fillers ("um", "uh"); others are
 * ordinary words most of the time ("like", "you know", "sort of"), so they only count in the
 * places where speakers use them as fillers: set off by commas, or not doing their usual job
 * ("I like Go" is a verb, "a kind of cache" is a noun phrase, "you know the answer" has an
 * object).
 *
 * Note: speech recognisers often tidy "um" and "uh" away, so counts from a transcript are a
 * lower bound.
 */

export interface FillerCount {
  total: number;
  /** Each filler found, with how often, most frequent first. */
  byFiller: Array<{ filler: string; count: number }>;
}

/** Always fillers (hesitation sounds and empty intensifiers). */
const ALWAYS: Record<string, string> = {
  um: 'um', umm: 'um', uh: 'uh', uhh: 'uh', er: 'er', erm: 'erm', ah: 'ah', hmm: 'hmm', mm: 'hmm',
  basically: 'basically', literally: 'literally',
};
/** Words that, before "kind of"/"sort of", make it a real noun phrase ("what kind of database"). */
const DETERMINERS = new Set(['a', 'an', 'the', 'this', 'that', 'these', 'those', 'what', 'which', 'some', 'any', 'one', 'every', 'each', 'no', 'same', 'different', 'right', 'wrong', 'my', 'your', 'our', 'their', 'his', 'her', 'its', 'all', 'other', 'another']);
/** Words that, before "like", make it a verb or a preposition doing real work. */
const LIKE_NOT_FILLER_BEFORE = new Set(['i', 'you', 'we', 'they', "i'd", "we'd", "they'd", "you'd", 'would', 'should', 'could', "don't", "didn't", 'not', 'really', 'also', 'feel', 'feels', 'felt', 'look', 'looks', 'looked', 'seem', 'seems', 'sound', 'sounds', 'things', 'something', 'anything', 'nothing', 'just', 'much', 'more', 'less', 'exactly', 'tools', 'languages', 'companies', 'teams', 'people', 'do', 'does', 'did', 'to', 'would', 'likes', 'liked']);
/** Words that, after "you know", give it an object ("you know the answer"). */
const YOU_KNOW_OBJECTS = new Set(['the', 'a', 'an', 'that', 'this', 'what', 'how', 'why', 'when', 'where', 'who', 'which', 'if', 'whether', 'about', 'him', 'her', 'it', 'them', 'me', 'us', 'more', 'each']);

interface Token {
  word: string;
  /** True when punctuation (comma, dash, full stop…) or the start of the text precedes it. */
  breakBefore: boolean;
  /** True when punctuation or the end of the text follows it. */
  breakAfter: boolean;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const re = /([a-z]+(?:['’][a-z]+)*)|([,.;:!?—–-]+)/gi;
  let pendingBreak = true;
  for (const m of text.matchAll(re)) {
    if (m[2]) {
      pendingBreak = true;
      const last = tokens.at(-1);
      if (last) last.breakAfter = true;
      continue;
    }
    tokens.push({ word: m[1]!.toLowerCase().replace('’', "'"), breakBefore: pendingBreak, breakAfter: false });
    pendingBreak = false;
  }
  const last = tokens.at(-1);
  if (last) last.breakAfter = true;
  return tokens;
}

/** Number of words in `text` (what a words-per-minute figure counts). */
export function countWords(text: string): number {
  return (text.match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu) ?? []).length;
}

export function countFillers(text: string): FillerCount {
  const tokens = tokenize(text);
  const found = new Map<string, number>();
  const add = (filler: string) => found.set(filler, (found.get(filler) ?? 0) + 1);

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    const always = Object.hasOwn(ALWAYS, t.word) ? ALWAYS[t.word] : undefined;
    if (always) {
      add(always);
      continue;
    }
    if (t.word === 'like') {
      // "…, like, …" or "like, …" or "it was like …" (quotative) — not "I like Go" or "tools like Kafka".
      const setOff = t.breakBefore || t.breakAfter;
      const quotative = prev && ['was', 'were', "i'm", "he's", "she's", "it's", "that's"].includes(prev.word) && t.breakAfter;
      if ((setOff && !(prev && LIKE_NOT_FILLER_BEFORE.has(prev.word) && !t.breakBefore)) || quotative) add('like');
      continue;
    }
    if (t.word === 'you' && next?.word === 'know' && !t.breakAfter) {
      const after = tokens[i + 2];
      if (next.breakAfter || !after || !YOU_KNOW_OBJECTS.has(after.word)) {
        add('you know');
        i++;
      }
      continue;
    }
    if ((t.word === 'sort' || t.word === 'kind') && next?.word === 'of' && !t.breakAfter) {
      if (!prev || t.breakBefore || !DETERMINERS.has(prev.word)) {
        add(`${t.word} of`);
        i++;
      }
      continue;
    }
    if (t.word === 'i' && next?.word === 'mean' && t.breakBefore && next.breakAfter) {
      add('I mean');
      i++;
    }
  }
  const byFiller = [...found].map(([filler, count]) => ({ filler, count })).sort((a, b) => b.count - a.count || a.filler.localeCompare(b.filler));
  return { total: byFiller.reduce((n, f) => n + f.count, 0), byFiller };
}
