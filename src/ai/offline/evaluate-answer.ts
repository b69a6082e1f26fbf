/**
 * evaluateAnswer for the offline interviewer: features → relevance → key-point coverage →
 * substance cap → depth cap → rubric → overall score → quoted strengths and weaknesses →
 * follow-up → summary. Pure and fast: the context analysis and the answer's features are
 * memoised. Calibrated against tests/calibration (`npm run calibrate`).
 */
import type { AnswerEvaluation } from '../schemas.js';
import type { EvaluateAnswerInput } from '../types.js';
import { keyPointCoverage } from './answer-coverage.js';
import { depthOf, exampleFloor, THIN_FLOOR, workQuestions } from './answer-depth.js';
import { answerFeatures } from '../../analysis/answer-features.js';
import { strengthsOf, weaknessesOf } from './answer-feedback.js';
import { followUpFor, summaryFor } from './answer-follow-up.js';
import { relevanceOf } from '../../analysis/answer-relevance.js';
import { withoutQuestionNumbers } from '../../analysis/scenario-numbers.js';
import { modeOf, overallScore, scoreCriteria } from './answer-rubric.js';
import { substanceOf } from '../../analysis/answer-substance.js';
import { analyseContext } from '../../analysis/context-analysis.js';
import { criteriaWithNotes } from './rubric-notes.js';
import { withoutContradictions } from '../../analysis/feedback-topics.js';
import { RUBRIC_CRITERIA } from '../schemas.js';

/** Scores one answer against the explicit rubric, honestly capped by its substance. */
export function evaluateOfflineAnswer(input: EvaluateAnswerInput, referenceYear?: number): AnswerEvaluation {
  const analysis = analyseContext(input.context, referenceYear);
  // The question's own figures ("sales rose 4% in ten stores") repeated back are not results.
  const f = withoutQuestionNumbers(answerFeatures(input.answer), input.question.text);
  const relevance = relevanceOf(input, f, analysis);
  const coverage = keyPointCoverage(input);
  const substance = substanceOf(input, f, relevance);
  const depth = depthOf(input, f, relevance, coverage);
  if (depth.issue === 'not_english') {
    // Not judged as thin English: nothing is scored, and the feedback says why.
    const reason = depth.reason ?? '';
    return {
      score: 1,
      criteria: RUBRIC_CRITERIA.map((criterion) => ({ criterion, score: 0, note: 'Not assessed: the offline interviewer reads English only.' })),
      strengths: [],
      weaknesses: [{ point: reason, quote: '' }],
      followUp: input.isFollowUp || input.question.kind === 'closing' ? null : 'Could you give me that answer again in English? The offline interviewer can only assess English.',
      summary: `${reason}`.slice(0, 500),
    };
  }
  const scores = scoreCriteria(f, relevance, input.question.kind, coverage);
  // A story without an outcome, or a good story that misses the point asked about, is not a top answer.
  const mode = modeOf(input.question.kind);
  const rubricCap = (mode === 'star' && !f.star.result) || (mode !== 'narrative' && !relevance.focusHit) ? 7 : 10;
  const floor = Math.max(exampleFloor(input, f, relevance, coverage, analysis.jobVocabulary), depth.issue === 'thin' ? THIN_FLOOR : 1);
  const score = overallScore(scores, input.question.kind, Math.min(substance.ceiling, depth.ceiling, rubricCap), floor);
  // The feedback explains whichever cap bit hardest.
  const cap = depth.reason && depth.ceiling < substance.ceiling ? depth : substance;
  const jobSkills = new Set(analysis.job.skills.map((s) => s.name));
  const closingQuestions = input.question.kind === 'closing' ? workQuestions(input, f, analysis.jobVocabulary) : 1;
  const weaknesses = weaknessesOf(input, f, relevance, scores, cap, closingQuestions);
  const strengths = withoutContradictions(strengthsOf(f, relevance, scores, cap, jobSkills), weaknesses);
  return {
    score,
    criteria: criteriaWithNotes(scores, f, relevance, input, coverage),
    strengths,
    weaknesses,
    followUp: followUpFor(input, f, score, cap, analysis),
    summary: summaryFor(score, cap, strengths, weaknesses),
  };
}
