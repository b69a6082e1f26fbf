/**
 * The one door the domain uses to reach an interviewer. It tries the configured providers in
 * order (the offline interviewer is always last), reads every reply tolerantly and validates
 * it against the intent's schema, and cross-checks scores so no provider can praise an empty
 * answer.
 *
 * All resilience lives here, for remote providers only (the offline interviewer is local and
 * is called directly, with nothing in its way):
 * - every HTTP attempt has its own timeout (an AbortSignal handed to the provider), per
 *   provider: a model on localhost gets longer (a CPU model writes an evaluation in 10–40 s);
 * - network failures, 5xx and 429 are retried with exponential back-off and jitter, or after
 *   the server's Retry-After — unless that is longer than the longest wait we allow or than the
 *   time left, in which case the next provider is tried at once (retry-policy.ts). A timeout is
 *   never retried: someone is waiting, and the next provider answers sooner;
 * - one provider may spend at most its call budget on one call, retries and repair included;
 * - an unusable reply gets one repair request (structured-output.ts);
 * - a non-retryable failure (400, 401, 403, 404) moves on at once; a rejected key or unknown
 *   model is logged once with what to fix, and opens the circuit;
 * - a circuit breaker per provider and intent skips a provider whose calls of that kind keep
 *   failing (a broken evaluation path is noticed even while planning works); after the
 *   cool-down, the trial call runs in the background while the candidate is served by the
 *   next provider (circuit-breaker.ts).
 * The interview turn streams: its question reaches `onProgress` as the model writes it.
 * Every call is logged with provider, intent, attempts, latency and outcome — never a key,
 * never the CV or the answers.
 */
import { Value } from '@sinclair/typebox/value';
import type { AiResilienceSettings } from '../config.js';
import { Errors, messageOf } from '../errors.js';
import { CircuitBreaker, type CircuitState } from './circuit-breaker.js';
import { guardEvaluation, guardSummary, guardTurn } from './guards.js';
import { intentOf, type IntentInputs, type IntentName, type IntentOutputs } from './intents.js';
import { AiProviderError, isAiProviderError, type FailureKind } from './provider-error.js';
import { isRemoteProvider, type CompletionRequest, type ProviderTimeouts, type RemoteAiProvider } from './remote-provider.js';
import { partialField } from './reply-reader.js';
import { withRetries, type Sleep } from './retry-policy.js';
import { PlannedQuestionSchema } from './schemas.js';
import { completeStructured } from './structured-output.js';
import type {
  AiProvider,
  AnswerEvaluation,
  Attributed,
  EvaluateAnswerInput,
  InterviewSummary,
  InterviewTurn,
  NextTurnInput,
  PlanQuestionInput,
  PlannedQuestion,
  SummarizeInput,
} from './types.js';

export interface ProviderStatus {
  name: string;
  /** The remote model, or null for a local provider. */
  model: string | null;
  remote: boolean;
  /** The worst state among the provider's per-intent circuits. */
  circuit: CircuitState;
  /** Each intent's circuit (remote providers). */
  circuits?: Partial<Record<IntentName, CircuitState>>;
}

/** What a caller can watch while a call runs (the interview page shows it). */
export type CallProgress =
  /** The provider now being asked. */
  | { type: 'provider'; provider: string; remote: boolean }
  /** A provider failed or was skipped; the next one is tried. */
  | { type: 'provider_failed'; provider: string; outcome: FailureKind | 'skipped' }
  /** The streamed field (the question) as written so far. */
  | { type: 'text'; text: string };

export interface CallOptions {
  onProgress?: (event: CallProgress) => void;
  /** Whether someone is waiting for this call (default) or it runs in the background (the work queue serves the waiting first). */
  priority?: 'interactive' | 'background';
}

