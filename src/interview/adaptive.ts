/**
 * The adaptive interviewer's decision after each answer: ask a follow-up, move on, or make the
 * next question harder or easier. Pure: it sees the evaluation's score, how many of the
 * question's key points the answer covered, the level the question was asked at and what the
 * evaluator suggested, and returns the decision with one sentence a candidate can read.
 *
 * Rules (a main question is one of the eight; a follow-up never gets another follow-up):
 * - follow up a main question (not the closing one) when the answer is vague — score ≤ 5 — or
 *   incomplete — fewer than half its key points covered, when the score is middling (≤ 6) or
 *   the evaluator itself wanted to probe; also when the evaluator asked for a follow-up on an
 *   answer that is not yet good (≤ 7). A strong answer that took its own route to the point is
 *   not interrogated over wording the coverage check missed;
 * - raise after a strong answer: score ≥ 8 and most (more than half) key points covered,
 *   unless already senior;
 * - lower after a weak one: score ≤ 3, unless already junior (a weak main answer gets its
 *   follow-up first; the follow-up's answer then decides);
 * - otherwise move on at the same level.
 */
import { type AdaptiveDecision, type AnswerCoverage } from '../intelligence/types.js';
import { LEVELS, type Level, type QuestionKind } from './definitions.js';

const FOLLOW_UP_AT_OR_BELOW = 5;
const INCOMPLETE_FOLLOW_UP_AT_OR_BELOW = 6;
const PROVIDER_FOLLOW_UP_AT_OR_BELOW = 6;
export const RAISE_AT_OR_ABOVE = 8;
const LOWER_AT_OR_BELOW = 3;

export interface DecisionInput {
  /** The evaluation's overall score, 1–10. */
  score: number;
  /** The answer compared with the question's key points; null when the question has none. */
  coverage: AnswerCoverage | null;
  /** The level the question was asked at. */
  level: Level;
  /** True when this answers a follow-up. */
  isFollowUp: boolean;
  /** The kind of question answered (closing questions are never followed up). */
  questionKind?: QuestionKind | null | undefined;
  /** The evaluator's own follow-up question, if it suggested one. */
  providerFollowUp?: string | null | undefined;
}

const FOLLOW_UP_MAX = 400;

/**
 * Whether an answer may get a follow-up: the one rule every part of the interviewer applies (the
 * adaptive decision, the offline evaluator's suggestion, the guard on a model's turn, the stored
 * state). Only main questions are followed up, never the closing one, and a follow-up's answer
 * never gets another follow-up.
 */
export function mayFollowUp(question: { isFollowUp: boolean; kind: QuestionKind | null | undefined }): boolean {
  return !question.isFollowUp && question.kind !== 'closing' && question.kind !== 'follow_up';
}

/** The follow-up a stored decision calls for, if it may be asked: the decision's own, else the evaluation's. */
export function followUpOf(
  question: { isFollowUp: boolean; kind: QuestionKind | null | undefined },
  decision: AdaptiveDecision | null,
  evaluation: { followUp: string | null } | null,
): string | null {
  if (!mayFollowUp(question) || decision?.action !== 'follow_up') return null;
  return decision.followUp ?? evaluation?.followUp ?? null;
}

/** A key point as a phrase inside a sentence: no trailing full stop, first letter lower-cased unless an acronym. */
function phrase(point: string): string {
  const p = point.trim().replace(/[.;:!?\s]+$/, '');
  return /^[A-Z](?:[a-z]|\s)/.test(p) ? p.charAt(0).toLowerCase() + p.slice(1) : p;
}

/** Bank key points describe the answer ("explains why…", "states the result"): they read after "it". */
const DESCRIBES_ANSWER = /^[a-z]+(?:s|es)\b(?<!ss\b)/;

/**
 * A follow-up about a key point the answer missed, in the interviewer's voice; used only when
 * the evaluator gave no follow-up of its own. `variant` picks one of several wordings.
 */
