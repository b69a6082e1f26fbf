/**
 * Which numbers in a text measure something. A number counts as a result or a scale only when
 * it is a percentage, an amount of money, a multiplier ("doubled"), or a count that either
 * goes with a change ("cut from 11 to 3", "grew to 40") or counts something ("7 students",
 * "a 28-bed unit"). Identifiers ("NEWS2", "Band 6", "Key Stage 3"), ages ("a 78-year-old"),
 * dates, times of day and bare scores ("NEWS2 of 7") are not results.
 */
import type { DocSentence, TextDoc, Token } from './document.js';

/** Why a sentence's number counts. */
type MeasureKind = 'percent' | 'money' | 'multiplier' | 'change' | 'count';

export interface Measure {
  kind: MeasureKind;
  /** The number (or word) as written. */
  text: string;
  start: number;
  sentence: number;
}

const CHANGE_LEMMAS = new Set(
  ('reduce cut increase grow fall rise drop improve save lower raise boost halve double triple shorten lengthen decrease ' +
    'climb jump slash shrink speed expand exceed beat hit reach achieve win close generate deliver book land sell treble quadruple ' +
    'recover gain lose eliminate').split(' '),
);
const MULTIPLIER = /^(?:doubled?|doubling|tripled?|trebled?|halved?|halving|quadrupled?|tenfold|twice|threefold|fourfold|fivefold)$/i;
/** Words before a number that make it an identifier: "Band 6", "Key Stage 3", "Year 9", "Step 2". */
const IDENTIFIER_BEFORE = new Set(
  ('band stage year grade level step ward bay room bed floor phase version v tier class form unit module no number page ' +
    'section chapter table figure item question round season series episode line route gate platform building block zone ' +
    'week day term quarter q sprint release').split(' '),
);
/** Nouns after a number that measure time or age rather than an amount of something. */
const NOT_A_UNIT = new Set(['year', 'old', 'am', 'pm', "o'clock", 'oclock', 'second', 'minute', 'hour', 'day', 'week', 'month', 'quarter', 'term', 'semester', 'shift', 'night', 'morning', 'afternoon', 'evening', 'time']);
const TIME_OR_DATE = new Set(['DATE', 'TIME']);

/** Words that tie a number to the change itself: "from 11 to 3", "by two days", "fewer than five". */
const CHANGE_ANCHOR = new Set(['from', 'to', 'by', 'than']);

/** "six weeks", "three months": the next word after the number is a unit of time. */
function isDuration(doc: TextDoc, s: DocSentence, i: number): boolean {
  const next = doc.tokens[i + 1];
  return next !== undefined && i + 1 < s.to && next.pos === 'NOUN' && NOT_A_UNIT.has(next.lemma);
}

// Compiled once: a regular expression literal inside a function is a new object at every call,
// and these are tested against every token of every answer.
const NUMBER_WORD = /^\d[\d,.]*(?:k|m|bn|x|ms|s|h)?$/i;
const YEAR = /^(?:19|20)\d\d$/;
const CURRENCY_SIGN = /^[$£€]$/;
const PER_CENT = /^per ?cent$/i;
const CAPITALISED = /^[A-Z]/;
const ACRONYM = /^[A-Z]+s?$/;
const ONE_AS_PRONOUN_AFTER = /^(?:no|every|any|each|which|that|this)$/;
const PLURAL = /s$/;
const DOUBLE = /^double$/i;
const CHECK = /^(?:check|checked|checking|checks)$/i;
const TWICE = /^twice$/i;
const TWICE_AS = /^(?:as|the|that|what)$/i;

const ONE_IDIOM_NOUN = /^(?:point|stage|day|time|side|hand|way)$/;

function isNumberToken(t: Token): boolean {
  return t.type === 'number' || NUMBER_WORD.test(t.text);
}

