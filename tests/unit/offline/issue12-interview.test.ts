/**
 * Whole offline interviews of the kinds the career coach's review ran (issue 12): one story
 * pasted for every question, keyword lists, answers in French; and what the questions may and
 * may not claim. Through the app's AI client, so guards apply as in production.
 */
import { describe, expect, it } from 'vitest';
import { createAiClient, type AiLogger } from '../../../src/ai/ai-client.js';
import { createOfflineProvider } from '../../../src/ai/providers/offline.js';
import type { AnsweredQuestion, PlannedQuestion } from '../../../src/ai/types.js';
import type { InterviewContext } from '../../../src/interview/definitions.js';
import type { InterviewType } from '../../../src/interview/definitions.js';
import { CONTEXTS } from '../../calibration/contexts.js';
import { nurseContext, softwareContext, STRONG_ANSWERS } from './samples.js';

const quiet: AiLogger = { debug() {}, info() {}, warn() {}, error() {} };
const client = createAiClient({ providers: [createOfflineProvider()], logger: quiet });

async function interview(context: InterviewContext, answer: (n: number, q: PlannedQuestion) => string) {
  const previous: { questionNumber: number; text: string; kind: PlannedQuestion['kind']; focus: string; bankId?: string | null }[] = [];
  const answers: AnsweredQuestion[] = [];
  for (let n = 1; n <= 8; n++) {
    const { value: q } = await client.planQuestion({ context, questionNumber: n, previous });
    const text = answer(n, q);
    const { value: evaluation } = await client.evaluateAnswer({
      context, questionNumber: n, question: q, answer: text, isFollowUp: false, ...(q.keyPoints ? { keyPoints: q.keyPoints } : {}),
      earlierAnswers: answers.map((a) => ({ questionNumber: a.questionNumber, text: a.answer })),
    });
    previous.push({ questionNumber: n, text: q.text, kind: q.kind, focus: q.focus, bankId: q.bankId ?? null });
    answers.push({ questionNumber: n, question: q.text, kind: q.kind, focus: q.focus, answer: text, evaluation });
  }
  const { value: summary } = await client.summarizeInterview({ context, answers });
  return { questions: previous, answers, summary };
}

const TYPES: InterviewType[] = ['mixed', 'technical', 'behavioral'];
const FRENCH = "Pendant une garde de nuit, un de mes patients s'est dégradé. J'ai demandé de l'aide à ma collègue, j'ai appelé le médecin et nous avons commencé le traitement rapidement.";

