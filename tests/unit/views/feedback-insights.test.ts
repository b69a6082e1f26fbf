import { describe, expect, it } from 'vitest';
import { RUBRIC_CRITERIA, type RubricCriterion } from '../../../src/ai/schemas.js';
import type { AnswerEvaluation, AnsweredQuestion } from '../../../src/ai/types.js';
import type { AdaptiveDecision, AnswerCoverage } from '../../../src/intelligence/types.js';
import type { Level } from '../../../src/interview/definitions.js';
import type { MessageRow } from '../../../src/repositories/messages-repository.js';
import { answerInsights, explainDecisions, FIX_ACTIONS, topFixes } from '../../../src/views/feedback-insights.js';
import type { Exchange } from '../../../src/interview/state.js';
import { compareAttempts } from '../../../src/services/retry-service.js';

let seq = 0;
const evaluation = (score: number): AnswerEvaluation => ({ score, criteria: [], strengths: [], weaknesses: [], followUp: null, summary: '' });

function message(fields: Partial<MessageRow>): MessageRow {
  seq++;
  return {
    id: `m${seq}`,
    sessionId: 's',
    seq,
    role: 'interviewer',
    kind: 'question',
    questionNumber: 1,
    replyTo: null,
    content: 'text',
    questionKind: 'behavioral',
    focus: null,
    provider: 'offline',
    evaluation: null,
    speechMetrics: null,
    difficulty: null,
    competency: null,
    bankId: null,
    keyPoints: null,
    coverage: null,
    decision: null,
    createdAt: new Date(0),
    ...fields,
  } as MessageRow;
}

const coverage = (covered: number, total: number): AnswerCoverage => ({
  method: 'lexical',
  coveredCount: covered,
  points: Array.from({ length: total }, (_, i) => ({ point: `point ${i + 1}`, covered: i < covered, similarity: i < covered ? 0.8 : 0.1, evidence: i < covered ? `said ${i + 1}` : '' })),
});

function exchange(n: number, level: Level | null, score: number, extra: { coverage?: AnswerCoverage; decision?: AdaptiveDecision; followUp?: boolean } = {}): Exchange {
  return {
    question: message({ kind: extra.followUp ? 'follow_up' : 'question', questionNumber: n, difficulty: level }),
    answer: message({ kind: 'answer', role: 'candidate', questionNumber: n, evaluation: evaluation(score), coverage: extra.coverage ?? null, decision: extra.decision ?? null }),
  };
}

const decision = (action: AdaptiveDecision['action'], level: Level, nextLevel: Level, more: Partial<AdaptiveDecision> = {}): AdaptiveDecision => ({
  action,
  reason: 'You scored well.',
  level,
  nextLevel,
  ...more,
});

describe('explainDecisions', () => {
  it('explains the start, a raise, a follow-up and a lowering in plain sentences, skipping moves at the same level', () => {
    const exchanges = [
      exchange(1, 'mid', 9, { coverage: coverage(3, 3), decision: decision('raise', 'mid', 'senior') }),
      exchange(2, 'senior', 6, { coverage: coverage(1, 4), decision: decision('follow_up', 'senior', 'senior', { missedPoints: ['the trade-off.', 'the result', 'who decided', 'a fourth'] }) }),
      exchange(2, 'senior', 2, { followUp: true, coverage: coverage(0, 2), decision: decision('lower', 'senior', 'mid') }),
      exchange(3, 'mid', 6, { decision: decision('move_on', 'mid', 'mid') }),
      exchange(4, 'mid', 9, { decision: decision('raise', 'mid', 'senior') }),
    ];
    expect(explainDecisions(exchanges, 'auto')).toEqual([
      { questionNumber: 1, action: 'start', text: 'Question 1 was asked at mid level, inferred from the experience on your CV.' },
      { questionNumber: 2, action: 'raise', text: 'Question 2 was harder (senior level) because you scored 9/10 on question 1 and covered all its key points.' },
      { questionNumber: 2, action: 'follow_up', text: 'Question 2 had a follow-up because your answer missed key points: “the trade-off”; “the result”.' },
      { questionNumber: 3, action: 'lower', text: 'Question 3 was easier (mid level) because you scored 2/10 on the follow-up to question 2 and covered none of its 2 key points.' },
    ]);
  });

  it('says nothing it cannot back: no level change at the top, none after the last question, nothing for old rows', () => {
    const atTop = [exchange(1, 'senior', 9, { decision: decision('raise', 'senior', 'senior') }), exchange(2, 'senior', 9)];
    expect(explainDecisions(atTop, 'senior').map((d) => d.action)).toEqual(['start']);
    expect(explainDecisions(atTop, 'senior')[0]!.text).toContain('the level you chose');
    const last = [exchange(8, 'mid', 9, { decision: decision('raise', 'mid', 'senior') })];
    expect(explainDecisions(last).map((d) => d.action)).toEqual(['start']);
    const legacy = [exchange(1, null, 7), exchange(2, null, 4)];
    expect(explainDecisions(legacy, null)).toEqual([]);
  });

  it('falls back to the stored reason for a follow-up without missed points', () => {
    const exchanges = [exchange(1, 'mid', 4, { decision: decision('follow_up', 'mid', 'mid', { reason: 'You scored 4/10: the answer stayed general.' }) })];
    expect(explainDecisions(exchanges)[1]).toEqual({ questionNumber: 1, action: 'follow_up', text: 'Question 1 had a follow-up because you scored 4/10: the answer stayed general.' });
  });
});

