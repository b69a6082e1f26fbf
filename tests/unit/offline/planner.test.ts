import { Value } from '@sinclair/typebox/value';
import { describe, expect, it } from 'vitest';
import { analyseContext } from '../../../src/analysis/context-analysis.js';
import { createOfflineProvider } from '../../../src/ai/providers/offline.js';
import { PlannedQuestionSchema, type PlannedQuestion } from '../../../src/ai/schemas.js';
import type { AskedQuestion, InterviewContext } from '../../../src/interview/definitions.js';
import { nurseContext, softwareContext } from './samples.js';

const provider = createOfflineProvider();

async function planAll(context: InterviewContext, previous: AskedQuestion[] = []): Promise<PlannedQuestion[]> {
  const out: PlannedQuestion[] = [];
  for (let n = 1; n <= 8; n++) out.push(await provider.planQuestion({ context, questionNumber: n, previous }));
  return out;
}

/** Words that tie a question to this candidate and this job. */
function concreteTerms(context: InterviewContext): string[] {
  const a = analyseContext(context);
  return [
    context.companyName,
    context.jobTitle,
    ...a.job.skills.map((s) => s.name),
    ...a.cv.skills.map((s) => s.name),
    ...a.cv.roles.map((r) => r.company),
  ].filter(Boolean);
}

const kinds = (qs: PlannedQuestion[]) => qs.map((q) => q.kind);
const count = (qs: PlannedQuestion[], ...k: PlannedQuestion['kind'][]) => qs.filter((q) => k.includes(q.kind)).length;

