/**
 * The learned step of the offline interviewer's score: an ordinal logistic regression over the
 * rubric's signals, trained on the calibration answers (`npm run calibrate:train` writes
 * score-model-weights.ts; tests/calibration checks the file is what training gives).
 *
 * Why: the hand-set rubric weights and caps were tuned round after round on the calibration
 * answers and stayed at 60–83% exact band on each fresh holdout. A regression learns how much
 * each signal and each soft cap (too short, no example, waffle…) is worth from all of the
 * answers at once, instead of one hand-set number at a time. It only decides between what the
 * signals allow: the hard limits of issue 12 (a keyword list, a pasted answer, an answer that
 * does not address the question, an instruction to the grader) stay caps the model cannot lift.
 */
import type { AnswerCoverage } from '../../intelligence/types.js';
import type { AnswerFeatures } from '../../analysis/answer-features.js';
import type { Relevance } from '../../analysis/answer-relevance.js';
import type { Substance } from '../../analysis/answer-substance.js';
import type { PlannedQuestion, RubricCriterion } from '../schemas.js';
import { SCORE_MODEL as TRAINED } from './score-model-weights.js';

type Kind = PlannedQuestion['kind'];

/** What the rubric found, before the model weighs it. */
export interface ScoreSignals {
  kind: Kind;
  /** The rubric's own 1–10 score: weighted criteria, floor and every cap. */
  rubricScore: number;
  criteria: Record<RubricCriterion, number>;
  features: AnswerFeatures;
  relevance: Relevance;
  coverage: AnswerCoverage | null;
  /** The offline depth judgement (soft: a signal for the model, except 'unfocused'). */
  depth: Substance;
  /** What the answer's substance earns however briefly it is told. */
  floor: number;
}

const KINDS: readonly Kind[] = ['behavioral', 'skill', 'technical', 'gap', 'opener', 'motivation', 'closing'];
const SOFT_CAPS = ['no_example', 'short', 'waffle', 'thin', 'no_plan', 'off_role'] as const;

/** The model's inputs, in order; the names label the weights in score-model-weights.ts. */
export const SCORE_MODEL_FEATURES: readonly string[] = [
  'rubric score', 'relevance', 'structure', 'specificity', 'ownership', 'concision', 'depth ceiling', 'floor',
  'log words', 'measured results', 'skills named', 'admissions', 'STAR parts', 'result', 'concrete actions',
  'own actions', 'planned actions', 'hedges', 'past action', 'timeframe', 'proper nouns', 'word diversity',
  'prose share', 'focus addressed', 'question words', 'job words', 'in the job setting', 'key points covered',
  'share of key points covered',
  ...KINDS.map((k) => `kind ${k}`),
  ...SOFT_CAPS.map((c) => `cap ${c}`),
];

/** The signals as the model's input vector (counts clipped so one long answer cannot dominate). */
export function scoreModelInput(s: ScoreSignals): number[] {
  const { features: f, relevance: r, criteria: c, coverage } = s;
  const starParts = Object.values(f.star).filter(Boolean).length;
  const covered = coverage?.coveredCount ?? 0;
  const points = coverage?.points.length ?? 0;
  return [
    s.rubricScore, c.relevance, c.structure, c.specificity, c.ownership, c.concision, s.depth.ceiling, s.floor,
    Math.log1p(f.words), Math.min(f.metricSentences.length, 4), Math.min(f.skillNames.length, 5), f.admissionSentences.length,
    starParts, f.star.result ? 1 : 0, Math.min(f.concreteActions, 10), Math.min(f.ownActions, 10), Math.min(f.plannedActions, 10),
    f.hedgeSentences.length, f.pastAction ? 1 : 0, f.timeframe ? 1 : 0, Math.min(f.properNouns, 6), f.diversity, f.proseShare,
    r.focusHit ? 1 : 0, Math.min(r.questionHits, 8), Math.min(r.jobHits, 12), r.inSetting ? 1 : 0, covered, points ? covered / points : 0,
    ...KINDS.map((k) => (s.kind === k ? 1 : 0)),
    ...SOFT_CAPS.map((cap) => (s.depth.issue === cap ? 1 : 0)),
  ];
}

/** A trained model: standardisation, weights and the four band thresholds on the latent scale. */
export interface ScoreModel {
  mean: readonly number[];
  scale: readonly number[];
  weights: readonly number[];
  /** Latent value above which an answer is weak, adequate, strong, excellent. */
  thresholds: readonly [number, number, number, number];
}

const SCORE_MODEL: ScoreModel = TRAINED;

/** The model's latent value for an input vector (higher is better). */
export function latentOf(x: readonly number[], model: ScoreModel = SCORE_MODEL): number {
  let sum = 0;
  for (let j = 0; j < x.length; j++) sum += ((x[j]! - model.mean[j]!) / model.scale[j]!) * model.weights[j]!;
  return sum;
}

/**
 * The 1–10 score for a latent value: the band from the thresholds, then the lower or upper
 * score of the band by which half of it the value falls in (the outer bands are as wide as the
 * mean inner band).
 */
export function scoreOfLatent(latent: number, model: ScoreModel = SCORE_MODEL): number {
  const t = model.thresholds;
  const width = (t[3] - t[0]) / 3;
  const band = t.filter((edge) => latent > edge).length;
  const low = band === 0 ? t[0] - width : t[band - 1]!;
  const high = band === 4 ? t[3] + width : t[band]!;
  return band * 2 + 1 + (latent >= (low + high) / 2 ? 1 : 0);
}

/** The learned 1–10 score for an answer's signals. */
export function learnedScore(signals: ScoreSignals): number {
  return scoreOfLatent(latentOf(scoreModelInput(signals)));
}
