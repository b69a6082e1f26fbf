/**
 * Any OpenAI-compatible chat-completions server through the `openai` SDK (6.x): OpenRouter by
 * default, or Ollama, llama.cpp, LM Studio, vLLM… via OPENAI_BASE_URL (a local server needs no
 * key). Structured output depends on what the server supports (OPENAI_JSON_MODE):
 *   schema — response_format json_schema (strict), the schema in OpenAI's strict dialect;
 *   object — response_format json_object, the schema given in the system prompt;
 *   prompt — no response_format at all, the schema given in the system prompt.
 * SDK retries are off (maxRetries: 0) so the AI client counts every attempt once. A reply that
 * someone watches (the interview turn) is streamed; a reply cut off at max_tokens
 * (finish_reason "length") is reported as truncated. OpenRouter is told who we are
 * (HTTP-Referer, X-Title) and, when a schema is sent, to route only to providers that honour
 * it (provider.require_parameters).
 */
import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import type { ChatCompletionCreateParamsNonStreaming, ChatCompletionCreateParamsStreaming } from 'openai/resources/chat/completions';
import type { OpenAiJsonMode } from '../../config.js';
import {
  AiProviderError,
  isAbortError,
  isNetworkFailure,
  kindOfStatus,
  parseRetryAfter,
  scrub,
} from '../provider-error.js';
import type { PromptLimits } from '../prompts/build.js';
import { renderPrompt } from '../prompts/templates.js';
import { createRemoteProvider, type CompletionRequest, type CompletionResult, type ProviderTimeouts, type RemoteAiProvider } from '../remote-provider.js';
import { plainJsonSchema, toOpenAiStrictSchema } from '../schema-dialects.js';
import { messageOf } from '../../errors.js';

export interface OpenAiCompatibleOptions {
  /** null for servers that take no key (a local Ollama, llama.cpp…). */
  apiKey: string | null;
  /** The variable the key came from, for operator messages. */
  apiKeyVariable?: string;
  baseUrl: string;
  model: string;
  jsonMode?: OpenAiJsonMode;
  promptLimits?: PromptLimits;
  /** This provider's timeouts (a server on localhost gets longer ones); absent: the client's defaults. */
  timeouts?: ProviderTimeouts;
  /** Sent to OpenRouter as HTTP-Referer (the app's public address). */
  appUrl?: string;
  /** Replaces global fetch (tests, instrumentation). */
  fetch?: typeof fetch;
}

const NAME = 'openai';
const LABEL = 'The OpenAI-compatible server';

