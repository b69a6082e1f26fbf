/**
 * A fake AI server for tests, on 127.0.0.1 and a random port, speaking just enough of two APIs
 * for the real SDKs to talk to it:
 *   Gemini  POST /v1beta/models/{model}:generateContent
 *           POST /v1beta/models/{model}:streamGenerateContent?alt=sse   (server-sent events)
 *   OpenAI  POST /v1/chat/completions
 *
 * Each API is scripted per test: a queue of behaviours consumed one per request, then a
 * default. Behaviours: a valid reply computed from the request (question / evaluation /
 * summary, recognised from the schema in the request), canned JSON or raw text, any HTTP
 * status (500, 503, 401, 429 with Retry-After…), a hang longer than any timeout, a dropped
 * connection, a non-JSON body. `failRandomly` fails a share of requests with a seeded PRNG, so
 * a "flaky" run is the same every time. Every request is recorded (path, headers, body, the
 * intent it was for) so tests can count attempts and check headers.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type Api = 'gemini' | 'openai';
export type Intent = 'planQuestion' | 'evaluateAnswer' | 'summarizeInterview';

export interface RecordedRequest {
  api: Api;
  /** 1-based order across both APIs. */
  seq: number;
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: any;
  /** Raw body text. */
  raw: string;
  intent: Intent | null;
  model: string | null;
  stream: boolean;
  /** The main prompt (first user message). */
  prompt: string;
  /** The system prompt. */
  system: string;
  /** What the fake did with it. */
  behaviour: Behaviour['kind'];
}

export type ReplyFn = (request: RecordedRequest) => unknown;

export type Behaviour =
  /** A valid reply for the request's intent; `patch` overrides fields of it. */
  | { kind: 'ok'; patch?: Record<string, unknown>; reply?: ReplyFn }
  /** This value, serialised, as the model's text. */
  | { kind: 'json'; value: unknown }
  /** This exact model text (malformed JSON, fenced JSON, prose…). */
  | { kind: 'text'; text: string }
  /** An HTTP error. */
  | { kind: 'status'; status: number; headers?: Record<string, string>; body?: unknown }
  /** Never answers (until the client gives up and closes the connection). */
  | { kind: 'hang' }
  /** Closes the connection without a response. */
  | { kind: 'drop' }
  /** 200 with a body that is not JSON at all. */
  | { kind: 'garbage' };

export const ok = (patch?: Record<string, unknown>): Behaviour => ({ kind: 'ok', ...(patch ? { patch } : {}) });
export const json = (value: unknown): Behaviour => ({ kind: 'json', value });
export const text = (value: string): Behaviour => ({ kind: 'text', text: value });
export const status = (code: number, options: { headers?: Record<string, string>; body?: unknown } = {}): Behaviour => ({
  kind: 'status',
  status: code,
  ...options,
});
export const hang = (): Behaviour => ({ kind: 'hang' });
export const drop = (): Behaviour => ({ kind: 'drop' });
export const garbage = (): Behaviour => ({ kind: 'garbage' });

/** mulberry32: a tiny seeded PRNG, so random failures repeat exactly. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface FakeAiServer {
  /** http://127.0.0.1:port */
  readonly url: string;
  /** For GEMINI_BASE_URL / httpOptions.baseUrl. */
  readonly geminiBaseUrl: string;
  /** For OPENAI_BASE_URL / baseURL. */
  readonly openaiBaseUrl: string;
  readonly requests: RecordedRequest[];
  requestsFor(api: Api): RecordedRequest[];
  /** Behaviours for the next requests to `api`, in order. */
  enqueue(api: Api, ...behaviours: Behaviour[]): void;
  /** What `api` does once its queue is empty (initially: ok()). */
  setDefault(api: Api, behaviour: Behaviour | ((request: RecordedRequest) => Behaviour)): void;
  /** From now on, fail a share `rate` of `api`'s requests (seeded), answering the rest properly. */
  failRandomly(api: Api, options: { rate: number; seed: number; failure?: Behaviour }): void;
  /** Clears queues, defaults and recorded requests. */
  reset(): void;
  close(): Promise<void>;
}

// --- valid replies ---------------------------------------------------------------------------

const between = (text: string, open: RegExp, close: string): string | null => {
  const start = open.exec(text);
  if (!start) return null;
  const from = start.index + start[0].length;
  const end = text.indexOf(close, from);
  return end < 0 ? null : text.slice(from, end).trim();
};

