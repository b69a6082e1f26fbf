/**
 * What the feedback page says about how the interview ran: per answer, the level its question
 * was asked at and the key points covered and missed; and the adaptive flow explained in plain
 * sentences ("Question 5 was harder because you scored 9/10 on question 4 and covered all its
 * key points."). Pure: everything is read from the stored messages. Rows written before levels,
 * coverage and decisions were stored simply have nothing to say (nulls, never errors).
 */
import { RUBRIC_CRITERIA, type RubricCriterion } from '../ai/schemas.js';
import type { AnsweredQuestion } from '../ai/types.js';
import { questionScore } from '../intelligence/scores.js';
import type { AnswerCoverage, DecisionAction, KeyPointCoverage } from '../intelligence/types.js';
import type { DifficultyChoice, Level } from '../interview/definitions.js';
import type { MessageRow } from '../repositories/messages-repository.js';
import type { Exchange } from '../interview/state.js';
import { COVERAGE_METHOD_LABELS, LEVEL_LABELS } from './labels.js';

export interface CoverageView {
  method: AnswerCoverage['method'];
  methodLabel: string;
  covered: KeyPointCoverage[];
  missed: KeyPointCoverage[];
}

/** What the page shows about one main question beyond its evaluation. */
export interface AnswerInsight {
  questionNumber: number;
  level: Level | null;
  coverage: CoverageView | null;
  followUpCoverage: CoverageView | null;
}

export interface DecisionLine {
  /** The main question the sentence is about (the one made harder, easier or followed up). */
  questionNumber: number;
  action: DecisionAction | 'start';
  text: string;
}

/** Covered and missed key points of a stored coverage (null when there is none to show). */
export function coverageView(coverage: AnswerCoverage | null | undefined): CoverageView | null {
  if (!coverage || !Array.isArray(coverage.points) || coverage.points.length === 0) return null;
  const method = coverage.method === 'embeddings' || coverage.method === 'model' ? coverage.method : 'lexical';
  return {
    method,
    methodLabel: COVERAGE_METHOD_LABELS[method],
    covered: coverage.points.filter((p) => p.covered),
    missed: coverage.points.filter((p) => !p.covered),
  };
}

/** Level and key-point coverage of every main question, by question number. */
export function answerInsights(exchanges: readonly Exchange[]): Map<number, AnswerInsight> {
  const out = new Map<number, AnswerInsight>();
  for (const { question, answer } of exchanges) {
    if (question.kind === 'question') {
      out.set(question.questionNumber, {
        questionNumber: question.questionNumber,
        level: question.difficulty ?? null,
        coverage: coverageView(answer?.coverage),
        followUpCoverage: null,
      });
    } else {
      const main = out.get(question.questionNumber);
      if (main) main.followUpCoverage = coverageView(answer?.coverage);
    }
  }
  return out;
}

/** Key points as quoted phrases: “a” or “a”; “b”. They are written as what a strong answer does ("names the trade-off"), so they are quoted, not woven into the sentence. */
function quoted(points: readonly string[]): string {
  return points
    .map((p) => p.trim().replace(/[.;:!?\s]+$/, ''))
    .filter(Boolean)
    .map((p) => `“${p}”`)
    .join('; ');
}

/** "you scored 9/10 on question 4 and covered all its key points" */
function because(answer: MessageRow, where: string): string {
  const score = answer.evaluation?.score;
  const points = answer.coverage?.points ?? [];
  const covered = points.filter((p) => p.covered).length;
  const coverage =
    points.length === 0 ? '' : covered === points.length ? ' and covered all its key points' : ` and covered ${covered === 0 ? 'none' : `only ${covered}`} of its ${points.length} key points`;
  return score === undefined ? answer.decision?.reason ?? '' : `you scored ${score}/10 on ${where}${coverage}`;
}

