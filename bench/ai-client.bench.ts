/**
 * What the AI client costs on top of a bare SDK call, and how long a user waits when the
 * primary provider hangs.
 *
 * 1. Overhead per call over HTTP, against the fake AI server on 127.0.0.1: the same request
 *    sent with the bare SDK (prompt built beforehand, reply JSON-parsed) versus through the AI
 *    client (prompt rendering and relevance trimming, timeouts, retry wrapper, circuit breaker,
 *    schema validation, logging call). Runs are interleaved so drift hits both sides alike.
 *    Target: < 2 ms median overhead.
 * 2. The same overhead in-process, with a transport that answers at once (no network noise).
 * 3. Time to fall back when the primary hangs: bounded by the configured call budget; once the
 *    primary's circuit is open it is skipped and the fallback is immediate.
 *
 * Run: npx tsx bench/ai-client.bench.ts   (or npm run bench:ai)
 */
import { GoogleGenAI } from '@google/genai';
import OpenAI from 'openai';
import { createAiClient, type AiLogger } from '../src/ai/ai-client.js';
import { createGeminiProvider } from '../src/ai/providers/gemini.js';
import { createOpenAiCompatibleProvider } from '../src/ai/providers/openai-compatible.js';
import { createRemoteProvider, type RemoteAiProvider } from '../src/ai/remote-provider.js';
import { toGeminiSchema, toOpenAiStrictSchema } from '../src/ai/schema-dialects.js';
import type { AiResilienceSettings } from '../src/config.js';
import type { EvaluateAnswerInput, PlanQuestionInput } from '../src/ai/types.js';
import { hang, startFakeAiServer, validReply, type RecordedRequest } from '../tests/support/fake-ai-server.js';
import { appendResults, quantile } from './results.js';
import { fixtureContext } from './support/fixture-context.js';

const context = fixtureContext;
const planInput: PlanQuestionInput = { context, questionNumber: 3, previous: [] };
const evaluateInput: EvaluateAnswerInput = {
  context,
  questionNumber: 3,
  question: { text: 'Tell me about a time you made a slow API fast.', kind: 'behavioral', focus: 'performance' },
  answer:
    'At Brightline I owned the payment-authorisation service, whose p99 latency was 480 ms. I profiled the Node.js code, added PostgreSQL indexes and a Redis cache, and I rolled it out behind a feature flag. p99 fell to 120 ms and incidents dropped by 40% over the next quarter.',
  isFollowUp: false,
};

const quiet: AiLogger = { debug() {}, info() {}, warn() {}, error() {} };
const KEY = 'bench-key';
const RUNS = Number(process.env.BENCH_RUNS ?? 1000);
const WARM_UP = 100;

const stats = (samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: quantile(sorted, 0.5), p99: quantile(sorted, 0.99) };
};
const ms = (n: number) => n.toFixed(3);

/** Interleaves `a` and `b` for RUNS rounds (after a warm-up) and returns both sample sets. */
async function paired(a: () => Promise<unknown>, b: () => Promise<unknown>) {
  for (let i = 0; i < WARM_UP; i++) {
    await a();
    await b();
  }
  const sa: number[] = [];
  const sb: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const first = i % 2 === 0;
    for (const [fn, out] of first ? ([[a, sa], [b, sb]] as const) : ([[b, sb], [a, sa]] as const)) {
      const t = performance.now();
      await fn();
      out.push(performance.now() - t);
    }
  }
  return { direct: stats(sa), client: stats(sb) };
}

function row(label: string, r: Awaited<ReturnType<typeof paired>>) {
  return `| ${label} | ${RUNS} | ${ms(r.direct.median)} | ${ms(r.direct.p99)} | ${ms(r.client.median)} | ${ms(r.client.p99)} | **${ms(r.client.median - r.direct.median)}** |`;
}

const generous: Partial<AiResilienceSettings> = { attemptTimeoutMs: 10_000, callBudgetMs: 20_000 };
const fake = await startFakeAiServer();

// --- 1. over HTTP, real SDKs ---------------------------------------------------------------
const gemini = createGeminiProvider({ apiKey: KEY, model: 'gemini-2.5-flash', baseUrl: fake.geminiBaseUrl, thinkingBudget: 0 });
const geminiClient = createAiClient({ providers: [gemini], logger: quiet, resilience: generous });
const geminiSdk = new GoogleGenAI({ apiKey: KEY, httpOptions: { baseUrl: fake.geminiBaseUrl, retryOptions: { attempts: 1 } } });
const geminiRequest = gemini.prepare('planQuestion', planInput);
const geminiSchema = toGeminiSchema(geminiRequest.schema);
const geminiDirect = async () => {
  const response = await geminiSdk.models.generateContent({
    model: 'gemini-2.5-flash',
    contents: geminiRequest.messages.map((m) => ({ role: 'user', parts: [{ text: m.content }] })),
    config: {
      systemInstruction: geminiRequest.system,
      responseMimeType: 'application/json',
      responseSchema: geminiSchema,
      thinkingConfig: { thinkingBudget: 0 },
    },
  });
  return JSON.parse(response.text ?? '');
};

