/**
 * The AI client's resilience with scripted in-process transports: retries and their count,
 * Retry-After, timeouts and the call budget, repair, fallback, the circuit breaker, guards
 * and logging. (tests/integration/ai-providers.test.ts does the same with the real SDKs.)
 */
import { describe, expect, it } from 'vitest';
import { createAiClient, type AiLogger } from '../../../src/ai/ai-client.js';
import { AiProviderError } from '../../../src/ai/provider-error.js';
import { createRemoteProvider, type CompletionRequest, type RemoteAiProvider } from '../../../src/ai/remote-provider.js';
import type { AiProvider, EvaluateAnswerInput, PlannedQuestion } from '../../../src/ai/types.js';
import type { InterviewContext } from '../../../src/interview/definitions.js';
import type { AiResilienceSettings } from '../../../src/config.js';

const context: InterviewContext = {
  jobTitle: 'Senior Backend Engineer',
  companyName: 'Northwind Health',
  jobDescription: 'Requirements:\n- Node.js\n- Kubernetes',
  cvText: 'Alex Morgan. Backend engineer, Node.js and Kubernetes.',
  interviewType: 'mixed',
};
const planInput = { context, questionNumber: 1, previous: [] };
const QUESTION: PlannedQuestion = { text: 'Why do you want to join Northwind Health?', kind: 'opener', focus: 'motivation' };

const fast: Partial<AiResilienceSettings> = {
  attemptTimeoutMs: 1000,
  callBudgetMs: 5000,
  maxRetries: 2,
  retryBaseMs: 10,
  retryMaxDelayMs: 300,
  circuitThreshold: 3,
  circuitCooldownMs: 1000,
};

type Step = string | object | AiProviderError | 'hang';

/** A remote provider whose replies follow `script` (the last step repeats). */
function scripted(name: string, script: Step[]) {
  const requests: CompletionRequest[] = [];
  const signals: AbortSignal[] = [];
  const provider: RemoteAiProvider = createRemoteProvider({
    name,
    label: name.toUpperCase(),
    model: `${name}-model`,
    async complete(request, signal) {
      requests.push(request);
      signals.push(signal);
      const step = script.length > 1 ? script.shift()! : script[0]!;
      if (step === 'hang') return new Promise<string>(() => {}); // ignores the signal on purpose
      if (step instanceof AiProviderError) throw step;
      return typeof step === 'string' ? step : JSON.stringify(step);
    },
    operatorMessage: (error) => (error.kind === 'auth' ? `${name.toUpperCase()} rejected the API key (${error.status}): check ${name.toUpperCase()}_KEY` : undefined),
  });
  return { provider, requests, signals, script };
}

function local(name = 'local'): AiProvider & { calls: number } {
  const provider = {
    name,
    calls: 0,
    async planQuestion() {
      provider.calls++;
      return QUESTION;
    },
    async evaluateAnswer(): Promise<never> {
      throw new Error('not used');
    },
    async summarizeInterview(): Promise<never> {
      throw new Error('not used');
    },
    async nextTurn(): Promise<never> {
      throw new Error('not used');
    },
  };
  return provider;
}

function capture() {
  const lines: Array<{ level: string; obj: Record<string, unknown>; msg: string }> = [];
  const at = (level: string) => (obj: object, msg: string) => void lines.push({ level, obj: obj as Record<string, unknown>, msg });
  const logger: AiLogger = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
  return { logger, lines };
}

const err = (kind: AiProviderError['kind'], status?: number, retryAfterMs?: number) =>
  new AiProviderError('remote', kind, `${kind} ${status ?? ''}`, status, retryAfterMs);

function client(providers: AiProvider[], extra: { resilience?: Partial<AiResilienceSettings>; now?: () => number } = {}) {
  const slept: number[] = [];
  const { logger, lines } = capture();
  const ai = createAiClient({
    providers,
    logger,
    resilience: { ...fast, ...extra.resilience },
    sleep: async (ms) => void slept.push(ms),
    random: () => 0.5,
    ...(extra.now ? { now: extra.now } : {}),
  });
  return { ai, slept, lines };
}

