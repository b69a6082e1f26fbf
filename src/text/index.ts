/**
 * The language layer (DESIGN §2): the only tokenizer, stemmer, stop-word list and word
 * counter in the app, on wink-nlp's English model, plus language detection. Everything above
 * it (analysis, coverage, question bank, intelligence, the offline interviewer) reads text here.
 */
export { hashText, TextCache } from './cache.js';
export { keyOf, readText, type Sentence, type TextDoc, type Token } from './document.js';
export { detectLanguage, isNotEnglish, languageName, type LanguageGuess } from './language.js';
export { measuredSentences, measuresIn } from './measures.js';
export { isAdmission, isNegatedSpan, isOwnAdmission } from './negation.js';
export { splitSentences } from './sentences.js';
export { synonymsOf } from './synonyms.js';
export { clampInt, clipQuote, headingOf, isBulletLine, lowerFirst, pick, shorten, spaceSeparatedCount, stripBullet, upperFirst } from './strings.js';
export { contentKeys, countWords, overlapCount, sentenceKeys, wordKey } from './words.js';
export { loadNlp } from './nlp.js';
export { naturalPhrase } from './phrases.js';
