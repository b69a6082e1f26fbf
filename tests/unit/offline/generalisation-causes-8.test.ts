/**
 * The general causes behind the offline interviewer's misses on issue 12's eighth holdout, each
 * pinned on answers written for this file (not the calibration pairs):
 * - a word of a competency's answer pattern used in another role ("the new page put the price
 *   first") put an answer on the focus;
 * - a plan timed in school terms or months ("before September", "over a term") had no timeframe;
 * - a key point was covered by a generic verb of the plan ("…fix it, test it and ship it" covered
 *   "adds a test so it is caught next time");
 * - a short generic answer in the candidate's own words was judged "about something else"
 *   (hopeless) instead of thin but on the question (weak).
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
import { briefContext } from './samples.js';

const context = briefContext('Alder', 'six');

const DEVELOPER = context('Backend Developer', 'Build and run the order service in TypeScript on PostgreSQL; share the on-call rota.');
const RECRUITER = context('Recruitment Consultant', 'Place engineers with manufacturing clients across the Midlands; manage candidates from first call to offer.');
const PRODUCT = context('Product Manager', 'Own the roadmap for our booking app and decide with engineering and design what to build next.');
const TEACHER = context('Teacher of Geography', 'Teach geography at KS3 and KS4 and some humanities lessons in Year 7; contribute to the department curriculum.');

function input(ctx: InterviewContext, question: Pick<PlannedQuestion, 'kind' | 'focus' | 'text'>, answer: string, keyPoints: string[] = []): EvaluateAnswerInput {
  return { context: ctx, questionNumber: 3, question, answer, isFollowUp: false, keyPoints };
}

const relevance = (i: EvaluateAnswerInput) => relevanceOf(i, answerFeatures(i.answer), analyseContext(i.context));

describe('an ordering word shows prioritising only when the candidate orders their own work', () => {
  const q = { kind: 'technical', focus: 'prioritisation', text: 'Two teams both want the only designer next month. How would you choose?' } as const;

  it('"the new menu listed the specials first" is not prioritising', () => {
    const r = relevance(input(PRODUCT, q, 'At my last restaurant job the new menu listed the specials first and sales of them went up by a fifth over the summer.'));
    expect(r.focusSentence).toBeNull();
  });

  it('"we did the accessibility fixes first" and "I would start with…, instead of…" are', () => {
    expect(relevance(input(PRODUCT, q, 'Last spring we did the accessibility fixes first, because the audit deadline was closer than the redesign.')).focusSentence).not.toBeNull();
    expect(relevance(input(PRODUCT, q, 'I would give the designer to the payments team instead, as their launch is fixed.')).focusSentence).not.toBeNull();
  });
});

describe('a plan timed in school terms or months has a timeframe', () => {
  const q = { kind: 'gap', focus: 'history', text: 'You would teach some Year 7 history. How would you get ready for that?' } as const;
  const plan = (when: string) =>
    `My degree is in geography and I took history to A level, so I would read the department's schemes of work and the key texts ${when}, and sit in on two of the history lessons to see how they are pitched.`;

  for (const when of ['before September', 'in my first half term', 'over the autumn term', 'by Christmas']) {
    it(`"${when}"`, () => {
      const i = input(TEACHER, q, plan(when));
      expect(answerFeatures(i.answer).timeframe).toBe(true);
      expect(depthOf(i, answerFeatures(i.answer), relevance(i), keyPointCoverage(i)).issue).not.toBe('no_plan');
    });
  }

  it('"in terms of" is not a timeframe, and a plan without one is still capped', () => {
    const i = input(TEACHER, q, plan('in terms of content'));
    expect(answerFeatures(i.answer).timeframe).toBe(false);
    expect(depthOf(i, answerFeatures(i.answer), relevance(i), keyPointCoverage(i)).issue).toBe('no_plan');
  });
});

describe('a key point is not covered by a generic verb of the plan alone', () => {
  const q = { kind: 'technical', focus: 'performance', text: 'The order history page has become slow for customers with many orders. What would you do?' } as const;
  const points = ['Measures where the time goes before changing anything', 'Fixes the slow query or adds an index', 'Adds a test or an alert so a slowdown is caught next time'];
  const covered = (answer: string) => keyPointCoverage(input(DEVELOPER, q, answer, points))!.points[2]!.covered;

  it('"fix it, test it and ship it" names no test and no alert', () => {
    expect(covered("I'd find out what is slow, then fix it, test it and ship it as soon as I can.")).toBe(false);
  });

  it('an answer that names the test or the alert covers the point', () => {
    expect(covered("Once the index is in, I'd add a performance test with a customer of 5,000 orders so a slow query fails the build.")).toBe(true);
    expect(covered("Afterwards I'd add an alert when the page's p95 goes over a second, so we hear about a slowdown before customers do.")).toBe(true);
  });
});

describe('thin but on topic is weak; about something else is hopeless', () => {
  const q = { kind: 'behavioral', focus: 'stakeholder management', text: 'Tell me about a time a hiring manager kept rejecting the candidates you sent. How did you handle it?' } as const;
  const points = ['Went back to the hiring manager to find out what was really missing', 'Changed the search or the brief as a result', 'Says how many were interviewed or placed afterwards'];
  const score = (answer: string) => evaluateOfflineAnswer(input(RECRUITER, q, answer, points)).score;

  const generic = [
    "Honestly I'd just keep going, be really patient and keep trying until something works out, because that is what you have to do in this line of work.",
    'I tend to stay calm about that sort of thing and not take it personally. In the end you just keep at it and things usually sort themselves out.',
  ];
  for (const answer of generic) {
    it(`a generic answer that names nothing is weak (3–4): "${answer.slice(0, 40)}…"`, () => {
      const i = input(RECRUITER, q, answer, points);
      expect(depthOf(i, answerFeatures(answer), relevance(i), keyPointCoverage(i)).issue).toBe('thin');
      expect(score(answer)).toBeGreaterThanOrEqual(3);
      expect(score(answer)).toBeLessThanOrEqual(4);
    });
  }

  it('a confident answer about other subject matter stays hopeless (≤ 2)', () => {
    const answer = 'At university I ran the hiking society: I organised weekend trips to Snowdonia and the Lake District, booked the minibuses and hostels, and doubled our membership to sixty.';
    expect(score(answer)).toBeLessThanOrEqual(2);
  });

  it('a dismissive line is still a non-answer (≤ 2)', () => {
    expect(score('It happens, you just move on to the next one.')).toBeLessThanOrEqual(2);
  });
});