function questionReply(request: RecordedRequest): Record<string, unknown> {
  const n = Number(/Plan question (\d+) of/.exec(request.prompt)?.[1] ?? 1);
  const kind = /is the "([a-z_]+)" question/.exec(request.prompt)?.[1] ?? 'behavioral';
  return {
    text: `Question ${n} from the fake ${request.api} model: tell me about a time you delivered something you are proud of (${kind}).`,
    kind,
    focus: `fake focus ${n}`,
  };
}

const CRITERIA = ['relevance', 'structure', 'specificity', 'ownership', 'concision'];

function evaluationReply(request: RecordedRequest): Record<string, unknown> {
  const answer = between(request.prompt, /<answer>/, '</answer>') ?? '';
  const words = answer.split(/\s+/).filter(Boolean);
  const quote = words.slice(0, 8).join(' ');
  return {
    score: 7,
    criteria: CRITERIA.map((criterion) => ({ criterion, score: 3, note: `The fake ${request.api} model's note on ${criterion}.` })),
    strengths: words.length >= 3 ? [{ point: 'Opens with a concrete situation.', quote }] : [],
    weaknesses: [{ point: 'Could quantify the result more precisely.', quote: '' }],
    followUp: null,
    summary: `A solid answer (fake ${request.api} model). Add one more number about the result.`,
  };
}

function summaryReply(request: RecordedRequest): Record<string, unknown> {
  const transcript = between(request.prompt, /<interview>/, '</interview>') ?? '';
  const firstAnswer = /\nA: (.+)/.exec(transcript)?.[1] ?? '';
  const quote = firstAnswer.split(/\s+/).slice(0, 6).join(' ');
  return {
    overallScore: 7,
    headline: `A capable interview (fake ${request.api} model): specific examples, results could be sharper.`,
    strengths: quote ? [{ point: 'Concrete opening example.', quote, questionNumber: 1 }] : [],
    weaknesses: [{ point: 'Results were not always quantified.', quote: '', questionNumber: 2 }],
    cvTips: [{ tip: 'Lead each role with a measurable result.', evidence: 'The job description asks for proven delivery.' }],
  };
}

export function validReply(request: RecordedRequest): Record<string, unknown> {
  switch (request.intent) {
    case 'evaluateAnswer':
      return evaluationReply(request);
    case 'summarizeInterview':
      return summaryReply(request);
    default:
      return questionReply(request);
  }
}

// --- request parsing ---------------------------------------------------------------------------

function intentOf(raw: string): Intent | null {
  if (raw.includes('overallScore')) return 'summarizeInterview';
  if (raw.includes('followUp')) return 'evaluateAnswer';
  if (raw.includes('focus')) return 'planQuestion';
  return null;
}

function promptsOf(api: Api, body: any): { prompt: string; system: string } {
  if (api === 'gemini') {
    const parts = (c: any) => (c?.parts ?? []).map((p: any) => p.text ?? '').join('');
    const user = (body?.contents ?? []).find((c: any) => c.role !== 'model');
    return { prompt: parts(user), system: parts(body?.systemInstruction) };
  }
  const messages: any[] = body?.messages ?? [];
  const content = (m: any) => (typeof m?.content === 'string' ? m.content : '');
  return { prompt: content(messages.find((m) => m.role === 'user')), system: content(messages.find((m) => m.role === 'system')) };
}

// --- responses ----------------------------------------------------------------------------------

