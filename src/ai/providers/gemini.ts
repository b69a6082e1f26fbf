/**
 * Gemini through Google's @google/genai SDK (2.x). Structured output is requested with
 * `responseMimeType: application/json` and the intent's schema rewritten in Gemini's dialect.
 * Thinking follows GEMINI_THINKING_BUDGET, or by default the model: off for Flash and
 * Flash-Lite (a mock interview needs no deliberation, and it costs seconds), the model's own
 * (dynamic) thinking for Pro, which cannot run without it. A reply someone watches (the
 * interview turn) is streamed; one that stops at MAX_TOKENS is reported as truncated. The SDK's
 * own retries are off — the AI client decides about retries — and the base URL is configurable
 * (tests point it at a fake).
 */
import { ApiError, FinishReason, GoogleGenAI, type GenerateContentParameters, type GenerateContentResponse, type Schema as GeminiSchema } from '@google/genai';
import {
  AiProviderError,
  isAbortError,
  isNetworkFailure,
  kindOfStatus,
  parseRetryAfter,
  scrub,
} from '../provider-error.js';
import type { PromptLimits } from '../prompts/build.js';
import { createRemoteProvider, type CompletionRequest, type CompletionResult, type ProviderTimeouts, type RemoteAiProvider } from '../remote-provider.js';
import { toGeminiSchema } from '../schema-dialects.js';
import { messageOf } from '../../errors.js';

export interface GeminiProviderOptions {
  apiKey: string;
  model: string;
  /** null/undefined: Google's endpoint. */
  baseUrl?: string | null;
  /** 0 disables thinking, -1 lets the model decide, otherwise a token budget; null/undefined: the model's default (see thinkingBudgetFor). */
  thinkingBudget?: number | null;
  promptLimits?: PromptLimits;
  timeouts?: ProviderTimeouts;
  /** Replaces global fetch (tests, instrumentation). */
  fetch?: typeof fetch;
}

const NAME = 'gemini';

/**
 * The thinking budget to send when GEMINI_THINKING_BUDGET is not set: 0 (off) for the 2.5
 * Flash models, where it only adds latency here; nothing (the model's own dynamic thinking)
 * for Pro models, which refuse a budget of 0, and for models we don't know.
 */
function thinkingBudgetFor(model: string): number | undefined {
  return /gemini-2\.5-flash/i.test(model) ? 0 : undefined;
}

/** Room for the model's thoughts on top of the reply's own cap (thinking tokens count toward it). */
const THINKING_ALLOWANCE = 8192;
const LABEL = 'Gemini';

/** google.rpc.RetryInfo in an error body: {"error":{"details":[{"retryDelay":"12s"}]}}. */
function retryInfoMs(message: string): number | undefined {
  try {
    const body = JSON.parse(message) as { error?: { details?: Array<{ retryDelay?: unknown }> } };
    const delay = body.error?.details?.find((d) => typeof d.retryDelay === 'string')?.retryDelay as string | undefined;
    const match = delay ? /^(\d+(?:\.\d+)?)s$/.exec(delay) : null;
    return match ? Math.round(Number(match[1]) * 1000) : undefined;
  } catch {
    return undefined;
  }
}

/** The human part of a Gemini error body, e.g. "API key not valid. Please pass a valid API key." */
function errorText(message: string): string {
  try {
    const body = JSON.parse(message) as { error?: { message?: unknown; status?: unknown } };
    if (typeof body.error?.message === 'string') return `${body.error.status ? `${String(body.error.status)}: ` : ''}${body.error.message}`;
  } catch {
    // not JSON: use as is
  }
  return message;
}

