/**
 * The five-criterion rubric (0–5 each, one-sentence note) and how the criteria combine into
 * the overall 1–10 score. Story questions are judged on STAR; scenario and gap questions on a
 * clear approach; opener, motivation and closing on a coherent, specific narrative.
 */
import type { AnswerCoverage } from '../../intelligence/types.js';
import type { PlannedQuestion, RubricCriterion } from '../schemas.js';
import { keyPointsTouched } from './answer-coverage.js';
import type { AnswerFeatures } from '../../analysis/answer-features.js';
import type { Relevance } from '../../analysis/answer-relevance.js';
import { isKeywordList } from '../../analysis/answer-substance.js';
import { clampInt } from '../../text/index.js';

type Kind = PlannedQuestion['kind'];
type Mode = 'star' | 'approach' | 'narrative' | 'follow_up';

const MODE: Record<Kind, Mode> = {
  behavioral: 'star', skill: 'star', gap: 'approach', technical: 'approach',
  opener: 'narrative', motivation: 'narrative', closing: 'narrative', follow_up: 'follow_up',
};

const WEIGHTS: Record<Mode, Record<RubricCriterion, number>> = {
  star: { relevance: 0.2, structure: 0.25, specificity: 0.2, ownership: 0.2, concision: 0.15 },
  approach: { relevance: 0.3, structure: 0.2, specificity: 0.25, ownership: 0.1, concision: 0.15 },
  narrative: { relevance: 0.3, structure: 0.2, specificity: 0.2, ownership: 0.1, concision: 0.2 },
  follow_up: { relevance: 0.3, structure: 0.1, specificity: 0.3, ownership: 0.15, concision: 0.15 },
};

/** Which structure a question kind is judged on. */
export const modeOf = (kind: Kind): Mode => MODE[kind];

