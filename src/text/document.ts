/**
 * A text read once by the NLP model: tokens with exact character offsets, lemma, a matching
 * key, part of speech, negation scope and stop-word flag; sentences as exact slices (so they
 * can be quoted verbatim); and named entities (PERCENT, MONEY, CARDINAL, DURATION, DATE, TIME…).
 * Memoised by content: an answer, a CV or a job description is read once however many modules
 * look at it.
 */
import { TextCache } from './cache.js';
import { nlp, porterStem } from './nlp.js';

/** One token of a text. `start`/`end` are offsets into the text. */
export interface Token {
  text: string;
  lower: string;
  lemma: string;
  /** What words are compared by: the stem of the lemma, British spellings folded ("prioritise" = "prioritize"). */
  key: string;
  /** Universal part of speech (NOUN, VERB, PROPN, NUM, AUX, PRON, ADJ, ADV, ADP, DET, PART, PUNCT, SYM, X…). */
  pos: string;
  /** wink's token type: word, number, punctuation, symbol, currency, email, url, emoji, … */
  type: string;
  start: number;
  end: number;
  /** Inside the scope of a negation ("I haven't *introduced standards*"). */
  negated: boolean;
  stop: boolean;
  /** Index of the sentence the token belongs to. */
  sentence: number;
}

/** A sentence (or bullet line) as an exact slice of the text, list marker and outer spaces removed. */
export interface Sentence {
  text: string;
  start: number;
}

/** A sentence with the tokens it spans (`tokens[from]` to `tokens[to - 1]`). */
export interface DocSentence extends Sentence {
  end: number;
  from: number;
  to: number;
}

/** A named entity found by the model. */
interface Entity {
  type: string;
  text: string;
  start: number;
  end: number;
  /** First and last token index (inclusive). */
  first: number;
  last: number;
}

export interface TextDoc {
  text: string;
  tokens: Token[];
  sentences: DocSentence[];
  entities: Entity[];
  /** Words as a reader counts them (clitics such as "n't" and "'s" are part of their word). */
  words: number;
}

/**
 * The model's stop words include words that carry topic in interview answers and job ads
 * ("call the family", "first I…", "pushed back", "name the metric"): those stay content words.
 */
const NOT_STOP = new Set(
  'own call front back top bottom full part side name first last move take show give serious amount empty keep put become fire bill system find detail describe interest hundred thousand million twenty thirty forty fifty sixty fifteen'.split(
    ' ',
  ),
);

const WORDISH = new Set(['word', 'number', 'email', 'url', 'hashtag', 'mention', 'emoticon', 'emoji', 'ordinal']);
const CLITIC = /^(?:n['’]t|['’](?:s|re|ve|ll|d|m))$/i;
const BULLET = /^(?:[-*•·▪◦‣–—|]|\d{1,2}[.)])\s+/;
/** Abbreviations after which a capital letter does not start a new sentence. */
const TITLES = /^(?:dr|mr|mrs|ms|prof|st|mt|no|vs|etc|e\.g|i\.e|approx|inc|ltd|co|jr|sr|dept|univ|fig|ft)\.$/i;

/** "-ise" words that are not British spellings of "-ize" ("promise", "expertise"). */
const NOT_BRITISH_ISE = /(?:advert|adv|appr|ar|chast|circumc|compr|comprom|conc|dem|desp|dev|disgu|enterpr|exc|exerc|expert|franch|improv|inc|merchand|otherw|parad|prec|prem|prom|ra|rev|superv|surm|surpr|telev|treat|w)ise$/;

/** "prioritisation" → "prioritization", "analysed" → "analyzed": both spellings stem alike. */
function americanise(word: string): string {
  const m = /^(.{4,}?)(is|ys)(e|ed|es|ing|er|ers|ation|ations)$/.exec(word);
  if (!m) return word;
  if (NOT_BRITISH_ISE.test(`${m[1]}${m[2]}e`)) return word;
  return `${m[1]}${m[2] === 'is' ? 'iz' : 'yz'}${m[3]}`;
}

const keyCache = new Map<string, string>();
/** The comparison key of a lemma (or any lower-case word): British spelling folded, then stemmed. */
export function keyOf(lemma: string): string {
  let key = keyCache.get(lemma);
  if (key === undefined) {
    key = /^[a-z]+$/.test(lemma) ? porterStem(americanise(lemma)) : lemma;
    if (keyCache.size > 50_000) keyCache.clear();
    keyCache.set(lemma, key);
  }
  return key;
}

/**
 * wink-nlp declares every `out(its.x)` as `T[] | string[]` (or worse); these check what it
 * really returned, once per document, instead of asserting it.
 */
type Guard<T> = (values: readonly unknown[]) => values is T[];
const strings: Guard<string> = (values): values is string[] => values.every((v) => typeof v === 'string');
const booleans: Guard<boolean> = (values): values is boolean[] => values.every((v) => typeof v === 'boolean');
const spans: Guard<[number, number]> = (values): values is [number, number][] =>
  values.every((v) => Array.isArray(v) && v.length === 2 && typeof v[0] === 'number' && typeof v[1] === 'number');
const details: Guard<{ value: string; type: string }> = (values): values is { value: string; type: string }[] =>
  values.every((v) => typeof v === 'object' && v !== null && 'value' in v && 'type' in v && typeof v.value === 'string' && typeof v.type === 'string');

function checked<T>(values: readonly unknown[], guard: Guard<T>, what: string): T[] {
  if (!guard(values)) throw new Error(`wink-nlp returned unexpected ${what}`);
  return values;
}