function sendJson(res: http.ServerResponse, code: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(code, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

const STATUS_NAMES: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  408: 'DEADLINE_EXCEEDED',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  503: 'UNAVAILABLE',
};

function errorBody(api: Api, code: number, request: RecordedRequest): unknown {
  // Like some real servers, the 401 message echoes the key it was given: logs must not.
  const key = api === 'gemini' ? String(request.headers['x-goog-api-key'] ?? '') : String(request.headers.authorization ?? '').replace(/^Bearer /, '');
  const message = code === 401 ? `Incorrect API key provided: ${key}` : `fake ${STATUS_NAMES[code] ?? 'error'} (${code})`;
  return api === 'gemini'
    ? { error: { code, message, status: STATUS_NAMES[code] ?? 'UNKNOWN' } }
    : { error: { message, type: code === 401 ? 'invalid_request_error' : 'server_error', code: code === 401 ? 'invalid_api_key' : null } };
}

function modelText(behaviour: Behaviour, request: RecordedRequest): string {
  if (behaviour.kind === 'text') return behaviour.text;
  if (behaviour.kind === 'json') return JSON.stringify(behaviour.value);
  if (behaviour.kind === 'ok') {
    const base = behaviour.reply ? behaviour.reply(request) : validReply(request);
    return JSON.stringify({ ...(base as object), ...behaviour.patch });
  }
  return '';
}

function geminiPayload(textValue: string, model: string | null) {
  return {
    candidates: [{ content: { role: 'model', parts: [{ text: textValue }] }, finishReason: 'STOP', index: 0 }],
    usageMetadata: { promptTokenCount: 100, candidatesTokenCount: 50, totalTokenCount: 150 },
    modelVersion: model ?? 'fake',
  };
}

function openAiPayload(textValue: string, model: string | null) {
  return {
    id: 'chatcmpl-fake',
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: model ?? 'fake',
    choices: [{ index: 0, message: { role: 'assistant', content: textValue, refusal: null }, finish_reason: 'stop', logprobs: null }],
    usage: { prompt_tokens: 100, completion_tokens: 50, total_tokens: 150 },
  };
}

// --- the server -----------------------------------------------------------------------------------

export async function startFakeAiServer(): Promise<FakeAiServer> {
  const requests: RecordedRequest[] = [];
  const queues: Record<Api, Behaviour[]> = { gemini: [], openai: [] };
  const defaults: Record<Api, (r: RecordedRequest) => Behaviour> = { gemini: () => ok(), openai: () => ok() };
  const hanging = new Set<http.ServerResponse>();

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const url = new URL(req.url ?? '/', 'http://fake');
      const gemini = /^\/v1beta\/models\/([^/:]+):(generateContent|streamGenerateContent)$/.exec(url.pathname);
      const api: Api | null = gemini ? 'gemini' : url.pathname === '/v1/chat/completions' ? 'openai' : null;
      if (!api || req.method !== 'POST') return sendJson(res, 404, { error: { code: 404, message: `no route ${req.method} ${url.pathname}` } });
      let body: any = null;
      try {
        body = JSON.parse(raw);
      } catch {
        return sendJson(res, 400, { error: { code: 400, message: 'request body is not JSON' } });
      }
      const recorded: RecordedRequest = {
        api,
        seq: requests.length + 1,
        method: req.method,
        path: `${url.pathname}${url.search}`,
        headers: req.headers,
        body,
        raw,
        intent: intentOf(raw),
        model: gemini ? decodeURIComponent(gemini[1]!) : (body?.model ?? null),
        stream: gemini?.[2] === 'streamGenerateContent',
        ...promptsOf(api, body),
        behaviour: 'ok',
      };
      const behaviour = queues[api].shift() ?? defaults[api](recorded);
      recorded.behaviour = behaviour.kind;
      requests.push(recorded);
      respond(api, behaviour, recorded, res);
    });
  });

  function respond(api: Api, behaviour: Behaviour, request: RecordedRequest, res: http.ServerResponse) {
    switch (behaviour.kind) {
      case 'hang':
        hanging.add(res);
        res.on('close', () => hanging.delete(res));
        return;
      case 'drop':
        res.socket?.destroy();
        return;
      case 'garbage':
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('<html><body>502 Bad Gateway</body></html>');
        return;
      case 'status':
        return sendJson(res, behaviour.status, behaviour.body ?? errorBody(api, behaviour.status, request), behaviour.headers);
      default: {
        const textValue = modelText(behaviour, request);
        if (api === 'openai') return sendJson(res, 200, openAiPayload(textValue, request.model));
        if (!request.stream) return sendJson(res, 200, geminiPayload(textValue, request.model));
        // Server-sent events: the text in two chunks, as a streaming model would send it.
        res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
        const half = Math.ceil(textValue.length / 2);
        for (const part of [textValue.slice(0, half), textValue.slice(half)]) {
          res.write(`data: ${JSON.stringify(geminiPayload(part, request.model))}\r\n\r\n`);
        }
        res.end();
      }
    }
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;

  return {
    url,
    geminiBaseUrl: url,
    openaiBaseUrl: `${url}/v1`,
    requests,
    requestsFor: (api) => requests.filter((r) => r.api === api),
    enqueue: (api, ...behaviours) => void queues[api].push(...behaviours),
    setDefault(api, behaviour) {
      defaults[api] = typeof behaviour === 'function' ? behaviour : () => behaviour;
    },
    failRandomly(api, { rate, seed, failure = status(503) }) {
      const random = seededRandom(seed);
      defaults[api] = () => (random() < rate ? failure : ok());
    },
    reset() {
      requests.length = 0;
      queues.gemini.length = 0;
      queues.openai.length = 0;
      defaults.gemini = () => ok();
      defaults.openai = () => ok();
    },
    async close() {
      for (const res of hanging) res.socket?.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
