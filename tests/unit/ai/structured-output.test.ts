import { describe, expect, it } from 'vitest';
import { PlannedQuestionReplySchema } from '../../../src/ai/schemas.js';
import { checkReply, completeStructured } from '../../../src/ai/structured-output.js';
import { AiProviderError } from '../../../src/ai/provider-error.js';
import { prepareRequest, type CompletionRequest } from '../../../src/ai/remote-provider.js';
import type { PlanQuestionInput } from '../../../src/ai/types.js';
import type { InterviewContext } from '../../../src/interview/definitions.js';

const context: InterviewContext = {
  jobTitle: 'Backend Engineer',
  companyName: 'Northwind',
  jobDescription: 'Requirements:\n- Node.js\n- PostgreSQL',
  cvText: 'Alex Morgan, backend engineer. Node.js, PostgreSQL.',
  interviewType: 'mixed',
};
const input: PlanQuestionInput = {
  context,
  questionNumber: 2,
  previous: [{ questionNumber: 1, text: 'Walk me through your background and why this role at Northwind.', kind: 'opener', focus: 'introduction' }],
};
const good = { text: 'Tell me about a time you led a migration.', focus: 'leadership', keyPoints: null, bankId: null };
const request: CompletionRequest = prepareRequest('planQuestion', input);

describe('checkReply', () => {
  it('accepts a valid reply and drops properties the schema does not know', () => {
    const result = checkReply(PlannedQuestionReplySchema, JSON.stringify({ ...good, confidence: 0.9 }));
    expect(result).toEqual({ ok: true, value: good });
  });

  it('lists what is wrong, by path', () => {
    const result = checkReply(PlannedQuestionReplySchema, JSON.stringify({ text: 'short' }));
    expect(result.ok).toBe(false);
    expect((result as { errors: string[] }).errors.join('\n')).toMatch(/\/text/);
  });

  it("adds the intent's own rules to the schema's", () => {
    const result = checkReply(PlannedQuestionReplySchema, JSON.stringify(good), () => ['/text: repeats question 1']);
    expect(result).toEqual({ ok: false, errors: ['/text: repeats question 1'] });
  });
});

describe('completeStructured', () => {
  it('returns a valid first reply without a repair, with the kind taken from the slot, not the model', async () => {
    const sent: CompletionRequest[] = [];
    const result = await completeStructured('fake', 'planQuestion', input, request, async (r) => {
      sent.push(r);
      return JSON.stringify({ ...good, kind: 'closing' });
    });
    expect(result).toEqual({ value: { text: good.text, kind: 'behavioral', focus: 'leadership' }, repaired: false, truncated: false });
    expect(sent).toHaveLength(1);
    expect(sent[0]!.temperature).toBeGreaterThan(0);
    expect(sent[0]!.maxOutputTokens).toBeGreaterThan(0);
  });

  it('sends the validation errors back once and accepts the corrected reply', async () => {
    const replies = ['{"text": "short"}', JSON.stringify(good)];
    const sent: CompletionRequest[] = [];
    const result = await completeStructured('fake', 'planQuestion', input, request, async (r) => {
      sent.push(r);
      return replies.shift()!;
    });
    expect(result.repaired).toBe(true);
    expect(sent).toHaveLength(2);
    const repair = sent[1]!;
    expect(repair.repair).toBe(true);
    expect(repair.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
    expect(repair.messages[1]!.content).toBe('{"text": "short"}');
    expect(repair.messages[2]!.content).toMatch(/\/text/);
    expect(repair.messages[2]!.content).toMatch(/corrected JSON/);
  });

  it('sends a question that repeats an earlier one back as a repair', async () => {
    const replies = [JSON.stringify({ ...good, text: 'Walk me through your background, and why this role at Northwind?' }), JSON.stringify(good)];
    const sent: CompletionRequest[] = [];
    const result = await completeStructured('fake', 'planQuestion', input, request, async (r) => {
      sent.push(r);
      return replies.shift()!;
    });
    expect(result.value.text).toBe(good.text);
    expect(sent[1]!.messages.at(-1)!.content).toMatch(/repeats question 1/);
  });

  it('does not accept a reply cut off at the length limit: asks again with more room', async () => {
    const replies = [{ text: JSON.stringify(good).slice(0, 40), truncated: true }, { text: JSON.stringify(good), truncated: false }];
    const sent: CompletionRequest[] = [];
    const result = await completeStructured('fake', 'planQuestion', input, request, async (r) => {
      sent.push(r);
      return replies.shift()!;
    });
    expect(result).toMatchObject({ repaired: true, truncated: true });
    expect(sent[1]!.messages.at(-1)!.content).toMatch(/cut off at the length limit/);
    expect(sent[1]!.maxOutputTokens).toBeGreaterThan(sent[0]!.maxOutputTokens);
  });

  it('gives up after one repair with an invalid_reply error', async () => {
    let calls = 0;
    const run = completeStructured('fake', 'planQuestion', input, request, async () => {
      calls++;
      return 'not json at all';
    });
    await expect(run).rejects.toMatchObject({ name: 'AiProviderError', kind: 'invalid_reply', retryable: false });
    expect(calls).toBe(2);
  });

  it('treats an empty or refused reply as invalid (repairable), but passes other failures through', async () => {
    const replies: Array<string | Error> = [new AiProviderError('fake', 'invalid_reply', 'empty reply (SAFETY)'), JSON.stringify(good)];
    const sent: CompletionRequest[] = [];
    const result = await completeStructured('fake', 'planQuestion', input, request, async (r) => {
      sent.push(r);
      const next = replies.shift()!;
      if (next instanceof Error) throw next;
      return next;
    });
    expect(result.repaired).toBe(true);
    // The empty reply is not echoed back as an (empty) assistant message.
    expect(sent[1]!.messages.map((m) => m.role)).toEqual(['user', 'user']);

    const failing = completeStructured('fake', 'planQuestion', input, request, async () => {
      throw new AiProviderError('fake', 'server', '503');
    });
    await expect(failing).rejects.toMatchObject({ kind: 'server' });
  });
});