export function createGeminiProvider(options: GeminiProviderOptions): RemoteAiProvider {
  const { apiKey, model } = options;
  const thinkingBudget = options.thinkingBudget ?? thinkingBudgetFor(model);
  const client = new GoogleGenAI({
    apiKey,
    httpOptions: {
      ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
      // One attempt per call: retries belong to the AI client, which counts and bounds them.
      retryOptions: { attempts: 1 },
    },
  });
  const schemas = new Map<string, GeminiSchema>();
  const schemaFor = (request: CompletionRequest) => {
    let schema = schemas.get(request.schemaName);
    if (!schema) schemas.set(request.schemaName, (schema = toGeminiSchema(request.schema)));
    return schema;
  };
  const baseFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));

  function toProviderError(error: unknown, retryAfterMs: number | undefined): AiProviderError {
    if (error instanceof AiProviderError) return error;
    if (error instanceof ApiError) {
      const text = scrub(errorText(error.message), [apiKey]);
      return new AiProviderError(NAME, kindOfStatus(error.status), text, error.status, retryAfterMs ?? retryInfoMs(error.message));
    }
    const message = scrub(messageOf(error), [apiKey]);
    if (isAbortError(error)) return new AiProviderError(NAME, 'aborted', 'request aborted');
    if (isNetworkFailure(error)) return new AiProviderError(NAME, 'network', message);
    // A body that isn't the JSON Gemini always sends (a proxy's HTML page, a cut-off stream).
    if (error instanceof SyntaxError) return new AiProviderError(NAME, 'server', `unreadable response: ${message}`);
    return new AiProviderError(NAME, 'unknown', message);
  }

  function params(request: CompletionRequest, fetchWithHeaders: typeof fetch, signal: AbortSignal): GenerateContentParameters {
    const thinking = thinkingBudget === undefined ? THINKING_ALLOWANCE : thinkingBudget === -1 ? THINKING_ALLOWANCE : thinkingBudget;
    return {
      model,
      contents: request.messages.map((m) => ({ role: m.role === 'assistant' ? 'model' : 'user', parts: [{ text: m.content }] })),
      config: {
        systemInstruction: request.system,
        responseMimeType: 'application/json',
        responseSchema: schemaFor(request),
        temperature: request.temperature,
        maxOutputTokens: request.maxOutputTokens + thinking,
        ...(thinkingBudget === undefined ? {} : { thinkingConfig: { thinkingBudget } }),
        abortSignal: signal,
        httpOptions: { fetch: fetchWithHeaders },
      },
    };
  }

  function finished(text: string, last: GenerateContentResponse | undefined): CompletionResult {
    const finishReason = last?.candidates?.[0]?.finishReason;
    if (!text.trim()) {
      const why = last?.promptFeedback?.blockReason ?? finishReason ?? 'no candidates';
      throw new AiProviderError(NAME, 'invalid_reply', `empty reply (${why})`);
    }
    return { text, truncated: finishReason === FinishReason.MAX_TOKENS };
  }

  async function complete(request: CompletionRequest, signal: AbortSignal): Promise<CompletionResult> {
    let retryAfterMs: number | undefined;
    // Wraps fetch for this one request to read Retry-After, which the SDK's ApiError drops.
    const fetchWithHeaders = async (input: RequestInfo | URL, init?: RequestInit) => {
      const response = await baseFetch(input, init);
      if (!response.ok) retryAfterMs = parseRetryAfter(response.headers);
      return response;
    };
    try {
      if (!request.onText) {
        const response = await client.models.generateContent(params(request, fetchWithHeaders, signal));
        return finished(response.text ?? '', response);
      }
      const stream = await client.models.generateContentStream(params(request, fetchWithHeaders, signal));
      let text = '';
      let last: GenerateContentResponse | undefined;
      for await (const chunk of stream) {
        last = chunk;
        const part = chunk.text;
        if (part) {
          text += part;
          request.onText(text);
        }
      }
      return finished(text, last);
    } catch (error) {
      throw toProviderError(error, retryAfterMs);
    }
  }

  function operatorMessage(error: AiProviderError): string | undefined {
    switch (error.kind) {
      case 'auth':
        return `${LABEL} rejected the API key (${error.status}): check GEMINI_API_KEY`;
      case 'not_found':
        return `${LABEL} does not know the model "${model}" (${error.status}): check GEMINI_MODEL (and GEMINI_BASE_URL if set)`;
      case 'bad_request':
        return `${LABEL} rejected the request (${error.status}: ${error.message}): check GEMINI_MODEL and GEMINI_THINKING_BUDGET`;
      default:
        return undefined;
    }
  }

  return createRemoteProvider({ name: NAME, label: LABEL, model, timeouts: options.timeouts, complete, operatorMessage }, options.promptLimits);
}
