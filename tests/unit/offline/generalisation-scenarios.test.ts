/**
 * The general causes behind the offline interviewer's misses on issue 12's seventh holdout, each
 * pinned on answers written for this file (not the calibration pairs):
 * - a key point "covered" only through the profession's everyday words ("…or the previous
 *   nurse" met by "I'm the link nurse"), so the relevance gate never applied;
 * - a plain-spoken say-no story ("the head of sales wanted…, it would take six weeks and push
 *   back…") shared no word with the question and was capped as off the question;
 * - numbers from the question's own scenario ("those ten stores") and the pronoun "one" ("the
 *   next one") counted as the candidate's results;
 * - a closing answer was scored on story features instead of on the candidate's questions;
 * - a plan told as a list of measures, without step words, was capped as "no approach";
 * - a short scenario answer that comes near no key point, and a run-on answer hedging several
 *   times per sentence, were not recognised as generic.
 */
import { describe, expect, it } from 'vitest';
import { answerFeatures } from '../../../src/analysis/answer-features.js';
import { relevanceOf } from '../../../src/analysis/answer-relevance.js';
import { analyseContext } from '../../../src/analysis/context-analysis.js';
import { numbersIn, withoutQuestionNumbers } from '../../../src/analysis/scenario-numbers.js';
import { keyPointCoverage } from '../../../src/ai/offline/answer-coverage.js';
import { depthOf, exampleFloor } from '../../../src/ai/offline/answer-depth.js';
import { evaluateOfflineAnswer } from '../../../src/ai/offline/evaluate-answer.js';
import { lexicalCoverage } from '../../../src/coverage/lexical.js';
import type { PlannedQuestion } from '../../../src/ai/schemas.js';
import type { EvaluateAnswerInput } from '../../../src/ai/types.js';
import type { InterviewContext } from '../../../src/interview/definitions.js';
import { briefContext } from './samples.js';
import { measuresIn, readText } from '../../../src/text/index.js';

const context = briefContext('Marlow', 'seven');

const NURSE = context('Staff Nurse', 'Staff nurse for a busy surgical ward: safe medicines management, clear handover and escalation of deteriorating patients.');
const PRODUCT = context('Product Manager', 'Own the roadmap for our payroll app and work with sales, support and engineering to decide what to build.');
const RETAIL = context('Retail Analyst', 'Analyse sales and stock across our stores, run trials of promotions and present findings to category managers.');
const SUPPORT = context(
  'Support Team Lead',
  [
    'Support Team Lead at Marlow',
    'What you will do:',
    '- Lead a team of eight support agents across chat and phone',
    '- Improve the help centre articles and reduce repeat contacts',
    '- Work with product on recurring issues',
    'What we need:',
    '- Experience leading or coaching a support team',
  ].join('\n'),
);

function input(ctx: InterviewContext, question: Pick<PlannedQuestion, 'kind' | 'focus' | 'text'>, answer: string, keyPoints: string[] = []): EvaluateAnswerInput {
  return { context: ctx, questionNumber: 3, question, answer, isFollowUp: false, keyPoints };
}

describe('a key point is covered by words that carry meaning, not by the profession’s everyday words', () => {
  const q = { kind: 'behavioral', focus: 'attention to detail', text: 'Tell me about a time you found an error on a drug chart. What did you do about it?' } as const;
  const points = ['Checked the chart with the pharmacist or the nurse in charge', 'Kept the patient safe while it was put right', 'Reported it so it would not happen again'];

  it('a confident answer about something else does not cover "…or the nurse in charge" by saying "nurse"', () => {
    const answer =
      "I'm the moving and handling link nurse on our ward. Last winter I ran refresher sessions for twelve healthcare assistants on using the hoist, and back injuries among staff fell to none that year.";
    const i = input(NURSE, q, answer, points);
    // The word-level engine still sees "nurse" on one side of the "or"…
    expect(lexicalCoverage(answer, points).coveredCount).toBeGreaterThan(0);
    // …but the offline scorer does not count it: the gate applies and the story stays weak at best.
    expect(keyPointCoverage(i)!.coveredCount).toBe(0);
    const f = answerFeatures(answer);
    expect(depthOf(i, f, relevanceOf(i, f, analyseContext(NURSE)), keyPointCoverage(i)).issue).toBe('unfocused');
    expect(evaluateOfflineAnswer(i).score).toBeLessThanOrEqual(4);
  });

  it('an answer that really names the check still covers the point', () => {
    const answer =
      'On a late shift I saw that a patient had been given a dose of gentamicin that was twice what his weight allowed. I held the next dose, checked the chart with the pharmacist and bleeped the doctor, who rewrote it. I completed a Datix and the ward now has weights checked at every drug round.';
    const i = input(NURSE, q, answer, points);
    expect(keyPointCoverage(i)!.points[0]!.covered).toBe(true);
    expect(evaluateOfflineAnswer(i).score).toBeGreaterThanOrEqual(6);
  });
});