describe('AI client: retries', () => {
  it('retries retryable failures with growing back-off, then succeeds on the same provider', async () => {
    const remote = scripted('gemini', [err('server', 503), err('network'), QUESTION]);
    const { ai, slept, lines } = client([remote.provider, local()]);
    const result = await ai.planQuestion(planInput);
    expect(result).toEqual({ value: QUESTION, provider: 'gemini' });
    expect(remote.requests).toHaveLength(3);
    expect(slept).toEqual([8, 15]); // base 10 → 7.5..10, then 15..20 with random = 0.5
    expect(lines.find((l) => l.msg === 'ai call')?.obj).toMatchObject({ provider: 'gemini', intent: 'planQuestion', attempts: 3, outcome: 'ok' });
  });

  it('stops after maxRetries and falls back to the next provider', async () => {
    const remote = scripted('gemini', [err('server', 500)]);
    const offline = local('offline');
    const { ai, lines } = client([remote.provider, offline]);
    expect(await ai.planQuestion(planInput)).toEqual({ value: QUESTION, provider: 'offline' });
    expect(remote.requests).toHaveLength(3);
    expect(offline.calls).toBe(1);
    expect(lines.find((l) => l.level === 'warn')?.obj).toMatchObject({ provider: 'gemini', attempts: 3, outcome: 'server', status: 500 });
  });

  it('honours a short Retry-After, and fails over at once when the server asks for longer than the longest wait', async () => {
    const remote = scripted('openai', [err('rate_limited', 429, 120), err('rate_limited', 429, 60_000), QUESTION]);
    const { ai, slept } = client([remote.provider, local()]);
    expect((await ai.planQuestion(planInput)).provider).toBe('local');
    expect(remote.requests).toHaveLength(2);
    expect(slept).toEqual([120]);
  });

  it('does not wait longer than the call budget allows: it moves on instead', async () => {
    const remote = scripted('openai', [err('rate_limited', 429, 250)]);
    const { ai, slept } = client([remote.provider, local()], { resilience: { callBudgetMs: 200 } });
    expect((await ai.planQuestion(planInput)).provider).toBe('local');
    expect(remote.requests).toHaveLength(1);
    expect(slept).toEqual([]);
  });
});

describe('AI client: timeouts', () => {
  it('gives each attempt its own timeout (via the signal) and falls back at once: a timeout is not retried', async () => {
    const remote = scripted('gemini', ['hang']);
    const { ai, lines } = client([remote.provider, local()], { resilience: { attemptTimeoutMs: 20, callBudgetMs: 2000 } });
    expect((await ai.planQuestion(planInput)).provider).toBe('local');
    expect(remote.requests).toHaveLength(1);
    expect(remote.signals.every((s) => s.aborted)).toBe(true);
    expect(lines.find((l) => l.level === 'warn')?.obj).toMatchObject({ outcome: 'timeout', attempts: 1 });
  });

  it("uses a provider's own timeouts over the client's (a model on localhost is given longer)", async () => {
    const remote = scripted('ollama', ['hang']);
    const patient: RemoteAiProvider = { ...remote.provider, timeouts: { attemptMs: 40, budgetMs: 100 } };
    const started = { at: 0 };
    const { ai } = client([patient, local()], { resilience: { attemptTimeoutMs: 5, callBudgetMs: 10 } });
    started.at = Date.now();
    const pending = ai.planQuestion(planInput);
    await new Promise((r) => setTimeout(r, 15));
    // Past the client's own 5 ms attempt timeout, the provider's attempt is still running.
    expect(remote.signals[0]!.aborted).toBe(false);
    expect((await pending).provider).toBe('local');
    expect(remote.signals[0]!.aborted).toBe(true);
  });

  it('stops at the call budget even with retries left', async () => {
    const remote = scripted('gemini', ['hang']);
    const { ai, lines } = client([remote.provider, local()], {
      resilience: { attemptTimeoutMs: 1000, callBudgetMs: 60, maxRetries: 5 },
    });
    expect((await ai.planQuestion(planInput)).provider).toBe('local');
    expect(remote.requests).toHaveLength(1);
    expect(lines.find((l) => l.level === 'warn')?.obj).toMatchObject({ outcome: 'budget', attempts: 1 });
  });

  it('puts no timeout in the way of a local provider', async () => {
    const slow: AiProvider = {
      ...local('offline'),
      planQuestion: () => new Promise((resolve) => setTimeout(() => resolve(QUESTION), 60)),
    };
    const { ai } = client([slow], { resilience: { attemptTimeoutMs: 10, callBudgetMs: 20 } });
    expect(await ai.planQuestion(planInput)).toEqual({ value: QUESTION, provider: 'offline' });
  });
});

