/**
 * The honesty floor under every score, whichever provider produced it: an empty, evasive,
 * off-topic, keyword-stuffed or grader-instructing answer cannot score well, however generous
 * a model is. `ai/guards.ts` clamps every provider's score to this ceiling.
 */
import type { EvaluateAnswerInput } from '../ai/types.js';
import { answerFeatures, type AnswerFeatures } from './answer-features.js';
import { declinesToAsk, relevanceOf, type Relevance } from './answer-relevance.js';
import { analyseContext } from './context-analysis.js';
import { contentKeys } from '../text/index.js';

/**
 * Why an answer's score is capped. The first group caps every provider's score (guards.ts);
 * the second is the offline interviewer's own depth judgement (answer-depth.ts).
 */
type SubstanceIssue =
  | 'empty' | 'evasive' | 'injection' | 'too_short' | 'echo' | 'keyword_list' | 'off_topic' | 'duplicate' | 'repetitive' | 'brief'
  | 'hypothetical' | 'not_english' | 'unfocused' | 'waffle' | 'off_role' | 'no_example' | 'no_plan' | 'short' | 'thin';

/** The honest ceiling for an answer and why. */
export interface Substance {
  /** Highest overall score (1–10) the answer can get. */
  ceiling: number;
  /** Why the ceiling is below 10, addressed to the candidate; null when it is 10. */
  reason: string | null;
  issue: SubstanceIssue | null;
  /** For 'duplicate': the number of the question whose answer it repeats. */
  duplicateOf?: number;
}

const STORY_KINDS = new Set(['behavioral', 'skill']);

/**
 * True when the answer is a list of terms rather than sentences: most of its words sit outside
 * any clause ("NEWS2 ILS ALS mechanical ventilation CRRT teamwork"), or it is mostly skill
 * names with no story around them.
 */
export function isKeywordList(f: AnswerFeatures): boolean {
  if (f.words >= 4 && f.proseShare < 0.4) return true;
  return f.skillNames.length >= 4 && (f.skillWordShare >= 0.35 || (f.skillNames.length >= 5 && f.storyVerbs <= 1));
}

/** Share of content words two texts have in common (of the smaller one), 0..1. */
function containment(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size === 0) return 0;
  let shared = 0;
  for (const k of small) if (large.has(k)) shared++;
  return shared / small.size;
}

/** Content words an answer must have before it can count as a copy of another (short answers repeat by chance). */
const DUPLICATE_MIN_WORDS = 8;
/** Share of the shorter answer's content words found in the other: above this it is the same answer. */
const DUPLICATE_CONTAINMENT = 0.7;

/** The number of the earlier question whose answer this one repeats (near enough word for word), or null. */
function duplicateOf(input: EvaluateAnswerInput, f: AnswerFeatures): number | null {
  if (f.stems.size < DUPLICATE_MIN_WORDS) return null;
  for (const other of input.earlierAnswers ?? []) {
    if (typeof other?.text !== 'string' || other.text.trim() === '') continue;
    const keys = contentKeys(other.text);
    if (keys.size >= DUPLICATE_MIN_WORDS && containment(f.stems, keys) >= DUPLICATE_CONTAINMENT) return other.questionNumber;
  }
  return null;
}

/**
 * True when the answer only repeats the question (or the CV line it quotes): nearly every
 * meaningful word of the answer is already in the question, so nothing new was said.
 */
function echoesQuestion(input: EvaluateAnswerInput, f: AnswerFeatures): boolean {
  if (f.stems.size < 3) return false;
  const question = contentKeys(`${input.question.text} ${input.question.focus}`);
  let novel = 0;
  for (const s of f.stems) if (!question.has(s)) novel++;
  return novel <= 2 && novel / f.stems.size < 0.2;
}

/** Why a polite closing answer that asks nothing is weak. */
export const NOTHING_ASKED = 'It is polite, but asks nothing: a question about the role or the team would have shown your interest.';

/** The ceiling for an answer whose features and relevance are already known. */
export function substanceOf(input: EvaluateAnswerInput, f: AnswerFeatures, r: Relevance): Substance {
  const cap = (ceiling: number, issue: SubstanceIssue, reason: string): Substance => ({ ceiling, reason, issue });
  if (f.words === 0) return cap(1, 'empty', 'The answer is empty.');
  if (f.injection) return cap(2, 'injection', 'The answer tries to instruct the grader instead of answering the question.');
  if (f.evasive) return cap(1, 'evasive', 'This is a non-answer, so there is nothing to assess.');
  if (f.words < 8) return cap(2, 'too_short', 'The answer is too short to show any experience.');
  // The checks below read English words; an answer in another language is left to whoever can
  // read it (a remote model judges it; the offline interviewer says it cannot).
  if (!f.language.english && f.language.reliable) return { ceiling: 10, reason: null, issue: null };
  if (echoesQuestion(input, f)) return cap(2, 'echo', 'The answer repeats the question instead of answering it.');
  if (isKeywordList(f)) return cap(2, 'keyword_list', 'The answer lists skills without saying what you did with them.');
  // A repeat is named as a repeat even when it is also off-topic here: that is what the candidate needs to hear.
  const copy = duplicateOf(input, f);
  if (copy === null && r.offTopic) return cap(2, 'off_topic', 'The answer does not address the question.');
  if (copy !== null) {
    // The same story can honestly answer two questions, but a reused answer is scored on how well
    // it fits this one: not at all → a non-answer; partly → weak at best (the interviewer wanted a new example).
    const fits = r.focusSentence !== null && r.exactQuestionHits >= 2;
    return {
      ceiling: fits ? 4 : 2,
      issue: 'duplicate',
      duplicateOf: copy,
      reason: fits
        ? `This is essentially the answer you gave to question ${copy}; it touches this question, but a fresh example aimed at it would be stronger.`
        : `This is essentially the answer you gave to question ${copy}, and it does not address this question.`,
    };
  }
  if (f.repetition >= 0.4 || (f.words >= 40 && f.diversity < 0.25)) {
    return cap(3, 'repetitive', 'The answer mostly repeats itself instead of adding detail.');
  }
  const askingBack = input.question.kind === 'closing' && f.text.includes('?');
  // A polite "no questions" at the close answers the question, weakly: not a story told too briefly.
  if (declinesToAsk(input, f)) return cap(4, 'thin', NOTHING_ASKED);
  if (f.words < 25 && !input.isFollowUp && !askingBack) return cap(4, 'brief', 'The answer is too brief to give a real example.');
  if (STORY_KINDS.has(input.question.kind) && !f.pastAction && f.hypotheticalSentences.length > 0) {
    return cap(6, 'hypothetical', 'The answer says what you would do, not what you actually did.');
  }
  return { ceiling: 10, reason: null, issue: null };
}

/**
 * How high an answer can honestly score, from its substance alone: empty, one-word,
 * "I don't know", under ~8 words, the question copied back, off-topic, keyword lists and
 * prompt injection → at most 2;
 * mostly repeated sentences → at most 3; very brief → at most 4; only hypothetical
 * ("I would…") for a story question → at most 6.
 */
export function assessSubstance(input: EvaluateAnswerInput): { ceiling: number; reason: string | null } {
  const f = answerFeatures(input.answer);
  const { ceiling, reason } = substanceOf(input, f, relevanceOf(input, f, analyseContext(input.context)));
  return { ceiling, reason };
}
