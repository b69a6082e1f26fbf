/**
 * The real-model path against the fake AI server, with the real clients: what each provider
 * is sent (streaming, sampling, schemas, OpenRouter's headers, Ollama's context window), that
 * the candidate waits for one model call per answer, that the ordinary slips of real models
 * never hand an interview to the offline interviewer, and the event stream the page follows.
 */
import { afterAll, beforeAll, beforeEach, describe, expect } from 'vitest';
import { createAiClient, type AiLogger, type CallProgress } from '../../src/ai/ai-client.js';
import { createGeminiProvider } from '../../src/ai/providers/gemini.js';
import { createOllamaProvider } from '../../src/ai/providers/ollama.js';
import { createOpenAiCompatibleProvider } from '../../src/ai/providers/openai-compatible.js';
import type { AiProvider, NextTurnInput } from '../../src/ai/types.js';
import { NO_RATE_LIMITS, testConfig, type AppConfig } from '../../src/config.js';
import { cutOff, hang, ok, sloppy, startFakeAiServer, status, type Api, type FakeAiServer } from '../support/fake-ai-server.js';
import { answerAll, currentQuestion, fixture, setUpSession, whenPrepared } from '../support/interview-driver.js';
import { useTestApp, Visitor } from '../support/test-app.js';
import { stored } from '../support/db-inspect.js';
import { html } from '../support/html.js';
import { strongAnswer } from '../support/answers.js';

let fake: FakeAiServer;
beforeAll(async () => {
  fake = await startFakeAiServer();
});
afterAll(async () => {
  await fake.close();
});
// Before each test rather than after: the fixture closes a test's apps after its hooks, and
// nothing they send while closing may reach the next test's recorded requests.
beforeEach(() => {
  fake.reset();
});

const test = useTestApp({ eager: false });

const quiet: AiLogger = { debug() {}, info() {}, warn() {}, error() {} };
const noLimits = { rateLimits: NO_RATE_LIMITS };

/** The app with one remote provider (the fake, speaking `api`), then the offline interviewer. */
function configFor(api: Api, overrides: Partial<AppConfig> = {}): Partial<AppConfig> {
  const base = testConfig();
  return {
    ...noLimits,
    aiProviders: [api, 'offline'],
    gemini: { ...base.gemini, apiKey: 'g-key', baseUrl: fake.geminiBaseUrl },
    openai: { ...base.openai, apiKey: 'o-key', baseUrl: fake.openaiBaseUrl, model: 'fake-model' },
    ollama: { ...base.ollama, host: fake.ollamaHost, model: 'qwen2.5:7b' },
    ...overrides,
  };
}

const context = {
  jobTitle: 'Senior Backend Engineer',
  companyName: 'Northwind Health',
  jobDescription: fixture('job-backend-engineer.txt').toString('utf8'),
  cvText: fixture('cv-alex-morgan.txt').toString('utf8'),
  interviewType: 'mixed' as const,
};

const turnInput: NextTurnInput = {
  context,
  answered: {
    questionNumber: 2,
    question: { text: 'Tell me about a disagreement with a colleague.', kind: 'behavioral', focus: 'conflict' },
    keyPoints: ['names the disagreement', 'says what they did themselves'],
    level: 'mid',
    answer: 'When two product managers disagreed about a billing change, I set up a meeting, wrote down the options and we shipped the safer one; refunds fell by 30%.',
    isFollowUp: false,
    canFollowUp: true,
  },
  previous: [{ questionNumber: 1, text: 'Walk me through your background.', kind: 'opener', focus: 'introduction', answer: 'I build backends.' }],
  next: { questionNumber: 3 },
};

describe('the ordinary slips of real models', () => {
  for (const api of ['openai', 'gemini', 'ollama'] as const) {
    test(`${api}: a whole interview whose every reply is wrapped, fenced after prose, with trailing commas, numbers as strings, odd enum case, nulls and over-long texts is still served by the model`, { timeout: 60_000 }, async ({ makeApp }) => {
      fake.setTransform(api, (text) => sloppy(text));
      const app = await makeApp(configFor(api));
      const visitor = new Visitor(app);
      const id = await setUpSession(visitor, { cv: 'cv-alex-morgan.txt' });
      expect((await visitor.post(`/session/${id}/start`)).statusCode).toBe(303);
      const asked = await answerAll(visitor, id, strongAnswer);
      expect(asked.length).toBeGreaterThanOrEqual(8);
      expect((await visitor.post(`/session/${id}/complete`)).statusCode).toBe(303);

      const providers = new Set((await stored(app).messages(id)).map((m) => m.provider));
      expect([...providers]).toEqual([api]);
      expect((await stored(app).feedback(id))!.provider).toBe(api);
      // Every slip was read as it came: not one repair request was needed.
      const requests = fake.requestsFor(api);
      expect(requests.length).toBeGreaterThan(8);
      expect(requests.every((r) => !/could not be used/.test(JSON.stringify(r.body)))).toBe(true);
      expect(new Set(requests.map((r) => r.intent))).toEqual(new Set(['planQuestion', 'nextTurn', 'evaluateAnswer', 'summarizeInterview']));
    });
  }
});