describe('AI client: non-retryable failures', () => {
  it('moves on at once, logs the operator message once, and opens the circuit', async () => {
    const remote = scripted('gemini', [err('auth', 401)]);
    const { ai, lines, slept } = client([remote.provider, local()]);
    expect((await ai.planQuestion(planInput)).provider).toBe('local');
    expect((await ai.planQuestion(planInput)).provider).toBe('local');
    expect(remote.requests).toHaveLength(1);
    expect(slept).toEqual([]);
    const operator = lines.filter((l) => l.level === 'error');
    expect(operator.map((l) => l.msg)).toEqual(['GEMINI rejected the API key (401): check GEMINI_KEY']);
    expect(ai.providerStatus()[0]).toMatchObject({ name: 'gemini', model: 'gemini-model', remote: true, circuit: 'open' });
    expect(ai.providerStatus()[0]!.circuits?.planQuestion).toBe('open');
    expect(lines.some((l) => l.obj.outcome === 'skipped')).toBe(true);
  });

  it('moves on at once after a 400 without opening the circuit on the first one', async () => {
    const remote = scripted('openai', [err('bad_request', 400), QUESTION]);
    const { ai } = client([remote.provider, local()]);
    expect((await ai.planQuestion(planInput)).provider).toBe('local');
    expect(remote.requests).toHaveLength(1);
    expect(ai.providerStatus()[0]!.circuit).toBe('closed');
    expect((await ai.planQuestion(planInput)).provider).toBe('openai');
  });

  it('answers AI_UNAVAILABLE when every provider fails', async () => {
    const { ai } = client([scripted('gemini', [err('auth', 403)]).provider]);
    await expect(ai.planQuestion(planInput)).rejects.toMatchObject({ code: 'AI_UNAVAILABLE', statusCode: 503 });
  });
});

describe('AI client: invalid replies', () => {
  it('repairs an invalid reply once, on the same provider', async () => {
    const remote = scripted('gemini', ['```json\n{"text":"Too short"}\n```', QUESTION]);
    const { ai, lines } = client([remote.provider, local()]);
    expect(await ai.planQuestion(planInput)).toEqual({ value: QUESTION, provider: 'gemini' });
    expect(remote.requests.map((r) => Boolean(r.repair))).toEqual([false, true]);
    expect(lines.find((l) => l.msg === 'ai call')?.obj).toMatchObject({ attempts: 2, repaired: true });
  });

  it('moves on after the repair fails too', async () => {
    const remote = scripted('gemini', ['{"score": 42}']);
    const { ai, lines } = client([remote.provider, local()]);
    expect((await ai.planQuestion(planInput)).provider).toBe('local');
    expect(remote.requests).toHaveLength(2);
    expect(lines.find((l) => l.level === 'warn')?.obj).toMatchObject({ outcome: 'invalid_reply' });
  });
});

