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
import { contentKeys } from '../../text/index.js';

/** Similarity from which a key point counts as touched (below the coverage threshold on purpose). */
export const TOUCHED_SIMILARITY = 0.3;

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
  const judged = coverage.points.map((p) =>
    (p.covered || p.similarity >= TOUCHED_SIMILARITY) && echoOnly(p.point) ? { ...p, covered: false, similarity: 0, evidence: '' } : p,
  );
  return { ...coverage, points: judged, coveredCount: judged.filter((p) => p.covered).length };
}

/** Whether the answer comes near any key point; null when there are no key points to judge by. */
export function keyPointsTouched(coverage: AnswerCoverage | null): boolean | null {
  if (!coverage || coverage.points.length === 0) return null;
  return coverage.points.some((p) => p.covered || p.similarity >= TOUCHED_SIMILARITY);
}
