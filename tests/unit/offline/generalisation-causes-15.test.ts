/**
 * The general cause behind the offline interviewer's two-bands-off miss on issue 12's fifteenth
 * holdout, pinned on answers written for this file (not the calibration pairs): a scenario
 * question ("How would you…?") answered with an achievement from elsewhere — no plan, nothing
 * hypothetical, none of the question's key points — does not address it, however many of its
 * words it shares; a past example that meets a key point still does.
 */
import { describe, expect, it } from 'vitest';
import { answerFeatures } from '../../../src/analysis/answer-features.js';
import { relevanceOf } from '../../../src/analysis/answer-relevance.js';
import { analyseContext } from '../../../src/analysis/context-analysis.js';
import { keyPointCoverage } from '../../../src/ai/offline/answer-coverage.js';
import { depthOf } from '../../../src/ai/offline/answer-depth.js';
import { evaluateOfflineAnswer } from '../../../src/ai/offline/evaluate-answer.js';
import type { EvaluateAnswerInput } from '../../../src/ai/types.js';
import type { InterviewContext } from '../../../src/interview/definitions.js';

const HOTEL: InterviewContext = {
  jobTitle: 'Front Office Manager',
  companyName: 'Harbourside Hotel',
  interviewType: 'mixed',
  jobDescription: 'Front Office Manager\n\nWhat you will do\n- Lead the reception and reservations team of 14.\n- Plan rotas for busy periods and events.\n- Keep guest satisfaction scores high.',
  cvText: 'Rosa Lind\nReception Supervisor — Quayside Inn (2020 – present)\n- Supervise a reception team of six.\n- Plan the weekly rota.\n',
};
const question = {
  kind: 'technical',
  focus: 'planning for peak demand',
  text: 'A conference will fill all 220 rooms next Friday, and last time check-in queues reached forty minutes. How would you get the front desk ready?',
} as const;
const keyPoints = [
  'Estimates arrivals by hour from the booking list',
  'Adds staff or desks at the peak and changes the rota',
  'Cuts the work at the desk: pre-allocated rooms, keys ready, online check-in',
  'Watches the queue on the day and adjusts',
];
const input = (answer: string): EvaluateAnswerInput => ({ context: HOTEL, questionNumber: 4, question, answer, isFollowUp: false, keyPoints });
const depth = (answer: string) => {
  const i = input(answer);
  const f = answerFeatures(answer);
  return depthOf(i, f, relevanceOf(i, f, analyseContext(HOTEL)), keyPointCoverage(i));
};

describe('a scenario answered with an achievement from elsewhere', () => {
  const boast =
    'My biggest achievement at Quayside Inn was our guest satisfaction. I trained all six receptionists on the new welcome script, and our review score went from 8.1 to 8.9 in a year. Last time the inspectors came, the front desk got the highest mark in the group.';

  it('does not address the question, however many of its words it shares', () => {
    expect(keyPointCoverage(input(boast))?.coveredCount).toBe(0);
    expect(depth(boast).issue).toBe('unfocused');
    expect(evaluateOfflineAnswer(input(boast)).score).toBeLessThanOrEqual(4);
  });

  it('a past example that meets the scenario is still on the question', () => {
    const example =
      'When a wedding filled Quayside Inn last June, I printed the arrivals by hour from the booking list, put a second person on the desk from three to six, and had the keys and registration cards ready before lunch. The queue never went past ten minutes.';
    expect(depth(example).issue).not.toBe('unfocused');
  });
});
