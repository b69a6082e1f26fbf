/**
 * A fake AI server for tests, on 127.0.0.1 and a random port, speaking just enough of three
 * APIs for the real clients to talk to it:
 *   Gemini  POST /v1beta/models/{model}:generateContent
 *           POST /v1beta/models/{model}:streamGenerateContent?alt=sse   (server-sent events)
 *   OpenAI  POST /v1/chat/completions                                   (stream: true → SSE)
 *   Ollama  POST /api/chat                                              (stream → NDJSON)
 *
 * Each API is scripted per test: a queue of behaviours consumed one per request, then a
 * default. Behaviours: a valid reply computed from the request (question / turn / evaluation /
 * summary, recognised from the schema in the request), canned JSON or raw text, any HTTP
 * status (500, 503, 401, 429 with Retry-After…), a hang longer than any timeout, a dropped
 * connection, a non-JSON body. `failRandomly` fails a share of requests with a seeded PRNG, so
 * a "flaky" run is the same every time. Every request is recorded (path, headers, body, the
 * intent it was for) so tests can count attempts and check headers.
 *
 * Like a real model, it can be slow: `setLatency` makes every reply take that long, streamed
 * replies arriving in pieces from the first token on. And like a real model it can slip:
 * `setTransform` rewrites every model text it sends (see `sloppy` for the ordinary slips).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type Api = 'gemini' | 'openai' | 'ollama';
export type Intent = 'planQuestion' | 'nextTurn' | 'evaluateAnswer' | 'summarizeInterview';

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
  | { kind: 'garbage' }
  /** The first half of a valid reply, stopped at the length limit (finish_reason "length", MAX_TOKENS). */
  | { kind: 'cut_off' };

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
export const cutOff = (): Behaviour => ({ kind: 'cut_off' });

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
  /** For OLLAMA_HOST. */
  readonly ollamaHost: string;
  readonly requests: RecordedRequest[];
  requestsFor(api: Api): RecordedRequest[];
  /** Behaviours for the next requests to `api`, in order. */
  enqueue(api: Api, ...behaviours: Behaviour[]): void;
  /** What `api` does once its queue is empty (initially: ok()). */
  setDefault(api: Api, behaviour: Behaviour | ((request: RecordedRequest) => Behaviour)): void;
  /** From now on, fail a share `rate` of `api`'s requests (seeded), answering the rest properly. */
  failRandomly(api: Api, options: { rate: number; seed: number; failure?: Behaviour }): void;
  /**
   * Every reply takes `totalMs`; a streamed one sends its first piece after `firstTokenMs`
   * (default a quarter of the total) and the rest spread evenly until `totalMs`.
   */
  setLatency(api: Api, latency: { totalMs: number; firstTokenMs?: number } | null): void;
  /** Rewrites every model text `api` sends (repairs included); null to stop. */
  setTransform(api: Api, transform: ((text: string, request: RecordedRequest) => string) | null): void;
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

/** A different subject for each question number, so no two fake questions read alike (a repeat is rejected). */
const TOPICS = [
  'your background and what brings you to this role',
  'a disagreement with a colleague about priorities',
  'a migration or rollout you led from start to finish',
  'a production incident you handled under pressure',
  'a trade-off between speed and quality you had to make',
  'an area of this job where your experience is thinner',
  'what draws you to this company in particular',
  'what you would aim to achieve in your first ninety days',
];
const topic = (n: number) => TOPICS[(n - 1) % TOPICS.length]!;

function questionReply(request: RecordedRequest): Record<string, unknown> {
  const n = Number(/plan question (\d+) of/i.exec(request.prompt)?.[1] ?? 1);
  const kind = /is the "([a-z_]+)" question/.exec(request.prompt)?.[1] ?? 'behavioral';
  return {
    text: `Question ${n} from the fake ${request.api} model: tell me about ${topic(n)} (${kind}).`,
    focus: `fake focus ${n}`,
    keyPoints: null,
    bankId: null,
  };
}

