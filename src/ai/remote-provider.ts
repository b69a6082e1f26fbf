/**
 * What Gemini and OpenAI-compatible providers share. Each is a thin transport — one request
 * in, the model's text out, SDK errors mapped to AiProviderError — wrapped into a full
 * AiProvider here: prompts are rendered from the templates, replies parsed and validated, and
 * an unusable reply repaired once. Used on its own, a remote provider makes exactly the
 * requests it needs; the AI client adds timeouts, retries and the circuit breaker around
 * `complete` (see ai-client.ts).
 */
import type { TSchema } from '@sinclair/typebox';
import { INTENTS, type IntentInputs, type IntentName, type IntentOutputs } from './intents.js';
import type { AiProviderError } from './provider-error.js';
import { buildPrompt, DEFAULT_PROMPT_LIMITS, type PromptLimits } from './prompts/build.js';
import { completeStructured } from './structured-output.js';
import type { AiProvider } from './types.js';

export interface ChatMessage {
  role: 'user' | 'assistant';
  content: string;
}

/** One request to a chat model, independent of any SDK. */
export interface CompletionRequest {
  intent: IntentName;
  /** Name of the response schema, e.g. "answer_evaluation". */
  schemaName: string;
  schema: TSchema;
  system: string;
  messages: ChatMessage[];
  /** True for the one request that asks the model to fix an invalid reply. */
  repair?: boolean;
}

export interface RemoteTransport {
  /** Recorded on every message, e.g. "gemini". */
  readonly name: string;
  /** Human name for operator messages, e.g. "Gemini". */
  readonly label: string;
  readonly model: string;
  /** Sends one request and returns the model's text; throws AiProviderError. */
  complete(request: CompletionRequest, signal: AbortSignal): Promise<string>;
  /** A message telling the operator what to fix, for failures that are configuration problems. */
  operatorMessage(error: AiProviderError): string | undefined;
}

export interface RemoteAiProvider extends AiProvider, RemoteTransport {
  readonly remote: true;
  /** The first request for an intent (system prompt, user prompt, schema). */
  prepare<I extends IntentName>(intent: I, input: IntentInputs[I]): CompletionRequest;
}

export function isRemoteProvider(provider: AiProvider): provider is RemoteAiProvider {
  return (provider as Partial<RemoteAiProvider>).remote === true && typeof (provider as RemoteAiProvider).complete === 'function';
}

export function createRemoteProvider(transport: RemoteTransport, limits: PromptLimits = DEFAULT_PROMPT_LIMITS): RemoteAiProvider {
  function prepare<I extends IntentName>(intent: I, input: IntentInputs[I]): CompletionRequest {
    const { system, user } = buildPrompt(intent, input, limits);
    const { schema, schemaName } = INTENTS[intent];
    return { intent, schemaName, schema, system, messages: [{ role: 'user', content: user }] };
  }

  async function run<I extends IntentName>(intent: I, input: IntentInputs[I], signal?: AbortSignal): Promise<IntentOutputs[I]> {
    const live = signal ?? new AbortController().signal;
    const { value } = await completeStructured(transport.name, INTENTS[intent].schema, prepare(intent, input), (request) =>
      transport.complete(request, live),
    );
    return value as IntentOutputs[I];
  }

  return {
    remote: true,
    name: transport.name,
    label: transport.label,
    model: transport.model,
    complete: (request, signal) => transport.complete(request, signal),
    operatorMessage: (error) => transport.operatorMessage(error),
    prepare,
    planQuestion: (input, signal) => run('planQuestion', input, signal),
    evaluateAnswer: (input, signal) => run('evaluateAnswer', input, signal),
    summarizeInterview: (input, signal) => run('summarizeInterview', input, signal),
  };
}
