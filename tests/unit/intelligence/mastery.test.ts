import { describe, expect, it } from 'vitest';
import {
  MASTERY_ALPHA,
  byWeakness,
  computeMastery,
  interviewCompetencyScores,
  studyPlan,
  trendOf,
  updateMastery,
  weakestAnswer,
  type InterviewResult,
  type ScoredAnswer,
} from '../../../src/intelligence/mastery.js';
import type { CompetencyId } from '../../../src/interview/definitions.js';
import type { CompetencyGuide } from '../../../src/question-bank/types.js';
import { competencyGuide } from '../../../src/question-bank/index.js';

const answer = (competency: CompetencyId, score: number, questionNumber = 1): ScoredAnswer => ({
  competency,
  score,
  questionNumber,
  question: `Question ${questionNumber} about ${competency}`,
});

let n = 0;
function interview(answers: ScoredAnswer[], overallScore = 5): InterviewResult {
  n += 1;
  return {
    sessionId: `s${n}`,
    jobTitle: 'Engineer',
    companyName: 'Acme',
    completedAt: new Date(Date.UTC(2025, 0, n)),
    overallScore,
    answers,
  };
}

const guide = (id: CompetencyId): CompetencyGuide => ({ id, label: id.toUpperCase(), description: `about ${id}`, practice: [`practise ${id}`] });

describe('per-interview competency scores', () => {
  it('averages the answers of each competency within one interview', () => {
    const scores = interviewCompetencyScores([answer('teamwork', 4, 1), answer('testing', 9, 2), answer('teamwork', 7, 3)]);
    expect(scores).toEqual([
      { competency: 'teamwork', score: 5.5, answers: 2 },
      { competency: 'testing', score: 9, answers: 1 },
    ]);
  });

  it('is empty for an interview without scored answers', () => {
    expect(interviewCompetencyScores([])).toEqual([]);
  });
});

describe('mastery (exponentially weighted)', () => {
  it('starts at the first score and moves alpha of the way towards each later one', () => {
    expect(MASTERY_ALPHA).toBe(0.4);
    expect(updateMastery(null, 6)).toBe(6);
    expect(updateMastery(6, 8)).toBeCloseTo(6.8, 10);
    expect(updateMastery(6, 1)).toBeCloseTo(4, 10);
  });

  it('follows the EWMA sequence across interviews and keeps the history', () => {
    const mastery = computeMastery([
      interview([answer('debugging', 4)]),
      interview([answer('debugging', 9)]),
      interview([answer('debugging', 9)]),
      interview([answer('debugging', 2)]),
    ]);
    expect(mastery).toHaveLength(1);
    const m = mastery[0]!;
    // 4 → 4 + .4·5 = 6 → 6 + .4·3 = 7.2 → 7.2 + .4·(−5.2) = 5.12
    expect(m.history.map((h) => h.mastery)).toEqual([4, 6, 7.2, 5.12].map((v) => expect.closeTo(v, 10)));
    expect(m.history.map((h) => h.score)).toEqual([4, 9, 9, 2]);
    expect(m.history.map((h) => h.interviewIndex)).toEqual([0, 1, 2, 3]);
    expect(m.mastery).toBeCloseTo(5.12, 10);
    expect(m.previous).toBeCloseTo(7.2, 10);
    expect(m.interviews).toBe(4);
    expect(m.trend).toBe('down');
  });

  it('leaves a competency alone in interviews that did not ask about it', () => {
    const [m] = computeMastery([
      interview([answer('security', 3)]),
      interview([answer('teamwork', 8)]),
      interview([answer('security', 8)]),
    ]).filter((x) => x.competency === 'security');
    expect(m!.interviews).toBe(2);
    expect(m!.history.map((h) => h.interviewIndex)).toEqual([0, 2]);
    expect(m!.mastery).toBeCloseTo(5, 10); // 3 + .4·5
    expect(m!.trend).toBe('up');
  });

  it('uses the interview mean, not each answer, as one update', () => {
    const [m] = computeMastery([interview([answer('data', 2, 1), answer('data', 8, 2)]), interview([answer('data', 10, 1)])]);
    expect(m!.history[0]!.score).toBe(5);
    expect(m!.mastery).toBeCloseTo(7, 10); // 5 + .4·5
  });

  it('names the trend from the change after the latest interview', () => {
    expect(trendOf(null, 5)).toBe('new');
    expect(trendOf(5, 5.2)).toBe('steady');
    expect(trendOf(5, 4.8)).toBe('steady');
    expect(trendOf(5, 5.25)).toBe('up');
    expect(trendOf(5, 4)).toBe('down');
    const [m] = computeMastery([interview([answer('failure', 6)])]);
    expect(m!.trend).toBe('new');
    expect(m!.previous).toBeNull();
  });

  it('sorts weakest first, then fewer interviews, then label', () => {
    const mastery = computeMastery([
      interview([answer('teamwork', 5), answer('conflict', 5), answer('testing', 3), answer('data', 9)]),
      interview([answer('teamwork', 5), answer('leadership', 5)]),
    ]);
    expect(mastery.map((m) => m.competency)).toEqual(['testing', 'conflict', 'leadership', 'teamwork', 'data']);
    const sorted = [...mastery].sort(byWeakness((id) => (id === 'leadership' ? 'A' : 'Z')));
    expect(sorted.slice(0, 3).map((m) => m.competency)).toEqual(['testing', 'leadership', 'conflict']);
  });
});

describe('study plan', () => {
  const interviews = [
    interview([answer('teamwork', 8, 1), answer('testing', 3, 2), answer('conflict', 6, 3), answer('data', 4, 4)]),
    interview([answer('teamwork', 9, 1), answer('testing', 5, 2), answer('data', 4, 3), answer('security', 6, 4)]),
  ];

  it('picks the three weakest competencies with their practice advice', () => {
    const plan = studyPlan(interviews, computeMastery(interviews), guide);
    // data 4 → 4; testing 3 → 3.8; conflict 6 (1 interview) ties security 6 (1 interview) → label order.
    expect(plan.map((p) => p.competency)).toEqual(['testing', 'data', 'conflict']);
    expect(plan[0]!.mastery).toBeCloseTo(3.8, 10);
    expect(plan[0]!.label).toBe('TESTING');
    expect(plan[0]!.practice).toEqual(['practise testing']);
    expect(plan[0]!.interviews).toBe(2);
  });

  it('points at the weakest answer, preferring the later interview on a tie', () => {
    const plan = studyPlan(interviews, computeMastery(interviews), guide);
    expect(plan[0]!.weakestAnswer).toMatchObject({ sessionId: interviews[0]!.sessionId, questionNumber: 2, score: 3 });
    expect(plan[1]!.weakestAnswer).toMatchObject({ sessionId: interviews[1]!.sessionId, questionNumber: 3, score: 4 });
    expect(weakestAnswer(interviews, 'leadership')).toBeNull();
  });

  it('has fewer items when fewer competencies were scored, and none without interviews', () => {
    const one = [interview([answer('motivation', 7)])];
    expect(studyPlan(one, computeMastery(one), guide).map((p) => p.competency)).toEqual(['motivation']);
    expect(studyPlan([], computeMastery([]), guide)).toEqual([]);
  });

  it('uses the question bank guides for real competencies', () => {
    const plan = studyPlan(interviews, computeMastery(interviews), competencyGuide);
    for (const item of plan) {
      expect(item.label.length).toBeGreaterThan(0);
      expect(item.practice.length).toBeGreaterThanOrEqual(2);
    }
  });
});
