/**
 * The general causes behind the offline interviewer's misses on issue 12's fourteenth holdout,
 * each pinned on answers written for this file (not the calibration pairs):
 * - a count in the generic "you" ("you've got ten beds each") tells how a job usually is: not a
 *   measure of anything the candidate did, so not a result;
 * - a scenario question is about one situation: a measured story from the same job that touches
 *   none of its key points is about something else (a story question keeps the in-setting route);
 * - in a scenario, "I wouldn't…" and "I can't promise…" are decisions in the plan, not gaps;
 * - a long story in which the candidate does something in one sentence at most, measures nothing
 *   and says nothing came of it is talk around the question: weak;
 * - overtime and pay reviews are terms of the job, not questions about the work.
 */
import { describe, expect, it } from 'vitest';
import { answerFeatures } from '../../../src/analysis/answer-features.js';
import { relevanceOf } from '../../../src/analysis/answer-relevance.js';
import { analyseContext } from '../../../src/analysis/context-analysis.js';
import { keyPointCoverage } from '../../../src/ai/offline/answer-coverage.js';
import { depthOf, workQuestions } from '../../../src/ai/offline/answer-depth.js';
import { evaluateOfflineAnswer } from '../../../src/ai/offline/evaluate-answer.js';
import type { PlannedQuestion } from '../../../src/ai/schemas.js';
import type { EvaluateAnswerInput } from '../../../src/ai/types.js';
import type { InterviewContext } from '../../../src/interview/definitions.js';
import { measuredSentences, readText } from '../../../src/text/index.js';

const withCv = (jobTitle: string, jobDescription: string, cvText: string): InterviewContext => ({
  jobTitle,
  companyName: 'Ashgrove',
  jobDescription,
  cvText,
  interviewType: 'mixed',
});

const PHARMACY = withCv(
  'Community Pharmacist',
  'Community Pharmacist\n\nWhat you will do\n- Run the dispensary and check prescriptions.\n- Give patients advice on their medicines.\n- Lead a team of four dispensers.',
  'Sam Okafor\nPharmacist — Hillside Pharmacy (2019 – present)\n- Run the dispensary; lead three dispensers.\n- Started the blood-pressure check service.\n',
);
const PAYROLL = withCv(
  'Payroll Officer',
  'Payroll Officer\n\nWhat you will do\n- Run the monthly payroll for 900 staff.\n- Reconcile pension and tax payments.\n- Answer staff questions about their pay.',
  'Lee Harper\nPayroll Assistant — Cobb & Sons (2021 – present)\n- Process starters, leavers and overtime claims for 400 staff.\n- Reconcile the pension file each month.\n',
);

function input(ctx: InterviewContext, question: Pick<PlannedQuestion, 'kind' | 'focus' | 'text'>, answer: string, keyPoints: string[] = []): EvaluateAnswerInput {
  return { context: ctx, questionNumber: 3, question, answer, isFollowUp: false, keyPoints };
}
const depth = (i: EvaluateAnswerInput) => {
  const f = answerFeatures(i.answer);
  return depthOf(i, f, relevanceOf(i, f, analyseContext(i.context)), keyPointCoverage(i));
};

describe('a count in the generic "you" is not a measure', () => {
  it('does not count "you\'ve got…" or "you can…" sentences as measured', () => {
    const doc = readText("On a Saturday you've got three hundred prescriptions and two dispensers. I cut the wait from forty minutes to fifteen.");
    expect([...measuredSentences(doc)]).toEqual([1]);
  });

  it('still counts a sentence where the candidate is the subject beside a "you", or one pointed at "as you can see"', () => {
    expect([...measuredSentences(readText('As you can imagine, I cut the waiting time from forty minutes to fifteen.'))]).toEqual([0]);
    expect([...measuredSentences(readText('We cut the waiting time from forty minutes to fifteen, which you can imagine pleased everyone.'))]).toEqual([0]);
    expect([...measuredSentences(readText('As you can see on my CV, sales in the region rose 18% in my first year.'))]).toEqual([0]);
  });
});

