/**
 * Configuration is read once, from the environment, validated, and handed down as a typed
 * object. A bad value stops the process with a message that names the variable — a typo in
 * PORT should fail at start-up, not as a confusing error an hour later.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { normalizeEmail } from './security/emails.js';

const AI_PROVIDER_NAMES = ['gemini', 'openai', 'ollama', 'offline'] as const;
const OPENAI_JSON_MODES = ['schema', 'object', 'prompt'] as const;
export type OpenAiJsonMode = (typeof OPENAI_JSON_MODES)[number];
const DEFAULT_OPENAI_BASE_URL = 'https://openrouter.ai/api/v1';
const TRANSCRIBER_CHOICES = ['auto', 'openai', 'gemini', 'whisper', 'none'] as const;
/** The model for OpenAI's own transcription endpoint when TRANSCRIBE_MODEL is not set. */
const DEFAULT_OPENAI_TRANSCRIBE_MODEL = 'whisper-1';

/** Every variable the app reads, with its default. `.env.example` documents each one. */
const EnvSchema = Type.Object({
  HOST: Type.String({ default: '127.0.0.1', minLength: 1 }),
  PORT: Type.Integer({ default: 3000, minimum: 0, maximum: 65535 }),
  DATA_DIR: Type.String({ default: './data', minLength: 1 }),
  DATABASE_PATH: Type.Optional(Type.String({ minLength: 1 })),
  // --- several instances on one shared database and store (issue 16; README: Running more than one instance) ---
  DATABASE_URL: Type.Optional(Type.String({ minLength: 1 })),
  DATABASE_POOL_SIZE: Type.Integer({ default: 10, minimum: 1, maximum: 1000 }),
  DATABASE_STATEMENT_TIMEOUT_MS: Type.Integer({ default: 30000, minimum: 0, maximum: 3600000 }),
  MIGRATE_ON_START: Type.Optional(Type.Boolean()),
  REDIS_URL: Type.Optional(Type.String({ minLength: 1 })),
  INTERVIEW_STEP_LEASE_SECONDS: Type.Integer({ default: 30, minimum: 1, maximum: 3600 }),
  SESSION_SECRET: Type.Optional(Type.String({ minLength: 32 })),
  COOKIE_SECURE: Type.Boolean({ default: false }),
  LOG_LEVEL: Type.Union(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)),
    { default: 'info' },
  ),
  MAX_UPLOAD_MB: Type.Number({ default: 5, exclusiveMinimum: 0, maximum: 50 }),
  DOCUMENT_TIMEOUT_MS: Type.Integer({ default: 15000, minimum: 100 }),
  DOCUMENT_MAX_CHARS: Type.Integer({ default: 50000, minimum: 1000 }),
  ANSWER_MAX_CHARS: Type.Integer({ default: 8000, minimum: 100 }),
  // --- operations (README: Operating Rehearse) ---
  LOG_FORMAT: Type.Union([Type.Literal('json'), Type.Literal('pretty')], { default: 'json' }),
  SHUTDOWN_GRACE_MS: Type.Integer({ default: 10000, minimum: 0, maximum: 600000 }),
  AI_CONCURRENCY: Type.Integer({ default: 8, minimum: 1, maximum: 1000 }),
  AI_QUEUE_MAX: Type.Integer({ default: 100, minimum: 0, maximum: 100000 }),
  AI_GLOBAL_CONCURRENCY: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000 })),
  MAX_EVENT_LOOP_DELAY_MS: Type.Integer({ default: 500, minimum: 0 }),
  MAX_EVENT_LOOP_UTILIZATION: Type.Number({ default: 0, minimum: 0, maximum: 1 }),
  MAX_HEAP_USED_MB: Type.Integer({ default: 0, minimum: 0 }),
  MAX_RSS_MB: Type.Integer({ default: 0, minimum: 0 }),
  OVERLOAD_RETRY_AFTER_SECONDS: Type.Integer({ default: 10, minimum: 1, maximum: 3600 }),
  // --- connections and timeouts: what a client may hold, and for how long (SECURITY.md) ---
  HEADERS_TIMEOUT_MS: Type.Integer({ default: 10000, minimum: 1000, maximum: 600000 }),
  REQUEST_TIMEOUT_MS: Type.Integer({ default: 60000, minimum: 1000, maximum: 3600000 }),
  KEEP_ALIVE_TIMEOUT_MS: Type.Integer({ default: 10000, minimum: 1000, maximum: 600000 }),
  CONNECTION_IDLE_TIMEOUT_MS: Type.Integer({ default: 120000, minimum: 1000, maximum: 3600000 }),
  MAX_CONNECTIONS: Type.String({ default: 'auto', pattern: '^(auto|\\d{1,7})$' }),
  MAX_CONNECTIONS_PER_ADDRESS: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000 })),
  // --- accounts and abuse limits (SECURITY.md) ---
  ADMIN_EMAILS: Type.Optional(Type.String()),
  TRUST_PROXY: Type.Optional(Type.String({ pattern: '^(true|false|\\d{1,2}|[0-9a-fA-F.:/, ]+)$' })),
  RATE_LIMIT_SIGN_IN: Type.Integer({ default: 10, minimum: 0 }),
  RATE_LIMIT_UPLOADS: Type.Integer({ default: 30, minimum: 0 }),
  RATE_LIMIT_INTERVIEW: Type.Integer({ default: 60, minimum: 0 }),
  RATE_LIMIT_CREATE: Type.Integer({ default: 20, minimum: 0 }),
  RATE_LIMIT_RETRY: Type.Integer({ default: 10, minimum: 0 }),
  RATE_LIMIT_API: Type.Integer({ default: 300, minimum: 0 }),
  MAX_INTERVIEWS_PER_VISITOR: Type.Integer({ default: 100, minimum: 1, maximum: 100000 }),
  DOCUMENT_MAX_PARALLEL: Type.Integer({ default: 2, minimum: 1, maximum: 32 }),
  DOCUMENT_MAX_QUEUED: Type.Integer({ default: 10, minimum: 0, maximum: 1000 }),
  DOCUMENT_MAX_PER_VISITOR: Type.Integer({ default: 2, minimum: 0, maximum: 1000 }),
  DOCUMENT_MAX_PAGES: Type.Integer({ default: 30, minimum: 1, maximum: 100000 }),
  DOCUMENT_WORKER_MAX_JOBS: Type.Integer({ default: 50, minimum: 1, maximum: 1000000 }),
  DOCUMENT_WORKER_RECYCLE_MB: Type.Integer({ default: 64, minimum: 16, maximum: 4096 }),
  // Unset: gemini if GEMINI_API_KEY is set, then openai if a key or OPENAI_BASE_URL is set,
  // then ollama if OLLAMA_MODEL is set, then offline.
  AI_PROVIDERS: Type.Optional(Type.String({ pattern: '^[a-z, -]+$' })),
  PUBLIC_URL: Type.Optional(Type.String({ pattern: '^https?://' })),
  GEMINI_API_KEY: Type.Optional(Type.String({ minLength: 1 })),
  GEMINI_MODEL: Type.String({ default: 'gemini-2.5-flash', minLength: 1 }),
  GEMINI_BASE_URL: Type.Optional(Type.String({ pattern: '^https?://' })),
  GEMINI_THINKING_BUDGET: Type.Optional(Type.Integer({ minimum: -1, maximum: 32768 })),
  GEMINI_TIMEOUT_MS: Type.Optional(Type.Integer({ minimum: 100 })),
  OPENAI_API_KEY: Type.Optional(Type.String({ minLength: 1 })),
  OPENROUTER_API_KEY: Type.Optional(Type.String({ minLength: 1 })),
  OPENAI_BASE_URL: Type.Optional(Type.String({ pattern: '^https?://' })),
  OPENAI_MODEL: Type.Optional(Type.String({ minLength: 1 })),
  OPENAI_JSON_MODE: Type.Union(
    OPENAI_JSON_MODES.map((m) => Type.Literal(m)),
    { default: 'schema' },
  ),
  OPENAI_TIMEOUT_MS: Type.Optional(Type.Integer({ minimum: 100 })),
  OLLAMA_HOST: Type.String({ default: 'http://127.0.0.1:11434', pattern: '^https?://' }),
  OLLAMA_MODEL: Type.Optional(Type.String({ minLength: 1 })),
  OLLAMA_KEEP_ALIVE: Type.String({ default: '30m', pattern: '^-?\\d+(ms|s|m|h)?$' }),
  OLLAMA_NUM_CTX_MAX: Type.Integer({ default: 16384, minimum: 2048, maximum: 1048576 }),
  OLLAMA_TIMEOUT_MS: Type.Optional(Type.Integer({ minimum: 100 })),
  AI_ATTEMPT_TIMEOUT_MS: Type.Integer({ default: 12000, minimum: 100 }),
  AI_CALL_BUDGET_MS: Type.Integer({ default: 20000, minimum: 100 }),
  // A model on this machine (localhost) runs on its CPU or GPU: 10–40 s for an evaluation on a CPU.
  AI_LOCAL_TIMEOUT_MS: Type.Integer({ default: 120000, minimum: 100 }),
  AI_MAX_RETRIES: Type.Integer({ default: 2, minimum: 0, maximum: 10 }),
  AI_RETRY_BASE_MS: Type.Integer({ default: 500, minimum: 0 }),
  AI_RETRY_MAX_DELAY_MS: Type.Integer({ default: 8000, minimum: 0 }),
  AI_CIRCUIT_THRESHOLD: Type.Integer({ default: 3, minimum: 1 }),
  AI_CIRCUIT_COOLDOWN_MS: Type.Integer({ default: 30000, minimum: 0 }),
  AI_CV_MAX_CHARS: Type.Integer({ default: 12000, minimum: 500 }),
  AI_JOB_MAX_CHARS: Type.Integer({ default: 8000, minimum: 500 }),
  // --- voice answers (src/speech/README.md) ---
  // auto: the first configured of openai (TRANSCRIBE_BASE_URL set), gemini (GEMINI_API_KEY set), whisper.
  TRANSCRIBER: Type.Union(
    TRANSCRIBER_CHOICES.map((t) => Type.Literal(t)),
    { default: 'auto' },
  ),
  TRANSCRIBE_BASE_URL: Type.Optional(Type.String({ pattern: '^https?://' })),
  TRANSCRIBE_MODEL: Type.Optional(Type.String({ minLength: 1 })),
  TRANSCRIBE_API_KEY: Type.Optional(Type.String({ minLength: 1 })),
  TRANSCRIBE_TIMEOUT_MS: Type.Integer({ default: 15000, minimum: 100, maximum: 600000 }),
  TRANSCRIBE_CONCURRENCY: Type.Integer({ default: 16, minimum: 1, maximum: 1000 }),
  WHISPER_MODEL: Type.String({ default: 'Xenova/whisper-tiny.en', pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]*/[A-Za-z0-9][A-Za-z0-9_.-]*$' }),
  WHISPER_MODEL_DIR: Type.Optional(Type.String({ minLength: 1 })),
  WHISPER_ALLOW_DOWNLOAD: Type.Boolean({ default: false }),
  AUDIO_MAX_SECONDS: Type.Integer({ default: 600, minimum: 10, maximum: 3600 }),
  AUDIO_MAX_FRAMES_PER_SECOND: Type.Integer({ default: 50, minimum: 10, maximum: 1000 }),
  AUDIO_RECORDING_TTL_MINUTES: Type.Integer({ default: 60, minimum: 1, maximum: 1440 }),
  AUDIO_STORE_RAW: Type.Boolean({ default: false }),
  AUDIO_START_TIMEOUT_SECONDS: Type.Integer({ default: 10, minimum: 1, maximum: 600 }),
  AUDIO_IDLE_TIMEOUT_SECONDS: Type.Integer({ default: 10, minimum: 1, maximum: 600 }),
  // --- answer coverage (src/coverage/index.ts) ---
  COVERAGE_METHOD: Type.Union([Type.Literal('auto'), Type.Literal('lexical')], { default: 'auto' }),
  EMBEDDINGS_MODEL: Type.String({ default: 'Xenova/all-MiniLM-L6-v2', pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]*/[A-Za-z0-9][A-Za-z0-9_.-]*$' }),
  EMBEDDINGS_MODEL_DIR: Type.Optional(Type.String({ minLength: 1 })),
  COVERAGE_TIMEOUT_MS: Type.Integer({ default: 2000, minimum: 50, maximum: 60000 }),
  // --- npm run models:download (src/models/download.ts) ---
  MODELS_BASE_URL: Type.String({ default: 'https://huggingface.co', pattern: '^https?://' }),
});
type Env = Static<typeof EnvSchema>;