/** The interviewer's turn: moves on to the next question (the slot the prompt names), or ends after the last. */
function turnReply(request: RecordedRequest): Record<string, unknown> {
  const next = /move on to question (\d+) of/.exec(request.prompt);
  const kind = /the "([a-z_]+)" question:/.exec(request.prompt)?.[1] ?? 'behavioral';
  const n = next ? Number(next[1]) : null;
  return {
    assessment: `The fake ${request.api} model read the answer.`,
    missedKeyPoints: [],
    decision: 'move_on',
    question: n === null ? null : `Question ${n} from the fake ${request.api} model: tell me about ${topic(n)} (${kind}).`,
    reason: "Let's move on.",
    focus: n === null ? '' : `fake focus ${n}`,
    keyPoints: null,
    bankId: null,
  };
}

const CRITERIA = ['relevance', 'structure', 'specificity', 'ownership', 'concision'];

function evaluationReply(request: RecordedRequest): Record<string, unknown> {
  const answer = between(request.prompt, /<answer>/, '</answer>') ?? '';
  const words = answer.split(/\s+/).filter(Boolean);
  const quote = words.slice(0, 8).join(' ');
  return {
    criteria: CRITERIA.map((criterion) => ({ criterion, note: `The fake ${request.api} model's note on ${criterion}.`, score: 3 })),
    keyPoints: [],
    strengths: words.length >= 3 ? [{ point: 'Opens with a concrete situation.', quote }] : [],
    weaknesses: [{ point: 'Could quantify the result more precisely.', quote: '' }],
    summary: `A solid answer (fake ${request.api} model). Add one more number about the result.`,
    score: 7,
  };
}

function summaryReply(request: RecordedRequest): Record<string, unknown> {
  const transcript = between(request.prompt, /<interview>/, '</interview>') ?? '';
  const firstAnswer = /\nA: (.+)/.exec(transcript)?.[1] ?? '';
  const quote = firstAnswer.split(/\s+/).slice(0, 6).join(' ');
  return {
    strengths: quote ? [{ point: 'Concrete opening example.', quote, questionNumber: 1 }] : [],
    weaknesses: [{ point: 'Results were not always quantified.', quote: '', questionNumber: 2 }],
    cvTips: [{ tip: 'Lead each role with a measurable result.', evidence: 'The job description asks for proven delivery.' }],
    headline: `A capable interview (fake ${request.api} model): specific examples, results could be sharper.`,
    overallScore: 7,
  };
}

export function validReply(request: RecordedRequest): Record<string, unknown> {
  switch (request.intent) {
    case 'nextTurn':
      return turnReply(request);
    case 'evaluateAnswer':
      return evaluationReply(request);
    case 'summarizeInterview':
      return summaryReply(request);
    default:
      return questionReply(request);
  }
}

// --- request parsing ---------------------------------------------------------------------------

/**
 * Which intent a request is for, from the property names of its response schema: `"name":` as
 * a schema key in the request JSON; in prompt mode the schema is inside the system prompt's
 * text, where the same names appear escaped.
 */
function intentOf(raw: string): Intent | null {
  const keys: Array<[string, Intent]> = [
    ['overallScore', 'summarizeInterview'],
    ['missedKeyPoints', 'nextTurn'],
    ['criteria', 'evaluateAnswer'],
    ['focus', 'planQuestion'],
  ];
  for (const form of [(k: string) => `"${k}":`, (k: string) => `\\"${k}\\":`]) {
    const found = keys.find(([key]) => raw.includes(form(key)));
    if (found) return found[1];
  }
  return null;
}