const openai = createOpenAiCompatibleProvider({ apiKey: KEY, baseUrl: fake.openaiBaseUrl, model: 'bench/model' });
const openaiClient = createAiClient({ providers: [openai], logger: quiet, resilience: generous });
const openaiSdk = new OpenAI({ apiKey: KEY, baseURL: fake.openaiBaseUrl, maxRetries: 0 });
const openaiRequest = openai.prepare('planQuestion', planInput);
const openaiSchema = toOpenAiStrictSchema(openaiRequest.schema);
const openaiDirect = async () => {
  const completion = await openaiSdk.chat.completions.create({
    model: 'bench/model',
    messages: [{ role: 'system', content: openaiRequest.system }, ...openaiRequest.messages],
    response_format: { type: 'json_schema', json_schema: { name: openaiRequest.schemaName, schema: openaiSchema, strict: true } },
  });
  return JSON.parse(completion.choices[0]?.message.content ?? '');
};

const httpRows = [
  row('Gemini SDK, planQuestion', await paired(geminiDirect, () => geminiClient.planQuestion(planInput))),
  row('OpenAI SDK, planQuestion', await paired(openaiDirect, () => openaiClient.planQuestion(planInput))),
];

// --- 2. in-process: a transport that answers at once ----------------------------------------
function instant(): RemoteAiProvider {
  const replies = new Map<string, string>();
  return createRemoteProvider({
    name: 'instant',
    label: 'Instant',
    model: 'none',
    async complete(request) {
      let reply = replies.get(request.intent);
      if (!reply) {
        const recorded = { intent: request.intent, prompt: request.messages[0]!.content, api: 'openai' } as RecordedRequest;
        replies.set(request.intent, (reply = JSON.stringify(validReply(recorded))));
      }
      return reply;
    },
    operatorMessage: () => undefined,
  });
}
const transport = instant();
const inProcess = createAiClient({ providers: [transport], logger: quiet, resilience: generous });
const planRequest = transport.prepare('planQuestion', planInput);
const evalRequest = transport.prepare('evaluateAnswer', evaluateInput);
const signal = new AbortController().signal;
const inProcessRows = [
  row('planQuestion', await paired(() => transport.complete(planRequest, signal), () => inProcess.planQuestion(planInput))),
  row('evaluateAnswer (+ honesty guard)', await paired(() => transport.complete(evalRequest, signal), () => inProcess.evaluateAnswer(evaluateInput))),
];

// --- 3. falling back when the primary hangs -------------------------------------------------
const hangSettings: Partial<AiResilienceSettings> = {
  attemptTimeoutMs: 250,
  callBudgetMs: 600,
  maxRetries: 2,
  retryBaseMs: 20,
  retryMaxDelayMs: 200,
  circuitThreshold: 3,
  circuitCooldownMs: 60_000,
};
fake.setDefault('gemini', hang());
const firstFallback: number[] = [];
for (let i = 0; i < 5; i++) {
  const chain = createAiClient({ providers: [gemini, openai], logger: quiet, resilience: hangSettings });
  const t = performance.now();
  const { provider } = await chain.planQuestion(planInput);
  firstFallback.push(performance.now() - t);
  if (provider !== 'openai') throw new Error(`expected the fallback to answer, got ${provider}`);
}
const chain = createAiClient({ providers: [gemini, openai], logger: quiet, resilience: hangSettings });
for (let i = 0; i < hangSettings.circuitThreshold!; i++) await chain.planQuestion(planInput);
const skipped: number[] = [];
for (let i = 0; i < 50; i++) {
  const t = performance.now();
  await chain.planQuestion(planInput);
  skipped.push(performance.now() - t);
}
const circuit = chain.providerStatus()[0]!.circuit;
await fake.close();

const first = stats(firstFallback);
const open = stats(skipped);
appendResults('AI client: overhead per call and fallback time', 'npx tsx bench/ai-client.bench.ts', [
  'Overhead over HTTP (fake AI server on 127.0.0.1, real SDKs; "direct" = bare SDK call with a pre-built prompt + JSON.parse):',
  '',
  '| call | runs | direct median ms | direct p99 ms | via ai-client median ms | via ai-client p99 ms | median overhead ms |',
  '|---|---|---|---|---|---|---|',
  ...httpRows,
  '',
  'Overhead in-process (a transport that answers at once, so only the client\'s own work is measured):',
  '',
  '| call | runs | transport median ms | transport p99 ms | via ai-client median ms | via ai-client p99 ms | median overhead ms |',
  '|---|---|---|---|---|---|---|',
  ...inProcessRows,
  '',
  `Fallback when the primary (Gemini) hangs — attempt timeout ${hangSettings.attemptTimeoutMs} ms, call budget ${hangSettings.callBudgetMs} ms, ${hangSettings.maxRetries} retries:`,
  '',
  '| situation | runs | median ms | max ms |',
  '|---|---|---|---|',
  `| first calls (circuit closed): time until the OpenAI-compatible fallback answered | ${firstFallback.length} | ${ms(first.median)} | ${ms(Math.max(...firstFallback))} |`,
  `| after ${hangSettings.circuitThreshold} failed calls (circuit ${circuit}): primary skipped | ${skipped.length} | ${ms(open.median)} | ${ms(Math.max(...skipped))} |`,
]);
