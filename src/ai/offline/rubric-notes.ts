/**
 * One plain sentence per rubric criterion explaining its score, built from the same features
 * that produced the score, so a note never claims something the answer does not contain.
 */
import type { AnswerCoverage } from '../../intelligence/types.js';
import type { CriterionScore, RubricCriterion } from '../schemas.js';
import type { AnswerFeatures, StarPart } from '../../analysis/answer-features.js';
import type { Relevance } from '../../analysis/answer-relevance.js';
import { modeOf } from './answer-rubric.js';
import { isKeywordList } from '../../analysis/answer-substance.js';
import type { EvaluateAnswerInput } from '../types.js';

const list = (items: string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;

function relevanceNote(score: number, r: Relevance, focus: string, coverage: AnswerCoverage | null): string {
  const points = coverage ? ` Covers ${coverage.coveredCount} of ${coverage.points.length} key points.` : '';
  if (score >= 4) return `Addresses ${focus} directly${r.knownSkills.length ? ` and uses the job's language (${list(r.knownSkills.slice(0, 3))})` : ''}.${points}`;
  if (score >= 2) return `Touches on the question but only partly addresses ${focus}.${points}`;
  return `${r.offTopic ? `Does not address the question about ${focus}.` : `Barely connects to ${focus} or to the job.`}${points}`;
}

function structureNote(score: number, f: AnswerFeatures, input: EvaluateAnswerInput): string {
  const mode = modeOf(input.question.kind);
  if (mode === 'star' || mode === 'follow_up') {
    const parts: StarPart[] = ['situation', 'task', 'action', 'result'];
    const present = parts.filter((p) => f.star[p]);
    const missing = parts.filter((p) => !f.star[p]);
    if (present.length === 0) return 'No situation, action or result can be identified.';
    if (mode === 'follow_up' && score >= 4) return 'Answers the follow-up directly.';
    return `STAR: has ${list(present)}${missing.length ? `; missing ${list(missing)}` : ', in a clear order'}.`;
  }
  if (mode === 'approach') {
    return score >= 4
      ? 'Lays out a clear approach: steps, reasons and a way to check that it worked.'
      : 'The approach is loosely ordered; give the steps, your reasons, and how you would check the result.';
  }
  return score >= 4
    ? 'A coherent story that links what you have done to this role.'
    : 'Hard to follow: link what you have done to why this role, and say what you want next.';
}

function specificityNote(f: AnswerFeatures): string {
  if (f.words < 8) return 'Too short to contain any specifics.';
  if (isKeywordList(f)) return 'Names tools but gives no facts about what was done with them.';
  const n = f.metricSentences.length;
  const numbers = n ? `Gives numbers in ${n} sentence${n === 1 ? '' : 's'}` : 'No numbers';
  const tools = f.skillNames.length ? `names ${list(f.skillNames.slice(0, 3))}` : 'no named tools or methods';
  return `${numbers}, ${tools}${f.timeframe ? ', and a timeframe' : ''}.`;
}

function ownershipNote(score: number, f: AnswerFeatures): string {
  if (f.words < 8) return 'Too short to show what you did.';
  if (score >= 4) return `Clear about your own part ("I" ${f.firstPerson} times${f.actionSentences.length ? ', with concrete actions' : ''}).`;
  if (f.firstPerson + f.plural === 0) return 'It is not clear who did anything.';
  if (score >= 2) return `Your own role is only partly clear: "we" ${f.plural} times against "I" ${f.firstPerson} times.`;
  return 'Mostly "we" or passive phrasing: your own contribution is hard to see.';
}

function concisionNote(f: AnswerFeatures, input: EvaluateAnswerInput): string {
  const w = f.words;
  const follow = input.isFollowUp || input.question.kind === 'follow_up';
  const label =
    w < 8 ? 'far too short'
    : w < (follow ? 15 : 25) ? 'too short to show an example'
    : w < (follow ? 25 : 60) ? 'short, with room for the result and detail'
    : w <= (follow ? 260 : 330) ? 'a good length'
    : w <= 650 ? 'long; tighten it to the key points'
    : 'far too long to follow';
  const repeats = f.repeatedSentence !== null || (w >= 60 && f.diversity < 0.4) ? ', and it repeats itself' : '';
  return `${w} word${w === 1 ? '' : 's'}: ${label}${repeats}.`;
}

/** The five criteria with their scores and notes, in `RUBRIC_CRITERIA` order. */
export function criteriaWithNotes(
  scores: Record<RubricCriterion, number>,
  f: AnswerFeatures,
  r: Relevance,
  input: EvaluateAnswerInput,
  coverage: AnswerCoverage | null = null,
): CriterionScore[] {
  const focus = input.question.focus.trim() || 'the question';
  return [
    { criterion: 'relevance', score: scores.relevance, note: relevanceNote(scores.relevance, r, focus, coverage) },
    { criterion: 'structure', score: scores.structure, note: structureNote(scores.structure, f, input) },
    { criterion: 'specificity', score: scores.specificity, note: specificityNote(f) },
    { criterion: 'ownership', score: scores.ownership, note: ownershipNote(scores.ownership, f) },
    { criterion: 'concision', score: scores.concision, note: concisionNote(f, input) },
  ].map((c) => ({ ...c, note: c.note.slice(0, 300) }) as CriterionScore);
}