describe('one model call per answer', () => {
  test('the next question comes from the turn alone: an evaluation that hangs is not in the way', { timeout: 60_000 }, async ({ makeApp }) => {
    fake.setDefault('openai', (request) => (request.intent === 'evaluateAnswer' ? hang() : ok()));
    const app = await makeApp(configFor('openai'));
    const visitor = new Visitor(app);
    const id = await setUpSession(visitor, { cv: 'cv-alex-morgan.txt' });
    await visitor.post(`/session/${id}/start`);
    const q1 = (await currentQuestion(visitor, id))!;
    const turnsBefore = fake.requests.filter((r) => r.intent === 'nextTurn').length;
    expect((await visitor.post(`/session/${id}/message`, { answer: strongAnswer(q1), question_id: q1.id })).statusCode).toBe(303);
    const q2 = (await currentQuestion(visitor, id))!;
    expect(q2.number).toBe(2);
    expect(q2.text).toMatch(/from the fake openai model/);
    // One call for the candidate (the turn) and one beside it (the evaluation, still hanging).
    expect(fake.requests.filter((r) => r.intent === 'nextTurn').length - turnsBefore).toBe(1);
    const answer1 = (await stored(app).messages(id)).find((m) => m.kind === 'answer')!;
    expect(answer1.decision!.action).toBe('move_on');
  });

  test("the model's follow-up is the one asked, aimed at what it says the answer missed", async ({ makeApp }) => {
    fake.setDefault('openai', (request) =>
      request.intent === 'nextTurn'
        ? ok({ decision: 'follow_up', missedKeyPoints: ['states the measurable result'], question: 'You said the deploys got faster: by how much, and how did you measure it?', reason: 'I want to hear the result.' })
        : ok(),
    );
    const app = await makeApp(configFor('openai'));
    const visitor = new Visitor(app);
    const id = await setUpSession(visitor, { cv: 'cv-alex-morgan.txt' });
    await visitor.post(`/session/${id}/start`);
    const q1 = (await currentQuestion(visitor, id))!;
    await visitor.post(`/session/${id}/message`, { answer: strongAnswer(q1), question_id: q1.id });
    const followUp = (await currentQuestion(visitor, id))!;
    expect(followUp).toMatchObject({ number: 1, kind: 'follow_up', text: 'You said the deploys got faster: by how much, and how did you measure it?' });
    const page = html((await visitor.get(`/session/${id}/interview`)).body);
    expect(page.querySelector('#decision')?.textContent).toBe('I want to hear the result.');
    const row = (await stored(app).messages(id)).find((m) => m.kind === 'follow_up')!;
    expect(row.keyPoints).toEqual(['states the measurable result']);
  });
});

