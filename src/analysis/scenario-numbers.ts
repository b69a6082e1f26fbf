/**
 * Numbers an answer takes from its own question are not the candidate's results. A scenario
 * question sets a scene with figures ("sales rose 4% in ten stores", "60 million rows"); an
 * answer that repeats them ("I'd look at those ten stores") has measured nothing. The answer's
 * features are question-independent (and memoised per text), so this filter is applied per
 * evaluation: the measured sentences whose every number already appears in the question are
 * dropped. Returns the same features object when there is nothing to drop.
 */
import { measuresIn } from '../text/index.js';
import type { AnswerFeatures } from './answer-features.js';

const NUMBER_WORDS: Readonly<Record<string, string>> = {
  one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9', ten: '10',
  eleven: '11', twelve: '12', thirteen: '13', fourteen: '14', fifteen: '15', sixteen: '16', seventeen: '17', eighteen: '18',
  nineteen: '19', twenty: '20', thirty: '30', forty: '40', fifty: '50', sixty: '60', seventy: '70', eighty: '80', ninety: '90',
  hundred: '100', thousand: '1000', half: '0.5', dozen: '12',
};

/** The value a number token stands for, comparable across "ten", "10" and "10%". */
function numberValue(text: string): string | null {
  const lower = text.toLowerCase().replace(/[,%]/g, '');
  if (NUMBER_WORDS[lower]) return NUMBER_WORDS[lower]!;
  const m = /^(\d+(?:\.\d+)?)/.exec(lower);
  return m ? String(Number(m[1])) : null;
}

const NUMBER_IN_TEXT = new RegExp(`\\b(?:\\d[\\d,]*(?:\\.\\d+)?|${Object.keys(NUMBER_WORDS).join('|')})\\b`, 'gi');

/** Every number value the question states. */
export function numbersIn(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.match(NUMBER_IN_TEXT) ?? []) {
    const v = numberValue(m);
    if (v) out.add(v);
  }
  return out;
}

/** The features with the question's own numbers no longer counted as measured results. */
export function withoutQuestionNumbers(f: AnswerFeatures, question: string): AnswerFeatures {
  if (f.metricSentences.length === 0) return f;
  const given = numbersIn(question);
  if (given.size === 0) return f;
  const own = new Set<number>();
  for (const m of measuresIn(f.doc)) {
    const v = numberValue(m.text);
    if (v === null || !given.has(v)) own.add(m.sentence);
  }
  const starts = new Set(f.doc.sentences.filter((_, i) => own.has(i)).map((s) => s.start));
  const metricSentences = f.metricSentences.filter((s) => starts.has(s.start));
  return metricSentences.length === f.metricSentences.length ? f : { ...f, metricSentences };
}
