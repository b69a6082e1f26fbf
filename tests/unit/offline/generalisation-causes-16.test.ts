/**
 * The general causes behind the offline interviewer's two-bands-off misses on issue 12's
 * sixteenth holdout, pinned on answers written for this file (not the calibration pairs):
 * - "at one point", "one day": an idiom, not a count;
 * - a story question whose premise the answer turns down ("I don't miss deadlines…") and then
 *   tells a success instead does not address it — unless a "but" brings the story back;
 * - a scenario answered with an achievement from elsewhere and a pledge to bring it ("I'd bring
 *   that same approach here") has no plan, as if the pledge were not there;
 * - a scenario answered at length with views and one step at most, nothing done or measured and
 *   none of the key points is an aim, not an approach.
 */
import { describe, expect, it } from 'vitest';
import { answerFeatures } from '../../../src/analysis/answer-features.js';
import { relevanceOf } from '../../../src/analysis/answer-relevance.js';
import { analyseContext } from '../../../src/analysis/context-analysis.js';
import { keyPointCoverage } from '../../../src/ai/offline/answer-coverage.js';
import { depthOf } from '../../../src/ai/offline/answer-depth.js';
import { evaluateOfflineAnswer } from '../../../src/ai/offline/evaluate-answer.js';
import type { PlannedQuestion } from '../../../src/ai/schemas.js';
import type { EvaluateAnswerInput } from '../../../src/ai/types.js';
import type { InterviewContext } from '../../../src/interview/definitions.js';
import { measuredSentences, readText } from '../../../src/text/index.js';

const PAYROLL: InterviewContext = {
  jobTitle: 'Payroll Manager',
  companyName: 'Fernleigh Group',
  interviewType: 'mixed',
  jobDescription: 'Payroll Manager\n\nWhat you will do\n- Run the monthly payroll for 2,400 staff across four companies.\n- Lead a team of three payroll officers.\n- Reconcile pensions, tax and benefits.',
  cvText: 'Dev Chandra\nPayroll Team Leader — Orchard Retail (2019 – present)\n- Run payroll for 1,100 staff; lead two officers.\n- Moved payslips online.\n',
};

const input = (question: Pick<PlannedQuestion, 'kind' | 'focus' | 'text'>, answer: string, keyPoints: string[]): EvaluateAnswerInput => ({
  context: PAYROLL,
  questionNumber: 3,
  question,
  answer,
  isFollowUp: false,
  keyPoints,
});
const depth = (i: EvaluateAnswerInput) => {
  const f = answerFeatures(i.answer);
  return depthOf(i, f, relevanceOf(i, f, analyseContext(i.context)), keyPointCoverage(i));
};

describe('"at one point" is not a count', () => {
  it('reads the idiom as no measure, and a real "one" as a count', () => {
    expect([...measuredSentences(readText('We had staff sleeping on the office floor at one point.'))]).toEqual([]);
    expect([...measuredSentences(readText('We opened one extra payroll run for the leavers.'))]).toEqual([0]);
    expect([...measuredSentences(readText('I cut the turnaround to one day.'))]).toEqual([0]);
  });
});

describe('a story question whose premise the answer turns down', () => {
  const q = { kind: 'behavioral', focus: 'a missed deadline', text: 'Tell me about a time you missed a payroll deadline. What happened, and what did you change?' } as const;
  const points = ['What was late and why', 'How they told the people affected', 'What they fixed at once', 'What they changed so it would not happen again'];

  it('does not address it when it tells a success instead', () => {
    const refusal = "Honestly, I don't miss deadlines, and my manager would say the same. Last year I ran all twelve payrolls at Orchard Retail two days early and won the finance team award for it. I plan every run backwards from the pay date and I'm always first in on cut-off day.";
    const d = depth(input(q, refusal, points));
    expect(d.issue).toBe('unfocused');
    expect(d.reason).toContain("I don't miss deadlines");
    expect(evaluateOfflineAnswer(input(q, refusal, points)).score).toBeLessThanOrEqual(4);
  });

  it('is still on the question when a "but" brings the story back', () => {
    const story = "I don't often miss deadlines, but last March I did: a pension file went to the provider a day late because I'd missed a new starter. I rang the provider that morning, told the 30 people affected what had happened, and added a starters check to our cut-off list.";
    expect(depth(input(q, story, points)).issue).not.toBe('unfocused');
  });
});

/** A scenario and its key points, for the two scenario rules below. */
const OVERTIME_Q = { kind: 'technical', focus: 'payroll errors', text: 'After our first payroll, forty staff say their overtime is missing. How would you handle it?' } as const;
const OVERTIME_POINTS = ['Checks how many are affected and why, from the overtime claims and the run', 'Pays the missing overtime quickly, off-cycle if needed', 'Tells the staff and their managers what happened and when they will be paid', 'Changes the process so claims are not missed again'];

describe('a scenario answered with an achievement and a pledge', () => {

  it('a real step with "bring" is not a pledge', () => {
    const step = 'Payroll errors are something I take very seriously. At Orchard Retail I moved 1,100 staff to online payslips in six weeks and cut payroll queries from staff by 40%. I would bring the list of missing claims to the finance director that morning.';
    expect(depth(input(OVERTIME_Q, step, OVERTIME_POINTS)).issue).not.toBe('unfocused');
  });

  it('has no plan, as if the pledge were not there', () => {
    const pledge = 'Payroll errors are something I take very seriously. At Orchard Retail I moved 1,100 staff to online payslips in six weeks and cut payroll queries from staff by 40%. I would bring that same attention to detail to Fernleigh Group.';
    expect(depth(input(OVERTIME_Q, pledge, OVERTIME_POINTS)).issue).toBe('unfocused');
    expect(evaluateOfflineAnswer(input(OVERTIME_Q, pledge, OVERTIME_POINTS)).score).toBeLessThanOrEqual(4);
  });
});

describe('a scenario answered with views and one step at most', () => {

  it('is an aim, not an approach, however long', () => {
    const views = "Payroll is always a sensitive area, because people notice straight away when their pay is wrong, and it can really damage trust in the team. Every new system has teething problems, and forty is not many in a company of this size. I think the most important thing is to stay calm and be honest with people. I'd definitely want to look into it properly, and I'm sure it would settle down after a month or two.";
    const d = depth(input(OVERTIME_Q, views, OVERTIME_POINTS));
    expect(d.issue).toBe('no_example');
    expect(d.ceiling).toBeLessThanOrEqual(4);
  });

  it('a plan of several steps is not capped by it', () => {
    const plan = "First I'd pull the overtime claims for those forty and compare them with what went into the run, to see whether the claims were late or the import dropped them. I'd pay anything missing in an off-cycle run that week, tell the staff and their managers when it would land, and fix the import or the cut-off so it couldn't happen again.";
    expect(depth(input(OVERTIME_Q, plan, OVERTIME_POINTS)).issue).not.toBe('no_example');
  });
});
