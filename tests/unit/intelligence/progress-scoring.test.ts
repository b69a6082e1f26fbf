import { describe, expect, it } from 'vitest';
import { competencyOf, questionScore } from '../../../src/services/progress-service.js';
import { classifyCompetency } from '../../../src/question-bank/index.js';

describe('what an answered question counts for on the progress page', () => {
  it('takes the better of the main answer and its follow-up', () => {
    expect(questionScore({ mainScore: 3, followUpScore: 6 })).toBe(6);
    expect(questionScore({ mainScore: 7, followUpScore: 2 })).toBe(7);
    expect(questionScore({ mainScore: 5, followUpScore: null })).toBe(5);
    expect(questionScore({ mainScore: null, followUpScore: 4 })).toBe(4);
    expect(questionScore({ mainScore: null, followUpScore: null })).toBeNull();
  });

  it('uses the stored competency, and classifies questions stored without one', () => {
    expect(competencyOf({ competency: 'security', question: 'Tell me about a time you disagreed with a colleague.', focus: null })).toBe('security');
    const question = 'Tell me about a time you disagreed with a colleague and how you resolved it.';
    expect(competencyOf({ competency: null, question, focus: 'conflict resolution' })).toBe(classifyCompetency(question, 'conflict resolution'));
    expect(competencyOf({ competency: null, question, focus: 'conflict resolution' })).toBe('conflict');
  });
});
