/**
 * Turning a model's text into a value the domain can trust: tolerate ```json fences and chatter
 * around the object, drop properties the schema doesn't know, then check it against the
 * intent's TypeBox schema. An unusable reply gets exactly one repair request (the validation
 * errors are sent back), after which the caller moves on to the next provider.
 */
import type { Static, TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { AiProviderError, isAiProviderError } from './provider-error.js';
import { renderPrompt } from './prompts/templates.js';
import type { CompletionRequest } from './remote-provider.js';

const MAX_ERRORS_REPORTED = 8;

/** Parses the JSON object in a model reply: bare, fenced (```json … ```) or surrounded by prose. */
export function extractJson(text: string): unknown {
  const trimmed = text.trim().replace(/^\uFEFF/, '');
  const fenced = /```(?:json|JSON)?\s*\n?([\s\S]*?)```/.exec(trimmed);
  const candidates = [fenced?.[1]?.trim(), trimmed];
  const first = trimmed.indexOf('{');
  const last = trimmed.lastIndexOf('}');
  if (first >= 0 && last > first) candidates.push(trimmed.slice(first, last + 1));
  let lastError: unknown;
  for (const candidate of candidates) {
    if (!candidate) continue;
    try {
      return JSON.parse(candidate);
    } catch (error) {
      lastError = error;
    }
  }
  throw new SyntaxError(`reply is not JSON (${(lastError as Error | undefined)?.message ?? 'empty reply'})`);
}

export type ReplyCheck<T> = { ok: true; value: T } | { ok: false; errors: string[] };

/** Parses and validates a reply; on failure, says what is wrong in terms a model can fix. */
export function checkReply<S extends TSchema>(schema: S, text: string): ReplyCheck<Static<S>> {
  let parsed: unknown;
  try {
    parsed = extractJson(text);
  } catch (error) {
    return { ok: false, errors: [(error as Error).message] };
  }
  const cleaned = Value.Clean(schema, Value.Clone(parsed));
  if (Value.Check(schema, cleaned)) return { ok: true, value: cleaned };
  const errors = [...Value.Errors(schema, cleaned)]
    .slice(0, MAX_ERRORS_REPORTED)
    .map((e) => `${e.path || '/'}: ${e.message}`);
  return { ok: false, errors: [...new Set(errors)] };
}

/** The conversation extended with the bad reply and a request to fix it. */
export function repairRequest(request: CompletionRequest, badReply: string, errors: readonly string[]): CompletionRequest {
  return {
    ...request,
    repair: true,
    messages: [
      ...request.messages,
      // An empty reply (blocked, refused) is not echoed: some APIs reject empty messages.
      ...(badReply.trim() ? [{ role: 'assistant' as const, content: badReply.slice(0, 8000) }] : []),
      { role: 'user', content: renderPrompt('repair', { errors: errors.map((e) => `- ${e}`).join('\n') }) },
    ],
  };
}

export interface StructuredResult<T> {
  value: T;
  repaired: boolean;
}

/**
 * Sends `request`, validates the reply, and asks once for a corrected reply if it is unusable.
 * `send` carries the transport (and, in the AI client, its retries and timeouts).
 */
export async function completeStructured<S extends TSchema>(
  provider: string,
  schema: S,
  request: CompletionRequest,
  send: (request: CompletionRequest) => Promise<string>,
): Promise<StructuredResult<Static<S>>> {
  const first = await sendAndCheck(schema, request, send);
  if (first.check.ok) return { value: first.check.value, repaired: false };
  const second = await sendAndCheck(schema, repairRequest(request, first.reply, first.check.errors), send);
  if (second.check.ok) return { value: second.check.value, repaired: true };
  throw new AiProviderError(
    provider,
    'invalid_reply',
    `reply did not match the ${request.schemaName} schema after one repair: ${second.check.errors.slice(0, 3).join('; ')}`,
  );
}

/** An empty or refused reply is treated like an invalid one: it gets the repair request too. */
async function sendAndCheck<S extends TSchema>(
  schema: S,
  request: CompletionRequest,
  send: (request: CompletionRequest) => Promise<string>,
): Promise<{ reply: string; check: ReplyCheck<Static<S>> }> {
  try {
    const reply = await send(request);
    return { reply, check: checkReply(schema, reply) };
  } catch (error) {
    if (isAiProviderError(error) && error.kind === 'invalid_reply') return { reply: '', check: { ok: false, errors: [error.message] } };
    throw error;
  }
}
