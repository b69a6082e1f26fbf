/**
 * The general causes behind the offline interviewer's misses on issue 12's twelfth holdout,
 * each pinned on answers written for this file (not the calibration pairs):
 * - the tools a candidate did the work with are evidence for the story, not a change of subject:
 *   a story told through the job's own tools (Excel, SQL Server) to a question whose focus is
 *   plain words is in this interview's setting; a skill neither the job nor the CV names, or a
 *   competency focus the story never shows, still stands aside;
 * - a word of the focus's family that the stemmer keeps apart ("automatically" for "automation")
 *   addresses the focus.
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

const PAYROLL: InterviewContext = {
  jobTitle: 'Payroll Analyst',
  companyName: 'Harbury Homes',
  jobDescription:
    'Payroll Analyst\n\nWhat you will do\n- Run the monthly payroll for 900 staff across four sites.\n- Build payroll and headcount reports in Excel and SQL Server.\n- Reconcile payroll to the general ledger each month.',
  cvText: 'Dana Okafor\nPayroll Officer — Lindell Care (2021 – present)\n- Run the fortnightly payroll for 400 carers.\n- Excel (pivot tables, Power Query), SQL Server.\n',
  interviewType: 'mixed',
};

function input(question: Pick<PlannedQuestion, 'kind' | 'focus' | 'text'>, answer: string, keyPoints: string[]): EvaluateAnswerInput {
  return { context: PAYROLL, questionNumber: 3, question, answer, isFollowUp: false, keyPoints };
}
const relevance = (i: EvaluateAnswerInput) => relevanceOf(i, answerFeatures(i.answer), analyseContext(i.context));
const depth = (i: EvaluateAnswerInput) => depthOf(i, answerFeatures(i.answer), relevance(i), keyPointCoverage(i));

// A story about cutting out repetitive work that never uses a word of the question below: it is
// told through what was done, with the job's own tools, for whom, and what it changed.
const TOOLS_STORY =
  'Every month I copied the overtime sheets from four sites into one workbook and fixed the employee numbers line by line, which took me a day and a half. ' +
  'I wrote a SQL Server view that joins the timesheet tables to the staff list and pointed an Excel pivot at it. ' +
  'For two payrolls I ran the old workbook beside it and matched every total to the penny. ' +
  'Now the overtime report is ready when I open it on the first morning, and I spend that day checking exceptions with the site managers instead.';

describe('the tools of the job are evidence for the story, not another subject', () => {
  const plain = { kind: 'behavioral', focus: 'streamlining', text: 'Tell me about a repetitive chore you got rid of. What did you do, and what changed?' } as const;
  const points = ['Describes the chore and what it cost', 'Says what they built', 'Checked the new way gave the same answers', 'Gives a measured result'];

  it('reads a story told through the job\'s tools as set in this interview, never "about something else"', () => {
    const i = input(plain, TOOLS_STORY, points);
    expect(relevance(i).knownSkills).toEqual(expect.arrayContaining(['SQL Server', 'Excel']));
    expect(relevance(i).inSetting).toBe(true);
    expect(depth(i).issue).not.toBe('unfocused');
    expect(evaluateOfflineAnswer(i).score).toBeGreaterThanOrEqual(5);
  });

  it('still sets aside a story through a tool neither the job nor the CV names', () => {
    const elsewhere = TOOLS_STORY.replace('a SQL Server view that joins the timesheet tables', 'a Kubernetes job in Terraform that joins the timesheet tables');
    expect(relevance(input(plain, elsewhere, points)).inSetting).toBe(false);
  });

  it('does not let the tools stand in for a competency the story never shows', () => {
    const conflict = { kind: 'behavioral', focus: 'conflict resolution', text: 'Tell me about a time you disagreed with a colleague. What happened?' } as const;
    const i = input(conflict, TOOLS_STORY, ["Understood the colleague's reasons before pushing back", 'Settled the disagreement with evidence', 'Kept the working relationship good']);
    expect(relevance(i).inSetting).toBe(false);
    expect(evaluateOfflineAnswer(i).score).toBeLessThanOrEqual(4);
  });
});

describe('a word of the focus\'s own family addresses it', () => {
  const q = { kind: 'behavioral', focus: 'automation', text: 'Tell me about a time you made a routine job run without you.' } as const;
  const points = ['Describes the routine job', 'Says what they set up', 'Gives a result'];

  it('counts "automatically" as the focus "automation", which the stemmer keeps apart', () => {
    const answer = 'The starters and leavers list used to be typed up by me every Monday. I set up Power Query so it now pulls the HR export automatically, and Monday mornings are free for queries.';
    const r = relevance(input(q, answer, points));
    expect(r.focusHit).toBe(true);
    expect(r.focusSentence?.text).toMatch(/automatically/);
  });

  it('does not match a word that merely starts alike but is much longer, nor a short focus root', () => {
    const unrelated = 'I went to the motor show at the weekend with my cousin and we looked at the new cars all afternoon.';
    expect(relevance(input(q, unrelated, points)).focusHit).toBe(false);
    const short = { kind: 'behavioral', focus: 'cost', text: 'Tell me about a time you saved money.' } as const;
    expect(relevance(input(short, 'I sorted the costume box for the school play and it looked great.', ['Says what was saved', 'How', 'Result'])).focusHit).toBe(false);
  });
});
