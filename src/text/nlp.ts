/**
 * The one loaded English model of the app: wink-nlp with wink-eng-lite-web-model (sentence
 * boundaries, part of speech, negation scope, named entities, lemmas and the Porter2 stemmer).
 * Loading takes a fraction of a second, so it happens once, on first use, and every module
 * that reads text shares it through `src/text/`.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

type Nlp = ReturnType<typeof winkNLP>;

let loaded: Nlp | undefined;

/** The shared wink-nlp instance (sentiment and custom entities are left out: nothing uses them). */
export function nlp(): Nlp {
  loaded ??= winkNLP(model, ['sbd', 'negation', 'pos', 'ner']);
  return loaded;
}

/** The model's Porter2 stemmer, for a single lower-case word. */
export function porterStem(word: string): string {
  return stem(word);
}
const stem = model.addons.stem as (word: string) => string;
