import { describe, expect, it } from 'vitest';
import { guardEvaluation, guardSummary } from '../../../src/ai/guards.js';
import type { AnswerEvaluation, EvaluateAnswerInput, InterviewSummary, SummarizeInput } from '../../../src/ai/types.js';
import { softwareContext } from '../offline/samples.js';

const ANSWER =
  "I led our move to a new procurement process at Acme, and I cut purchase approval time from 9 days to 4. I haven't really introduced standards for supplier audits yet, though.";
const input: EvaluateAnswerInput = {
  context: softwareContext(),
  questionNumber: 2,
  question: { kind: 'behavioral', focus: 'procurement', text: 'Tell me about improving a process.' },
  answer: ANSWER,
  isFollowUp: false,
};
const criteria = (['relevance', 'structure', 'specificity', 'ownership', 'concision'] as const).map((criterion) => ({ criterion, score: 3, note: 'x' }));

describe('guards keep any provider\'s feedback coherent (issue 12, item 3)', () => {
  const generous: AnswerEvaluation = {
    score: 8,
    criteria,
    strengths: [
      { point: 'You quantified the impact with concrete numbers.', quote: 'I cut purchase approval time from 9 days to 4' },
      { point: 'You named supplier audits, which this role asks for.', quote: "I haven't really introduced standards for supplier audits yet" },
      { point: 'You answered the question that was asked, directly.', quote: 'I led our move to a new procurement process at Acme' },
    ],
    weaknesses: [{ point: 'It never directly addresses the question.', quote: '' }],
    followUp: null,
    summary: 'ok',
  };

  it('drops praise that quotes an admission of a gap, and praise that contradicts a weakness', () => {
    const guarded = guardEvaluation(input, generous);
    expect(guarded.strengths.map((s) => s.point)).toEqual(['You quantified the impact with concrete numbers.']);
  });

  it('drops a "quantified" strength beside a "no numbers" weakness in an interview summary', () => {
    const summaryInput: SummarizeInput = {
      context: softwareContext(),
      answers: [{ questionNumber: 2, question: 'q', kind: 'behavioral', focus: 'f', answer: ANSWER, evaluation: { ...generous, score: 6 } }],
    };
    const summary: InterviewSummary = {
      overallScore: 6,
      headline: 'h',
      strengths: [{ point: 'You quantified the impact.', quote: 'I cut purchase approval time from 9 days to 4', questionNumber: 2 }],
      weaknesses: [{ point: 'No numbers show the scale or the impact.', quote: '', questionNumber: 2 }],
      cvTips: [],
    };
    expect(guardSummary(summaryInput, summary).strengths).toEqual([]);
    // Without the contradicting weakness, the same strength stays.
    expect(guardSummary(summaryInput, { ...summary, weaknesses: [] }).strengths).toHaveLength(1);
  });

  it('caps a pasted answer for every provider when it does not address this question', () => {
    const pasted = guardEvaluation(
      { ...input, question: { kind: 'behavioral', focus: 'conflict resolution', text: 'Tell me about a disagreement with a colleague.' }, earlierAnswers: [{ questionNumber: 1, text: ANSWER }] },
      { ...generous, strengths: [] },
    );
    expect(pasted.score).toBeLessThanOrEqual(2);
  });
});
