/**
 * What the feedback page says about how the interview ran: per answer, the level its question
 * was asked at and the key points covered and missed; and the adaptive flow explained in plain
 * sentences ("Question 5 was harder because you scored 9/10 on question 4 and covered all its
 * key points."). Pure: everything is read from the stored messages. Rows written before levels,
 * coverage and decisions were stored simply have nothing to say (nulls, never errors).
 */
import type { AnswerCoverage, DecisionAction, DifficultyChoice, KeyPointCoverage, Level } from '../intelligence/types.js';
import type { MessageRow } from '../repositories/messages-repository.js';
import type { Exchange } from './interview-state.js';

/** Used as "<label> level" ("asked at mid level"). */
export const LEVEL_LABELS: Record<Level, string> = { junior: 'junior', mid: 'mid', senior: 'senior' };

export const COVERAGE_METHOD_LABELS = {
  model: 'judged by the AI model that evaluated the answer',
  embeddings: 'semantic match (sentence embeddings: compared by meaning)',
  lexical: 'lexical match (compared by wording, with stemming and skill aliases)',
} as const;

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
