/**
 * The offline interviewer's use of a question's key points: the lexical coverage of the answer
 * (src/coverage/lexical.ts, the same engine the feedback's covered/missed points fall back to)
 * and whether the answer touches any key point at all. Lexical matching misses paraphrase, so
 * key points only ever raise relevance or, together with a missing focus, confirm that an
 * answer is about something else; a plain-spoken answer is never capped for wording alone.
 */
import { lexicalCoverage } from '../../coverage/lexical.js';
import type { AnswerCoverage } from '../../intelligence/types.js';
import type { EvaluateAnswerInput } from '../types.js';
import { contentKeys, readText, synonymsOf } from '../../text/index.js';

/**
 * The people and places every answer in a profession mentions: alone, they never show that an
 * answer covers a key point. The job title's own words are added per question.
 */
const EVERYDAY_WORDS =
  'patient nurse doctor ward shift customer client user pupil student child class teacher manager colleague team staff ' +
  'company business people person work job role';
const everydayCache = new Map<string, ReadonlySet<string>>();
function everydayKeys(jobTitle: string): ReadonlySet<string> {
  let keys = everydayCache.get(jobTitle);
  if (!keys) {
    keys = new Set([...contentKeys(EVERYDAY_WORDS), ...contentKeys(jobTitle)]);
    if (everydayCache.size >= 256) everydayCache.clear();
    everydayCache.set(jobTitle, keys);
  }
  return keys;
}

/** Similarity from which a key point counts as touched (below the coverage threshold on purpose). */
const TOUCHED_SIMILARITY = 0.3;

/**
 * The answer's coverage of its question's key points, or null when the question has none. A
 * point the answer meets only through words the question itself used ("…late in the month-end
 * or reporting *process*" → "I automated our expenses *process*") is not covered: echoing the
 * question's wording is not answering it. Matches through synonyms or skills still count.
 */
export function keyPointCoverage(input: EvaluateAnswerInput): AnswerCoverage | null {
  const points = input.keyPoints?.filter((p) => p.trim() !== '') ?? [];
  if (points.length === 0) return null;
  const coverage = lexicalCoverage(input.answer, points);
  const question = contentKeys(`${input.question.text} ${input.question.focus}`);
  const answer = contentKeys(input.answer);
  const echoOnly = (point: string) => {
    let shared = 0;
    for (const k of contentKeys(point)) {
      if (!answer.has(k)) continue;
      if (!question.has(k)) return false;
      shared++;
    }
    return shared > 0;
  };
  // The profession's own words ("nurse", "patient", "customer") are in every answer for this
  // job: a point met only through them ("…or the previous nurse" by "I'm the link nurse") is not
  // covered, nor touched.
  const everyday = everydayKeys(input.context.jobTitle);
  const onlyEveryday = (point: string) => {
    let shared = 0;
    for (const k of contentKeys(point)) {
      if (!answer.has(k) && !synonymsOf(k).some((s) => answer.has(s))) continue;
      if (!everyday.has(k)) return false;
      shared++;
    }
    return shared > 0;
  };
  // "I'd fix it, test it and deploy" names actions, not what they act on: a point ("adds an alert
  // or a test so it is caught next time") met only by words the answer uses as verbs is not
  // covered. A point is covered when the answer names something of it (a noun, a number, a
  // modifier) — read from the parse every module shares, not a list of generic verbs.
  const named = namedKeys(input.answer);
  // A word met only through a synonym ("logs" for "alert") is weaker still: it does not make up
  // for a point whose own words the answer only uses as actions.
  const onlyAsActions = (point: string) => {
    let actions = 0;
    for (const k of contentKeys(point)) {
      if (named.has(k)) return false;
      if (answer.has(k)) actions++;
    }
    return actions > 0;
  };
  const judged = coverage.points.map((p) =>
    (p.covered || p.similarity >= TOUCHED_SIMILARITY) && (echoOnly(p.point) || onlyEveryday(p.point))
      ? { ...p, covered: false, similarity: 0, evidence: '' }
      : p.covered && onlyAsActions(p.point)
        ? { ...p, covered: false, evidence: '' }
        : p,
  );
  return { ...coverage, points: judged, coveredCount: judged.filter((p) => p.covered).length };
}

const OBJECT_PRONOUNS = new Set(['it', 'them', 'him', 'her', 'us', 'me']);

/** The keys of the answer's words that it uses other than as a verb (what it names, not what it does). */
function namedKeys(answer: string): ReadonlySet<string> {
  const keys = new Set<string>();
  // The same text answerFeatures reads, so the memoised parse is reused rather than repeated.
  const { tokens } = readText(answer.trim());
  tokens.forEach((t, i) => {
    // The tagger reads "test" in "fix it, test it" as a noun: a word followed by an object pronoun is a verb.
    const asVerb = t.pos === 'VERB' || t.pos === 'AUX' || OBJECT_PRONOUNS.has(tokens[i + 1]?.lower ?? '');
    if (!asVerb && !t.stop) keys.add(t.key);
  });
  return keys;
}

/** Whether the answer comes near any key point; null when there are no key points to judge by. */
export function keyPointsTouched(coverage: AnswerCoverage | null): boolean | null {
  if (!coverage || coverage.points.length === 0) return null;
  return coverage.points.some((p) => p.covered || p.similarity >= TOUCHED_SIMILARITY);
}
