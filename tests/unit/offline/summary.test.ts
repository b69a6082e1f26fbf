import { Value } from '@sinclair/typebox/value';
import { describe, expect, it } from 'vitest';
import { createOfflineProvider } from '../../../src/ai/providers/offline.js';
import { InterviewSummarySchema, type InterviewSummary } from '../../../src/ai/schemas.js';
import type { AnsweredQuestion } from '../../../src/ai/types.js';
import type { InterviewContext } from '../../../src/interview/definitions.js';
import { nurseContext, softwareContext, STRONG_ANSWERS, VAGUE_ANSWER } from './samples.js';

const provider = createOfflineProvider();

/** Strong answers to the software sample's planned mixed interview, in question order. */
const STRONG_INTERVIEW = [
  `I'm interested in the Senior Backend Engineer role at Brightwave Energy because I want my work to help households cut their energy bills. For the last four years at Acme Payments I have owned high-traffic Python and Go services on AWS, and I led the migration of 30 services to Kubernetes. I want to bring that reliability focus to your billing platform.`,
  `At Acme Payments last year, our finance team kept misreading the settlement dashboard and sent merchants the wrong payout figures twice in one month. My task was to explain how the settlement pipeline worked to people without an engineering background. I wrote a two-page explainer with diagrams, ran a 45-minute walkthrough for the 8 people in finance, and I added plain-English labels to the Grafana dashboard. As a result, payout queries from finance dropped by 70% over the next quarter and we had zero misreported payouts after that.`,
  `At Northwind Logistics in 2019, the shipment-tracking API I built in Python with Django was serving 2M requests a day and PostgreSQL CPU sat at 90% at peak. My task was to keep p95 under 300 ms without a rewrite. I decided against a NoSQL store, profiled the slowest endpoints, added two composite indexes and I introduced read replicas for the tracking lookups. As a result, database CPU fell to 45%, p95 dropped from 700 ms to 220 ms, and the API handled peak traffic three times higher than normal with no incidents.`,
  `I haven't used Kafka in production, but at Acme Payments I ran RabbitMQ for our payment events, so I know consumer groups, retries and dead-letter queues. Last year I built a small Kafka prototype over two weeks to compare it with RabbitMQ, and I measured throughput of around 50,000 messages per second. In my first month I would pair with the team on the billing consumers, read the runbooks, and then take on a consumer change myself.`,
  `At Northwind Logistics in 2020, our nightly reporting jobs failed about twice a week and nobody owned them, so operations lost half a day each time. I decided to take ownership even though it was not my team's code. I traced the failures to PostgreSQL lock contention, rewrote the two worst jobs as idempotent batches, and I added alerting so failures paged me rather than the ops team. As a result, failures dropped from eight a month to zero over the next quarter, and operations got back about 16 hours a month.`,
  STRONG_ANSWERS.latency,
  `The role involves building event-driven billing services, and that is exactly the kind of work I enjoy because reliability decides whether people are billed correctly. Brightwave Energy's mission of helping 500,000 households switch to renewable tariffs matters to me. Over the next few years I want to grow into a staff engineer who shapes the event architecture.`,
  `What does success look like for this role in the first 90 days? How does the team split on-call between billing and platform services? I'd also add that I led the migration of 30 services to AWS, finishing 2 weeks ahead of schedule, which seems relevant to your platform work.`,
];

async function runInterview(context: InterviewContext, answerFor: (n: number) => string, followUps = false): Promise<{ answers: AnsweredQuestion[]; summary: InterviewSummary }> {
  const answers: AnsweredQuestion[] = [];
  for (let n = 1; n <= 8; n++) {
    const q = await provider.planQuestion({ context, questionNumber: n, previous: answers.map((a) => ({ questionNumber: a.questionNumber, text: a.question, kind: a.kind, focus: a.focus })) });
    const answer = answerFor(n);
    const evaluation = await provider.evaluateAnswer({ context, questionNumber: n, question: q, answer, isFollowUp: false });
    const row: AnsweredQuestion = { questionNumber: n, question: q.text, kind: q.kind, focus: q.focus, answer, evaluation };
    if (followUps && evaluation.followUp) {
      const fuAnswer = 'fine';
      const fuEval = await provider.evaluateAnswer({ context, questionNumber: n, question: { text: evaluation.followUp, kind: 'follow_up', focus: q.focus }, answer: fuAnswer, isFollowUp: true });
      row.followUp = { question: evaluation.followUp, answer: fuAnswer, evaluation: fuEval };
    }
    answers.push(row);
  }
  return { answers, summary: await provider.summarizeInterview({ context, answers }) };
}

function expectValidSummary(summary: InterviewSummary, answers: AnsweredQuestion[]): void {
  expect(Value.Check(InterviewSummarySchema, summary), JSON.stringify([...Value.Errors(InterviewSummarySchema, summary)][0])).toBe(true);
  for (const p of [...summary.strengths, ...summary.weaknesses]) {
    const a = answers.find((x) => x.questionNumber === p.questionNumber);
    if (p.quote) expect(`${a?.answer}\n${a?.followUp?.answer ?? ''}`.includes(p.quote), p.quote).toBe(true);
  }
}

