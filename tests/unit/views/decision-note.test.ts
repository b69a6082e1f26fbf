import { describe, expect, it } from 'vitest';
import type { AdaptiveDecision } from '../../../src/intelligence/types.js';
import { decisionNote } from '../../../src/views/interview-view.js';

const decision = (action: AdaptiveDecision['action'], reason: string, nextLevel: AdaptiveDecision['nextLevel'] = 'mid'): AdaptiveDecision => ({
  action,
  reason,
  level: 'mid',
  nextLevel,
});

describe('decisionNote (the line above the question a decision led to)', () => {
  it('keeps a model’s own reason when it gives no score away, cut to one sentence', () => {
    expect(decisionNote(decision('follow_up', 'I want to hear the result. Then we move on.'), false)).toBe('I want to hear the result.');
  });

  it('replaces a reason that gives the score away, unless the candidate asked to see scores', () => {
    const scored = decision('follow_up', 'You scored 3/10 and covered 0 of 5 key points, so the interviewer follows up on what was missing.');
    expect(decisionNote(scored, false)).toBe('Before we move on, I’d like to hear a little more about that.');
    expect(decisionNote(decision('follow_up', 'Your score was low, so tell me more.'), false)).not.toMatch(/score/i);
    expect(decisionNote(scored, true)).toBe(scored.reason);
  });

  it('says where the level goes without the score, and nothing when the interview simply moves on', () => {
    expect(decisionNote(decision('raise', 'You scored 9/10 …', 'senior'), false)).toBe('Next, a harder question (senior level).');
    expect(decisionNote(decision('lower', 'You scored 2/10 …', 'junior'), false)).toBe('Next, a question at the junior level.');
    expect(decisionNote(decision('move_on', 'You scored 6/10 …'), true)).toBeNull();
    expect(decisionNote(null, false)).toBeNull();
  });
});