describe('answerInsights', () => {
  it('gives each main question its level and the coverage of its answer and follow-up', () => {
    const insights = answerInsights([
      exchange(1, 'junior', 5, { coverage: coverage(1, 3) }),
      exchange(1, 'junior', 7, { followUp: true, coverage: { ...coverage(2, 2), method: 'embeddings' } }),
      exchange(2, null, 6),
    ]);
    const first = insights.get(1)!;
    expect(first.level).toBe('junior');
    expect(first.coverage!.covered.map((p) => p.point)).toEqual(['point 1']);
    expect(first.coverage!.missed.map((p) => p.point)).toEqual(['point 2', 'point 3']);
    expect(first.coverage!.methodLabel).toMatch(/^lexical/);
    expect(first.followUpCoverage!.methodLabel).toMatch(/^semantic/);
    expect(insights.get(2)).toEqual({ questionNumber: 2, level: null, coverage: null, followUpCoverage: null });
  });
});

describe('compareAttempts', () => {
  it('reports the score change and the key points newly covered or lost', () => {
    const change = compareAttempts({ evaluation: evaluation(4), coverage: coverage(1, 3) }, { evaluation: evaluation(8), coverage: coverage(3, 3) });
    expect(change).toMatchObject({ delta: 4, newlyCovered: ['point 2', 'point 3'], noLongerCovered: [] });
    expect(change.text).toBe('Your score went up from 4/10 to 8/10 (+4); newly covered: point 2; point 3.');
    const worse = compareAttempts({ evaluation: evaluation(7), coverage: coverage(2, 3) }, { evaluation: evaluation(5), coverage: coverage(1, 3) });
    expect(worse.text).toBe('Your score went down from 7/10 to 5/10 (−2); no longer covered: point 2.');
    const same = compareAttempts({ evaluation: evaluation(6), coverage: null }, { evaluation: evaluation(6), coverage: coverage(2, 3) });
    expect(same).toMatchObject({ delta: 0, newlyCovered: [], text: 'Your score stayed at 6/10.' });
  });
});

describe('topFixes', () => {
  const criteria = (scores: Partial<Record<RubricCriterion, number>>, note = (c: string) => `${c} note for this answer. More detail.`) =>
    RUBRIC_CRITERIA.map((criterion) => ({ criterion, score: scores[criterion] ?? 5, note: note(criterion) }));
  const answered = (questionNumber: number, score: number, scores: Partial<Record<RubricCriterion, number>>): AnsweredQuestion => ({
    questionNumber,
    question: `Question ${questionNumber}?`,
    kind: 'behavioral',
    focus: '',
    answer: 'An answer.',
    evaluation: { ...evaluation(score), criteria: criteria(scores) },
  });

  it('ranks the criteria by how much they hold the weak answers back, and links each to the answer it helps most', () => {
    const fixes = topFixes([
      answered(1, 9, { concision: 3 }),
      answered(2, 3, { specificity: 0, relevance: 2, ownership: 3 }),
      answered(3, 5, { specificity: 1, structure: 2 }),
      answered(4, 6, { ownership: 1 }),
    ]);
    // Gain = shortfall/5 × room to 10, summed: specificity 7 + 4, ownership 2.8 + 3.2, relevance 4.2, structure 3, concision 0.4.
    expect(fixes.map((f) => f.criterion)).toEqual(['specificity', 'ownership', 'relevance']);
    expect(fixes[0]).toMatchObject({ questionNumber: 2, score: 3, alsoIn: [3], why: 'specificity note for this answer.', action: FIX_ACTIONS.specificity });
    // Ownership helps question 4 (1/5, room 4: 3.2) more than question 2 (3/5, room 7: 2.8).
    expect(fixes[1]).toMatchObject({ questionNumber: 4, alsoIn: [2] });
    expect(fixes[2]).toMatchObject({ questionNumber: 2, alsoIn: [] });
  });

  it('prefers an answer not linked yet when the change helps it nearly as much, so the three do not all point at one answer', () => {
    const fixes = topFixes([answered(5, 2, { relevance: 0, structure: 0, specificity: 0 }), answered(7, 2, { relevance: 1, structure: 1, specificity: 1 })]);
    expect(fixes.map((f) => f.questionNumber)).toEqual([5, 7, 5]);
  });

  it('suggests nothing for criteria scored 4 or 5 everywhere, or for answers that scored 10', () => {
    expect(topFixes([answered(1, 8, { specificity: 4 }), answered(2, 10, { relevance: 0 })])).toEqual([]);
    expect(topFixes([answered(1, 7, { structure: 3 })]).map((f) => f.criterion)).toEqual(['structure']);
  });

  it('keeps the why to one sentence of bounded length', () => {
    const long = answered(1, 3, {});
    long.evaluation.criteria = criteria({ relevance: 0 }, () => `${'word '.repeat(60)}end. Second sentence.`);
    const [fix] = topFixes([long]);
    expect(fix!.why.length).toBeLessThanOrEqual(141);
    expect(fix!.why.endsWith('…')).toBe(true);
  });
});
