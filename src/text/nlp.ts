/**
 * The one loaded English model of the app: wink-nlp with wink-eng-lite-web-model (sentence
 * boundaries, part of speech, negation scope, named entities, lemmas and the Porter2 stemmer).
 * Loading takes a fraction of a second (several on a busy machine) and blocks the event loop,
 * so the server loads it once while it starts (`loadNlp`, app.ts) rather than on the first answer,
 * and every module that reads text shares it through `src/text/`.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

type Nlp = ReturnType<typeof winkNLP>;

let loaded: Nlp | undefined;

/** Loads the model now (the server calls it at start), so no request waits for it. */
export function loadNlp(): void {
  nlp();
}

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
