/**
 * The one door the domain uses to reach an interviewer. It tries the configured providers in
 * order (the offline interviewer is always last), validates every reply against the intent's
 * schema, and cross-checks scores so no provider can praise an empty answer.
 *
 * All resilience lives here, for remote providers only (the offline interviewer is local and
 * is called directly, with nothing in its way):
 * - every HTTP attempt has its own timeout (an AbortSignal handed to the provider);
 * - retryable failures (network, timeout, 408, 429, 5xx) are retried with exponential back-off
 *   and jitter, or after the server's Retry-After (capped) — see retry-policy.ts;
 * - one provider may spend at most the call budget on one call, retries and repair included,
 *   then the next provider is tried;
 * - an invalid reply gets one repair request (structured-output.ts);
 * - a non-retryable failure (400, 401, 403, 404) moves on at once; a rejected key or unknown
 *   model is logged once with what to fix, and opens the circuit;
 * - a circuit breaker per provider skips a provider that keeps failing (circuit-breaker.ts).
 * Every call is logged with provider, intent, attempts, latency and outcome — never a key,
 * never the CV or the answers.
 */
import type { TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import type { AiResilienceSettings } from '../config.js';
import { Errors } from '../errors.js';
import { CircuitBreaker, type CircuitState } from './circuit-breaker.js';
import { guardEvaluation, guardSummary } from './guards.js';
import { INTENTS, type IntentInputs, type IntentName, type IntentOutputs } from './intents.js';
import { AiProviderError, isAiProviderError } from './provider-error.js';
import { isRemoteProvider, type CompletionRequest, type RemoteAiProvider } from './remote-provider.js';
import { withRetries, type Sleep } from './retry-policy.js';
import { completeStructured } from './structured-output.js';
import type {
  AiProvider,
  AnswerEvaluation,
  Attributed,
  EvaluateAnswerInput,
  InterviewSummary,
  PlanQuestionInput,
  PlannedQuestion,
  SummarizeInput,
} from './types.js';

export interface ProviderStatus {
  name: string;
  /** The remote model, or null for a local provider. */
  model: string | null;
  remote: boolean;
  circuit: CircuitState;
}

export interface AiClient {
  readonly providerNames: readonly string[];
  /** Each provider in order, with its model and whether it is being skipped (for /health). */
  providerStatus(): ProviderStatus[];
  planQuestion(input: PlanQuestionInput): Promise<Attributed<PlannedQuestion>>;
  evaluateAnswer(input: EvaluateAnswerInput): Promise<Attributed<AnswerEvaluation>>;
  summarizeInterview(input: SummarizeInput): Promise<Attributed<InterviewSummary>>;
}

/** The logging the client needs; Fastify's and pino's loggers fit. */
export interface AiLogger {
  debug(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface AiClientDeps {
  providers: AiProvider[];
  logger: AiLogger;
  resilience?: Partial<AiResilienceSettings>;
  /** Waits between retries (tests inject one that records instead of sleeping). */
  sleep?: Sleep;
  /** Jitter source, [0, 1). */
  random?: () => number;
  /** Clock for the circuit breakers, in milliseconds. */
  now?: () => number;
}

/** Same defaults as config.ts (AI_ATTEMPT_TIMEOUT_MS etc.), for clients built without config. */
export const DEFAULT_RESILIENCE: AiResilienceSettings = {
  attemptTimeoutMs: 12_000,
  callBudgetMs: 20_000,
  maxRetries: 2,
  retryBaseMs: 500,
  retryMaxDelayMs: 8_000,
  circuitThreshold: 3,
  circuitCooldownMs: 30_000,
};

interface CallStats {
  attempts: number;
  repaired: boolean;
}

/** Rejects as soon as `signal` aborts, even if `promise` (an SDK ignoring the signal) never settles. */
function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

const asProviderError = (provider: string, error: unknown): AiProviderError =>
  isAiProviderError(error) ? error : new AiProviderError(provider, 'unknown', (error as Error)?.message ?? String(error));

export function createAiClient(deps: AiClientDeps): AiClient {
  const { providers, logger } = deps;
  if (providers.length === 0) throw new Error('createAiClient needs at least one provider');
  const settings: AiResilienceSettings = { ...DEFAULT_RESILIENCE, ...deps.resilience };
  const breakers = new Map<AiProvider, CircuitBreaker>(
    providers
      .filter(isRemoteProvider)
      .map((p) => [p, new CircuitBreaker({ threshold: settings.circuitThreshold, cooldownMs: settings.circuitCooldownMs, now: deps.now })]),
  );
  /** Operator messages already logged, per provider, until the provider works again. */
  const reported = new Map<string, Set<string>>();

  /** One HTTP attempt, bounded by the attempt timeout and the call's budget. */
  async function attempt(provider: RemoteAiProvider, request: CompletionRequest, budget: AbortSignal, stats: CallStats) {
    stats.attempts++;
    const controller = new AbortController();
    const onBudget = () => controller.abort(budget.reason);
    budget.addEventListener('abort', onBudget, { once: true });
    const timer = setTimeout(() => controller.abort(new Error('attempt timed out')), settings.attemptTimeoutMs);
    try {
      return await abortable(provider.complete(request, controller.signal), controller.signal);
    } catch (error) {
      if (budget.aborted) throw error;
      if (controller.signal.aborted) {
        throw new AiProviderError(provider.name, 'timeout', `no reply within ${settings.attemptTimeoutMs} ms`);
      }
      throw asProviderError(provider.name, error);
    } finally {
      clearTimeout(timer);
      budget.removeEventListener('abort', onBudget);
    }
  }

  /** Everything one remote provider may do for one call: attempts, retries, one repair. */
  async function callRemote<I extends IntentName>(provider: RemoteAiProvider, intent: I, input: IntentInputs[I], stats: CallStats) {
    const budget = new AbortController();
    const timer = setTimeout(() => budget.abort(new Error('call budget spent')), settings.callBudgetMs);
    const deadline = performance.now() + settings.callBudgetMs;
    const send = (request: CompletionRequest) =>
      withRetries(() => attempt(provider, request, budget.signal, stats), {
        policy: settings,
        signal: budget.signal,
        deadline,
        ...(deps.sleep ? { sleep: deps.sleep } : {}),
        ...(deps.random ? { random: deps.random } : {}),
        onRetry: ({ attempt: n, delayMs, error }) =>
          logger.debug(
            { provider: provider.name, intent, attempt: n, delayMs, outcome: error.kind, status: error.status },
            'ai attempt failed; retrying',
          ),
      });
    try {
      const result = await completeStructured(provider.name, INTENTS[intent].schema, provider.prepare(intent, input), send);
      stats.repaired = result.repaired;
      return result.value as IntentOutputs[I];
    } catch (error) {
      if (budget.signal.aborted) {
        throw new AiProviderError(provider.name, 'budget', `no usable reply within the ${settings.callBudgetMs} ms budget`);
      }
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  function reportOnce(provider: RemoteAiProvider, failure: AiProviderError) {
    const message = provider.operatorMessage(failure);
    if (!message) return;
    const seen = reported.get(provider.name) ?? new Set<string>();
    reported.set(provider.name, seen);
    if (seen.has(message)) return;
    seen.add(message);
    logger.error({ provider: provider.name, status: failure.status, outcome: failure.kind }, message);
  }

  async function firstValid<I extends IntentName>(
    intent: I,
    input: IntentInputs[I],
    callLocal: (p: AiProvider) => Promise<IntentOutputs[I]>,
  ): Promise<Attributed<IntentOutputs[I]>> {
    const schema: TSchema = INTENTS[intent].schema;
    for (const provider of providers) {
      const started = performance.now();
      const ms = () => Math.round(performance.now() - started);

      if (!isRemoteProvider(provider)) {
        // Local (the offline interviewer, test doubles): called directly, no timeout, no retries.
        try {
          const value = await callLocal(provider);
          if (!Value.Check(schema, value)) {
            const first = Value.Errors(schema, value).First();
            throw new Error(`reply does not match the ${intent} schema (${first?.path ?? ''} ${first?.message ?? ''})`);
          }
          logger.info({ provider: provider.name, intent, attempts: 1, ms: ms(), outcome: 'ok' }, 'ai call');
          return { value, provider: provider.name };
        } catch (error) {
          logger.warn(
            { provider: provider.name, intent, attempts: 1, ms: ms(), outcome: 'failed', reason: (error as Error).message },
            'ai provider failed; trying the next one',
          );
          continue;
        }
      }

      const breaker = breakers.get(provider)!;
      if (!breaker.tryAcquire()) {
        logger.info({ provider: provider.name, intent, attempts: 0, ms: 0, outcome: 'skipped', circuit: breaker.state }, 'ai provider skipped: circuit open');
        continue;
      }
      const stats: CallStats = { attempts: 0, repaired: false };
      try {
        const value = await callRemote(provider, intent, input, stats);
        breaker.success();
        reported.delete(provider.name);
        logger.info(
          { provider: provider.name, model: provider.model, intent, attempts: stats.attempts, ms: ms(), outcome: 'ok', repaired: stats.repaired },
          'ai call',
        );
        return { value, provider: provider.name };
      } catch (error) {
        const failure = asProviderError(provider.name, error);
        if (failure.isConfigurationProblem) breaker.trip();
        else breaker.failure();
        reportOnce(provider, failure);
        logger.warn(
          {
            provider: provider.name,
            model: provider.model,
            intent,
            attempts: stats.attempts,
            ms: ms(),
            outcome: failure.kind,
            status: failure.status,
            circuit: breaker.state,
            reason: failure.message,
          },
          'ai provider failed; trying the next one',
        );
      }
    }
    throw Errors.aiUnavailable();
  }

  return {
    providerNames: providers.map((p) => p.name),
    providerStatus: () =>
      providers.map((p) =>
        isRemoteProvider(p)
          ? { name: p.name, model: p.model, remote: true, circuit: breakers.get(p)!.state }
          : { name: p.name, model: null, remote: false, circuit: 'closed' as const },
      ),
    planQuestion: (input) => firstValid('planQuestion', input, (p) => p.planQuestion(input)),
    async evaluateAnswer(input) {
      const result = await firstValid('evaluateAnswer', input, (p) => p.evaluateAnswer(input));
      return { ...result, value: guardEvaluation(input, result.value) };
    },
    async summarizeInterview(input) {
      const result = await firstValid('summarizeInterview', input, (p) => p.summarizeInterview(input));
      return { ...result, value: guardSummary(input, result.value) };
    },
  };
}