/** Every environment variable the app reads (README.md, .env.example and compose.yaml are checked against it). */
export const CONFIG_VARIABLES: readonly string[] = Object.keys(EnvSchema.properties);

export interface AppConfig {
  host: string;
  port: number;
  dataDir: string;
  /** Path of the SQLite file, or ":memory:" (tests). */
  databasePath: string;
  /**
   * The shared Postgres database (DATABASE_URL=postgres://…); null: SQLite at databasePath.
   * Read by `npm run db:migrate` and `npm run backup`; the app itself still runs on SQLite
   * until its repositories are async (issue 16), so server.ts refuses to start with it.
   */
  postgres: PostgresSettings | null;
  /**
   * Apply pending migrations when the app starts (MIGRATE_ON_START; default: yes for SQLite,
   * no for Postgres, where several instances start at once and `npm run db:migrate` runs first).
   * Without it the app refuses to start on a database that lacks a migration (src/db/app-database.ts).
   */
  migrateOnStart: boolean;
  /** The shared store (REDIS_URL) for rate limits across instances; null: counters in this process. */
  redis: RedisSettings | null;
  /**
   * On Postgres, how long one instance's claim on an interview's next step lasts without being
   * renewed (INTERVIEW_STEP_LEASE_SECONDS): it is renewed every third of it while the step
   * runs, so this is how long another instance waits before taking over the step of an
   * instance that died (src/services/interview-service.ts).
   */
  interviewStepLeaseMs: number;
  /** Secret for the encrypted session cookie; null means "generate one and keep it in dataDir". */
  sessionSecret: string | null;
  cookieSecure: boolean;
  logLevel: string;
  maxUploadBytes: number;
  documentTimeoutMs: number;
  documentMaxChars: number;
  answerMaxChars: number;
  /** `json` (one JSON object per line, the default) or `pretty` (pino-pretty, for development). */
  logFormat: 'json' | 'pretty';
  /** How long a SIGTERM may wait for in-flight requests before the process exits anyway. */
  shutdownGraceMs: number;
  /** AI calls running at once, and how many more may wait for a slot (beyond: 503 AI_BUSY). */
  aiQueue: { concurrency: number; maxWaiting: number };
  /**
   * AI calls running at once across every instance, counted in the shared store (REDIS_URL);
   * null: no limit beyond each instance's own. Defaults to AI_CONCURRENCY when REDIS_URL is set.
   */
  aiGlobalConcurrency: number | null;
  overload: OverloadSettings;
  connections: ConnectionSettings;
  /**
   * Emails (normalised) that may claim the operator role with the setup token printed in the
   * log at start-up. Listing an email grants nothing by itself (src/services/operator-service.ts).
   */
  adminEmails: string[];
  /** Fastify's trustProxy: false, true, a hop count, or the proxies' addresses. */
  trustProxy: boolean | number | string[];
  rateLimits: RateLimitSettings;
  /** Interviews one visitor (guest or account) may keep; creating one more asks them to delete some. */
  maxInterviewsPerVisitor: number;
  /** PDF/DOCX parses running at once, and how many more may wait for a turn (beyond: 503). */
  documentMaxParallel: number;
  documentMaxQueued: number;
  /** Parses one visitor may have running or waiting (five times that per address; beyond: 429). 0: no limit. */
  documentMaxPerVisitor: number;
  /** PDFs with more pages are refused before any page is read. */
  documentMaxPages: number;
  /** A parsing thread is replaced after this many jobs… */
  documentWorkerMaxJobs: number;
  /** …or once its V8 heap has grown past this many MB. */
  documentWorkerRecycleMb: number;
  /** Start every parsing thread with the app (not an environment variable; tests start them on demand). */
  documentWarmStart: boolean;
  /** log2 of scrypt's N for new password hashes (not an environment variable; tests lower it). */
  passwordHashCost: number;
  /** Providers to try, in order; "offline" is always appended as the last resort. */
  aiProviders: string[];
  /** The app's public address (OpenRouter's HTTP-Referer); null when not set. */
  publicUrl: string | null;
  gemini: GeminiSettings;
  openai: OpenAiSettings;
  ollama: OllamaSettings;
  aiResilience: AiResilienceSettings;
  /** How much CV / job-description text a remote prompt may carry (trimmed by relevance). */
  aiPromptLimits: { cvChars: number; jobChars: number };
  speech: SpeechSettings;
  coverage: CoverageSettings;
  /** Where `npm run models:download` fetches models from (the Hugging Face hub or a mirror). */
  modelsBaseUrl: string;
}

