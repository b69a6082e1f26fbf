/**
 * Gemini through Google's @google/genai SDK (2.x). Structured output is requested with
 * `responseMimeType: application/json` and the intent's schema rewritten in Gemini's dialect;
 * thinking is off by default (GEMINI_THINKING_BUDGET). The SDK's own retries are off — the AI
 * client decides about retries — and the base URL is configurable (tests point it at a fake).
 */
import { ApiError, GoogleGenAI, type Schema as GeminiSchema } from '@google/genai';
import {
  AiProviderError,
  isAbortError,
  isNetworkFailure,
  kindOfStatus,
  parseRetryAfter,
  scrub,
} from '../provider-error.js';
import type { PromptLimits } from '../prompts/build.js';
import { createRemoteProvider, type CompletionRequest, type RemoteAiProvider } from '../remote-provider.js';
import { toGeminiSchema } from '../schema-dialects.js';

export interface GeminiProviderOptions {
  apiKey: string;
  model: string;
  /** null/undefined: Google's endpoint. */
  baseUrl?: string | null;
  /** 0 disables thinking, -1 lets the model decide, otherwise a token budget. */
  thinkingBudget?: number;
  promptLimits?: PromptLimits;
  /** Replaces global fetch (tests, instrumentation). */
  fetch?: typeof fetch;
}

const NAME = 'gemini';
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
    const message = scrub((error as Error)?.message ?? String(error), [apiKey]);
    if (isAbortError(error)) return new AiProviderError(NAME, 'aborted', 'request aborted');
    if (isNetworkFailure(error)) return new AiProviderError(NAME, 'network', message);
    // A body that isn't the JSON Gemini always sends (a proxy's HTML page, a cut-off stream).
    if (error instanceof SyntaxError) return new AiProviderError(NAME, 'server', `unreadable response: ${message}`);
    return new AiProviderError(NAME, 'unknown', message);
  }

  async function complete(request: CompletionRequest, signal: AbortSignal): Promise<string> {
    let retryAfterMs: number | undefined;
    // Wraps fetch for this one request to read Retry-After, which the SDK's ApiError drops.
    const fetchWithHeaders = async (input: RequestInfo | URL, init?: RequestInit) => {
      const response = await baseFetch(input, init);
      if (!response.ok) retryAfterMs = parseRetryAfter(response.headers);
      return response;
    };
    try {
      const response = await client.models.generateContent({
        model,
        contents: request.messages.map((m) => ({ role: m.role === 'assistant' ? 'model' : 'user', parts: [{ text: m.content }] })),
        config: {
          systemInstruction: request.system,
          responseMimeType: 'application/json',
          responseSchema: schemaFor(request),
          ...(options.thinkingBudget === undefined ? {} : { thinkingConfig: { thinkingBudget: options.thinkingBudget } }),
          abortSignal: signal,
          httpOptions: { fetch: fetchWithHeaders },
        },
      });
      const text = response.text;
      if (!text?.trim()) {
        const why = response.promptFeedback?.blockReason ?? response.candidates?.[0]?.finishReason ?? 'no candidates';
        throw new AiProviderError(NAME, 'invalid_reply', `empty reply (${why})`);
      }
      return text;
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

  return createRemoteProvider({ name: NAME, label: LABEL, model, complete, operatorMessage }, options.promptLimits);
}
