/**
 * evaluateAnswer for the offline interviewer: features → relevance → key-point coverage →
 * substance cap → depth cap → rubric → the learned score model (score-model.ts) → quoted
 * strengths and weaknesses → follow-up → summary. Pure and fast: the context analysis and the answer's features are
 * memoised. Calibrated against tests/calibration (`npm run calibrate`).
 */
import type { AnswerCoverage } from '../../intelligence/types.js';
import type { AnswerEvaluation } from '../schemas.js';
import type { EvaluateAnswerInput } from '../types.js';
import { keyPointCoverage } from './answer-coverage.js';
import { depthOf, exampleFloor, THIN_FLOOR, workQuestions } from './answer-depth.js';
import { answerFeatures, type AnswerFeatures } from '../../analysis/answer-features.js';
import { strengthsOf, weaknessesOf } from './answer-feedback.js';
import { followUpFor, summaryFor } from './answer-follow-up.js';
import { relevanceOf, type Relevance } from '../../analysis/answer-relevance.js';
import { withoutQuestionNumbers } from '../../analysis/scenario-numbers.js';
import { modeOf, overallScore, scoreCriteria } from './answer-rubric.js';
import { substanceOf, type Substance } from '../../analysis/answer-substance.js';
import { analyseContext } from '../../analysis/context-analysis.js';
import { criteriaWithNotes } from './rubric-notes.js';
import { withoutContradictions } from '../../analysis/feedback-topics.js';
import { RUBRIC_CRITERIA } from '../schemas.js';
import { learnedScore, type ScoreSignals } from './score-model.js';

/** Everything the offline interviewer reads from an answer before it settles on a score. */
interface Judgement {
  analysis: ReturnType<typeof analyseContext>;
  f: AnswerFeatures;
  relevance: Relevance;
  coverage: AnswerCoverage | null;
  substance: Substance;
  depth: Substance;
  /** For a closing answer, how many of its questions are about the work itself. */
  closingQuestions: number;
  signals: ScoreSignals;
}

function judge(input: EvaluateAnswerInput, referenceYear?: number): Judgement {
  const analysis = analyseContext(input.context, referenceYear);
  // The question's own figures ("sales rose 4% in ten stores") repeated back are not results.
  const f = withoutQuestionNumbers(answerFeatures(input.answer), input.question.text);
  const relevance = relevanceOf(input, f, analysis);
  const coverage = keyPointCoverage(input);
  const substance = substanceOf(input, f, relevance);
  const depth = depthOf(input, f, relevance, coverage);
  const kind = input.question.kind;
  const criteria = scoreCriteria(f, relevance, kind, coverage);
  // A story without an outcome, or a good story that misses the point asked about, is not a top answer.
  const mode = modeOf(kind);
  const rubricCap = (mode === 'star' && !f.star.result) || (mode !== 'narrative' && !relevance.focusHit) ? 7 : 10;
  const floor = Math.max(exampleFloor(input, f, relevance, coverage, analysis.jobVocabulary), depth.issue === 'thin' ? THIN_FLOOR : 1);
  const rubricScore = overallScore(criteria, kind, Math.min(substance.ceiling, depth.ceiling, rubricCap), floor);
  const closingQuestions = kind === 'closing' ? workQuestions(input, f, analysis.jobVocabulary) : 1;
  const signals: ScoreSignals = { kind, rubricScore, criteria, features: f, relevance, coverage, depth, floor };
  return { analysis, f, relevance, coverage, substance, depth, closingQuestions, signals };
}

/**
 * The rubric's signals for an answer as the score model reads them (for training), and whether a
 * limit of issue 12 decides its score whatever the model says — a substance cap every provider
 * gets, or an answer that addresses neither the question's focus nor its key points; null for an
 * answer not in English (never scored).
 */
export function offlineScoreSignals(input: EvaluateAnswerInput, referenceYear?: number): { signals: ScoreSignals; gated: boolean } | null {
  const { substance, depth, signals } = judge(input, referenceYear);
  if (depth.issue === 'not_english') return null;
  return { signals, gated: substance.ceiling < 10 || depth.issue === 'unfocused' };
}

/**
 * Depth caps the model cannot lift: not addressing the question (issue 12: relevance gates the
 * score), waffle, an answer about another role, a generic answer, and habits told for a story.
 * Of the 698 calibration answers these caps held down, a fair interviewer put 3 of 204 above the
 * cap. The others ('short', 'no_plan') were too low on fresh holdouts, so the model weighs them.
 */
const HARD_DEPTH_CAPS: ReadonlySet<Substance['issue']> = new Set(['unfocused', 'waffle', 'off_role', 'thin', 'no_example']);

/**
 * The highest score the model may give: every provider's substance caps, the hard depth caps,
 * and a close whose questions are all about what the job offers the candidate (pay, perks, the
 * office), not the work — weak on every such calibration answer.
 */
function hardCeilingOf({ substance, depth, closingQuestions }: Judgement): number {
  return Math.min(substance.ceiling, HARD_DEPTH_CAPS.has(depth.issue) ? depth.ceiling : 10, closingQuestions === 0 ? 4 : 10);
}

/** Scores one answer: the rubric's signals, weighed by the learned score model, honestly capped by its substance. */
export function evaluateOfflineAnswer(input: EvaluateAnswerInput, referenceYear?: number): AnswerEvaluation {
  const judgement = judge(input, referenceYear);
  const { analysis, f, relevance, coverage, substance, depth, closingQuestions, signals } = judgement;
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
  const scores = signals.criteria;
  const score = Math.max(1, Math.min(learnedScore(signals), hardCeilingOf(judgement)));
  // The feedback explains whichever cap bit hardest.
  const cap = depth.reason && depth.ceiling < substance.ceiling ? depth : substance;
  const jobSkills = new Set(analysis.job.skills.map((s) => s.name));
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