/** node-postgres pool settings (src/db/pg-client.ts). */
export interface PostgresSettings {
  /** The connection string as given (it may hold a password: never log it; log `redactedUrl`). */
  url: string;
  /** The same with the password replaced by `***`. */
  redactedUrl: string;
  /** Connections one instance may open (DATABASE_POOL_SIZE). */
  poolSize: number;
  /** Postgres cancels a statement running longer than this (0: no limit). */
  statementTimeoutMs: number;
}

/** The shared store for rate limits (src/shared-store.ts). */
export interface RedisSettings {
  /** redis:// or rediss:// (Valkey speaks the same protocol). May hold a password: never log it. */
  url: string;
  redactedUrl: string;
  /** Prefix of every key this app writes (not an environment variable; tests use their own). */
  keyPrefix: string;
}

/** Answer coverage against a question's key points (src/coverage/index.ts). */
interface CoverageSettings {
  /** auto: sentence embeddings when the model is installed, the lexical method (BM25) otherwise. */
  method: 'auto' | 'lexical';
  /** Hugging Face model id, e.g. Xenova/all-MiniLM-L6-v2. */
  embeddingsModel: string;
  /** Holds <owner>/<name>/ model folders (local files only: never downloaded). */
  embeddingsModelDir: string;
  /** Longest one answer waits for its vectors before it is scored lexically. */
  timeoutMs: number;
}