export function followUpAbout(point: string, variant = 0): string {
  const p = phrase(point);
  const missing = DESCRIBES_ANSWER.test(p) ? `how your example ${p}` : p;
  const wordings = [
    `I'd like to hear a bit more about one part of that: ${missing}. What did you do there yourself?`,
    `Let's go one step further. Tell me about ${missing}: what did you do, and how did it go?`,
    `Before we move on, could you say more about ${missing}, in that same example?`,
  ];
  const text = wordings[Math.abs(variant) % wordings.length]!;
  if (text.length <= FOLLOW_UP_MAX) return text;
  const room = FOLLOW_UP_MAX - (text.length - missing.length) - 1;
  return text.replace(missing, `${missing.slice(0, Math.max(0, room)).trimEnd()}…`);
}

const GENERIC_FOLLOW_UP =
  'Could you walk me through one specific example: the situation, what you did yourself, and what happened as a result?';

const step = (level: Level, by: 1 | -1): Level => LEVELS[Math.min(LEVELS.length - 1, Math.max(0, LEVELS.indexOf(level) + by))]!;

export function decideAfterAnswer(input: DecisionInput): AdaptiveDecision {
  const score = Math.round(input.score);
  const { level } = input;
  const points = input.coverage?.points ?? [];
  const total = points.length;
  const covered = total ? Math.min(total, input.coverage!.coveredCount) : 0;
  const missed = points.filter((p) => !p.covered).map((p) => p.point);
  const under = total > 0 && covered * 2 < total;
  const most = total === 0 || covered * 2 > total;
  const providerFollowUp = input.providerFollowUp?.trim() || null;
  const scored = `You scored ${score}/10${total ? ` and covered ${covered} of ${total} key point${total === 1 ? '' : 's'}` : ''}`;

  if (mayFollowUp({ isFollowUp: input.isFollowUp, kind: input.questionKind })) {
    // Only when something that matters is missing: a vague answer, or a middling one that the
    // evaluator itself wanted to probe. A strong answer is never interrogated over key-point
    // wording the lexical check missed.
    const vague = score <= FOLLOW_UP_AT_OR_BELOW;
    const incomplete = under && score <= INCOMPLETE_FOLLOW_UP_AT_OR_BELOW && providerFollowUp !== null;
    const probed = providerFollowUp !== null && score <= PROVIDER_FOLLOW_UP_AT_OR_BELOW;
    if (vague || incomplete || probed) {
      const top = missed[0];
      // The evaluator's own follow-up is anchored in what the candidate said; the key-point
      // wording is the fallback when it gave none.
      const followUp = providerFollowUp ?? (top ? followUpAbout(top, score + total) : GENERIC_FOLLOW_UP);
      return {
        action: 'follow_up',
        reason: `${scored}, so the interviewer follows up on what was missing.`,
        level,
        nextLevel: level,
        followUp,
        missedPoints: missed,
      };
    }
  }

  // A strong answer raises the level when most key points were covered, or when the evaluator
  // saw nothing to probe (lexical coverage misses paraphrase, and must not hold a strong candidate back).
  if (score >= RAISE_AT_OR_ABOVE && (most || providerFollowUp === null)) {
    if (level === 'senior') {
      return { action: 'move_on', reason: `${scored}; questions are already at the senior level, so the next one stays there.`, level, nextLevel: level };
    }
    const next = step(level, 1);
    return { action: 'raise', reason: `${scored}, so the next question is harder (${next} level).`, level, nextLevel: next };
  }
  if (score <= LOWER_AT_OR_BELOW) {
    if (level === 'junior') {
      return { action: 'move_on', reason: `${scored}; questions are already at the junior level, so the next one stays there.`, level, nextLevel: level };
    }
    const next = step(level, -1);
    return { action: 'lower', reason: `${scored}, so the next question is easier (${next} level).`, level, nextLevel: next };
  }
  return { action: 'move_on', reason: `${scored}, so the next question stays at the ${level} level.`, level, nextLevel: level };
}