describe('planQuestion: the 8-question plan', () => {
  it('plans 8 valid, distinct questions with distinct focuses', async () => {
    const qs = await planAll(softwareContext());
    expect(qs).toHaveLength(8);
    for (const q of qs) expect(Value.Check(PlannedQuestionSchema, q), JSON.stringify(q)).toBe(true);
    expect(new Set(qs.map((q) => q.text)).size).toBe(8);
    expect(new Set(qs.map((q) => q.focus.toLowerCase())).size).toBe(8);
  });

  it('opens on fit for this role at this company and ends with a closing question', async () => {
    const qs = await planAll(softwareContext());
    expect(qs[0]?.kind).toBe('opener');
    expect(qs[0]?.text).toContain('Brightwave Energy');
    expect(qs[0]?.text).toContain('Senior Backend Engineer');
    expect(qs[7]?.kind).toBe('closing');
    expect(qs[7]?.text).toMatch(/questions|anything/i);
  });

  it('gives a mixed interview its full shape', async () => {
    const qs = await planAll(softwareContext('mixed'));
    expect(kinds(qs)).toEqual(['opener', 'behavioral', 'skill', 'gap', 'behavioral', 'skill', 'motivation', 'closing']);
  });

  it('mentions something concrete from the CV or job in every question', async () => {
    for (const context of [softwareContext(), nurseContext()]) {
      const terms = concreteTerms(context).map((t) => t.toLowerCase());
      for (const q of await planAll(context)) {
        expect(terms.some((t) => q.text.toLowerCase().includes(t)), q.text).toBe(true);
      }
    }
  });

  it('digs into a CV achievement that uses a skill the job needs, naming the employer', async () => {
    const qs = await planAll(softwareContext());
    const deepDive = qs.find((q) => q.kind === 'skill' && q.text.includes('Cut p99 latency of the payments API by 40%'));
    expect(deepDive?.text).toContain('Acme Payments');
    expect(deepDive?.focus).toBe('Go');
  });

  it('probes a requirement the CV does not show', async () => {
    const gap = (await planAll(softwareContext())).find((q) => q.kind === 'gap');
    expect(gap?.focus).toBe('Kafka');
    // An invitation, not an accusation: the CV may simply not mention it.
    expect(gap?.text).toMatch(/Kafka.*I couldn't see it on your CV|Kafka.*your CV doesn't mention it/);
    expect(gap?.text).not.toMatch(/which I don't see/);
    expect(gap?.text).toContain('RabbitMQ');
  });

  it('asks behavioural questions aimed at the competencies the job names, quoting it', async () => {
    const behavioural = (await planAll(softwareContext())).filter((q) => q.kind === 'behavioral');
    expect(behavioural.map((q) => q.focus)).toEqual(['communication', 'ownership']);
    expect(behavioural[0]?.text).toContain('"Clear written and verbal communication"');
    expect(behavioural.every((q) => /situation.*did.*result/i.test(q.text))).toBe(true);
  });

  it('respects the interview type', async () => {
    const technical = await planAll(softwareContext('technical'));
    expect(count(technical, 'behavioral', 'motivation')).toBe(0);
    expect(count(technical, 'skill', 'technical', 'gap')).toBe(6);
    expect(count(technical, 'technical')).toBeGreaterThanOrEqual(1);

    const behavioural = await planAll(softwareContext('behavioral'));
    expect(count(behavioural, 'behavioral')).toBeGreaterThanOrEqual(3);
    expect(count(behavioural, 'technical')).toBe(0);
  });

  it('is deterministic and cached by content', async () => {
    const first = await planAll(softwareContext());
    const second = await planAll({ ...softwareContext() });
    expect(second).toEqual(first);
    const fresh = await planAll(JSON.parse(JSON.stringify(nurseContext())) as InterviewContext);
    expect(fresh).toEqual(await planAll(nurseContext()));
  });

  it('varies the wording between contexts', async () => {
    const openers = new Set<string>();
    for (const company of ['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Stark Industries', 'Wayne Enterprises', 'Cyberdyne']) {
      const [opener] = await planAll({ ...softwareContext(), companyName: company });
      openers.add((opener?.text ?? '').replace(company, '<company>'));
    }
    expect(openers.size).toBeGreaterThan(1);
  });

  it('skips a planned question that was already asked, without repeating a focus', async () => {
    const plan = await planAll(softwareContext());
    const asked: AskedQuestion[] = plan.slice(0, 3).map((q, i) => ({ questionNumber: i + 1, ...q }));
    const kafka = plan[3];
    asked.push({ questionNumber: 99, text: kafka?.text ?? '', kind: 'gap', focus: 'Kafka' });
    const next = await provider.planQuestion({ context: softwareContext(), questionNumber: 4, previous: asked });
    expect(next.text).not.toBe(kafka?.text);
    expect(asked.map((q) => q.focus.toLowerCase())).not.toContain(next.focus.toLowerCase());
    expect(Value.Check(PlannedQuestionSchema, next)).toBe(true);
  });

  it('plans concrete questions for a nurse, asking about certificates as certificates', async () => {
    const qs = await planAll(nurseContext());
    expect(qs[0]?.text).toContain("St Mary's Hospital");
    expect(qs.some((q) => q.kind === 'skill' && q.text.includes('NEWS2'))).toBe(true);
    const gap = qs.find((q) => q.kind === 'gap');
    expect(gap?.focus).toBe('Advanced Life Support');
    expect(gap?.text).toMatch(/Do you hold it/);
  });

  it('still plans 8 distinct, concrete questions from a thin context', async () => {
    const context: InterviewContext = { jobTitle: 'Product Manager', companyName: 'Initech', jobDescription: '', cvText: '', interviewType: 'mixed' };
    const qs = await planAll(context);
    expect(new Set(qs.map((q) => q.text)).size).toBe(8);
    for (const q of qs) {
      expect(Value.Check(PlannedQuestionSchema, q)).toBe(true);
      expect(q.text, q.text).toMatch(/Initech|Product Manager/);
    }
    expect(qs[0]?.kind).toBe('opener');
    expect(qs[7]?.kind).toBe('closing');
  });

  it('clamps an out-of-range question number', async () => {
    const plan = await planAll(softwareContext());
    expect(await provider.planQuestion({ context: softwareContext(), questionNumber: 12, previous: [] })).toEqual(plan[7]);
    expect(await provider.planQuestion({ context: softwareContext(), questionNumber: 0, previous: [] })).toEqual(plan[0]);
  });
});