/** Voice answers: transcription and the audio WebSocket's limits (src/speech/README.md). */
export interface SpeechSettings {
  /** The transcriber in use, resolved from TRANSCRIBER (auto picks the first configured). */
  transcriber: 'openai' | 'gemini' | 'whisper' | 'none';
  /** Why this one: "TRANSCRIBER=gemini", "TRANSCRIBER=auto: GEMINI_API_KEY is set"… (shown on /health). */
  transcriberChoice: string;
  /** OpenAI-compatible POST {baseUrl}/audio/transcriptions (null: not configured). */
  remoteOpenAi: RemoteTranscribeSettings | null;
  /** Gemini audio parts (null: no GEMINI_API_KEY). */
  remoteGemini: RemoteTranscribeSettings | null;
  /** One remote attempt's timeout (one retry follows a failure). */
  remoteTimeoutMs: number;
  /** Remote transcription requests in flight at once, server-wide (more wait, within a bound). */
  remoteConcurrency: number;
  /** Hugging Face model id, e.g. Xenova/whisper-tiny.en. */
  whisperModel: string;
  /** Holds <owner>/<name>/ model folders. */
  whisperModelDir: string;
  whisperAllowDownload: boolean;
  /** Longest recording; audio beyond it ends the recording. */
  maxSeconds: number;
  /** WebSocket frames (audio and control) one connection may send per second. */
  maxFramesPerSecond: number;
  /** How long a finished recording's metrics wait to be attached to an answer. */
  recordingTtlMs: number;
  /** Keep raw audio as WAV files under DATA_DIR/recordings/<sessionId>/ (src/speech/recording-files.ts). */
  storeRaw: boolean;
  /** A socket that has not sent `start` this long after opening is closed. */
  startTimeoutMs: number;
  /** A recording that receives no frame for this long is ended (the audio so far is kept). */
  idleTimeoutMs: number;
}

/** A remote speech-to-text service. */
interface RemoteTranscribeSettings {
  baseUrl: string | null;
  model: string;
  apiKey: string | null;
  /** The variable the key came from (named in messages; never the key). */
  apiKeyVariable: string;
}

/** When the process counts as overloaded and answers 503 + Retry-After (@fastify/under-pressure); 0 turns a check off. */
interface OverloadSettings {
  /** Mean event-loop delay over one sample. */
  maxEventLoopDelayMs: number;
  /** Event-loop utilisation, 0..1. */
  maxEventLoopUtilization: number;
  maxHeapUsedBytes: number;
  maxRssBytes: number;
  retryAfterSeconds: number;
  /** How often the figures are sampled (not an environment variable; tests lower it). */
  sampleIntervalMs: number;
}

/**
 * What one client may hold and for how long (src/connection-limits.ts, app.ts). Every slow
 * phase of a connection has a deadline, so a socket that stops sending is closed.
 */
interface ConnectionSettings {
  /** From the first byte (or the end of the previous response) to the end of the headers. */
  headersTimeoutMs: number;
  /** From the first byte to the end of the body: a body that never arrives is cut with 408. */
  requestTimeoutMs: number;
  /** An idle keep-alive connection between requests. */
  keepAliveTimeoutMs: number;
  /** A socket on which nothing moves either way (Fastify's connectionTimeout), while a request is being served. */
  idleTimeoutMs: number;
  /** Open connections in all; beyond it a new one is closed at once. 'auto': derived from the descriptor limit. */
  maxConnections: number | 'auto';
  /** Open connections from one address (0: no limit). Default 64, or 0 when TRUST_PROXY is set (every client is the proxy). */
  maxPerAddress: number;
}

/** Requests allowed per window; 0 turns a limit off. */
export interface RateLimitSettings {
  /** Sign-in and registration attempts per address, and failed sign-ins per account, per 15 minutes. */
  signInPer15Min: number;
  /** CV / job-description uploads per visitor per minute (five times that per address). */
  uploadsPerMinute: number;
  /** Interview actions that call the AI (start, answer, finish) per visitor per minute (five times that per address). */
  interviewPerMinute: number;
  /** New interviews per visitor per hour (five times that per address). */
  createPerHour: number;
  /** Question retries from the feedback page per visitor per minute (five times that per address). */
  retryPerMinute: number;
  /** Requests per API token per minute (five times that per address). */
  apiPerMinute: number;
}

interface GeminiSettings {
  apiKey: string | null;
  model: string;
  /** null: the SDK's default (Google's endpoint). */
  baseUrl: string | null;
  /** 0 disables thinking, -1 lets the model decide, otherwise a token budget; null: by model (off for Flash, dynamic for Pro). */
  thinkingBudget: number | null;
  /** One attempt's timeout; null: AI_ATTEMPT_TIMEOUT_MS (AI_LOCAL_TIMEOUT_MS for a base URL on this machine). */
  timeoutMs: number | null;
}

interface OllamaSettings {
  host: string;
  /** null: Ollama is not configured. */
  model: string | null;
  keepAlive: string;
  maxContextTokens: number;
  timeoutMs: number | null;
}

interface OpenAiSettings {
  apiKey: string | null;
  /** The variable the key came from, named in operator messages. */
  apiKeyVariable: 'OPENAI_API_KEY' | 'OPENROUTER_API_KEY';
  baseUrl: string;
  model: string;
  jsonMode: OpenAiJsonMode;
  /** True when OPENAI_BASE_URL was set explicitly (it enables the provider by default). */
  baseUrlSet: boolean;
  timeoutMs: number | null;
}

export interface AiResilienceSettings {
  /** One HTTP attempt may take this long (a provider's own *_TIMEOUT_MS wins). */
  attemptTimeoutMs: number;
  /** Everything one provider may spend on one call (retries and repair included) before the next is tried. */
  callBudgetMs: number;
  maxRetries: number;
  retryBaseMs: number;
  /** Longest wait between attempts, including a server's Retry-After. */
  retryMaxDelayMs: number;
  /** Consecutive failed calls that open a provider's circuit. */
  circuitThreshold: number;
  /** How long an open circuit skips the provider before one probe call is let through. */
  circuitCooldownMs: number;
  /** The attempt timeout for a provider whose server is on this machine (localhost). */
  localAttemptTimeoutMs: number;
}

