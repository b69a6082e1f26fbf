/**
 * Turning a model's text into a value the domain can trust: the tolerant reader repairs and
 * coerces it (reply-reader.ts), properties the schema doesn't know are dropped, then it is
 * checked against the intent's reply schema and the intent's own rules. A reply that is still
 * unusable — or was cut off at the length limit — gets exactly one repair request (what is
 * wrong is sent back), after which the caller moves on to the next provider.
 */
import { messageOf } from '../errors.js';
import type { TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { intentOf, type IntentInputs, type IntentName, type IntentOutputs } from './intents.js';
import { AiProviderError, isAiProviderError } from './provider-error.js';
import { renderPrompt } from './prompts/templates.js';
import { readReply } from './reply-reader.js';
import type { CompletionRequest, CompletionResult } from './completion.js';

const MAX_ERRORS_REPORTED = 8;

export type ReplyCheck<T> = { ok: true; value: T } | { ok: false; errors: string[] };

/** Reads and validates a reply; on failure, says what is wrong in terms a model can fix. */
export function checkReply<T = unknown>(schema: TSchema, text: string, problems?: (value: T) => string[]): ReplyCheck<T> {
  let read: unknown;
  try {
    read = readReply(schema, text);
  } catch (error) {
    return { ok: false, errors: [messageOf(error)] };
  }
  const cleaned = Value.Clean(schema, Value.Clone(read));
  if (!Value.Check(schema, cleaned)) {
    const errors = [...Value.Errors(schema, cleaned)].slice(0, MAX_ERRORS_REPORTED).map((e) => `${e.path || '/'}: ${e.message}`);
    return { ok: false, errors: [...new Set(errors)] };
  }
  const found = problems?.(cleaned as T) ?? [];
  return found.length > 0 ? { ok: false, errors: found } : { ok: true, value: cleaned as T };
}

const CUT_OFF = 'Your reply was cut off at the length limit. Keep every text field shorter.';

/** The conversation extended with the bad reply and a request to fix it. */
function repairRequest(request: CompletionRequest, badReply: string, errors: readonly string[], truncated = false): CompletionRequest {
  const list = [...(truncated ? [CUT_OFF] : []), ...errors].map((e) => `- ${e}`).join('\n');
  return {
    ...request,
    repair: true,
    // A cut-off reply gets room to finish the second time.
    ...(truncated ? { maxOutputTokens: Math.round(request.maxOutputTokens * 1.5) } : {}),
    messages: [
      ...request.messages,
      // An empty reply (blocked, refused) is not echoed: some APIs reject empty messages.
      ...(badReply.trim() ? [{ role: 'assistant' as const, content: badReply.slice(0, 8000) }] : []),
      { role: 'user', content: renderPrompt('repair', { errors: list }) },
    ],
  };
}

export interface StructuredResult<T> {
  value: T;
  repaired: boolean;
  /** A reply was cut off at the length limit on the way (the repair then succeeded). */
  truncated: boolean;
}

/** The model's text, whether a transport returned it bare or with its finish details. */
const asResult = (reply: string | CompletionResult): CompletionResult => (typeof reply === 'string' ? { text: reply, truncated: false } : reply);

/**
 * Sends `request`, reads and validates the reply, and asks once for a corrected reply if it is
 * unusable. `send` carries the transport (and, in the AI client, its retries and timeouts).
 */
export async function completeStructured<I extends IntentName>(
  provider: string,
  intent: I,
  input: IntentInputs[I],
  request: CompletionRequest,
  send: (request: CompletionRequest) => Promise<string | CompletionResult>,
): Promise<StructuredResult<IntentOutputs[I]>> {
  const definition = intentOf(intent);
  const check = (text: string) => checkReply(definition.replySchema, text, (value) => definition.problems?.(input, value as never) ?? []);
  const first = await sendAndCheck(check, request, send);
  if (first.check.ok && !first.truncated) return { value: definition.fromReply(input, first.check.value as never), repaired: false, truncated: false };
  const errors = first.check.ok ? [] : first.check.errors;
  const second = await sendAndCheck(check, repairRequest(request, first.reply, errors, first.truncated), send);
  // A second cut-off reply that still reads whole is used: the model cannot do better.
  if (second.check.ok) return { value: definition.fromReply(input, second.check.value as never), repaired: true, truncated: first.truncated || second.truncated };
  throw new AiProviderError(
    provider,
    'invalid_reply',
    `reply did not match the ${request.schemaName} schema after one repair${second.truncated ? ' (cut off at the length limit)' : ''}: ${second.check.errors.slice(0, 3).join('; ')}`,
  );
}

/** An empty or refused reply is treated like an invalid one: it gets the repair request too. */
async function sendAndCheck(
  check: (text: string) => ReplyCheck<unknown>,
  request: CompletionRequest,
  send: (request: CompletionRequest) => Promise<string | CompletionResult>,
): Promise<{ reply: string; truncated: boolean; check: ReplyCheck<unknown> }> {
  try {
    const { text, truncated } = asResult(await send(request));
    return { reply: text, truncated: truncated === true, check: check(text) };
  } catch (error) {
    if (isAiProviderError(error) && error.kind === 'invalid_reply') return { reply: '', truncated: false, check: { ok: false, errors: [error.message] } };
    throw error;
  }
}
