/**
 * What Gemini, OpenAI-compatible and Ollama providers share. Each is a thin transport — one
 * request in, the model's text out (streamed when someone is watching), SDK errors mapped to
 * AiProviderError — wrapped into a full AiProvider here: prompts are rendered from the
 * templates, replies read tolerantly and validated, and an unusable reply repaired once. Used
 * on its own, a remote provider makes exactly the requests it needs; the AI client adds
 * timeouts, retries and the circuit breakers around `complete` (see ai-client.ts).
 */
import type { CompletionRequest, CompletionResult } from './completion.js';
import { intentOf, type IntentInputs, type IntentName, type IntentOutputs } from './intents.js';
import type { AiProviderError } from './provider-error.js';
import { buildPrompt, DEFAULT_PROMPT_LIMITS, type PromptLimits } from './prompts/build.js';
import { completeStructured } from './structured-output.js';
import type { AiProvider } from './types.js';

export type { CompletionRequest, CompletionResult } from './completion.js';

/** How long one provider may take: per HTTP attempt, and per call with retries and repair. */
export interface ProviderTimeouts {
  attemptMs: number;
  budgetMs: number;
}

export interface RemoteTransport {
  /** Recorded on every message, e.g. "gemini". */
  readonly name: string;
  /** Human name for operator messages, e.g. "Gemini". */
  readonly label: string;
  readonly model: string;
  /** This provider's own timeouts (a model on localhost gets longer); absent: the client's defaults. */
  readonly timeouts?: ProviderTimeouts | undefined;
  /** Sends one request and returns the model's text; throws AiProviderError. */
  complete(request: CompletionRequest, signal: AbortSignal): Promise<string | CompletionResult>;
  /** A message telling the operator what to fix, for failures that are configuration problems. */
  operatorMessage(error: AiProviderError): string | undefined;
}

export interface RemoteAiProvider extends AiProvider, RemoteTransport {
  readonly remote: true;
  /** The first request for an intent (system prompt, user prompt, schema, sampling). */
  prepare<I extends IntentName>(intent: I, input: IntentInputs[I]): CompletionRequest;
}

export function isRemoteProvider(provider: AiProvider): provider is RemoteAiProvider {
  return (provider as Partial<RemoteAiProvider>).remote === true && typeof (provider as RemoteAiProvider).complete === 'function';
}

/** The first request for `intent`: prompts, the reply schema and how the model should run. */
export function prepareRequest<I extends IntentName>(intent: I, input: IntentInputs[I], limits: PromptLimits = DEFAULT_PROMPT_LIMITS): CompletionRequest {
  const { system, user } = buildPrompt(intent, input, limits);
  const { replySchema, schemaName, temperature, maxOutputTokens } = intentOf(intent);
  return { intent, schemaName, schema: replySchema, system, messages: [{ role: 'user', content: user }], temperature, maxOutputTokens };
}

export function createRemoteProvider(transport: RemoteTransport, limits: PromptLimits = DEFAULT_PROMPT_LIMITS): RemoteAiProvider {
  const prepare = <I extends IntentName>(intent: I, input: IntentInputs[I]) => prepareRequest(intent, input, limits);

  async function run<I extends IntentName>(intent: I, input: IntentInputs[I], signal?: AbortSignal): Promise<IntentOutputs[I]> {
    const live = signal ?? new AbortController().signal;
    const { value } = await completeStructured(transport.name, intent, input, prepare(intent, input), (request) => transport.complete(request, live));
    return value;
  }

  return {
    remote: true,
    name: transport.name,
    label: transport.label,
    model: transport.model,
    timeouts: transport.timeouts,
    complete: (request, signal) => transport.complete(request, signal),
    operatorMessage: (error) => transport.operatorMessage(error),
    prepare,
    planQuestion: (input, signal) => run('planQuestion', input, signal),
    evaluateAnswer: (input, signal) => run('evaluateAnswer', input, signal),
    summarizeInterview: (input, signal) => run('summarizeInterview', input, signal),
    nextTurn: (input, signal) => run('nextTurn', input, signal),
  };
}