function measureOf(doc: TextDoc, s: DocSentence, i: number, changing: boolean, entityType: string | undefined): MeasureKind | null {
  const t = doc.tokens[i]!;
  if (entityType && TIME_OR_DATE.has(entityType)) return null;
  if (YEAR.test(t.text)) return null; // a year
  if (entityType === 'PERCENT') return 'percent';
  if (entityType === 'MONEY') return 'money';
  const prev = doc.tokens[i - 1];
  const next = doc.tokens[i + 1];
  if (prev && i - 1 >= s.from && (prev.type === 'currency' || CURRENCY_SIGN.test(prev.text))) return 'money';
  if (next && i + 1 < s.to && (next.text === '%' || PER_CENT.test(next.text) || next.lower === 'percent')) return 'percent';
  // "Band 6", "Key Stage 3": the word before names a thing, the number picks one of them.
  if (prev && i - 1 >= s.from && (IDENTIFIER_BEFORE.has(prev.lower) || (prev.pos === 'PROPN' && CAPITALISED.test(prev.text) && !ACRONYM.test(prev.text)))) {
    return null;
  }
  // "a 78-year-old", "aged 78", "78 years old".
  const after = doc.tokens.slice(i + 1, Math.min(s.to, i + 5)).map((x) => x.lower);
  if (after[0] === '-' && after[1] === 'year' && after[3] === 'old') return null;
  if ((after[0] === 'year' || after[0] === 'years') && after[1] === 'old') return null;
  if (prev?.lower === 'aged' || prev?.lower === 'age') return null;
  // "the next one", "a good one", "no one", "one of them": a pronoun, not a count.
  if (t.lower === 'one' && ((prev && i - 1 >= s.from && (prev.pos === 'DET' || prev.pos === 'ADJ' || ONE_AS_PRONOUN_AFTER.test(prev.lower))) || next?.lower === 'of')) return null;
  if (changing) {
    // "I lost one last year", "within my first six weeks": beside a change verb, a lone "one" and a
    // duration measure nothing, unless the change is told with them ("from three to one", "by two weeks").
    const anchored = prev !== undefined && i - 1 >= s.from && CHANGE_ANCHOR.has(prev.lower);
    if (!anchored && (t.lower === 'one' || isDuration(doc, s, i))) return null;
    return 'change';
  }
  // "at one point", "one day", "on one hand": an idiom, not a count ("cut it to one day" is a change, above).
  if (t.lower === 'one' && next && i + 1 < s.to && ONE_IDIOM_NOUN.test(next.lower)) return null;
  // A count of something: the next content word (skipping "-", "+", "more", "new"…) is a noun.
  for (let j = i + 1; j < Math.min(s.to, i + 4); j++) {
    const x = doc.tokens[j]!;
    if (x.text === '-' || x.text === '+' || x.pos === 'ADJ' || x.lower === 'more' || x.lower === 'than' || x.pos === 'NUM') continue;
    if ((x.pos === 'NOUN' || (x.pos === 'PROPN' && PLURAL.test(x.text))) && !NOT_A_UNIT.has(x.lemma)) return 'count';
    break;
  }
  return null;
}

/** "double check", "double-booked", "twice a week": the word qualifies an action or a frequency, it measures no change. */
function notAMultiplier(doc: TextDoc, i: number, end: number): boolean {
  const t = doc.tokens[i]!;
  let j = i + 1;
  if (doc.tokens[j]?.text === '-' && j < end) j++;
  const next = j < end ? doc.tokens[j] : undefined;
  if (DOUBLE.test(t.text)) return next === undefined || next.pos === 'NOUN' || next.pos === 'VERB' || CHECK.test(next.text);
  if (TWICE.test(t.text)) return !(next && TWICE_AS.test(next.text));
  return false;
}

const cache = new WeakMap<TextDoc, Measure[]>();
const FROM_TO = /\bfrom\b[^.]{0,40}\bto\b/i;
const TIME_OF_DAY = /\d:\d/;

/** Every number in the text that measures an outcome or a scale, in order. */
export function measuresIn(doc: TextDoc): Measure[] {
  const cached = cache.get(doc);
  if (cached) return cached;
  const entityAt = new Map<number, string>();
  for (const e of doc.entities) for (let i = e.first; i <= e.last; i++) entityAt.set(i, e.type);
  const out: Measure[] = [];
  doc.sentences.forEach((s, index) => {
    // "You've got six or eight patients": how things usually are, not a measure of anything done.
    if (GENERIC_YOU.test(s.text) && !FIRST_PERSON_SUBJECT.test(s.text)) return;
    let changing = false;
    for (let i = s.from; i < s.to && !changing; i++) changing = CHANGE_LEMMAS.has(doc.tokens[i]!.lemma);
    changing ||= FROM_TO.test(s.text);
    for (let i = s.from; i < s.to; i++) {
      const t = doc.tokens[i]!;
      // "double-check", "twice a day" are not multipliers: "doubled sign-ups", "twice as many" are.
      if (MULTIPLIER.test(t.text) && !notAMultiplier(doc, i, s.to)) {
        out.push({ kind: 'multiplier', text: t.text, start: t.start, sentence: index });
        continue;
      }
      // Digits and number words ("three", "twelve"); never a time of day ("9:12").
      if (!(isNumberToken(t) || t.pos === 'NUM') || t.type === 'symbol' || t.type === 'currency' || TIME_OF_DAY.test(t.text)) continue;
      const kind = measureOf(doc, s, i, changing, entityAt.get(i));
      if (kind) out.push({ kind, text: t.text, start: t.start, sentence: index });
    }
  });
  cache.set(doc, out);
  return out;
}

/**
 * A sentence in the generic "you" ("you've got…", "you can't always…"), telling how a job usually
 * is — not "as you can see", which points at the candidate's own facts.
 */
const GENERIC_YOU = /(?<!\bas )\byou(?:'ve| have)? got\b|(?<!\bas )\byou (?:have|get|need|can(?:'t|not)?|always|never|usually|often|just)\b/i;
const FIRST_PERSON_SUBJECT = /\b(?:I|[Ww]e)\b/;

/** The indexes of the sentences that state a measure. */
export function measuredSentences(doc: TextDoc): Set<number> {
  return new Set(measuresIn(doc).map((m) => m.sentence));
}