describe('what each provider is sent', () => {
  const progressOf = () => {
    const events: CallProgress[] = [];
    return { events, onProgress: (e: CallProgress) => void events.push(e) };
  };

  test('OpenAI-compatible: the turn streams, with a temperature and an output cap; OpenRouter gets its headers and require_parameters', async () => {
    const router = createOpenAiCompatibleProvider({
      apiKey: 'o-key',
      baseUrl: 'https://openrouter.ai/api/v1',
      model: 'openai/gpt-4o-mini',
      appUrl: 'https://rehearse.example.org',
      // The OpenRouter address is rewritten to the fake, so the request is what OpenRouter would see.
      fetch: (input, init) => fetch(String(input instanceof Request ? input.url : input).replace('https://openrouter.ai/api/v1', fake.openaiBaseUrl), init),
    });
    const ai = createAiClient({ providers: [router], logger: quiet });
    const watch = progressOf();
    const { value } = await ai.nextTurn(turnInput, { onProgress: watch.onProgress });
    expect(value.question?.text).toMatch(/^Question 3 from the fake openai model/);
    expect(value.question?.kind).toBe('skill'); // the slot's kind: mixed, question 3
    const [request] = fake.requests;
    expect(request!.body).toMatchObject({ stream: true, temperature: expect.any(Number), max_tokens: expect.any(Number), provider: { require_parameters: true } });
    expect(request!.headers['x-title']).toBe('Rehearse');
    expect(request!.headers['http-referer']).toBe('https://rehearse.example.org');
    // The question reached the watcher as it was written: more than one growing piece.
    const texts = watch.events.filter((e): e is Extract<CallProgress, { type: 'text' }> => e.type === 'text').map((e) => e.text);
    expect(texts.length).toBeGreaterThanOrEqual(1);
    expect(value.question!.text.startsWith(texts[0]!)).toBe(true);
    expect(texts.at(-1)).toBe(value.question!.text);

    // An evaluation nobody watches is not streamed.
    await ai.evaluateAnswer({ context, questionNumber: 2, question: turnInput.answered.question, answer: turnInput.answered.answer, isFollowUp: false });
    expect(fake.requests[1]!.body.stream).toBeUndefined();
  });

  test('Gemini: thinking is off for Flash by default and left to Pro; the turn streams', async () => {
    const flash = createGeminiProvider({ apiKey: 'g', model: 'gemini-2.5-flash', baseUrl: fake.geminiBaseUrl });
    const pro = createGeminiProvider({ apiKey: 'g', model: 'gemini-2.5-pro', baseUrl: fake.geminiBaseUrl });
    await createAiClient({ providers: [flash], logger: quiet }).nextTurn(turnInput, { onProgress: () => {} });
    await createAiClient({ providers: [pro], logger: quiet }).planQuestion({ context, questionNumber: 1, previous: [] });
    const [turn, plan] = fake.requests;
    expect(turn!.path).toBe('/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse');
    expect(turn!.body.generationConfig.thinkingConfig).toEqual({ thinkingBudget: 0 });
    expect(turn!.body.generationConfig.responseSchema.propertyOrdering.slice(0, 4)).toEqual(['assessment', 'missedKeyPoints', 'decision', 'question']);
    expect(plan!.path).toBe('/v1beta/models/gemini-2.5-pro:generateContent');
    expect(plan!.body.generationConfig.thinkingConfig).toBeUndefined();
    // Pro's thinking counts toward its output cap: the cap leaves room for it.
    expect(plan!.body.generationConfig.maxOutputTokens).toBeGreaterThan(8000);
  });

  test('Ollama: the native API with the schema as format, a context window sized from the prompt, keep_alive, and streaming for the turn', async () => {
    const ollama = createOllamaProvider({ host: fake.ollamaHost, model: 'qwen2.5:7b', keepAlive: '30m', maxContextTokens: 16384 });
    const ai = createAiClient({ providers: [ollama], logger: quiet });
    const { value } = await ai.nextTurn(turnInput, { onProgress: () => {} });
    expect(value.question?.text).toMatch(/^Question 3 from the fake ollama model/);
    await ai.planQuestion({ context, questionNumber: 1, previous: [] });
    const [turn, plan] = fake.requestsFor('ollama');
    expect(turn!.path).toBe('/api/chat');
    expect(turn!.body).toMatchObject({ model: 'qwen2.5:7b', stream: true, keep_alive: '30m' });
    expect(turn!.body.format.properties.decision.anyOf ?? turn!.body.format.properties.decision).toBeTruthy();
    const ctx = turn!.body.options.num_ctx as number;
    expect(Math.log2(ctx) % 1).toBe(0);
    expect(ctx).toBeGreaterThanOrEqual(4096);
    // The prompt (CV and job ad) would not fit Ollama's default 2–4k window.
    expect(ctx * 3).toBeGreaterThan(JSON.stringify(turn!.body.messages).length);
    expect(turn!.body.options).toMatchObject({ temperature: expect.any(Number), num_predict: expect.any(Number) });
    // The window never shrinks (each change reloads the model).
    expect(plan!.body.options.num_ctx).toBeGreaterThanOrEqual(ctx);
    expect(plan!.body.stream).toBe(false);
  });

  test('Ollama: a model that is not pulled is a configuration problem with the command that fixes it', async () => {
    fake.setDefault('ollama', status(404));
    const lines: string[] = [];
    const logger: AiLogger = { debug() {}, info() {}, warn() {}, error: (_obj, msg) => void lines.push(msg) };
    const ollama = createOllamaProvider({ host: fake.ollamaHost, model: 'qwen2.5:7b', keepAlive: '30m', maxContextTokens: 16384 });
    const offline: AiProvider = (await import('../../src/ai/providers/offline.js')).createOfflineProvider();
    const ai = createAiClient({ providers: [ollama, offline], logger });
    expect((await ai.planQuestion({ context, questionNumber: 1, previous: [] })).provider).toBe('offline');
    expect(lines).toEqual(['Ollama at ' + fake.ollamaHost + ' does not have the model "qwen2.5:7b" (404): run `ollama pull qwen2.5:7b` or check OLLAMA_MODEL']);
    expect(ai.providerStatus()[0]!.circuit).toBe('open');
  });

  test('a reply cut off at the length limit is recognised and asked again with more room, for each API', async () => {
    for (const api of ['openai', 'gemini', 'ollama'] as const) {
      fake.reset();
      fake.enqueue(api, cutOff());
      const provider =
        api === 'openai'
          ? createOpenAiCompatibleProvider({ apiKey: 'o', baseUrl: fake.openaiBaseUrl, model: 'm' })
          : api === 'gemini'
            ? createGeminiProvider({ apiKey: 'g', model: 'gemini-2.5-flash', baseUrl: fake.geminiBaseUrl })
            : createOllamaProvider({ host: fake.ollamaHost, model: 'm', keepAlive: '5m', maxContextTokens: 8192 });
      const ai = createAiClient({ providers: [provider], logger: quiet });
      const { value } = await ai.planQuestion({ context, questionNumber: 2, previous: [] });
      expect(value.text, api).toMatch(/^Question 2 from the fake/);
      const [first, second] = fake.requestsFor(api);
      expect(second, api).toBeDefined();
      expect(JSON.stringify(second!.body), api).toMatch(/cut off at the length limit/);
      const cap = (r: typeof first) => r!.body.max_tokens ?? r!.body.generationConfig?.maxOutputTokens ?? r!.body.options?.num_predict;
      expect(cap(second), api).toBeGreaterThan(cap(first));
    }
  });
});