export interface AiClient {
  readonly providerNames: readonly string[];
  /** Each provider in order, with its model and whether it is being skipped (for /health). */
  providerStatus(): ProviderStatus[];
  planQuestion(input: PlanQuestionInput, options?: CallOptions): Promise<Attributed<PlannedQuestion>>;
  evaluateAnswer(input: EvaluateAnswerInput, options?: CallOptions): Promise<Attributed<AnswerEvaluation>>;
  summarizeInterview(input: SummarizeInput, options?: CallOptions): Promise<Attributed<InterviewSummary>>;
  /** The interviewer's next turn after an answer: one model call, streamed. */
  nextTurn(input: NextTurnInput, options?: CallOptions): Promise<Attributed<InterviewTurn>>;
  /** Aborts every call in flight (shutdown); later calls fail at once. */
  close(): void;
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
const DEFAULT_RESILIENCE: AiResilienceSettings = {
  attemptTimeoutMs: 12_000,
  callBudgetMs: 20_000,
  maxRetries: 2,
  retryBaseMs: 500,
  retryMaxDelayMs: 8_000,
  circuitThreshold: 3,
  circuitCooldownMs: 30_000,
  localAttemptTimeoutMs: 120_000,
};

interface CallStats {
  attempts: number;
  repaired: boolean;
  truncated: boolean;
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
  isAiProviderError(error) ? error : new AiProviderError(provider, 'unknown', messageOf(error));

const RANK: Record<CircuitState, number> = { closed: 0, 'half-open': 1, open: 2 };
const INTENT_NAMES: readonly IntentName[] = ['planQuestion', 'nextTurn', 'evaluateAnswer', 'summarizeInterview'];

export function createAiClient(deps: AiClientDeps): AiClient {
  const { providers, logger } = deps;
  if (providers.length === 0) throw new Error('createAiClient needs at least one provider');
  const settings: AiResilienceSettings = { ...DEFAULT_RESILIENCE, ...deps.resilience };
  const breakers = new Map<string, CircuitBreaker>();
  const breakerOf = (provider: RemoteAiProvider, intent: IntentName): CircuitBreaker => {
    const key = `${provider.name}\u0000${intent}`;
    let breaker = breakers.get(key);
    if (!breaker) {
      breaker = new CircuitBreaker({ threshold: settings.circuitThreshold, cooldownMs: settings.circuitCooldownMs, now: deps.now });
      breakers.set(key, breaker);
    }
    return breaker;
  };
  /** Operator messages already logged, per provider, until the provider works again. */
  const reported = new Map<string, Set<string>>();
  /** Aborted on close(): every call in flight stops. */
  const closing = new AbortController();

  const timeoutsOf = (provider: RemoteAiProvider): ProviderTimeouts =>
    provider.timeouts ?? { attemptMs: settings.attemptTimeoutMs, budgetMs: settings.callBudgetMs };

  /** One HTTP attempt, bounded by the attempt timeout and the call's budget. */
  async function attempt(provider: RemoteAiProvider, request: CompletionRequest, budget: AbortSignal, stats: CallStats) {
    stats.attempts++;
    const { attemptMs } = timeoutsOf(provider);
    const controller = new AbortController();
    const onBudget = () => controller.abort(budget.reason);
    budget.addEventListener('abort', onBudget, { once: true });
    const timer = setTimeout(() => controller.abort(new Error('attempt timed out')), attemptMs);
    try {
      return await abortable(provider.complete(request, controller.signal), controller.signal);
    } catch (error) {
      if (budget.aborted) throw error;
      if (controller.signal.aborted) throw new AiProviderError(provider.name, 'timeout', `no reply within ${attemptMs} ms`);
      throw asProviderError(provider.name, error);
    } finally {
      clearTimeout(timer);
      budget.removeEventListener('abort', onBudget);
    }
  }

  /** Everything one remote provider may do for one call: attempts, retries, one repair. */
  async function callRemote<I extends IntentName>(
    provider: RemoteAiProvider,
    intent: I,
    input: IntentInputs[I],
    stats: CallStats,
    onProgress?: (event: CallProgress) => void,
  ): Promise<IntentOutputs[I]> {
    const { budgetMs } = timeoutsOf(provider);
    const budget = new AbortController();
    const onClose = () => budget.abort(new Error('shutting down'));
    closing.signal.addEventListener('abort', onClose, { once: true });
    const timer = setTimeout(() => budget.abort(new Error('call budget spent')), budgetMs);
    const deadline = performance.now() + budgetMs;
    const field = intentOf(intent).streamField;
    // Streaming only when someone watches the text: the page shows the question as it is written.
    const watch = (request: CompletionRequest): CompletionRequest => {
      if (!field || !onProgress) return request;
      let shown = '';
      const onText = (text: string) => {
        const value = partialField(text, field) ?? '';
        if (value !== shown) onProgress({ type: 'text', text: (shown = value) });
      };
      return { ...request, onText };
    };
    const send = (request: CompletionRequest) =>
      withRetries(() => attempt(provider, watch(request), budget.signal, stats), {
        policy: settings,
        signal: budget.signal,
        deadline,
        ...(deps.sleep ? { sleep: deps.sleep } : {}),
        ...(deps.random ? { random: deps.random } : {}),
        onRetry: ({ attempt: n, delayMs, error }) =>
          logger.debug({ provider: provider.name, intent, attempt: n, delayMs, outcome: error.kind, status: error.status }, 'ai attempt failed; retrying'),
      });
    try {
      const result = await completeStructured(provider.name, intent, input, provider.prepare(intent, input), send);
      stats.repaired = result.repaired;
      stats.truncated = result.truncated;
      return result.value;
    } catch (error) {
      if (closing.signal.aborted) throw new AiProviderError(provider.name, 'aborted', 'the server is shutting down');
      if (budget.signal.aborted) throw new AiProviderError(provider.name, 'budget', `no usable reply within the ${budgetMs} ms budget`);
      throw error;
    } finally {
      clearTimeout(timer);
      closing.signal.removeEventListener('abort', onClose);
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

  /** Records a remote call's outcome on its breaker and in the logs. */
  function settle(provider: RemoteAiProvider, intent: IntentName, breaker: CircuitBreaker, stats: CallStats, started: number, error?: unknown) {
    const ms = Math.round(performance.now() - started);
    if (error === undefined) {
      breaker.success();
      reported.delete(provider.name);
      logger.info(
        { provider: provider.name, model: provider.model, intent, attempts: stats.attempts, ms, outcome: 'ok', repaired: stats.repaired, truncated: stats.truncated },
        'ai call',
      );
      return;
    }
    const failure = asProviderError(provider.name, error);
    if (failure.kind !== 'aborted') {
      // A rejected key or an unknown model fails every kind of call: all its circuits open.
      if (failure.isConfigurationProblem) for (const name of INTENT_NAMES) breakerOf(provider, name).trip();
      else breaker.failure();
      reportOnce(provider, failure);
    }
    logger.warn(
      { provider: provider.name, model: provider.model, intent, attempts: stats.attempts, ms, outcome: failure.kind, status: failure.status, circuit: breaker.state, reason: failure.message },
      'ai provider failed; trying the next one',
    );
    return failure;
  }

  /**
   * After a cool-down, the trial call runs beside the candidate's call, not in its way: the
   * same request goes to the recovering provider in the background, and its outcome decides
   * whether the circuit closes.
   */
  function probeInBackground<I extends IntentName>(provider: RemoteAiProvider, intent: I, input: IntentInputs[I], breaker: CircuitBreaker) {
    const stats: CallStats = { attempts: 0, repaired: false, truncated: false };
    const started = performance.now();
    logger.info({ provider: provider.name, intent }, 'ai provider circuit half-open: trial call in the background');
    callRemote(provider, intent, input, stats).then(
      () => settle(provider, intent, breaker, stats, started),
      (error: unknown) => void settle(provider, intent, breaker, stats, started, error),
    );
  }

  async function firstValid<I extends IntentName>(
    intent: I,
    input: IntentInputs[I],
    callLocal: (p: AiProvider) => Promise<IntentOutputs[I]>,
    options: CallOptions = {},
  ): Promise<Attributed<IntentOutputs[I]>> {
    const { onProgress } = options;
    const schema = intentOf(intent).schema;
    for (const provider of providers) {
      if (closing.signal.aborted) break;
      const started = performance.now();

      if (!isRemoteProvider(provider)) {
        // Local (the offline interviewer, test doubles): called directly, no timeout, no retries.
        onProgress?.({ type: 'provider', provider: provider.name, remote: false });
        try {
          const value = await callLocal(provider);
          if (schema && !Value.Check(schema, value)) {
            const first = Value.Errors(schema, value).First();
            throw new Error(`reply does not match the ${intent} schema (${first?.path ?? ''} ${first?.message ?? ''})`);
          }
          logger.info({ provider: provider.name, intent, attempts: 1, ms: Math.round(performance.now() - started), outcome: 'ok' }, 'ai call');
          return { value, provider: provider.name };
        } catch (error) {
          logger.warn(
            { provider: provider.name, intent, attempts: 1, ms: Math.round(performance.now() - started), outcome: 'failed', reason: messageOf(error) },
            'ai provider failed; trying the next one',
          );
          onProgress?.({ type: 'provider_failed', provider: provider.name, outcome: 'unknown' });
          continue;
        }
      }

      const breaker = breakerOf(provider, intent);
      const access = breaker.tryAcquire();
      if (access !== 'allowed') {
        if (access === 'probe') probeInBackground(provider, intent, input, breaker);
        else logger.info({ provider: provider.name, intent, attempts: 0, ms: 0, outcome: 'skipped', circuit: breaker.state }, 'ai provider skipped: circuit open');
        onProgress?.({ type: 'provider_failed', provider: provider.name, outcome: 'skipped' });
        continue;
      }
      onProgress?.({ type: 'provider', provider: provider.name, remote: true });
      const stats: CallStats = { attempts: 0, repaired: false, truncated: false };
      try {
        const value = await callRemote(provider, intent, input, stats, onProgress);
        settle(provider, intent, breaker, stats, started);
        return { value, provider: provider.name };
      } catch (error) {
        const failure = settle(provider, intent, breaker, stats, started, error)!;
        onProgress?.({ type: 'provider_failed', provider: provider.name, outcome: failure.kind });
      }
    }
    throw Errors.aiUnavailable();
  }

  return {
    providerNames: providers.map((p) => p.name),
    providerStatus: () =>
      providers.map((p) => {
        if (!isRemoteProvider(p)) return { name: p.name, model: null, remote: false, circuit: 'closed' as const };
        const circuits = Object.fromEntries(INTENT_NAMES.map((intent) => [intent, breakerOf(p, intent).state])) as Record<IntentName, CircuitState>;
        const circuit = Object.values(circuits).reduce<CircuitState>((worst, s) => (RANK[s] > RANK[worst] ? s : worst), 'closed');
        return { name: p.name, model: p.model, remote: true, circuit, circuits };
      }),
    planQuestion: (input, options) => firstValid('planQuestion', input, (p) => p.planQuestion(input), options),
    async evaluateAnswer(input, options) {
      const result = await firstValid('evaluateAnswer', input, (p) => p.evaluateAnswer(input), options);
      return { ...result, value: guardEvaluation(input, result.value) };
    },
    async summarizeInterview(input, options) {
      const result = await firstValid('summarizeInterview', input, (p) => p.summarizeInterview(input), options);
      return { ...result, value: guardSummary(input, result.value) };
    },
    async nextTurn(input, options) {
      const result = await firstValid(
        'nextTurn',
        input,
        async (p) => {
          const turn = await p.nextTurn(input);
          if (turn.question && !Value.Check(PlannedQuestionSchema, turn.question)) throw new Error('the turn’s question does not match the planned_question schema');
          return turn;
        },
        options,
      );
      return { ...result, value: guardTurn(input, result.value) };
    },
    close: () => closing.abort(new Error('shutting down')),
  };
}
