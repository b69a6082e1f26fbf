import { describe, expect, it } from 'vitest';
import { decideAfterAnswer, followUpAbout, type DecisionInput } from '../../../src/interview/adaptive.js';
import type { AnswerCoverage } from '../../../src/intelligence/types.js';

const POINTS = [
  'explains why the decision was needed',
  'names the options that were considered',
  'describes the trade-off chosen and why',
  'states the measurable result',
];

/** Coverage of POINTS with the first `covered` of them covered. */
function coverage(covered: number, points = POINTS): AnswerCoverage {
  return {
    method: 'lexical',
    points: points.map((point, i) => ({ point, covered: i < covered, similarity: i < covered ? 0.8 : 0.1, evidence: i < covered ? 'I did it.' : '' })),
    coveredCount: covered,
  };
}

const main = (score: number, covered: number, extra: Partial<DecisionInput> = {}): DecisionInput => ({
  score,
  coverage: coverage(covered),
  level: 'mid',
  isFollowUp: false,
  questionKind: 'behavioral',
  providerFollowUp: null,
  ...extra,
});

describe('decideAfterAnswer', () => {
  it('follows up a vague main answer, aimed at the first key point it missed', () => {
    const d = decideAfterAnswer(main(4, 1));
    expect(d.action).toBe('follow_up');
    expect(d.nextLevel).toBe('mid');
    expect(d.followUp).toContain('names the options that were considered');
    expect(d.missedPoints).toEqual(POINTS.slice(1));
    expect(d.reason).toBe('You scored 4/10 and covered 1 of 4 key points, so the interviewer follows up on what was missing.');
  });

  it('follows up an incomplete, middling answer with the evaluator\'s own (anchored) follow-up', () => {
    const d = decideAfterAnswer(main(6, 1, { providerFollowUp: 'You said "we rolled it back". What was your own part?' }));
    expect(d.action).toBe('follow_up');
    expect(d.followUp).toBe('You said "we rolled it back". What was your own part?');
    // Without the evaluator asking for more, a middling answer that missed key-point wording moves on.
    expect(decideAfterAnswer(main(6, 1)).action).toBe('move_on');
  });

  it('never interrogates a strong answer, whatever the evaluator or the key-point check say', () => {
    expect(decideAfterAnswer(main(7, 1)).action).toBe('move_on');
    expect(decideAfterAnswer(main(7, 1, { providerFollowUp: 'What was the result?' })).action).toBe('move_on');
    expect(decideAfterAnswer(main(6, 1, { providerFollowUp: 'What was the result?' })).action).toBe('follow_up');
  });

  it("falls back to the evaluator's follow-up when nothing is known to be missing", () => {
    const d = decideAfterAnswer(main(4, 0, { coverage: null, providerFollowUp: 'Can you put numbers on that?' }));
    expect(d.action).toBe('follow_up');
    expect(d.followUp).toBe('Can you put numbers on that?');
    expect(d.reason).toBe('You scored 4/10, so the interviewer follows up on what was missing.');
  });

  it('raises the level after a strong, complete answer, and says so', () => {
    const d = decideAfterAnswer(main(9, 4));
    expect(d).toMatchObject({ action: 'raise', level: 'mid', nextLevel: 'senior' });
    expect(d.reason).toBe('You scored 9/10 and covered 4 of 4 key points, so the next question is harder (senior level).');
    expect(decideAfterAnswer(main(8, 3, { level: 'junior' })).nextLevel).toBe('mid');
  });

  it('raises after a strong answer the evaluator did not probe, even when lexical coverage missed the points', () => {
    expect(decideAfterAnswer(main(9, 0)).action).toBe('raise');
  });

  it('does not raise when most key points are missing and the evaluator wanted more, or beyond senior', () => {
    expect(decideAfterAnswer(main(9, 2, { providerFollowUp: 'How did you measure it?' })).action).toBe('move_on');
    const top = decideAfterAnswer(main(10, 4, { level: 'senior' }));
    expect(top).toMatchObject({ action: 'move_on', nextLevel: 'senior' });
    expect(top.reason).toMatch(/already at the senior level/);
  });

  it('lowers the level after a weak answer to a follow-up, but not below junior', () => {
    const d = decideAfterAnswer(main(2, 0, { isFollowUp: true, questionKind: 'follow_up' }));
    expect(d).toMatchObject({ action: 'lower', level: 'mid', nextLevel: 'junior' });
    expect(d.reason).toBe('You scored 2/10 and covered 0 of 4 key points, so the next question is easier (junior level).');
    expect(decideAfterAnswer(main(1, 0, { isFollowUp: true, level: 'junior' })).nextLevel).toBe('junior');
  });

  it('never follows up a follow-up: it decides between moving on, raising and lowering', () => {
    const actions = [2, 5, 9].map((score) => decideAfterAnswer(main(score, score > 5 ? 4 : 0, { isFollowUp: true, providerFollowUp: 'More?' })).action);
    expect(actions).toEqual(['lower', 'move_on', 'raise']);
  });

  it('never follows up the closing question; a weak closing answer lowers the level', () => {
    expect(decideAfterAnswer(main(2, 0, { questionKind: 'closing' })).action).toBe('lower');
    expect(decideAfterAnswer(main(5, 0, { questionKind: 'closing' })).action).toBe('move_on');
  });

  it('judges by score alone when the question has no key points', () => {
    expect(decideAfterAnswer(main(9, 0, { coverage: null })).action).toBe('raise');
    expect(decideAfterAnswer(main(6, 0, { coverage: null })).action).toBe('move_on');
  });

  it('words a follow-up about a key point as a question, under 400 characters', () => {
    expect(followUpAbout('States the measurable result.')).toMatch(/how your example states the measurable result.*\?$/);
    expect(followUpAbout('A concrete example of a conflict')).toContain('a concrete example of a conflict');
    // Varied wording, never the old one-size template.
    const wordings = new Set([0, 1, 2].map((v) => followUpAbout('names the options', v)));
    expect(wordings.size).toBe(3);
    for (const w of wordings) expect(w).not.toMatch(/One thing a strong answer covers/);
    expect(followUpAbout('x'.repeat(600)).length).toBeLessThanOrEqual(400);
  });
});