/** Every rate limit off (tests and benchmarks, whose traffic would trip them long before the machine is busy). */
export const NO_RATE_LIMITS: RateLimitSettings = {
  signInPer15Min: 0,
  uploadsPerMinute: 0,
  interviewPerMinute: 0,
  createPerHour: 0,
  retryPerMinute: 0,
  apiPerMinute: 0,
};

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads and validates configuration from `env`. Throws ConfigError naming each bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(EnvSchema.properties)) {
    const value = env[key];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  const converted = Value.Convert(EnvSchema, Value.Default(EnvSchema, raw));
  const problems = [...Value.Errors(EnvSchema, converted)].map(
    (e) => `${e.path.slice(1) || 'environment'}: ${e.message} (got ${JSON.stringify(raw[e.path.slice(1)] ?? null)})`,
  );
  // Value.Check also narrows `converted` to the schema's type (it holds whenever there are no problems).
  if (problems.length > 0 || !Value.Check(EnvSchema, converted)) throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  const parsed: Env = converted;

  const openaiBaseUrl = parsed.OPENAI_BASE_URL ?? DEFAULT_OPENAI_BASE_URL;
  // OpenRouter's own key wins for OpenRouter; elsewhere OPENAI_API_KEY does.
  const openaiKeyOrder = isOpenRouter(openaiBaseUrl)
    ? (['OPENROUTER_API_KEY', 'OPENAI_API_KEY'] as const)
    : (['OPENAI_API_KEY', 'OPENROUTER_API_KEY'] as const);
  const apiKeyVariable = openaiKeyOrder.find((name) => parsed[name]) ?? openaiKeyOrder[0];
  const gemini: GeminiSettings = {
    apiKey: parsed.GEMINI_API_KEY ?? null,
    model: parsed.GEMINI_MODEL,
    baseUrl: parsed.GEMINI_BASE_URL ?? null,
    thinkingBudget: parsed.GEMINI_THINKING_BUDGET ?? null,
    timeoutMs: parsed.GEMINI_TIMEOUT_MS ?? null,
  };
  const openai: OpenAiSettings = {
    apiKey: parsed[apiKeyVariable] ?? null,
    apiKeyVariable,
    baseUrl: openaiBaseUrl,
    // A default model only where its name is known (OpenRouter, OpenAI): anywhere else the
    // operator must name theirs — an OpenRouter name sent to Ollama is a 404 on every call.
    model: parsed.OPENAI_MODEL ?? (isOpenRouter(openaiBaseUrl) ? DEFAULT_OPENROUTER_MODEL : isOpenAi(openaiBaseUrl) ? DEFAULT_OPENAI_MODEL : ''),
    jsonMode: parsed.OPENAI_JSON_MODE,
    baseUrlSet: parsed.OPENAI_BASE_URL !== undefined,
    timeoutMs: parsed.OPENAI_TIMEOUT_MS ?? null,
  };
  const ollama: OllamaSettings = {
    host: parsed.OLLAMA_HOST.replace(/\/+$/, ''),
    model: parsed.OLLAMA_MODEL ?? null,
    keepAlive: parsed.OLLAMA_KEEP_ALIVE,
    maxContextTokens: parsed.OLLAMA_NUM_CTX_MAX,
    timeoutMs: parsed.OLLAMA_TIMEOUT_MS ?? null,
  };
  const aiProviders =
    parsed.AI_PROVIDERS === undefined ? defaultProviders(gemini, openai, ollama) : parseProviders(parsed.AI_PROVIDERS);
  checkProviderSettings({ aiProviders, gemini, openai, ollama });
  if (parsed.HEADERS_TIMEOUT_MS > parsed.REQUEST_TIMEOUT_MS) {
    // Node refuses a header deadline later than the whole request's.
    throw new ConfigError(
      `Invalid configuration:\n  HEADERS_TIMEOUT_MS: must not exceed REQUEST_TIMEOUT_MS (${parsed.REQUEST_TIMEOUT_MS}) (got ${parsed.HEADERS_TIMEOUT_MS})`,
    );
  }
  const dataDir = path.resolve(parsed.DATA_DIR);
  const postgres = parsed.DATABASE_URL === undefined ? null : parsePostgresUrl(parsed.DATABASE_URL, parsed);
  if (postgres && parsed.DATABASE_PATH !== undefined) {
    throw new ConfigError(
      'Invalid configuration:\n  DATABASE_URL: set either DATABASE_URL (Postgres) or DATABASE_PATH (a SQLite file), not both',
    );
  }
  return {
    host: parsed.HOST,
    port: parsed.PORT,
    dataDir,
    databasePath: parsed.DATABASE_PATH ?? path.join(dataDir, 'rehearse.db'),
    postgres,
    migrateOnStart: parsed.MIGRATE_ON_START ?? postgres === null,
    redis: parsed.REDIS_URL === undefined ? null : parseRedisUrl(parsed.REDIS_URL),
    interviewStepLeaseMs: parsed.INTERVIEW_STEP_LEASE_SECONDS * 1000,
    sessionSecret: parsed.SESSION_SECRET ?? null,
    cookieSecure: parsed.COOKIE_SECURE,
    logLevel: parsed.LOG_LEVEL,
    maxUploadBytes: Math.round(parsed.MAX_UPLOAD_MB * 1024 * 1024),
    documentTimeoutMs: parsed.DOCUMENT_TIMEOUT_MS,
    documentMaxChars: parsed.DOCUMENT_MAX_CHARS,
    answerMaxChars: parsed.ANSWER_MAX_CHARS,
    logFormat: parsed.LOG_FORMAT,
    shutdownGraceMs: parsed.SHUTDOWN_GRACE_MS,
    aiQueue: { concurrency: parsed.AI_CONCURRENCY, maxWaiting: parsed.AI_QUEUE_MAX },
    aiGlobalConcurrency: globalAiConcurrency(parsed),
    overload: {
      maxEventLoopDelayMs: parsed.MAX_EVENT_LOOP_DELAY_MS,
      maxEventLoopUtilization: parsed.MAX_EVENT_LOOP_UTILIZATION,
      maxHeapUsedBytes: parsed.MAX_HEAP_USED_MB * 1024 * 1024,
      maxRssBytes: parsed.MAX_RSS_MB * 1024 * 1024,
      retryAfterSeconds: parsed.OVERLOAD_RETRY_AFTER_SECONDS,
      sampleIntervalMs: 1000,
    },
    connections: {
      headersTimeoutMs: parsed.HEADERS_TIMEOUT_MS,
      requestTimeoutMs: parsed.REQUEST_TIMEOUT_MS,
      keepAliveTimeoutMs: parsed.KEEP_ALIVE_TIMEOUT_MS,
      idleTimeoutMs: parsed.CONNECTION_IDLE_TIMEOUT_MS,
      maxConnections: parsed.MAX_CONNECTIONS === 'auto' ? 'auto' : Number(parsed.MAX_CONNECTIONS),
      maxPerAddress: parsed.MAX_CONNECTIONS_PER_ADDRESS ?? (parseTrustProxy(parsed.TRUST_PROXY) === false ? 64 : 0),
    },
    adminEmails: parseEmailList(parsed.ADMIN_EMAILS),
    trustProxy: parseTrustProxy(parsed.TRUST_PROXY),
    rateLimits: {
      signInPer15Min: parsed.RATE_LIMIT_SIGN_IN,
      uploadsPerMinute: parsed.RATE_LIMIT_UPLOADS,
      interviewPerMinute: parsed.RATE_LIMIT_INTERVIEW,
      createPerHour: parsed.RATE_LIMIT_CREATE,
      retryPerMinute: parsed.RATE_LIMIT_RETRY,
      apiPerMinute: parsed.RATE_LIMIT_API,
    },
    maxInterviewsPerVisitor: parsed.MAX_INTERVIEWS_PER_VISITOR,
    documentMaxParallel: parsed.DOCUMENT_MAX_PARALLEL,
    documentMaxQueued: parsed.DOCUMENT_MAX_QUEUED,
    documentMaxPerVisitor: parsed.DOCUMENT_MAX_PER_VISITOR,
    documentMaxPages: parsed.DOCUMENT_MAX_PAGES,
    documentWorkerMaxJobs: parsed.DOCUMENT_WORKER_MAX_JOBS,
    documentWorkerRecycleMb: parsed.DOCUMENT_WORKER_RECYCLE_MB,
    documentWarmStart: true,
    passwordHashCost: 16,
    aiProviders,
    publicUrl: parsed.PUBLIC_URL ?? null,
    gemini,
    openai,
    ollama,
    aiResilience: {
      attemptTimeoutMs: parsed.AI_ATTEMPT_TIMEOUT_MS,
      callBudgetMs: parsed.AI_CALL_BUDGET_MS,
      maxRetries: parsed.AI_MAX_RETRIES,
      retryBaseMs: parsed.AI_RETRY_BASE_MS,
      retryMaxDelayMs: parsed.AI_RETRY_MAX_DELAY_MS,
      circuitThreshold: parsed.AI_CIRCUIT_THRESHOLD,
      circuitCooldownMs: parsed.AI_CIRCUIT_COOLDOWN_MS,
      localAttemptTimeoutMs: parsed.AI_LOCAL_TIMEOUT_MS,
    },
    aiPromptLimits: { cvChars: parsed.AI_CV_MAX_CHARS, jobChars: parsed.AI_JOB_MAX_CHARS },
    speech: {
      ...transcriberSettings(parsed, gemini, openai),
      whisperModel: parsed.WHISPER_MODEL,
      whisperModelDir: path.resolve(parsed.WHISPER_MODEL_DIR ?? path.join(dataDir, 'models')),
      whisperAllowDownload: parsed.WHISPER_ALLOW_DOWNLOAD,
      maxSeconds: parsed.AUDIO_MAX_SECONDS,
      maxFramesPerSecond: parsed.AUDIO_MAX_FRAMES_PER_SECOND,
      recordingTtlMs: parsed.AUDIO_RECORDING_TTL_MINUTES * 60_000,
      storeRaw: parsed.AUDIO_STORE_RAW,
      startTimeoutMs: parsed.AUDIO_START_TIMEOUT_SECONDS * 1000,
      idleTimeoutMs: parsed.AUDIO_IDLE_TIMEOUT_SECONDS * 1000,
    },
    coverage: {
      method: parsed.COVERAGE_METHOD,
      embeddingsModel: parsed.EMBEDDINGS_MODEL,
      embeddingsModelDir: path.resolve(parsed.EMBEDDINGS_MODEL_DIR ?? path.join(dataDir, 'models')),
      timeoutMs: parsed.COVERAGE_TIMEOUT_MS,
    },
    modelsBaseUrl: parsed.MODELS_BASE_URL.replace(/\/+$/, ''),
  };
}

