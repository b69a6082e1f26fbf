/**
 * A fake speech-to-text server for tests, on 127.0.0.1 and a random port, speaking just
 * enough of two APIs for the real SDK clients to talk to it:
 *   OpenAI-compatible  POST /v1/audio/transcriptions              (multipart: file, model, language, prompt…)
 *   Gemini             POST /v1beta/models/{model}:generateContent (an inline audio/wav part + an instruction)
 *
 * Each API is scripted per test, like tests/support/fake-ai-server.ts (kept separate so that
 * file's API stays as it is): a queue of behaviours consumed one per request, then a default.
 * The default reply is the next of the `texts` given (one per utterance, in order of arrival).
 * Behaviours: a text, an HTTP status, a hang (until the client gives up), a dropped
 * connection. `setLatency` delays every reply. Every request is recorded with what the
 * transcriber was told (model, language, prompt or instruction) and the audio it sent.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseWav } from '../../src/speech/wav.js';

export type SpeechApi = 'openai' | 'gemini';

export interface SpeechRequest {
  api: SpeechApi;
  path: string;
  headers: http.IncomingHttpHeaders;
  model: string | null;
  language: string | null;
  /** OpenAI: the `prompt` field; Gemini: the instruction text part. */
  prompt: string;
  /** Other multipart fields (OpenAI): response_format, temperature… */
  fields: Record<string, string>;
  /** Seconds of 16 kHz mono PCM16 in the WAV that was sent (null if it was not a WAV). */
  audioSeconds: number | null;
  mimeType: string | null;
  behaviour: SpeechBehaviour['kind'];
}

export type SpeechBehaviour =
  | { kind: 'ok'; text?: string }
  | { kind: 'status'; status: number }
  | { kind: 'hang' }
  | { kind: 'drop' };

export const says = (text: string): SpeechBehaviour => ({ kind: 'ok', text });
export const fails = (status: number): SpeechBehaviour => ({ kind: 'status', status });
export const hangs = (): SpeechBehaviour => ({ kind: 'hang' });
export const drops = (): SpeechBehaviour => ({ kind: 'drop' });

export interface FakeSpeechServer {
  readonly url: string;
  /** For TRANSCRIBE_BASE_URL. */
  readonly openaiBaseUrl: string;
  /** For GEMINI_BASE_URL. */
  readonly geminiBaseUrl: string;
  readonly requests: SpeechRequest[];
  requestsFor(api: SpeechApi): SpeechRequest[];
  enqueue(api: SpeechApi, ...behaviours: SpeechBehaviour[]): void;
  /** What plain `ok` replies say, in order (one per successful reply); then "" . */
  setTexts(api: SpeechApi, texts: string[]): void;
  setLatency(api: SpeechApi, ms: number): void;
  close(): Promise<void>;
}

function audioSecondsOf(bytes: Buffer): number | null {
  try {
    const wav = parseWav(bytes);
    return wav.data.length / 2 / wav.sampleRate / wav.channels;
  } catch {
    return null;
  }
}