const sentence = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1).replace(/[.\s]+$/, '')}.`;

/**
 * The adaptive flow as a short list: the starting level, every follow-up and every change of
 * level, with the reason. Moving on at the same level is the default and is not listed.
 */
export function explainDecisions(exchanges: readonly Exchange[], difficulty: DifficultyChoice | null = null): DecisionLine[] {
  const lines: DecisionLine[] = [];
  const mains = exchanges.filter((e) => e.question.kind === 'question');
  const first = mains[0]?.question;
  if (first?.difficulty) {
    const why = difficulty === 'auto' ? ', inferred from the experience on your CV' : difficulty ? ', the level you chose' : '';
    lines.push({ questionNumber: first.questionNumber, action: 'start', text: `Question ${first.questionNumber} was asked at ${LEVEL_LABELS[first.difficulty]} level${why}.` });
  }
  for (const { question, answer } of exchanges) {
    const decision = answer?.decision;
    if (!answer || !decision) continue;
    const n = question.questionNumber;
    const where = question.kind === 'follow_up' ? `the follow-up to question ${n}` : `question ${n}`;
    if (decision.action === 'follow_up') {
      const missed = decision.missedPoints ?? [];
      const shown = missed.slice(0, 2);
      const why =
        shown.length > 0
          ? `your answer missed ${shown.length === 1 ? 'a key point' : 'key points'}: ${quoted(shown)}`
          : decision.reason.replace(/^./, (c) => c.toLowerCase());
      lines.push({ questionNumber: n, action: 'follow_up', text: sentence(`Question ${n} had a follow-up because ${why}`) });
      continue;
    }
    if (decision.action !== 'raise' && decision.action !== 'lower') continue;
    const next = mains.find((e) => e.question.questionNumber === n + 1)?.question;
    if (!next) continue; // the decision came after the last question: nothing was asked at the new level
    const level = next.difficulty ?? decision.nextLevel;
    if (level === decision.level) continue; // already at the top or bottom: nothing changed
    const direction = decision.action === 'raise' ? 'harder' : 'easier';
    lines.push({
      questionNumber: n + 1,
      action: decision.action,
      text: sentence(`Question ${n + 1} was ${direction} (${LEVEL_LABELS[level]} level) because ${because(answer, where)}`),
    });
  }
  return lines;
}

/**
 * One of the changes that would raise the overall score most (the top of the feedback page and
 * of the Markdown export): what to do, and the answer it comes from.
 */
export interface TopFix {
  criterion: RubricCriterion;
  /** What to do next time, as an instruction. */
  action: string;
  /** The answer this change would help most. */
  questionNumber: number;
  /** That answer's score, 1–10. */
  score: number;
  /** Why, in the rubric's words about that answer (one sentence, clipped). */
  why: string;
  /** Other answers where the same change would help, by question number. */
  alsoIn: number[];
}

/** What to do about each rubric criterion: advice that holds whatever the question was. */
export const FIX_ACTIONS: Record<RubricCriterion, string> = {
  relevance: 'Answer the question asked, in your first sentence.',
  structure: 'Tell it as a story: the situation, what you did, the result.',
  specificity: 'Be specific: name what you used, and give numbers.',
  ownership: 'Say what you did yourself: “I”, not “we”.',
  concision: 'Take about a minute: one example, told fully.',
};

const WHY_MAX = 140;

/** The first sentence of a note, clipped at a word: the page shows one line of why. */
function firstSentence(text: string): string {
  const first = (text.trim().match(/^.*?[.!?](?=\s|$)/)?.[0] ?? text.trim()).trim();
  if (first.length <= WHY_MAX) return /[.!?…]$/.test(first) || !first ? first : `${first}.`;
  const cut = first.slice(0, WHY_MAX);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), WHY_MAX - 20)).replace(/[\s,;:]+$/, '')}…`;
}

/**
 * The changes that would raise the overall score most. The overall score follows the answers'
 * scores, so a point gained on a weak answer counts as much as on any other, and weak answers
 * have the most room: each rubric criterion's shortfall (out of 5) on an answer is weighted by
 * that answer's room to grow (10 − its score), and summed over the answers. The criteria with
 * the largest totals are the changes; each is linked to the answer where it would help most,
 * preferring an answer not already linked when it helps nearly as much there, so three fixes
 * do not all point at one answer. Criteria scored 4 or 5 everywhere are never suggested.
 */
export function topFixes(answers: readonly AnsweredQuestion[], limit = 3): TopFix[] {
  interface Gain {
    questionNumber: number;
    score: number;
    gain: number;
    note: string;
  }
  const byCriterion = new Map<RubricCriterion, Gain[]>();
  for (const a of answers) {
    // The question's score by the one rule the page shows (the better of answer and follow-up).
    const score = questionScore(a.evaluation.score, a.followUp?.evaluation.score) ?? a.evaluation.score;
    const room = 10 - score;
    if (room <= 0) continue;
    for (const c of a.evaluation.criteria) {
      const shortfall = 5 - c.score;
      if (shortfall < 2) continue; // 4 or 5 out of 5: nothing worth changing first
      const list = byCriterion.get(c.criterion) ?? [];
      list.push({ questionNumber: a.questionNumber, score, gain: (shortfall / 5) * room, note: c.note });
      byCriterion.set(c.criterion, list);
    }
  }
  const ranked = [...byCriterion.entries()]
    .map(([criterion, gains]) => ({
      criterion,
      total: gains.reduce((sum, g) => sum + g.gain, 0),
      gains: [...gains].sort((x, y) => y.gain - x.gain || x.questionNumber - y.questionNumber),
    }))
    .sort((x, y) => y.total - x.total || RUBRIC_CRITERIA.indexOf(x.criterion) - RUBRIC_CRITERIA.indexOf(y.criterion))
    .slice(0, limit);
  const linked = new Set<number>();
  return ranked.map(({ criterion, gains }) => {
    const best = gains[0]!;
    const anchor = gains.find((g) => !linked.has(g.questionNumber) && g.gain >= 0.75 * best.gain) ?? best;
    linked.add(anchor.questionNumber);
    return {
      criterion,
      action: FIX_ACTIONS[criterion],
      questionNumber: anchor.questionNumber,
      score: anchor.score,
      why: firstSentence(anchor.note),
      alsoIn: gains.map((g) => g.questionNumber).filter((n) => n !== anchor.questionNumber).sort((x, y) => x - y),
    };
  });
}
