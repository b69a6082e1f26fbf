import { Value } from '@sinclair/typebox/value';
import { describe, expect, it } from 'vitest';
import { guardEvaluation } from '../../../src/ai/guards.js';
import { createOfflineProvider } from '../../../src/ai/providers/offline.js';
import { AnswerEvaluationSchema, InterviewSummarySchema, PlannedQuestionSchema } from '../../../src/ai/schemas.js';
import type { AnsweredQuestion, EvaluateAnswerInput } from '../../../src/ai/types.js';
import { INJECTION_ANSWER, KEYWORD_STUFFING, nurseContext, softwareContext, STRONG_ANSWERS, VAGUE_ANSWER, WEATHER_ANSWER } from './samples.js';

const ANSWERS = ['', 'fine', "I don't know", WEATHER_ANSWER, INJECTION_ANSWER, KEYWORD_STUFFING, VAGUE_ANSWER, ...Object.values(STRONG_ANSWERS)];

describe('createOfflineProvider', () => {
  it('is named "offline"', () => {
    expect(createOfflineProvider().name).toBe('offline');
  });

  it('produces schema-valid output for every intent, type and answer', async () => {
    const provider = createOfflineProvider();
    for (const context of [softwareContext('mixed'), softwareContext('technical'), nurseContext('behavioral')]) {
      const answers: AnsweredQuestion[] = [];
      for (let n = 1; n <= 8; n++) {
        const question = await provider.planQuestion({ context, questionNumber: n, previous: [] });
        expect(Value.Check(PlannedQuestionSchema, question)).toBe(true);
        for (const answer of ANSWERS) {
          const evaluation = await provider.evaluateAnswer({ context, questionNumber: n, question, answer, isFollowUp: n % 2 === 0 });
          expect(Value.Check(AnswerEvaluationSchema, evaluation), `${question.kind}: ${answer.slice(0, 30)}`).toBe(true);
        }
        const answer = ANSWERS[n + 3] ?? '';
        answers.push({ questionNumber: n, question: question.text, kind: question.kind, focus: question.focus, answer, evaluation: await provider.evaluateAnswer({ context, questionNumber: n, question, answer, isFollowUp: false }) });
      }
      expect(Value.Check(InterviewSummarySchema, await provider.summarizeInterview({ context, answers }))).toBe(true);
    }
  });

  it('passes the app-wide honesty guard unchanged: its own quotes are real and its scores within the cap', async () => {
    const provider = createOfflineProvider();
    const context = softwareContext();
    for (let n = 1; n <= 8; n++) {
      const question = await provider.planQuestion({ context, questionNumber: n, previous: [] });
      for (const answer of ANSWERS) {
        const input: EvaluateAnswerInput = { context, questionNumber: n, question, answer, isFollowUp: false };
        const evaluation = await provider.evaluateAnswer(input);
        expect(guardEvaluation(input, evaluation)).toEqual(evaluation);
      }
    }
  });

  it('gives identical results from separate instances (no hidden state, clock or randomness)', async () => {
    const a = createOfflineProvider();
    const b = createOfflineProvider();
    const context = nurseContext();
    const question = await a.planQuestion({ context, questionNumber: 3, previous: [] });
    expect(await b.planQuestion({ context, questionNumber: 3, previous: [] })).toEqual(question);
    const input: EvaluateAnswerInput = { context, questionNumber: 3, question, answer: STRONG_ANSWERS.nurse, isFollowUp: false };
    expect(await b.evaluateAnswer(input)).toEqual(await a.evaluateAnswer(input));
  });

  it('uses the reference year for "Present" in CV dates', async () => {
    const context = { ...softwareContext(), jobDescription: 'Backend Engineer. Requirements: 12+ years of experience with Python.' };
    const tip = async (referenceYear: number) =>
      (await createOfflineProvider({ referenceYear }).summarizeInterview({ context, answers: [] })).cvTips.find((t) => /years/.test(t.tip))?.tip;
    expect(await tip(2025)).toMatch(/about 8/);
    expect(await tip(2027)).toMatch(/about 10/);
  });

  it('honours an aborted signal', async () => {
    const provider = createOfflineProvider();
    const controller = new AbortController();
    controller.abort(new Error('caller gave up'));
    await expect(provider.planQuestion({ context: softwareContext(), questionNumber: 1, previous: [] }, controller.signal)).rejects.toThrow('caller gave up');
    await expect(provider.evaluateAnswer({ context: softwareContext(), questionNumber: 1, question: { text: 'Tell me about yourself.', kind: 'opener', focus: 'fit' }, answer: 'fine', isFollowUp: false }, controller.signal)).rejects.toThrow('caller gave up');
    await expect(provider.summarizeInterview({ context: softwareContext(), answers: [] }, controller.signal)).rejects.toThrow('caller gave up');
  });
});