describe('the event stream the page follows', () => {
  test('no htmx attribute is inherited: an element that makes a request names where its reply goes', async ({ makeApp }) => {
    const app = await makeApp(noLimits);
    const visitor = new Visitor(app);
    const id = await setUpSession(visitor, { cv: 'cv-alex-morgan.txt' });
    await visitor.post(`/session/${id}/start`);
    const doc = html((await visitor.get(`/session/${id}/interview`)).body);
    const config = JSON.parse(doc.querySelector('meta[name=htmx-config]')!.getAttribute('content')!);
    expect(config.disableInheritance).toBe(true);
    // The body hands down the CSRF header, and only that.
    expect(doc.querySelector('body')!.getAttribute('hx-inherit')).toBe('hx-headers');
    for (const el of doc.querySelectorAll('[hx-get], [hx-post]')) expect(el.getAttribute('hx-target'), el.outerHTML.slice(0, 80)).toBeTruthy();
  });

  test('sends the new section when the interviewer is done; someone else gets 404', async ({ makeApp }) => {
    const app = await makeApp(noLimits);
    const visitor = new Visitor(app);
    const id = await setUpSession(visitor, { cv: 'cv-alex-morgan.txt' });
    await visitor.post(`/session/${id}/start`);
    const res = await visitor.get(`/session/${id}/events`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-store');
    const done = /event: done\n((?:data: .*\n)+)\n/.exec(res.body);
    expect(done).not.toBeNull();
    const section = html(done![1]!.split('\n').map((l) => l.replace(/^data: /, '')).join('\n'));
    expect(section.querySelector('#interview')?.getAttribute('data-phase')).toBe('awaiting_answer');
    expect(section.querySelector('#question')?.getAttribute('data-question-number')).toBe('1');
    expect((await new Visitor(app).get(`/session/${id}/events`)).statusCode).toBe(404);
  });

  test('streams the status and the question as the model writes it, then the section', { timeout: 30_000 }, async ({ makeApp }) => {
    fake.setLatency('openai', { totalMs: 600 });
    const app = await makeApp(configFor('openai'));
    const visitor = new Visitor(app);
    const id = await setUpSession(visitor, { cv: 'cv-alex-morgan.txt' });
    await visitor.post(`/session/${id}/start`);
    const q1 = (await currentQuestion(visitor, id))!;
    const answered = await visitor.post(`/session/${id}/message`, { answer: strongAnswer(q1), question_id: q1.id }, { htmx: true });
    // Still working after the moment the request waits: the page is told to follow.
    expect(html(answered.body).querySelector('#turn')?.getAttribute('sse-connect')).toBe(`/session/${id}/events`);
    const stream = await visitor.get(`/session/${id}/events`);
    const events = [...stream.body.matchAll(/event: (\w+)\n((?:data: .*\n)+)/g)].map((m) => ({ event: m[1]!, data: m[2]!.replace(/^data: /gm, '').trim() }));
    const questions = events.filter((e) => e.event === 'question').map((e) => e.data);
    expect(questions.length).toBeGreaterThan(1);
    expect(questions.at(-1)).toMatch(/^Question 2 from the fake openai model/);
    expect(events.at(-1)!.event).toBe('done');
    expect(events.at(-1)!.data).toContain('data-question-number="2"');
    // The page, reloaded, has the question too.
    expect((await whenPrepared(() => visitor.get(`/session/${id}/interview`))).body).toContain('data-question-number="2"');
  });
});