/**
 * `s.toLowerCase()`, without a copy when nothing changes: V8 returns a new string even for a
 * word already in lower case, and a 300-word answer has two such strings per token (its lower
 * case and its lemma), kept as long as the document is.
 */
function lowerCase(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 65 && c <= 90) || c > 127) return s.toLowerCase();
  }
  return s;
}

const CURLY_APOSTROPHE = /’/g;
const BLANK = /^\s*$/;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const ENDS_WITH_LETTER_DOT = /[A-Za-z]\.$/;
const STARTS_WITH_CAPITAL = /^[A-Z]/;
const INNER_DOT = /\.[A-Za-z]/;

function read(text: string): TextDoc {
  const n = nlp();
  const { its } = n;
  const doc = n.readDoc(text);
  const values = doc.tokens().out();
  const spaces = checked(doc.tokens().out(its.precedingSpaces), strings, 'spaces');
  // The typings declare lemma with an addons parameter that out() does pass at run time.
  const lemmas = checked(doc.tokens().out(its.lemma as unknown as typeof its.value), strings, 'lemmas');
  const pos = checked(doc.tokens().out(its.pos), strings, 'parts of speech');
  const types = checked(doc.tokens().out(its.type), strings, 'token types');
  const negation = checked(doc.tokens().out(its.negationFlag), booleans, 'negation flags');
  const stops = checked(doc.tokens().out(its.stopWordFlag), booleans, 'stop-word flags');

  const tokens: Token[] = [];
  let at = 0;
  for (let i = 0; i < values.length; i++) {
    at += spaces[i]!.length;
    // The tokenizer is lossless, but guard against a mismatch rather than quoting the wrong slice.
    const value = values[i]!;
    const found = text.startsWith(value, at) ? at : text.indexOf(value, at);
    const start = found >= 0 ? found : at;
    const lowered = lowerCase(value);
    const lower = lowered.includes('’') ? lowered.replace(CURLY_APOSTROPHE, "'") : lowered;
    const lemma = lowerCase(lemmas[i] ?? lower);
    tokens.push({
      text: value,
      lower,
      lemma,
      key: keyOf(lemma),
      pos: pos[i] ?? 'X',
      type: types[i] ?? 'word',
      start,
      end: start + value.length,
      negated: negation[i] === true,
      stop: stops[i] === true && !NOT_STOP.has(lower) && !NOT_STOP.has(lemma),
      sentence: 0,
    });
    at = start + value.length;
  }

  // Sentence starts: the model's boundaries, every line break (CV bullets, answers typed as
  // lines), and an abbreviation-looking token ("$1.2M.", "came in.") followed by a capital.
  const starts = new Set<number>([0]);
  const sentenceSpans = checked(doc.sentences().out(its.span), spans, 'sentence spans');
  // A boundary inside a word ("Node.js", "e.g.x") is the model's mistake: no space, no new sentence.
  for (const [from] of sentenceSpans) if (from === 0 || tokens[from]!.start > tokens[from - 1]!.end) starts.add(from);
  for (let i = 1; i < tokens.length; i++) {
    const prev = tokens[i - 1]!;
    if (spaces[i]!.includes('\n') || prev.text.includes('\n')) starts.add(i);
    // Checked in order of cost: most tokens do not end with a full stop.
    if (prev.type === 'word' && prev.text.endsWith('.') && ENDS_WITH_LETTER_DOT.test(prev.text) && STARTS_WITH_CAPITAL.test(tokens[i]!.text) && !TITLES.test(prev.text) && !INNER_DOT.test(prev.text.slice(0, -1))) {
      starts.add(i);
    }
  }
  const ordered = [...starts].filter((i) => i < tokens.length).sort((a, b) => a - b);
  const sentences: DocSentence[] = [];
  ordered.forEach((start, k) => {
    let to = ordered[k + 1] ?? tokens.length;
    let from = start;
    // Line-break tokens belong to no sentence.
    while (from < to && BLANK.test(tokens[from]!.text)) from++;
    while (to > from && BLANK.test(tokens[to - 1]!.text)) to--;
    if (from >= to) return;
    let s = tokens[from]!.start;
    const e = tokens[to - 1]!.end;
    const raw = text.slice(s, e);
    const marker = BULLET.exec(raw);
    let first = from;
    if (marker) {
      s += marker[0].length;
      while (first < to && tokens[first]!.start < s) first++;
    }
    const body = text.slice(s, e).trimEnd();
    if (!LETTER_OR_DIGIT.test(body)) return;
    const index = sentences.length;
    for (let i = from; i < to; i++) tokens[i]!.sentence = index;
    sentences.push({ text: body, start: s, end: s + body.length, from: first, to });
  });

  const entities: Entity[] = [];
  const detail = checked(doc.entities().out(its.detail), details, 'entity details');
  const entitySpans = checked(doc.entities().out(its.span), spans, 'entity spans');
  detail.forEach((d, k) => {
    const [first, last] = entitySpans[k] ?? [0, 0];
    const a = tokens[first];
    const b = tokens[last];
    if (!a || !b) return;
    entities.push({ type: d.type, text: text.slice(a.start, b.end), start: a.start, end: b.end, first, last });
  });

  let words = 0;
  for (const t of tokens) if (WORDISH.has(t.type) && !CLITIC.test(t.text)) words++;
  return { text, tokens, sentences, entities, words };
}

const docs = new TextCache<TextDoc>(512, 16_000);

/** Reads (or recalls) a text. */
export function readText(text: string): TextDoc {
  return docs.get(text, () => read(text));
}