type TranscriberPick = Pick<SpeechSettings, 'transcriber' | 'transcriberChoice' | 'remoteOpenAi' | 'remoteGemini' | 'remoteTimeoutMs' | 'remoteConcurrency'>;

/** Same scheme, host and port: the same service, so its key may be reused. */
function sameService(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}

/**
 * Which transcriber runs, and with what. TRANSCRIBER=auto takes the first that is configured:
 * an OpenAI-compatible speech server (TRANSCRIBE_BASE_URL), then Gemini (GEMINI_API_KEY), then
 * local Whisper. The OpenAI-compatible key is TRANSCRIBE_API_KEY, or the chat provider's key
 * when TRANSCRIBE_BASE_URL is the same service as OPENAI_BASE_URL; Gemini reuses GEMINI_API_KEY.
 */
function transcriberSettings(parsed: Env, gemini: GeminiSettings, openai: OpenAiSettings): TranscriberPick {
  const baseUrl = parsed.TRANSCRIBE_BASE_URL?.replace(/\/+$/, '') ?? null;
  const reuse = baseUrl !== null && !parsed.TRANSCRIBE_API_KEY && openai.apiKey !== null && sameService(baseUrl, openai.baseUrl);
  const remoteOpenAi: RemoteTranscribeSettings | null = baseUrl
    ? {
        baseUrl,
        model: parsed.TRANSCRIBE_MODEL ?? (isOpenAi(baseUrl) ? DEFAULT_OPENAI_TRANSCRIBE_MODEL : ''),
        apiKey: parsed.TRANSCRIBE_API_KEY ?? (reuse ? openai.apiKey : null),
        apiKeyVariable: reuse ? openai.apiKeyVariable : 'TRANSCRIBE_API_KEY',
      }
    : null;
  const remoteGemini: RemoteTranscribeSettings | null = gemini.apiKey
    ? { baseUrl: gemini.baseUrl, model: parsed.TRANSCRIBE_MODEL ?? gemini.model, apiKey: gemini.apiKey, apiKeyVariable: 'GEMINI_API_KEY' }
    : null;
  const choice = parsed.TRANSCRIBER;
  let transcriber: SpeechSettings['transcriber'];
  let transcriberChoice: string;
  if (choice !== 'auto') {
    transcriber = choice;
    transcriberChoice = `TRANSCRIBER=${choice}`;
  } else if (remoteOpenAi) {
    transcriber = 'openai';
    transcriberChoice = 'TRANSCRIBER=auto: TRANSCRIBE_BASE_URL is set';
  } else if (remoteGemini) {
    transcriber = 'gemini';
    transcriberChoice = 'TRANSCRIBER=auto: GEMINI_API_KEY is set (set TRANSCRIBER=whisper to keep audio on this server)';
  } else {
    transcriber = 'whisper';
    transcriberChoice = 'TRANSCRIBER=auto: no remote speech-to-text is configured, so local Whisper';
  }
  const problems: string[] = [];
  if (transcriber === 'openai') {
    if (!remoteOpenAi) problems.push('TRANSCRIBE_BASE_URL: required because TRANSCRIBER is openai (e.g. https://api.openai.com/v1, or a local speaches/whisper.cpp server)');
    else {
      if (!remoteOpenAi.model) problems.push(`TRANSCRIBE_MODEL: required because TRANSCRIBE_BASE_URL is ${remoteOpenAi.baseUrl}, which is not OpenAI (name the model that server runs, e.g. whisper-large-v3-turbo)`);
      if (!remoteOpenAi.apiKey && (openAiUrlNeedsKey(remoteOpenAi.baseUrl!) || /^https?:\/\/api\.groq\.com(\/|:|$)/i.test(remoteOpenAi.baseUrl!))) {
        problems.push(`TRANSCRIBE_API_KEY: required for ${remoteOpenAi.baseUrl} (or the same service's key in ${openai.apiKeyVariable})`);
      }
    }
  }
  if (transcriber === 'gemini' && !remoteGemini) problems.push('GEMINI_API_KEY: required because TRANSCRIBER is gemini');
  if (problems.length > 0) throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  return {
    transcriber,
    transcriberChoice,
    remoteOpenAi,
    remoteGemini,
    remoteTimeoutMs: parsed.TRANSCRIBE_TIMEOUT_MS,
    remoteConcurrency: parsed.TRANSCRIBE_CONCURRENCY,
  };
}