describe('a scenario answered with a story about something else in the same job', () => {
  const q = { kind: 'technical', focus: 'reconciliation', text: "The pension file doesn't match the payroll by £3,200 this month. How would you find the difference?" } as const;
  const points = ['Compares the two files line by line or by employee', 'Checks starters, leavers and changes this month', 'Corrects the cause and records it before the deadline'];

  it('is about something else, however much it sounds like the job', () => {
    const other = 'I ran the year-end payroll for Cobb & Sons last April on my own. I booked time with the finance manager in March, built a checklist and sent every P60 to staff nine days early. It was the first year nobody had to chase HMRC.';
    const i = input(PAYROLL, q, other, points);
    expect(relevanceOf(i, answerFeatures(other), analyseContext(PAYROLL)).inSetting).toBe(true);
    const d = depth(i);
    expect(d.issue).toBe('unfocused');
    expect(evaluateOfflineAnswer(input(PAYROLL, q, other, points)).score).toBeLessThanOrEqual(4);
  });

  it('a plan that compares the files is on the question', () => {
    const plan = "First I'd export both files and compare them by employee, because a difference of £3,200 is usually one or two people. I'd check this month's starters and leavers and anyone whose contribution rate changed, correct the one that's wrong and note it before the deadline.";
    expect(depth(input(PAYROLL, q, plan, points)).issue).not.toBe('unfocused');
  });
});

describe('a plan that says what the candidate would not do', () => {
  const q = { kind: 'technical', focus: 'patient safety', text: 'A customer asks you to sell her a second pack of strong painkillers the same day. What do you do?' } as const;

  it('is not read as admitting a gap', () => {
    const answer = "I can't promise I'll sell her anything until I know more, so I'd take her somewhere quieter and ask who it is for and how much she has taken today. I wouldn't sell the second pack; I'd explain calmly that it isn't safe to take more than the daily dose. I wouldn't leave it there either: I'd suggest something different for the pain or send her to her GP today, and note it for the team.";
    expect(depth(input(PHARMACY, q, answer)).issue).not.toBe('no_example');
    expect(evaluateOfflineAnswer(input(PHARMACY, q, answer)).score).toBeGreaterThanOrEqual(5);
  });
});

describe('a long story with one thing done and nothing that came of it', () => {
  const q = { kind: 'behavioral', focus: 'leadership', text: 'Tell me about a time you had to lead your dispensers through a difficult week.' } as const;

  it('is weak, however much it says', () => {
    const talk = "Leading a team is something I really care about, and I think the most important thing is that people feel listened to. Pharmacy is a stressful place to work, especially in winter, and my team have always been very loyal. There was a week last year when two of them were off sick at the same time, which was hard for everyone, and I remember feeling quite stretched. I spoke to the area manager. Every team is different really, and I think being approachable and calm is what matters most in a week like that, because people pick up on how you are feeling and the customers notice it too.";
    expect(depth(input(PHARMACY, q, talk)).ceiling).toBeLessThanOrEqual(4);
    expect(evaluateOfflineAnswer(input(PHARMACY, q, talk)).score).toBeLessThanOrEqual(4);
  });

  it('is not capped when the one thing done says what came of it', () => {
    const story = "Leading a team is something I really care about, and I think the most important thing is that people feel listened to. Pharmacy is a stressful place to work, especially in winter, and my team have always been very loyal. There was a week last year when two of them were off sick at the same time, which was hard for everyone, and everyone was worried about the care-home orders. I split the care-home trays across three evenings and did the checking myself, so every tray went out on time.";
    expect(depth(input(PHARMACY, q, story)).issue).not.toBe('waffle');
  });
});

describe('a closing question about overtime or a pay review', () => {
  const q = { kind: 'closing', focus: 'questions for the interviewer', text: 'What would you like to ask us?' } as const;

  it('is not a question about the work', () => {
    const ask = (answer: string) => workQuestions(input(PAYROLL, q, answer), answerFeatures(answer), analyseContext(PAYROLL).jobVocabulary);
    expect(ask('Is there much overtime at month end, and when is the first pay review?')).toBe(0);
    expect(ask('How many of the 900 staff are on weekly pay, and who checks the payroll before it goes?')).toBeGreaterThanOrEqual(1);
    expect(evaluateOfflineAnswer(input(PAYROLL, q, 'Is there much overtime at month end, and when is the first pay review?')).score).toBeLessThanOrEqual(4);
  });
});