describe('summarizeInterview', () => {
  it('scores an all-"fine" interview at most 2, with no strengths', async () => {
    const { answers, summary } = await runInterview(softwareContext(), () => 'fine', true);
    expectValidSummary(summary, answers);
    expect(summary.overallScore).toBeLessThanOrEqual(2);
    expect(summary.strengths).toEqual([]);
    expect(summary.weaknesses[0]?.point).toMatch(/non-answer/);
    expect(summary.headline).toMatch(/Not yet interview-ready/);
  });

  it('scores a strong interview 7 or more and quotes its strengths', async () => {
    const { answers, summary } = await runInterview(softwareContext(), (n) => STRONG_INTERVIEW[n - 1] ?? '');
    expectValidSummary(summary, answers);
    expect(summary.overallScore).toBeGreaterThanOrEqual(7);
    expect(summary.strengths.length).toBeGreaterThanOrEqual(3);
    expect(summary.strengths.every((s) => s.quote.length > 0)).toBe(true);
    expect(summary.headline).toMatch(/^Strong interview/);
  });

  it('puts a mixed interview between the two', async () => {
    const { summary } = await runInterview(softwareContext(), (n) => (n % 2 === 0 ? VAGUE_ANSWER : STRONG_INTERVIEW[n - 1] ?? ''));
    expect(summary.overallScore).toBeGreaterThanOrEqual(4);
    expect(summary.overallScore).toBeLessThanOrEqual(7);
  });

  it('counts a question at the better of its answer and follow-up, as the feedback and progress pages do', async () => {
    const strong = await runInterview(softwareContext(), (n) => STRONG_INTERVIEW[n - 1] ?? '');
    // A poor follow-up does not pull a question down…
    const lowered = strong.answers.map((a) => ({ ...a, followUp: { question: 'And then?', answer: 'fine', evaluation: { ...a.evaluation, score: 1 } } }));
    expect((await provider.summarizeInterview({ context: softwareContext(), answers: lowered })).overallScore).toBe(strong.summary.overallScore);
    // …and a strong follow-up to a weak answer lifts it to the follow-up's score.
    const weak = await runInterview(softwareContext(), () => 'I worked on lots of things with the team and it went fine overall, nothing special to report really.');
    const lifted = weak.answers.map((a) => ({ ...a, followUp: { question: 'And then?', answer: 'x', evaluation: { ...a.evaluation, score: 8 } } }));
    const after = await provider.summarizeInterview({ context: softwareContext(), answers: lifted });
    expect(after.overallScore).toBe(8);
    expect(after.overallScore).toBeGreaterThan(weak.summary.overallScore);
  });

  it('gives CV tips grounded in the job description', async () => {
    const { summary } = await runInterview(softwareContext(), () => 'fine');
    const tips = summary.cvTips;
    const kafka = tips.find((t) => t.tip.includes('Kafka'));
    expect(kafka?.evidence).toContain('Hands-on experience with Kafka or similar event-streaming platforms');
    const bullet = tips.find((t) => t.evidence.includes('Worked on the internal admin dashboard'));
    expect(bullet?.tip).toMatch(/outcome/);
    expect(tips.some((t) => t.tip.includes('"Kubernetes"') && t.tip.includes('"k8s"'))).toBe(true);
    expect(tips.some((t) => /very short/.test(t.tip))).toBe(true);
  });

  it('credits a requirement the candidate demonstrated in an answer', async () => {
    const { summary } = await runInterview(softwareContext(), (n) => STRONG_INTERVIEW[n - 1] ?? '');
    const kafka = summary.cvTips.find((t) => t.tip.includes('Kafka'));
    expect(kafka?.tip).toMatch(/you showed it in question 4; add it to your CV/);
  });

  it('gives nursing CV tips about missing certificates and sections', async () => {
    const { answers, summary } = await runInterview(nurseContext(), () => 'I do not know.');
    expectValidSummary(summary, answers);
    expect(summary.cvTips.some((t) => t.tip.includes('Advanced Life Support') && t.evidence.includes('Immediate Life Support (ILS)'))).toBe(true);
    expect(summary.cvTips.find((t) => t.tip.includes('Advanced Life Support'))?.tip).toMatch(/list it under certifications .*Basic Life Support/);
    expect(summary.cvTips.some((t) => t.evidence.includes('Responsible for discharge planning with families and social workers'))).toBe(true);
    expect(summary.cvTips.some((t) => t.tip === 'Add a clearly headed skills section.')).toBe(true);
  });

  it('drops quotes another provider invented and handles an empty interview', async () => {
    const { answers } = await runInterview(softwareContext(), (n) => STRONG_INTERVIEW[n - 1] ?? '');
    const tampered = answers.map((a) => ({ ...a, evaluation: { ...a.evaluation, strengths: [{ point: 'Invented praise.', quote: 'words never said' }] } }));
    const summary = await provider.summarizeInterview({ context: softwareContext(), answers: tampered });
    expect(summary.strengths).toEqual([]);
    const empty = await provider.summarizeInterview({ context: softwareContext(), answers: [] });
    expect(Value.Check(InterviewSummarySchema, empty)).toBe(true);
    expect(empty.overallScore).toBe(1);
  });

  it('is deterministic', async () => {
    const { answers, summary } = await runInterview(nurseContext(), (n) => (n === 2 ? STRONG_ANSWERS.nurse : VAGUE_ANSWER));
    expect(await provider.summarizeInterview({ context: nurseContext(), answers: structuredClone(answers) })).toEqual(summary);
  });
});
