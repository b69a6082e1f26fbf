/**
 * A local model through Ollama's native API and its official client (`ollama`), for people who
 * run models on their own machine. Through the native API (rather than Ollama's OpenAI-compatible
 * one) the reply schema goes in `format` and is enforced by the server's grammar, the context
 * window is set per request (`num_ctx`: Ollama's default of 2–4k tokens silently cuts a CV and a
 * job description in half), and `keep_alive` keeps the model loaded between the questions of an
 * interview instead of reloading it for each.
 *
 * Ollama reloads a model whenever `num_ctx` changes, which costs seconds; so the window only
 * grows, in powers of two, and never shrinks within one process.
 */
import { Ollama } from 'ollama';
import { AiProviderError, isAbortError, isNetworkFailure, kindOfStatus, scrub } from '../provider-error.js';
import type { PromptLimits } from '../prompts/build.js';
import { createRemoteProvider, type CompletionRequest, type CompletionResult, type ProviderTimeouts, type RemoteAiProvider } from '../remote-provider.js';
import { plainJsonSchema } from '../schema-dialects.js';
import { messageOf } from '../../errors.js';

export interface OllamaProviderOptions {
  /** e.g. http://127.0.0.1:11434 */
  host: string;
  model: string;
  /** How long the model stays loaded after a call, e.g. "30m" (Ollama's keep_alive). */
  keepAlive: string;
  /** The largest context window to ask for, in tokens. */
  maxContextTokens: number;
  promptLimits?: PromptLimits;
  timeouts?: ProviderTimeouts;
  /** Replaces global fetch (tests, instrumentation). */
  fetch?: typeof fetch;
}

const NAME = 'ollama';
const LABEL = 'Ollama';
const MIN_CONTEXT = 4096;
/** A conservative characters-per-token ratio for English prose (most tokenizers average ~4). */
const CHARS_PER_TOKEN = 3;

/** The context window a request needs (prompt and reply), as a power of two within [4096, max]. */
function contextTokensFor(request: Pick<CompletionRequest, 'system' | 'messages' | 'maxOutputTokens'>, max: number, schemaChars = 0): number {
  const chars = request.system.length + schemaChars + request.messages.reduce((n, m) => n + m.content.length, 0);
  const needed = Math.ceil(chars / CHARS_PER_TOKEN) + request.maxOutputTokens;
  let size = MIN_CONTEXT;
  while (size < needed && size < max) size *= 2;
  return Math.min(size, Math.max(max, MIN_CONTEXT));
}

interface OllamaError {
  name?: string;
  status_code?: number;
  error?: string;
  message?: string;
}

export function createOllamaProvider(options: OllamaProviderOptions): RemoteAiProvider {
  const { host, model } = options;
  const schemas = new Map<string, Record<string, unknown>>();
  const schemaFor = (request: CompletionRequest) => {
    let schema = schemas.get(request.schemaName);
    if (!schema) schemas.set(request.schemaName, (schema = plainJsonSchema(request.schema)));
    return schema;
  };
  /** The window only grows: each change makes Ollama reload the model. */
  let contextTokens = MIN_CONTEXT;
  const baseFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));

  function toProviderError(error: unknown): AiProviderError {
    if (error instanceof AiProviderError) return error;
    const e = error as OllamaError;
    if (e?.name === 'ResponseError' && typeof e.status_code === 'number') {
      return new AiProviderError(NAME, kindOfStatus(e.status_code), scrub(e.error ?? e.message ?? 'error', []), e.status_code);
    }
    if (isAbortError(error)) return new AiProviderError(NAME, 'aborted', 'request aborted');
    const message = messageOf(error);
    if (isNetworkFailure(error)) return new AiProviderError(NAME, 'network', message);
    if (error instanceof SyntaxError) return new AiProviderError(NAME, 'server', `unreadable response: ${message}`);
    return new AiProviderError(NAME, 'unknown', message);
  }

  async function complete(request: CompletionRequest, signal: AbortSignal): Promise<CompletionResult> {
    // The client takes no signal of its own: ours rides on its fetch.
    const client = new Ollama({ host, fetch: (input, init) => baseFetch(input as RequestInfo, { ...init, signal }) });
    const schema = schemaFor(request);
    contextTokens = Math.max(contextTokens, contextTokensFor(request, options.maxContextTokens, JSON.stringify(schema).length));
    const chat = {
      model,
      messages: [{ role: 'system', content: request.system }, ...request.messages],
      format: schema,
      keep_alive: options.keepAlive,
      options: { temperature: request.temperature, num_predict: request.maxOutputTokens, num_ctx: contextTokens },
    };
    try {
      if (!request.onText) {
        const response = await client.chat({ ...chat, stream: false });
        return finished(response.message?.content ?? '', response.done_reason);
      }
      const stream = await client.chat({ ...chat, stream: true });
      const onAbort = () => stream.abort();
      signal.addEventListener('abort', onAbort, { once: true });
      try {
        let text = '';
        let doneReason: string | undefined;
        for await (const part of stream) {
          if (part.message?.content) {
            text += part.message.content;
            request.onText(text);
          }
          if (part.done) doneReason = part.done_reason;
        }
        return finished(text, doneReason);
      } finally {
        signal.removeEventListener('abort', onAbort);
      }
    } catch (error) {
      throw toProviderError(signal.aborted && !(error instanceof AiProviderError) ? Object.assign(new Error('aborted'), { name: 'AbortError' }) : error);
    }
  }

  function finished(text: string, doneReason: string | undefined): CompletionResult {
    if (!text.trim()) throw new AiProviderError(NAME, 'invalid_reply', `empty reply (done reason ${doneReason ?? 'none'})`);
    return { text, truncated: doneReason === 'length' };
  }

  function operatorMessage(error: AiProviderError): string | undefined {
    switch (error.kind) {
      case 'not_found':
        return `${LABEL} at ${host} does not have the model "${model}" (${error.status}): run \`ollama pull ${model}\` or check OLLAMA_MODEL`;
      case 'network':
        return `${LABEL} is not answering at ${host}: start it (\`ollama serve\`) or check OLLAMA_HOST`;
      case 'bad_request':
        return `${LABEL} at ${host} rejected the request (${error.status}: ${error.message}): check OLLAMA_MODEL`;
      default:
        return undefined;
    }
  }

  return createRemoteProvider({ name: NAME, label: LABEL, model, timeouts: options.timeouts, complete, operatorMessage }, options.promptLimits);
}