export async function startFakeSpeechServer(): Promise<FakeSpeechServer> {
  const requests: SpeechRequest[] = [];
  const queues: Record<SpeechApi, SpeechBehaviour[]> = { openai: [], gemini: [] };
  const texts: Record<SpeechApi, string[]> = { openai: [], gemini: [] };
  const latency: Record<SpeechApi, number> = { openai: 0, gemini: 0 };
  const hanging = new Set<http.ServerResponse>();
  const timers = new Set<NodeJS.Timeout>();

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void handle(req, res, Buffer.concat(chunks)).catch((error: unknown) => {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { message: `fake speech server: ${String(error)}` } }));
      });
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse, body: Buffer) {
    const url = new URL(req.url ?? '/', 'http://fake');
    const gemini = /^\/v1beta\/models\/([^/:]+):generateContent$/.exec(url.pathname);
    const api: SpeechApi | null = url.pathname === '/v1/audio/transcriptions' ? 'openai' : gemini ? 'gemini' : null;
    if (!api || req.method !== 'POST') {
      res.writeHead(404, { 'content-type': 'application/json' });
      return res.end(JSON.stringify({ error: { code: 404, message: `no route ${req.method} ${url.pathname}` } }));
    }
    const recorded: SpeechRequest = {
      api,
      path: url.pathname,
      headers: req.headers,
      model: null,
      language: null,
      prompt: '',
      fields: {},
      audioSeconds: null,
      mimeType: null,
      behaviour: 'ok',
    };
    if (api === 'openai') {
      // The platform's own multipart parser (undici), as a server framework would use one.
      const form = await new Response(new Uint8Array(body), { headers: { 'content-type': String(req.headers['content-type']) } }).formData();
      const entries: Array<[string, FormDataEntryValue]> = [];
      form.forEach((value, key) => entries.push([key, value]));
      for (const [key, value] of entries) {
        if (typeof value === 'string') recorded.fields[key] = value;
        else {
          recorded.mimeType = value.type || null;
          recorded.audioSeconds = audioSecondsOf(Buffer.from(await value.arrayBuffer()));
        }
      }
      recorded.model = recorded.fields.model ?? null;
      recorded.language = recorded.fields.language ?? null;
      recorded.prompt = recorded.fields.prompt ?? '';
    } else {
      const json = JSON.parse(body.toString('utf8')) as { contents?: Array<{ parts?: Array<{ text?: string; inlineData?: { mimeType?: string; data?: string } }> }> };
      recorded.model = decodeURIComponent(gemini![1]!);
      for (const part of json.contents?.flatMap((c) => c.parts ?? []) ?? []) {
        if (part.text) recorded.prompt += part.text;
        if (part.inlineData) {
          recorded.mimeType = part.inlineData.mimeType ?? null;
          recorded.audioSeconds = audioSecondsOf(Buffer.from(part.inlineData.data ?? '', 'base64'));
        }
      }
      recorded.language = /speaks language "([a-z]{2})"/.exec(recorded.prompt)?.[1] ?? null;
    }
    const behaviour = queues[api].shift() ?? { kind: 'ok' };
    recorded.behaviour = behaviour.kind;
    requests.push(recorded);
    const reply = () => respond(api, behaviour, res);
    if (latency[api] > 0 && behaviour.kind !== 'hang') {
      const timer = setTimeout(() => {
        timers.delete(timer);
        reply();
      }, latency[api]);
      timers.add(timer);
    } else reply();
  }

  function respond(api: SpeechApi, behaviour: SpeechBehaviour, res: http.ServerResponse) {
    if (res.destroyed) return;
    switch (behaviour.kind) {
      case 'hang':
        hanging.add(res);
        res.on('close', () => hanging.delete(res));
        return;
      case 'drop':
        res.socket?.destroy();
        return;
      case 'status': {
        const body =
          api === 'gemini'
            ? { error: { code: behaviour.status, message: `fake error (${behaviour.status})`, status: 'INTERNAL' } }
            : { error: { message: `fake error (${behaviour.status})`, type: 'server_error', code: null } };
        res.writeHead(behaviour.status, { 'content-type': 'application/json' });
        return res.end(JSON.stringify(body));
      }
      case 'ok': {
        const text = behaviour.text ?? texts[api].shift() ?? '';
        const body =
          api === 'gemini'
            ? { candidates: [{ content: { role: 'model', parts: [{ text }] }, finishReason: 'STOP', index: 0 }], modelVersion: 'fake' }
            : { text };
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end(JSON.stringify(body));
      }
    }
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    openaiBaseUrl: `${url}/v1`,
    geminiBaseUrl: url,
    requests,
    requestsFor: (api) => requests.filter((r) => r.api === api),
    enqueue: (api, ...behaviours) => void queues[api].push(...behaviours),
    setTexts: (api, list) => void (texts[api] = [...list]),
    setLatency: (api, ms) => void (latency[api] = ms),
    async close() {
      for (const timer of timers) clearTimeout(timer);
      for (const res of hanging) res.socket?.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