describe('relevance reads a plain-spoken story through the competency’s own vocabulary', () => {
  const q = { kind: 'behavioral', focus: 'prioritisation', text: "Tell me about a time you turned down a senior stakeholder's feature request. What happened?" } as const;
  const points = ['Used a clear criterion such as impact on goals', 'Explained the decision and its cost', 'Offered an alternative or a later date'];

  it('"the head of marketing wanted…, it would take a month and push back…" is on the question', () => {
    const answer =
      'Our head of marketing wanted a referral scheme built into the app before the spring campaign. I showed her it would take the team a month and push back the tax-year update that every customer relies on in April. We agreed to run the referrals through a landing page instead, which took three days, and the update went out on time.';
    const i = input(PRODUCT, q, answer, points);
    const f = answerFeatures(answer);
    const r = relevanceOf(i, f, analyseContext(PRODUCT));
    expect(r.exactQuestionHits).toBe(0);
    expect(r.focusHit).toBe(true);
    expect(depthOf(i, f, r, keyPointCoverage(i)).issue).not.toBe('unfocused');
    expect(evaluateOfflineAnswer(i).score).toBeGreaterThanOrEqual(6);
  });

  it('the same vocabulary does not rescue an answer about something else', () => {
    const answer = 'I enjoy running long distances and last year I completed my first marathon in just under four hours, after training five mornings a week.';
    expect(evaluateOfflineAnswer(input(PRODUCT, q, answer, points)).score).toBeLessThanOrEqual(2);
  });
});

describe('numbers from the question, and the pronoun "one", are not the candidate’s results', () => {
  const TRIAL = {
    kind: 'technical',
    focus: 'statistics',
    text: 'Marlow ran a two-for-one promotion on juice in twelve stores and sales rose 6%. How would you tell whether the promotion caused the rise?',
  } as const;
  const points = ['Compares with similar stores without the promotion', 'Allows for the season or other changes', 'Checks whether the rise came at the cost of other products'];

  it('reads the question’s numbers in digits and words', () => {
    expect([...numbersIn(TRIAL.text)].sort()).toEqual(['1', '12', '2', '6']);
  });

  it('drops the question’s figures from the measured sentences, and keeps the candidate’s own', () => {
    const repeated = answerFeatures("I'd compare the twelve stores' sales before and after the promotion and see whether they rose.");
    expect(repeated.metricSentences.length).toBe(1);
    expect(withoutQuestionNumbers(repeated, TRIAL.text).metricSentences).toEqual([]);
    const own = answerFeatures('In a similar trial I found that 40% of the rise was shoppers switching from other juice brands.');
    expect(withoutQuestionNumbers(own, TRIAL.text)).toBe(own);
  });

  it('a short before-and-after answer that repeats the scenario is weak', () => {
    const answer = "I'd look at what those twelve stores sold before and after the promotion, and if it went up, I'd say the promotion worked and we should keep it going.";
    const e = evaluateOfflineAnswer(input(RETAIL, TRIAL, answer, points));
    expect(e.score).toBeLessThanOrEqual(4);
  });

  it('"the next one", "no one" and "one of them" are not counts', () => {
    const kinds = (text: string) => measuresIn(readText(text)).map((m) => m.kind);
    expect(kinds('When a deal falls through I learn from it and move on to the next one.')).toEqual([]);
    expect(kinds('No one on the team had used it, so I grew into it.')).toEqual([]);
    expect(kinds('We cut open tickets from forty to one in a month.')).not.toEqual([]);
  });
});