export function createOpenAiCompatibleProvider(options: OpenAiCompatibleOptions): RemoteAiProvider {
  const { apiKey, model, baseUrl } = options;
  const jsonMode = options.jsonMode ?? 'schema';
  const keyVariable = options.apiKeyVariable ?? 'OPENAI_API_KEY';
  const openRouter = /openrouter\.ai/i.test(baseUrl);
  // OpenAI's own API has replaced max_tokens with max_completion_tokens (reasoning models
  // reject the old name); every other compatible server reads max_tokens.
  const openAiItself = /^https?:\/\/api\.openai\.com(\/|:|$)/i.test(baseUrl);
  const client = new OpenAI({
    // The SDK insists on a key; with none, the Authorization header is removed instead.
    apiKey: apiKey ?? 'no-key',
    baseURL: baseUrl,
    maxRetries: 0,
    defaultHeaders: {
      ...(apiKey ? {} : { Authorization: null }),
      // OpenRouter shows the app on its dashboard by these, instead of "unknown app".
      ...(openRouter ? { 'X-Title': 'Rehearse', 'HTTP-Referer': options.appUrl ?? 'http://localhost' } : {}),
    },
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const strictSchemas = new Map<string, Record<string, unknown>>();
  const instructions = new Map<string, string>();

  function responseFormat(request: CompletionRequest): ChatCompletionCreateParamsNonStreaming['response_format'] {
    if (jsonMode === 'object') return { type: 'json_object' };
    if (jsonMode === 'prompt') return undefined;
    let schema = strictSchemas.get(request.schemaName);
    if (!schema) strictSchemas.set(request.schemaName, (schema = toOpenAiStrictSchema(request.schema)));
    return { type: 'json_schema', json_schema: { name: request.schemaName, schema, strict: true } };
  }

  function systemPrompt(request: CompletionRequest): string {
    if (jsonMode === 'schema') return request.system;
    let extra = instructions.get(request.schemaName);
    if (!extra) {
      extra = renderPrompt('json-only', { schema: JSON.stringify(plainJsonSchema(request.schema)) });
      instructions.set(request.schemaName, extra);
    }
    return `${request.system}\n\n${extra}`;
  }

  function toProviderError(error: unknown): AiProviderError {
    if (error instanceof AiProviderError) return error;
    if (error instanceof APIUserAbortError || isAbortError(error)) return new AiProviderError(NAME, 'aborted', 'request aborted');
    if (error instanceof APIConnectionTimeoutError) return new AiProviderError(NAME, 'timeout', 'request timed out');
    if (error instanceof APIConnectionError) {
      return new AiProviderError(NAME, 'network', scrub(`${error.message} ${error.cause instanceof Error ? error.cause.message : ''}`.trim(), [apiKey]));
    }
    if (error instanceof APIError && typeof error.status === 'number') {
      return new AiProviderError(NAME, kindOfStatus(error.status), scrub(error.message, [apiKey]), error.status, parseRetryAfter(error.headers));
    }
    const message = scrub(messageOf(error), [apiKey]);
    if (isNetworkFailure(error)) return new AiProviderError(NAME, 'network', message);
    // A 200 whose body isn't JSON (a proxy's HTML page): the server side is broken.
    if (error instanceof SyntaxError) return new AiProviderError(NAME, 'server', `unreadable response: ${message}`);
    return new AiProviderError(NAME, 'unknown', message);
  }

  function params(request: CompletionRequest): ChatCompletionCreateParamsNonStreaming {
    const format = responseFormat(request);
    return {
      model,
      messages: [{ role: 'system', content: systemPrompt(request) }, ...request.messages],
      temperature: request.temperature,
      ...(openAiItself ? { max_completion_tokens: request.maxOutputTokens } : { max_tokens: request.maxOutputTokens }),
      ...(format ? { response_format: format } : {}),
      // OpenRouter would otherwise route to a provider that ignores response_format.
      ...(openRouter && format?.type === 'json_schema' ? ({ provider: { require_parameters: true } } as object) : {}),
    };
  }

  function finished(text: string | null | undefined, finishReason: string | null | undefined, refusal?: string | null): CompletionResult {
    if (refusal) throw new AiProviderError(NAME, 'invalid_reply', `the model refused: ${refusal.slice(0, 200)}`);
    if (!text?.trim()) throw new AiProviderError(NAME, 'invalid_reply', `empty reply (finish reason ${finishReason ?? 'none'})`);
    return { text, truncated: finishReason === 'length' };
  }

  async function complete(request: CompletionRequest, signal: AbortSignal): Promise<CompletionResult> {
    try {
      if (!request.onText) {
        const completion = await client.chat.completions.create(params(request), { signal });
        const choice = completion.choices?.[0];
        return finished(choice?.message?.content, choice?.finish_reason, choice?.message?.refusal);
      }
      const streamed: ChatCompletionCreateParamsStreaming = { ...params(request), stream: true };
      const stream = await client.chat.completions.create(streamed, { signal });
      let text = '';
      let refusal = '';
      let finishReason: string | null = null;
      for await (const chunk of stream) {
        const choice = chunk.choices?.[0];
        if (!choice) continue;
        if (choice.delta?.refusal) refusal += choice.delta.refusal;
        if (choice.delta?.content) {
          text += choice.delta.content;
          request.onText(text);
        }
        if (choice.finish_reason) finishReason = choice.finish_reason;
      }
      return finished(text, finishReason, refusal || null);
    } catch (error) {
      throw toProviderError(error);
    }
  }

  function operatorMessage(error: AiProviderError): string | undefined {
    switch (error.kind) {
      case 'auth':
        return `${LABEL} at ${baseUrl} rejected the API key (${error.status}): check ${keyVariable}`;
      case 'not_found':
        return `${LABEL} at ${baseUrl} does not know the model "${model}" or the endpoint (${error.status}): check OPENAI_MODEL and OPENAI_BASE_URL`;
      case 'bad_request':
        return (
          `${LABEL} at ${baseUrl} rejected the request (${error.status}: ${error.message}): check OPENAI_MODEL` +
          (jsonMode === 'schema' ? '; if the server does not support JSON-schema output, set OPENAI_JSON_MODE=object (or prompt)' : '')
        );
      default:
        return undefined;
    }
  }

  return createRemoteProvider({ name: NAME, label: 'OpenAI-compatible', model, timeouts: options.timeouts, complete, operatorMessage }, options.promptLimits);
}