describe('AI client: circuit breaker', () => {
  it('opens after consecutive failed calls, skips the provider, then lets one probe through', async () => {
    const clock = { now: 0 };
    const remote = scripted('openai', [err('server', 503)]);
    const { ai } = client([remote.provider, local()], {
      resilience: { maxRetries: 0, circuitThreshold: 2, circuitCooldownMs: 1000 },
      now: () => clock.now,
    });
    await ai.planQuestion(planInput);
    await ai.planQuestion(planInput);
    expect(remote.requests).toHaveLength(2);
    expect(ai.providerStatus()[0]!.circuit).toBe('open');

    await ai.planQuestion(planInput);
    await ai.planQuestion(planInput);
    expect(remote.requests).toHaveLength(2); // skipped while open

    clock.now = 1000;
    expect(ai.providerStatus()[0]!.circuit).toBe('half-open');
    // The provider has recovered. The trial call runs in the background: this candidate is
    // served by the next provider at once, and the next one by the recovered provider.
    remote.script.splice(0, remote.script.length, QUESTION);
    expect((await ai.planQuestion(planInput)).provider).toBe('local');
    expect(remote.requests).toHaveLength(3);
    await new Promise((r) => setTimeout(r, 0));
    expect(ai.providerStatus()[0]!.circuit).toBe('closed');
    expect((await ai.planQuestion(planInput)).provider).toBe('openai');
  });

  it('counts failures per intent: a broken evaluation path opens its own circuit while planning goes on', async () => {
    const remote = scripted('openai', [QUESTION]);
    remote.provider.complete = async (request) => {
      if (request.intent === 'evaluateAnswer') throw err('server', 500);
      return JSON.stringify(QUESTION);
    };
    const offline = local('offline');
    offline.evaluateAnswer = async () => ({ score: 5, criteria: [], strengths: [], weaknesses: [], followUp: null, summary: '' }) as never;
    const { ai } = client([remote.provider, offline], { resilience: { maxRetries: 0, circuitThreshold: 2 } });
    const evaluation: EvaluateAnswerInput = { context, questionNumber: 1, question: QUESTION, answer: 'I led the migration at Northwind and cut costs by 20%.', isFollowUp: false };
    await ai.evaluateAnswer(evaluation).catch(() => undefined);
    await ai.evaluateAnswer(evaluation).catch(() => undefined);
    const status = ai.providerStatus()[0]!;
    expect(status.circuits).toMatchObject({ evaluateAnswer: 'open', planQuestion: 'closed' });
    expect(status.circuit).toBe('open');
    expect((await ai.planQuestion(planInput)).provider).toBe('openai');
  });
});

describe('AI client: honesty guards on remote output', () => {
  it('caps a generous score for a one-word answer and drops invented quotes', async () => {
    const generous = {
      score: 10,
      criteria: ['relevance', 'structure', 'specificity', 'ownership', 'concision'].map((criterion) => ({ criterion, score: 5, note: 'Great.' })),
      strengths: [{ point: 'Led a big migration.', quote: 'I led the Kubernetes migration' }],
      weaknesses: [],
      followUp: 'Could you say more about that migration?',
      summary: 'Outstanding.',
    };
    const remote = scripted('gemini', [generous]);
    const { ai } = client([remote.provider]);
    const input: EvaluateAnswerInput = {
      context,
      questionNumber: 2,
      question: { text: 'Tell me about a time you led a migration.', kind: 'behavioral', focus: 'leadership' },
      answer: 'fine',
      isFollowUp: true,
    };
    const { value, provider } = await ai.evaluateAnswer(input);
    expect(provider).toBe('gemini');
    expect(value.score).toBeLessThanOrEqual(2);
    expect(value.strengths).toEqual([]);
    expect(value.followUp).toBeNull();
  });
});

describe('AI client: status', () => {
  it('lists every provider with its model and circuit', () => {
    const { ai } = client([scripted('gemini', [QUESTION]).provider, local('offline')]);
    expect(ai.providerNames).toEqual(['gemini', 'offline']);
    const closed = { planQuestion: 'closed', nextTurn: 'closed', evaluateAnswer: 'closed', summarizeInterview: 'closed' };
    expect(ai.providerStatus()).toEqual([
      { name: 'gemini', model: 'gemini-model', remote: true, circuit: 'closed', circuits: closed },
      { name: 'offline', model: null, remote: false, circuit: 'closed' },
    ]);
  });
});
