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
import { LEVELS, type AdaptiveDecision, type AnswerCoverage, type Level } from './types.js';

export const FOLLOW_UP_AT_OR_BELOW = 5;
export const INCOMPLETE_FOLLOW_UP_AT_OR_BELOW = 6;
export const PROVIDER_FOLLOW_UP_AT_OR_BELOW = 7;
export const RAISE_AT_OR_ABOVE = 8;
export const LOWER_AT_OR_BELOW = 3;

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
  questionKind?: string | null | undefined;
  /** The evaluator's own follow-up question, if it suggested one. */
  providerFollowUp?: string | null | undefined;
}

const FOLLOW_UP_MAX = 400;

/** A key point as a phrase inside a sentence: no trailing full stop, first letter lower-cased unless an acronym. */
function phrase(point: string): string {
  const p = point.trim().replace(/[.;:!?\s]+$/, '');
  return /^[A-Z](?:[a-z]|\s)/.test(p) ? p.charAt(0).toLowerCase() + p.slice(1) : p;
}

/** Bank key points describe the answer ("explains why…", "states the result"): they read after "it". */
const DESCRIBES_ANSWER = /^[a-z]+(?:s|es)\b(?<!ss\b)/;

/** The follow-up question aimed at the most important key point the answer missed. */
export function followUpAbout(point: string): string {
  const p = phrase(point);
  const missing = DESCRIBES_ANSWER.test(p) ? `it ${p}` : p;
  const text = `One thing a strong answer covers that yours didn't yet: ${missing}. Can you tell me about that part, with what you did yourself?`;
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

  const canFollowUp = !input.isFollowUp && input.questionKind !== 'closing' && input.questionKind !== 'follow_up';
  if (canFollowUp) {
    const vague = score <= FOLLOW_UP_AT_OR_BELOW;
    const incomplete = under && (score <= INCOMPLETE_FOLLOW_UP_AT_OR_BELOW || providerFollowUp !== null);
    const probed = providerFollowUp !== null && score <= PROVIDER_FOLLOW_UP_AT_OR_BELOW;
    if (vague || incomplete || probed) {
      const top = missed[0];
      const followUp = top ? followUpAbout(top) : (providerFollowUp ?? GENERIC_FOLLOW_UP);
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

  if (score >= RAISE_AT_OR_ABOVE && most) {
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