/** `postgres://user:***@host/db`: a connection string safe to print (the password replaced). */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) {
      parsed.password = '***';
      return parsed.toString();
    }
  } catch {
    // Not a URL (often because a password holds an unencoded character): see below.
  }
  // No password the URL parser could find, yet maybe one written wrongly: hide everything
  // between the scheme's "//" and the last "@", where a user and password would be.
  const at = url.lastIndexOf('@');
  if (at < 0) return url;
  const slashes = url.indexOf('//');
  const start = slashes >= 0 && slashes < at ? slashes + 2 : 0;
  return `${url.slice(0, start)}***${url.slice(at)}`;
}

const POSTGRES_URL_EXAMPLE = 'postgres://rehearse:PASSWORD@db.example.internal:5432/rehearse';

/**
 * DATABASE_URL → pool settings, or a ConfigError that says what is wrong with it (never
 * echoing the password). Only postgres:// and postgresql:// are accepted: SQLite is chosen by
 * leaving DATABASE_URL unset.
 */
function parsePostgresUrl(value: string, parsed: Pick<Env, 'DATABASE_POOL_SIZE' | 'DATABASE_STATEMENT_TIMEOUT_MS'>): PostgresSettings {
  const fail = (why: string): never => {
    throw new ConfigError(`Invalid configuration:\n  DATABASE_URL: ${why} (got ${JSON.stringify(redactUrl(value))}; expected e.g. ${POSTGRES_URL_EXAMPLE})`);
  };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return fail('not a valid URL (characters such as @ : / # in the password must be percent-encoded)');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    return fail(`${url.protocol.replace(/:$/, '')}:// is not supported: only postgres:// (leave DATABASE_URL unset for SQLite, whose file is DATABASE_PATH)`);
  }
  // A Unix socket is named by ?host=/run/postgresql instead of a host name.
  if (!url.hostname && !url.searchParams.get('host')) return fail('names no host');
  const database = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (!database) return fail('names no database (add /<database> after the host)');
  if (database.includes('/')) return fail(`"${database}" is not a database name`);
  return {
    url: value,
    redactedUrl: redactUrl(value),
    poolSize: parsed.DATABASE_POOL_SIZE,
    statementTimeoutMs: parsed.DATABASE_STATEMENT_TIMEOUT_MS,
  };
}

/**
 * AI_GLOBAL_CONCURRENCY, with REDIS_URL: unset means AI_CONCURRENCY, so adding an instance never
 * multiplies the calls sent to the AI provider (whose rate limits and quota are per key, not per
 * instance: two instances at 8 each would send 16 at once and meet 429s); raise it once the
 * provider allows more. 0 turns the global limit off. Without REDIS_URL there is nothing to
 * count in: setting it is an error rather than a limit silently not kept.
 */
function globalAiConcurrency(parsed: Env): number | null {
  const value = parsed.AI_GLOBAL_CONCURRENCY;
  if (parsed.REDIS_URL === undefined) {
    if (value !== undefined && value > 0) {
      throw new ConfigError(
        'Invalid configuration:\n  AI_GLOBAL_CONCURRENCY: needs REDIS_URL (the instances count their AI calls in the shared store); ' +
          'without it each instance is limited by AI_CONCURRENCY alone',
      );
    }
    return null;
  }
  if (value === undefined) return parsed.AI_CONCURRENCY;
  return value === 0 ? null : value;
}

/** REDIS_URL → store settings: redis:// or rediss:// (TLS), with an optional /<db number>. */
function parseRedisUrl(value: string): RedisSettings {
  const fail = (why: string): never => {
    throw new ConfigError(`Invalid configuration:\n  REDIS_URL: ${why} (got ${JSON.stringify(redactUrl(value))}; expected e.g. redis://:PASSWORD@cache.example.internal:6379/0)`);
  };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return fail('not a valid URL');
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') return fail('only redis:// and rediss:// (TLS) are supported (Valkey uses the same)');
  if (!url.hostname) return fail('names no host');
  if (!/^(\/\d{0,2})?$/.test(url.pathname)) return fail('the path must be a database number such as /0');
  return { url: value, redactedUrl: redactUrl(value), keyPrefix: 'rehearse:' };
}

/** "Ops@Example.com, b@x.org" → ["ops@example.com", "b@x.org"] (the same normalisation as sign-in). */
function parseEmailList(list: string | undefined): string[] {
  return [...new Set((list ?? '').split(',').map(normalizeEmail).filter(Boolean))];
}