function promptsOf(api: Api, body: any): { prompt: string; system: string } {
  if (api === 'ollama') {
    const messages: any[] = body?.messages ?? [];
    return { prompt: messages.find((m) => m.role === 'user')?.content ?? '', system: messages.find((m) => m.role === 'system')?.content ?? '' };
  }
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
  if (api === 'ollama') return { error: code === 404 ? `model "${request.model}" not found, try pulling it first` : `fake error (${code})` };
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
  if (behaviour.kind === 'cut_off') {
    const whole = JSON.stringify(validReply(request));
    return whole.slice(0, Math.floor(whole.length / 2));
  }
  return '';
}

function geminiPayload(textValue: string, model: string | null, finishReason = 'STOP') {
  return {
    candidates: [{ content: { role: 'model', parts: [{ text: textValue }] }, finishReason, index: 0 }],
    usageMetadata: { promptTokenCount: 100, candidatesTokenCount: 50, totalTokenCount: 150 },
    modelVersion: model ?? 'fake',
  };
}

function openAiPayload(textValue: string, model: string | null, finishReason = 'stop') {
  return {
    id: 'chatcmpl-fake',
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: model ?? 'fake',
    choices: [{ index: 0, message: { role: 'assistant', content: textValue, refusal: null }, finish_reason: finishReason, logprobs: null }],
    usage: { prompt_tokens: 100, completion_tokens: 50, total_tokens: 150 },
  };
}

function ollamaPayload(textValue: string, model: string | null, done: boolean, doneReason = 'stop') {
  return {
    model: model ?? 'fake',
    created_at: new Date().toISOString(),
    message: { role: 'assistant', content: textValue },
    done,
    ...(done ? { done_reason: doneReason, total_duration: 1, load_duration: 1, prompt_eval_count: 100, eval_count: 50 } : {}),
  };
}

/** `text` in `n` pieces of about equal length (a streaming model's chunks). */
function pieces(text: string, n: number): string[] {
  const size = Math.max(1, Math.ceil(text.length / n));
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out.length > 0 ? out : [''];
}

// --- the ordinary slips of real models -------------------------------------------------------------

const ENUM_KEYS = new Set(['criterion', 'decision']);
const PADDED_KEYS = new Set(['note', 'summary', 'reason', 'assessment']);

/**
 * A valid reply written the way real models slip, all at once: wrapped in an object, numbers
 * as strings, enum values capitalised, null for empty strings, texts past their length limits,
 * trailing commas, and the JSON fenced after a sentence of prose.
 */
export function sloppy(text: string): string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return text;
  }
  const walk = (v: unknown, key: string | null): unknown => {
    if (Array.isArray(v)) return v.map((x) => walk(x, null));
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, k)]));
    if (typeof v === 'number') return String(v);
    if (typeof v === 'string') {
      if (v === '') return null;
      if (key && ENUM_KEYS.has(key)) return v.charAt(0).toUpperCase() + v.slice(1).replace(/_/g, '-');
      if (key && PADDED_KEYS.has(key)) return `${v} ${'And that is worth saying at some length. '.repeat(20)}`;
    }
    return v;
  };
  const json = JSON.stringify({ response: walk(value, null) }, null, 2).replace(/\n(\s*)([}\]])/g, ',\n$1$2');
  return `Sure, here is my reply as JSON:\n\n\`\`\`json\n${json}\n\`\`\`\nLet me know if you need anything else.`;
}

// --- the server -----------------------------------------------------------------------------------