describe('scores follow substance across a whole interview (issue 12)', () => {
  it('scores an interview of one pasted story at most 4, and says the answer was repeated', async () => {
    for (const type of TYPES) {
      const { answers, summary } = await interview(nurseContext(type), () => STRONG_ANSWERS.nurse);
      expect(summary.overallScore, type).toBeLessThanOrEqual(4);
      expect(summary.headline, type).toMatch(/same answer/);
      for (const a of answers.slice(1)) {
        expect(a.evaluation.score, `${type} q${a.questionNumber}`).toBeLessThanOrEqual(4);
        expect(a.evaluation.weaknesses[0]?.point).toMatch(/answer you gave to question 1/);
      }
    }
  });

  it('scores an interview of keyword lists at most 3, and never praises one', async () => {
    const { answers, summary } = await interview(nurseContext(), () => 'NEWS2 ILS ALS triage sepsis escalation teamwork mentoring leadership communication');
    expect(summary.overallScore).toBeLessThanOrEqual(3);
    for (const a of answers) {
      expect(a.evaluation.score).toBeLessThanOrEqual(2);
      expect(a.evaluation.strengths).toEqual([]);
    }
  });

  it('flags French answers as not English, says a configured model can assess them, and does not judge them as thin English', async () => {
    const { answers, summary } = await interview(nurseContext(), () => FRENCH);
    for (const a of answers) {
      expect(a.evaluation.summary).toMatch(/French.*reads English only/);
      expect(a.evaluation.weaknesses.map((w) => w.point).join(' ')).not.toMatch(/never (?:directly )?addresses|No numbers/);
    }
    expect(summary.headline).toMatch(/not in English/);
  });

  it('counts numbers as results only when they measure something: identifiers, ages and grade names are not praised', async () => {
    const { value } = await client.evaluateAnswer({
      context: nurseContext(), questionNumber: 2, isFollowUp: false,
      question: { kind: 'behavioral', focus: 'incident response', text: 'Tell me about a time a patient deteriorated.' },
      answer: 'A 78-year-old gentleman in bay 7 on a NEWS2 of 5 became drowsy during a Band 6 shift. I assessed him with ABCDE, called the registrar and he went to HDU.',
    });
    expect(value.strengths.map((s) => s.point).join(' ')).not.toMatch(/quantified/);
  });

  it('never turns an admission into a strength or a named skill', async () => {
    const { value } = await client.evaluateAnswer({
      context: nurseContext(), questionNumber: 3, isFollowUp: false,
      question: { kind: 'skill', focus: 'triage', text: 'Tell me about your experience of triage using the Manchester Triage System.' },
      answer: "I haven't really done triage myself and I've never used the Manchester Triage System, but I did shadow the triage nurse for two shifts last year and I watched how she prioritised patients by their presenting complaint and observations. I then used the same priorities when my bay got busy.",
    });
    for (const s of value.strengths) expect(s.quote).not.toMatch(/haven't|never/);
    expect(value.strengths.map((s) => s.point).join(' ')).not.toMatch(/You named triage/);
  });
});

describe('questions without false premises (issue 12)', () => {
  const everyQuestion = async (context: InterviewContext) => (await interview(context, () => 'fine')).questions;

  it('quotes CV and job lines as whole phrases, never raw "|" lines, and asks exactly one closing question', async () => {
    for (const context of [softwareContext(), nurseContext(), CONTEXTS.sales, CONTEXTS.teaching]) {
      for (const type of TYPES) {
        const qs = await everyQuestion({ ...context, interviewType: type });
        expect(qs.filter((q) => q.kind === 'closing'), `${context.jobTitle}/${type}`).toHaveLength(1);
        for (const q of qs) {
          expect(q.text, q.text).not.toMatch(/\|/);
          for (const quote of q.text.match(/"([^"]+)"/g) ?? []) {
            expect(quote.split(/\s+/).length, quote).toBeLessThanOrEqual(18);
            expect(quote, quote).not.toMatch(/…/);
          }
        }
      }
    }
  });

  it('asks a gap probe only about what the CV really lacks, as an invitation', async () => {
    for (const context of [softwareContext(), nurseContext(), CONTEXTS.sales, CONTEXTS.finance, CONTEXTS.support]) {
      for (const q of (await everyQuestion(context)).filter((x) => x.kind === 'gap')) {
        expect(context.cvText.toLowerCase(), `${context.jobTitle}: ${q.text}`).not.toContain(q.focus.toLowerCase());
        expect(q.text).not.toMatch(/which I don't see|do you hold (?:GDPR|HIPAA)/);
      }
    }
  });

  it('asks a technical interview about the profession\'s craft: clinical scenarios for a nurse, deals and forecasts for a salesperson', async () => {
    const nurse = (await everyQuestion(nurseContext('technical'))).filter((q) => q.kind === 'technical').map((q) => q.text).join('\n');
    expect(nurse).toMatch(/patient|deteriorat|cardiac arrest|handover/i);
    expect(nurse).not.toMatch(/\b(?:API|deploy|balance sheet|income statement|software)\b/i);
    const sales = (await everyQuestion({ ...CONTEXTS.sales, interviewType: 'technical' })).filter((q) => q.kind === 'technical').map((q) => q.text).join('\n');
    expect(sales).toMatch(/deal|forecast/i);
    expect(sales).not.toMatch(/\b(?:API|deploy|balance sheet|code)\b/);
  });
});

describe('follow-ups a person would ask (issue 12)', () => {
  it('does not follow up a strong answer, and anchors a follow-up in the candidate\'s own words', async () => {
    const strong = await client.evaluateAnswer({
      context: softwareContext(), questionNumber: 2, isFollowUp: false,
      question: { kind: 'behavioral', focus: 'incident response', text: 'Tell me about a production incident you handled.' },
      answer: STRONG_ANSWERS.incident,
    });
    expect(strong.value.followUp).toBeNull();
    const answer = 'At Acme I was on call when payments started failing after a release. I checked the dashboards, rolled the release back and wrote the incident review the next day, and after that we added a migration check to the pipeline.';
    const middling = await client.evaluateAnswer({
      context: softwareContext(), questionNumber: 2, isFollowUp: false,
      question: { kind: 'behavioral', focus: 'incident response', text: 'Tell me about a production incident you handled.' },
      answer,
    });
    const followUp = middling.value.followUp ?? '';
    expect(followUp).not.toMatch(/One thing a strong answer covers/);
    expect(followUp).toMatch(/^(?:You (?:said|mentioned)|When you say) "/);
    expect(answer.toLowerCase()).toContain(/"([^"]+)"/.exec(followUp)![1]!.toLowerCase());
  });
});