function parseTrustProxy(value: string | undefined): boolean | number | string[] {
  const v = (value ?? '').trim();
  if (v === '' || v === 'false') return false;
  if (v === 'true') return true;
  if (/^\d+$/.test(v)) return Number(v);
  return v.split(',').map((s) => s.trim()).filter(Boolean);
}

/** The model used with OpenRouter, or OpenAI's own API, when OPENAI_MODEL is not set. */
const DEFAULT_OPENROUTER_MODEL = 'openai/gpt-4o-mini';
const DEFAULT_OPENAI_MODEL = 'gpt-4o-mini';
const isOpenAi = (url: string) => /^https?:\/\/api\.openai\.com(\/|:|$)/i.test(url);

/** True for an address on this machine: a model there may be slow (CPU) but is worth waiting for. */
export function isLocalUrl(url: string): boolean {
  try {
    const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
    return host === 'localhost' || host === '::1' || host === '0.0.0.0' || /^127\./.test(host) || host === 'host.docker.internal';
  } catch {
    return false;
  }
}

const isOpenRouter = (url: string) => /^https?:\/\/([^/]*\.)?openrouter\.ai(\/|:|$)/i.test(url);

/** Hosted OpenAI-compatible services that always want a key; a local or self-hosted server may not. */
function openAiUrlNeedsKey(url: string): boolean {
  return isOpenRouter(url) || isOpenAi(url);
}

/** AI_PROVIDERS unset: every remote provider that has what it needs, in a fixed order, then offline. */
function defaultProviders(gemini: GeminiSettings, openai: OpenAiSettings, ollama: OllamaSettings): string[] {
  return [
    ...(gemini.apiKey ? ['gemini'] : []),
    ...(openai.apiKey || openai.baseUrlSet ? ['openai'] : []),
    ...(ollama.model ? ['ollama'] : []),
    'offline',
  ];
}

/** A provider named in AI_PROVIDERS without its key is a configuration error, reported by variable. */
export function checkProviderSettings(config: Pick<AppConfig, 'aiProviders' | 'gemini' | 'openai' | 'ollama'>): void {
  const problems: string[] = [];
  if (config.aiProviders.includes('gemini') && !config.gemini.apiKey) {
    problems.push('GEMINI_API_KEY: required because AI_PROVIDERS includes gemini (get one at https://aistudio.google.com/apikey)');
  }
  if (config.aiProviders.includes('openai') && !config.openai.apiKey && openAiUrlNeedsKey(config.openai.baseUrl)) {
    problems.push(
      `${config.openai.apiKeyVariable}: required because AI_PROVIDERS includes openai and OPENAI_BASE_URL is ${config.openai.baseUrl} ` +
        '(a local server such as Ollama needs no key: set OPENAI_BASE_URL to it)',
    );
  }
  if (config.aiProviders.includes('openai') && !config.openai.model) {
    problems.push(
      `OPENAI_MODEL: required because OPENAI_BASE_URL is ${config.openai.baseUrl}, which is not OpenRouter ` +
        'or OpenAI (name the model that server runs, e.g. llama3.1:8b for Ollama, or the model llama.cpp serves)',
    );
  }
  if (config.aiProviders.includes('ollama') && !config.ollama.model) {
    problems.push('OLLAMA_MODEL: required because AI_PROVIDERS includes ollama (e.g. qwen2.5:7b; `ollama list` shows what you have)');
  }
  if (problems.length > 0) throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
}

function parseProviders(list: string): string[] {
  const names = list
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = names.filter((n) => !AI_PROVIDER_NAMES.some((known) => known === n));
  if (unknown.length > 0) {
    throw new ConfigError(
      `Invalid configuration:\n  AI_PROVIDERS: unknown provider ${unknown.map((u) => `"${u}"`).join(', ')} (known: ${AI_PROVIDER_NAMES.join(', ')})`,
    );
  }
  return [...new Set([...names.filter((n) => n !== 'offline'), 'offline'])];
}

/**
 * What the server and the command-line tools do at start-up: read an optional `.env` (real
 * environment variables win over it), then the configuration; on a bad value print which
 * variable is wrong and exit with EX_CONFIG (78).
 */
export function loadConfigOrExit(): AppConfig {
  if (fs.existsSync('.env')) process.loadEnvFile('.env');
  try {
    return loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(78);
  }
}

/** A configuration for tests and tools: in-memory database, quiet logs, fixed secret. */
export function testConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  return {
    ...loadConfig({}),
    databasePath: ':memory:',
    logLevel: 'silent',
    sessionSecret: 'test-secret-test-secret-test-secret-0123456789',
    // Parsing threads start on first use: tests build hundreds of apps, most never parse a PDF.
    documentWarmStart: false,
    // Cheaper password hashing keeps account tests fast; the format and checks are the same.
    passwordHashCost: 14,
    // Tests never reach the internet: a remote provider a test enables without pointing it at
    // the fake AI server gets a closed local port. Timeouts and back-off are small.
    gemini: { apiKey: null, model: 'gemini-2.5-flash', baseUrl: 'http://127.0.0.1:9', thinkingBudget: 0, timeoutMs: null },
    openai: {
      apiKey: null,
      apiKeyVariable: 'OPENAI_API_KEY',
      baseUrl: 'http://127.0.0.1:9/v1',
      model: 'test-model',
      jsonMode: 'schema',
      baseUrlSet: true,
      timeoutMs: null,
    },
    ollama: { host: 'http://127.0.0.1:9', model: 'test-model', keepAlive: '5m', maxContextTokens: 16384, timeoutMs: null },
    aiResilience: {
      attemptTimeoutMs: 2000,
      callBudgetMs: 5000,
      maxRetries: 2,
      retryBaseMs: 1,
      retryMaxDelayMs: 20,
      circuitThreshold: 3,
      circuitCooldownMs: 30_000,
      // The fake AI server is on 127.0.0.1 too: tests keep the short timeout.
      localAttemptTimeoutMs: 2000,
    },
    // Voice answers: no transcriber unless a test injects one, so no model is ever loaded.
    speech: { ...loadConfig({}).speech, transcriber: 'none', transcriberChoice: 'TRANSCRIBER=none' },
    // Answer coverage: the lexical method unless a test injects a scorer, so no model is loaded.
    coverage: { ...loadConfig({}).coverage, method: 'lexical' },
    // No overload 503s from a busy test machine: tests that check them turn them on.
    overload: { ...loadConfig({}).overload, maxEventLoopDelayMs: 0 },
    ...overrides,
  };
}