export async function startFakeAiServer(): Promise<FakeAiServer> {
  const requests: RecordedRequest[] = [];
  const queues: Record<Api, Behaviour[]> = { gemini: [], openai: [], ollama: [] };
  const defaults: Record<Api, (r: RecordedRequest) => Behaviour> = { gemini: () => ok(), openai: () => ok(), ollama: () => ok() };
  const latency: Record<Api, { totalMs: number; firstTokenMs: number } | null> = { gemini: null, openai: null, ollama: null };
  const transforms: Record<Api, ((text: string, request: RecordedRequest) => string) | null> = { gemini: null, openai: null, ollama: null };
  const hanging = new Set<http.ServerResponse>();
  const timers = new Set<NodeJS.Timeout>();
  const later = (ms: number, fn: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      fn();
    }, ms);
    timers.add(timer);
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const url = new URL(req.url ?? '/', 'http://fake');
      const gemini = /^\/v1beta\/models\/([^/:]+):(generateContent|streamGenerateContent)$/.exec(url.pathname);
      const api: Api | null = gemini ? 'gemini' : url.pathname === '/v1/chat/completions' ? 'openai' : url.pathname === '/api/chat' ? 'ollama' : null;
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
        stream: gemini ? gemini[2] === 'streamGenerateContent' : api === 'ollama' ? body?.stream !== false : body?.stream === true,
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
        const raw = modelText(behaviour, request);
        const transform = transforms[api];
        const textValue = transform && behaviour.kind === 'ok' ? transform(raw, request) : raw;
        const pace = latency[api];
        const cut = behaviour.kind === 'cut_off';
        if (!request.stream) {
          const send = () => {
            if (api === 'openai') return sendJson(res, 200, openAiPayload(textValue, request.model, cut ? 'length' : 'stop'));
            if (api === 'ollama') return sendJson(res, 200, ollamaPayload(textValue, request.model, true, cut ? 'length' : 'stop'));
            return sendJson(res, 200, geminiPayload(textValue, request.model, cut ? 'MAX_TOKENS' : 'STOP'));
          };
          return pace ? later(pace.totalMs, send) : send();
        }
        // Streamed: the text in pieces, as a streaming model would send it.
        const chunks = pace ? pieces(textValue, 12) : pieces(textValue, 2);
        const frame = (part: string, last: boolean): string => {
          if (api === 'ollama') return `${JSON.stringify(ollamaPayload(part, request.model, false))}\n${last ? `${JSON.stringify(ollamaPayload('', request.model, true, cut ? 'length' : 'stop'))}\n` : ''}`;
          if (api === 'openai') {
            const chunk = (delta: object, finish: string | null) =>
              `data: ${JSON.stringify({ id: 'chatcmpl-fake', object: 'chat.completion.chunk', created: 0, model: request.model ?? 'fake', choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
            return chunk({ content: part }, null) + (last ? chunk({}, cut ? 'length' : 'stop') + 'data: [DONE]\n\n' : '');
          }
          return `data: ${JSON.stringify(geminiPayload(part, request.model, last && cut ? 'MAX_TOKENS' : 'STOP'))}\r\n\r\n`;
        };
        const contentType = api === 'ollama' ? 'application/x-ndjson' : 'text/event-stream';
        const start = () => {
          res.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-cache' });
          if (!pace) {
            chunks.forEach((part, i) => res.write(frame(part, i === chunks.length - 1)));
            return res.end();
          }
          const gap = chunks.length > 1 ? (pace.totalMs - pace.firstTokenMs) / (chunks.length - 1) : 0;
          chunks.forEach((part, i) =>
            later(i * gap, () => {
              if (res.destroyed) return;
              res.write(frame(part, i === chunks.length - 1));
              if (i === chunks.length - 1) res.end();
            }),
          );
        };
        if (pace) later(pace.firstTokenMs, start);
        else start();
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
    ollamaHost: url,
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
    setLatency(api, value) {
      latency[api] = value ? { totalMs: value.totalMs, firstTokenMs: value.firstTokenMs ?? Math.round(value.totalMs / 4) } : null;
    },
    setTransform(api, transform) {
      transforms[api] = transform;
    },
    reset() {
      requests.length = 0;
      for (const api of ['gemini', 'openai', 'ollama'] as const) {
        queues[api].length = 0;
        defaults[api] = () => ok();
        latency[api] = null;
        transforms[api] = null;
      }
    },
    async close() {
      for (const timer of timers) clearTimeout(timer);
      for (const res of hanging) res.socket?.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