function structure(f: AnswerFeatures, mode: Mode, r: Relevance): number {
  if (f.words < 8) return 0;
  const { situation, task, action, result } = f.star;
  const parts = [situation, task, action, result].filter(Boolean).length;
  const ordered = action && result && result.start >= action.start ? 1 : 0;
  const sentences = f.sentences.length >= 3 ? 1 : 0;
  if (mode === 'star') return Math.min(f.words < 25 ? 1 : 5, parts + (parts >= 3 ? ordered : 0));
  if (mode === 'follow_up') return Math.min(5, parts + 1);
  const text = f.text;
  if (mode === 'approach') {
    // Steps are named ("first…, then…") or laid out as a run of plans, one after another ("I'd
    // take her to a cubicle… I'd tell the nurse in charge… I'd start the pathway…").
    const sequence = f.plannedActions >= 4 && f.hypotheticalSentences.length >= 3;
    const steps = sequence || /\b(first|then|next|after that|finally|step|start by|begin by)\b/i.test(text) ? 1 : 0;
    const reasons = /\b(because|so that|trade-?offs?|instead of|rather than|which means|the risk)\b/i.test(text) ? 1 : 0;
    const checks = /\b(measur\w*|monitor\w*|verif\w*|test\w*|(?:re)?check\w*|reassess\w*|metrics?|confirm\w*|roll(?:ed)? back|validat\w*|dashboards?|alert\w*)\b/i.test(text) ? 1 : 0;
    // A past example, or a plan that closes the loop: what happens afterwards so it does not recur.
    const example = f.pastAction || AFTERWARDS.test(text) ? 1 : 0;
    return Math.min(5, steps + reasons + checks + example + sentences);
  }
  const past = f.pastAction || situation ? 1 : 0;
  const link = r.focusHit ? 1 : 0;
  const why = /\b(because|so |which is why|that's why|drawn to|excit\w*|interest\w*|motivat\w*|passion\w*|love)\b/i.test(text) ? 1 : 0;
  const ahead = /\b(want to|looking to|next|goal|grow|learn|future|hope to|\?)/i.test(text) ? 1 : 0;
  return Math.min(5, past + link + why + ahead + sentences);
}

/** A plan that says what happens after the immediate steps. */
const AFTERWARDS = /\b(?:afterwards|next time|from then on|so (?:it|this|that) (?:does not|doesn't|won't|can't) (?:happen|recur)|(?:run|hold|do) a review|review afterwards|add(?:ed)? a check)\b/i;

function specificity(f: AnswerFeatures): number {
  if (f.words < 8) return 0;
  const metrics = f.metricSentences.length >= 2 ? 2.5 : f.metricSentences.length === 1 ? 2 : 0;
  const tools = f.skillNames.length >= 2 ? 1.5 : f.skillNames.length === 1 ? 1 : 0;
  const names = f.properNouns >= 3 ? 1 : f.properNouns >= 1 ? 0.5 : 0;
  // What exactly was done is detail too: a story of six distinct actions is specific without a number.
  // A scenario's plan is specific through the steps it names ("split the team, write one message…").
  const named = Math.max(f.concreteActions, f.plannedActions);
  const actions = named >= 6 ? 1.5 : named >= 4 ? 1 : named >= 2 ? 0.5 : 0;
  const score = clampInt(metrics + tools + names + actions + (f.timeframe ? 0.5 : 0), 0, 5);
  return isKeywordList(f) ? Math.min(1, score) : score;
}

function ownership(f: AnswerFeatures): number {
  if (f.words < 8) return 0;
  const total = f.firstPerson + f.plural;
  if (total === 0) return f.passiveSentences.length ? 0 : 1;
  const ratio = f.firstPerson / total;
  // "We shipped it" in the outcome does not hide what the candidate did: four or more things
  // done with "I" make their part clear whatever the share of "we".
  const base = Math.max(ratio >= 0.6 ? 3 : ratio >= 0.35 ? 2 : 1, f.ownActions >= 4 ? 3 : f.ownActions >= 2 ? 2 : 0);
  return clampInt(base + Math.min(2, f.actionSentences.length * 0.75) - (f.passiveSentences.length >= 2 ? 1 : 0), 0, 5);
}

function concision(f: AnswerFeatures, mode: Mode): number {
  const w = f.words;
  const bands: [number, number][] =
    mode === 'follow_up'
      ? [[8, 0], [15, 2], [25, 3], [40, 4], [260, 5], [420, 4], [650, 3], [1000, 2]]
      : [[8, 0], [20, 1], [40, 2], [55, 3], [70, 4], [330, 5], [460, 4], [650, 3], [1000, 2]];
  const band = bands.find(([limit]) => w < limit)?.[1] ?? 1;
  if (f.repetition >= 0.4) return Math.min(1, band);
  const repetitive = f.repeatedSentence !== null || (f.words >= 60 && f.diversity < 0.4);
  return clampInt(band - (repetitive ? 2 : 0) - (f.hedgeSentences.length >= 3 ? 1 : 0), 0, 5);
}

function relevance(f: AnswerFeatures, r: Relevance, coverage: AnswerCoverage | null): number {
  if (f.words < 3) return 0;
  // Key points the answer covers count for it; touching none of them counts against it.
  const points = coverage ? Math.min(1, coverage.coveredCount * 0.5) - (keyPointsTouched(coverage) ? 0 : 1) : 0;
  // A story of what the candidate did in this job's own setting is on the question, if less plainly than its focus.
  const score = (r.focusHit ? 2 : r.inSetting ? 1 : 0) + Math.min(1.5, r.questionHits * 0.4) + Math.min(1.5, r.jobHits * 0.25 + r.knownSkills.length * 0.5) + points;
  return clampInt(r.offTopic ? Math.min(1, score) : score, 0, 5);
}

/** Scores the five rubric criteria 0–5 (the notes come from `rubric-notes.ts`). */
export function scoreCriteria(f: AnswerFeatures, r: Relevance, kind: Kind, coverage: AnswerCoverage | null = null): Record<RubricCriterion, number> {
  const mode = modeOf(kind);
  return {
    relevance: relevance(f, r, coverage),
    structure: structure(f, mode, r),
    specificity: specificity(f),
    ownership: ownership(f),
    concision: concision(f, mode),
  };
}

/**
 * Combines criterion scores into 1–10 using the kind's weights, then applies the floor (what
 * the answer's substance earns however briefly it is told) and the cap (the cap wins).
 */
export function overallScore(scores: Record<RubricCriterion, number>, kind: Kind, ceiling: number, floor = 1): number {
  const weights = WEIGHTS[modeOf(kind)];
  let weighted = 0;
  for (const c of Object.keys(weights) as RubricCriterion[]) weighted += weights[c] * scores[c];
  return clampInt(Math.max(floor, 1 + (weighted / 5) * 9), 1, Math.max(1, ceiling));
}