describe('a closing answer is judged on the candidate’s questions', () => {
  const CLOSING = { kind: 'closing', focus: 'questions for the interviewer', text: 'That is all from me. What would you like to ask about the support team lead role at Marlow?' } as const;
  const points = ['Asks about the team or how it works', 'Asks how success in the role is judged', 'Adds something relevant not yet covered'];
  const score = (answer: string) => evaluateOfflineAnswer(input(SUPPORT, CLOSING, answer, points)).score;

  it('two real questions tied to the candidate’s own background make a strong close', () => {
    expect(score("Two, if that's all right. As I've only led a team on chat so far, how is the phone team's work reviewed, and could I shadow a phone shift in my first weeks? And which of the help centre's articles cause the most contacts at the moment?")).toBeGreaterThanOrEqual(7);
  });

  it('two questions with nothing about the candidate are adequate, one question too, perks only weak', () => {
    const two = score('What does a normal week look like for the team lead? And how do you decide which recurring issues go to product?');
    expect(two).toBeGreaterThanOrEqual(5);
    expect(two).toBeLessThanOrEqual(6);
    const one = score("I think we've covered everything. How many agents would report to me?");
    expect(one).toBeGreaterThanOrEqual(5);
    expect(one).toBeLessThanOrEqual(6);
    expect(score('No, nothing really. Is parking free at the office?')).toBeLessThanOrEqual(4);
  });
});

describe('scenario answers: a listed plan is an approach; a short generic one is weak', () => {
  const METRICS = { kind: 'technical', focus: 'metrics', text: 'Marlow is adding a chatbot to the help centre next month. How would you know whether it is helping customers?' } as const;
  const points = ['Ties the measures to what customers need', 'Tracks resolution, not only usage', 'Watches a guardrail such as complaints or hand-offs to agents'];

  it('"I\'d track how many…, how many…, and what…" is not capped as having no approach', () => {
    const answer = "I'd track how many chats the bot closes without an agent, how many customers ask for a person anyway, and what they rate the chat afterwards. If those hold up over a month, it's helping.";
    const i = input(SUPPORT, METRICS, answer, points);
    const f = answerFeatures(answer);
    expect(depthOf(i, f, relevanceOf(i, f, analyseContext(SUPPORT)), keyPointCoverage(i)).issue).not.toBe('no_example');
    expect(evaluateOfflineAnswer(i).score).toBeGreaterThanOrEqual(5);
  });

  it('a short plan that comes near no key point is generic, however many verbs it has', () => {
    const answer = "I'd set it up, update the help centre pages so they match, and then keep an eye on it so everything stays up to date.";
    const i = input(SUPPORT, METRICS, answer, points);
    const f = answerFeatures(answer);
    const r = relevanceOf(i, f, analyseContext(SUPPORT));
    const c = keyPointCoverage(i);
    expect(depthOf(i, f, r, c).ceiling).toBeLessThanOrEqual(4);
    expect(exampleFloor(i, f, r, c)).toBe(1);
    expect(evaluateOfflineAnswer(i).score).toBeLessThanOrEqual(4);
  });

  it('a run-on answer that hedges several times a sentence is waffle', () => {
    const answer =
      "Chatbots are quite a big topic at the moment and I think a lot of companies are probably trying them, and to be honest they can be hit and miss for customers. I guess whether it's helping depends on the customers and maybe on how good the chatbot is, and I'd probably ask the team what they think, because basically they're the ones who hear from customers every day and know what works.";
    const i = input(SUPPORT, METRICS, answer, points);
    const f = answerFeatures(answer);
    expect(f.hedgeSentences.length).toBeLessThan(3);
    expect(depthOf(i, f, relevanceOf(i, f, analyseContext(SUPPORT)), keyPointCoverage(i)).issue).toBe('waffle');
    expect(evaluateOfflineAnswer(i).score).toBeLessThanOrEqual(4);
  });
});

describe('a weak close is told why', () => {
  const CLOSING = { kind: 'closing', focus: 'questions for the interviewer', text: 'That is all from me. What would you like to ask about the support team lead role at Marlow?' } as const;

  it('a close that asks only about pay or the office says its questions are not about the work', () => {
    const e = evaluateOfflineAnswer(input(SUPPORT, CLOSING, 'No, I think that covers it. What is the bonus scheme like, and is there parking at the office?'));
    expect(e.score).toBeLessThanOrEqual(4);
    expect(e.weaknesses.map((w) => w.point).join(' ')).toMatch(/about the work itself|asked no questions/);
  });

  it('a close with a question about the work gets no such weakness', () => {
    const e = evaluateOfflineAnswer(input(SUPPORT, CLOSING, 'How do the agents split their time between phone and chat, and which service level is hardest to hit at the moment?'));
    expect(e.weaknesses.map((w) => w.point).join(' ')).not.toMatch(/about the work itself|asked no questions/);
  });
});
