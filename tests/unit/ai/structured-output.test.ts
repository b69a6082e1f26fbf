import { describe, expect, it } from 'vitest';
import { PlannedQuestionSchema } from '../../../src/ai/schemas.js';
import { checkReply, completeStructured, extractJson } from '../../../src/ai/structured-output.js';
import { AiProviderError } from '../../../src/ai/provider-error.js';
import type { CompletionRequest } from '../../../src/ai/remote-provider.js';

const good = { text: 'Tell me about a time you led a migration.', kind: 'behavioral', focus: 'leadership' };

const request: CompletionRequest = {
  intent: 'planQuestion',
  schemaName: 'planned_question',
  schema: PlannedQuestionSchema,
  system: 'system',
  messages: [{ role: 'user', content: 'plan a question' }],
};

describe('extractJson', () => {
  it('reads bare, fenced and chatty replies', () => {
    expect(extractJson(JSON.stringify(good))).toEqual(good);
    expect(extractJson('```json\n' + JSON.stringify(good) + '\n```')).toEqual(good);
    expect(extractJson('```\n' + JSON.stringify(good) + '\n```')).toEqual(good);
    expect(extractJson('Sure! Here it is:\n' + JSON.stringify(good) + '\nHope that helps.')).toEqual(good);
  });

  it('says when there is no JSON', () => {
    expect(() => extractJson('I cannot help with that')).toThrow(/not JSON/);
    expect(() => extractJson('{"text": "cut off')).toThrow(/not JSON/);
    expect(() => extractJson('')).toThrow(/not JSON/);
  });
});

describe('checkReply', () => {
  it('accepts a valid reply and drops properties the schema does not know', () => {
    const result = checkReply(PlannedQuestionSchema, JSON.stringify({ ...good, confidence: 0.9 }));
    expect(result).toEqual({ ok: true, value: good });
  });

  it('lists what is wrong, by path', () => {
    const result = checkReply(PlannedQuestionSchema, JSON.stringify({ text: 'short', kind: 'chat' }));
    expect(result.ok).toBe(false);
    const errors = (result as { errors: string[] }).errors.join('\n');
    expect(errors).toMatch(/\/text/);
    expect(errors).toMatch(/\/focus/);
  });
});

describe('completeStructured', () => {
  it('returns a valid first reply without a repair', async () => {
    const sent: CompletionRequest[] = [];
    const result = await completeStructured('fake', PlannedQuestionSchema, request, async (r) => {
      sent.push(r);
      return JSON.stringify(good);
    });
    expect(result).toEqual({ value: good, repaired: false });
    expect(sent).toHaveLength(1);
  });

  it('sends the validation errors back once and accepts the corrected reply', async () => {
    const replies = ['{"text": "short"}', JSON.stringify(good)];
    const sent: CompletionRequest[] = [];
    const result = await completeStructured('fake', PlannedQuestionSchema, request, async (r) => {
      sent.push(r);
      return replies.shift()!;
    });
    expect(result).toEqual({ value: good, repaired: true });
    expect(sent).toHaveLength(2);
    const repair = sent[1]!;
    expect(repair.repair).toBe(true);
    expect(repair.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
    expect(repair.messages[1]!.content).toBe('{"text": "short"}');
    expect(repair.messages[2]!.content).toMatch(/\/focus/);
    expect(repair.messages[2]!.content).toMatch(/corrected JSON/);
  });

  it('gives up after one repair with an invalid_reply error', async () => {
    let calls = 0;
    const run = completeStructured('fake', PlannedQuestionSchema, request, async () => {
      calls++;
      return 'not json at all';
    });
    await expect(run).rejects.toMatchObject({ name: 'AiProviderError', kind: 'invalid_reply', retryable: false });
    expect(calls).toBe(2);
  });

  it('treats an empty or refused reply as invalid (repairable), but passes other failures through', async () => {
    const replies: Array<string | Error> = [new AiProviderError('fake', 'invalid_reply', 'empty reply (SAFETY)'), JSON.stringify(good)];
    const sent: CompletionRequest[] = [];
    const result = await completeStructured('fake', PlannedQuestionSchema, request, async (r) => {
      sent.push(r);
      const next = replies.shift()!;
      if (next instanceof Error) throw next;
      return next;
    });
    expect(result.repaired).toBe(true);
    // The empty reply is not echoed back as an (empty) assistant message.
    expect(sent[1]!.messages.map((m) => m.role)).toEqual(['user', 'user']);

    const failing = completeStructured('fake', PlannedQuestionSchema, request, async () => {
      throw new AiProviderError('fake', 'server', '503');
    });
    await expect(failing).rejects.toMatchObject({ kind: 'server' });
  });
});
