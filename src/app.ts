/**
 * Builds the Fastify application (it never listens: src/server.ts does). Plugins are
 * registered in a fixed order — external plugins, then the app's own pieces (database,
 * repositories, services), then routes — so every route can rely on what it needs.
 */
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyRequest } from 'fastify';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import secureSession from '@fastify/secure-session';
import fastifyStatic from '@fastify/static';
import view from '@fastify/view';
import websocket from '@fastify/websocket';
import swagger from '@fastify/swagger';
import { Eta } from 'eta';
import type { AppConfig } from './config.js';
import type { DbHandle } from './db/client.js';
import { openAppDatabase, type AppDatabase } from './db/app-database.js';
import { createAiClient, type ProviderStatus } from './ai/ai-client.js';
import { createProviders } from './ai/providers/index.js';
import type { AiProvider } from './ai/types.js';
import { createParseLimiter, createParsePool, extractDocument } from './documents/index.js';
import { loadNlp } from './text/index.js';
import { createSessionService, type SessionService } from './services/session-service.js';
import { createInterviewService, type InterviewService } from './services/interview-service.js';
import { createFeedbackService, type FeedbackService } from './services/feedback-service.js';
import { createRetryService, type RetryService } from './services/retry-service.js';
import { createProgressService, type ProgressService } from './services/progress-service.js';
import { sessionKey } from './session-secret.js';
import { PUBLIC_DIR, VIEWS_DIR } from './paths.js';
import { registerErrorHandlers } from './routes/error-handlers.js';
import { resolveVisitor } from './routes/visitor.js';
import { pageRoutes } from './routes/pages.js';
import { sessionRoutes } from './routes/session-routes.js';
import { interviewRoutes } from './routes/interview-routes.js';
import { interviewEventRoutes } from './routes/interview-events.js';
import { feedbackRoutes } from './routes/feedback-routes.js';
import { progressRoutes } from './routes/progress-routes.js';
import { accountRoutes } from './routes/account-routes.js';
import { adminRoutes } from './routes/admin-routes.js';
import { dataRoutes } from './routes/data-routes.js';
import { apiDocs, apiRoutes } from './routes/api/index.js';
import { apiTokenRoutes } from './routes/api-token-routes.js';
import { createApiTokenService, type ApiTokenService } from './services/api-token-service.js';
import { createAccountService, type AccountService } from './services/account-service.js';
import { createOperatorService, type OperatorService } from './services/operator-service.js';
import { createDataDeletionService, type DataDeletionService } from './services/data-deletion-service.js';
import { createVoiceConsentService, type VoiceConsentService } from './services/voice-consent-service.js';
import { voiceConsentRoutes } from './routes/voice-consent-routes.js';
import { registerSecurityHeaders } from './security/headers.js';
import { registerCsrf } from './security/csrf.js';
import { registerRateLimits } from './security/rate-limits.js';
import { openSharedStore, type SharedStore } from './shared-store.js';
import { createSharedSemaphore, type SharedSemaphore } from './shared-semaphore.js';
import { applyRoutePolicies } from './security/policy.js';
import { audioRoutes } from './routes/audio-routes.js';
import { createRecordingStore, createTranscriber, withRedactedMessages, type RecordingStore, type Transcriber } from './speech/index.js';
import { createPathRedactor } from './security/redact-paths.js';
import { createCoverageScorer, type CoverageScorer } from './coverage/index.js';
import { loggerOptions } from './logging.js';
import { registerOperations } from './operations.js';
import { currentRequestContext, currentSessionId, requestScopedLogger } from './request-context.js';
import { createWorkQueue, limitAiClient } from './ai/work-queue.js';
import { createAnswerEvaluations } from './services/answer-evaluations.js';
import { opsRoutes } from './routes/ops-routes.js';
import { limitConnections, resolveMaxConnections } from './connection-limits.js';
import { codeOf } from './errors.js';

const require = createRequire(import.meta.url);

export interface AppDeps {
  /** Replaces the configured AI providers (tests use fakes or a fake server). */
  providers?: AiProvider[];
  clock?: () => Date;
  /** Where log lines go instead of stdout (tests capture them). */
  logStream?: { write(line: string): void };
  /** Replaces the configured transcriber (tests use a fake). */
  transcriber?: Transcriber;
  /** Replaces the configured answer-coverage scorer (tests use one with a fake embedder). */
  coverage?: CoverageScorer;
}

interface Services {
  sessions: SessionService;
  /** Guests, accounts, sign-in (account-service.ts). */
  accounts: AccountService;
  /** Who is an operator and how one becomes one: never by registering (operator-service.ts). */
  operators: OperatorService;
  /** "Delete my data": interviews and users, with their stored files. */
  deletion: DataDeletionService;
  interview: InterviewService;
  feedback: FeedbackService;
  /** Retrying a question from the feedback page (practice: never changes the interview). */
  retry: RetryService;
  /** Mastery, charts and the study plan across an owner's interviews (progress page). */
  progress: ProgressService;
  aiProviders: readonly string[];
  /** Each AI provider with its model and circuit state, for /health. */
  aiStatus: () => ProviderStatus[];
  /** Speech to text for voice answers (may be unavailable: see its status). */
  transcriber: Transcriber;
  /** Why this transcriber runs ("TRANSCRIBER=auto: GEMINI_API_KEY is set"), for /health and the page. */
  transcriberChoice: string;
  /** Where voice audio goes to be transcribed, in the words of the consent step. */
  transcriberDescription: () => string;
  /** Consent to voice recording, per interview: given, shown, withdrawn (deleting the recordings). */
  voiceConsent: VoiceConsentService;
  /** Live and recently finished voice recordings, in memory. */
  recordings: RecordingStore;
  /** Answer coverage against key points (embeddings or lexical: see its status). */
  coverage: CoverageScorer;
  /** Whether the document parsing threads are warm (/ready waits for it), and why not. */
  documentsReady: () => { ready: boolean; reason?: string };
  /** Personal API tokens for /api/v1 (made and revoked on the account page). */
  apiTokens: ApiTokenService;
}

declare module 'fastify' {
  interface FastifyInstance {
    services: Services;
    config: AppConfig;
    /** The configured database (SQLite or Postgres): its repositories, readiness and name. Routes use services. */
    storage: AppDatabase;
    /**
     * The SQLite handle, for tests and tools that look inside the file. There is none when the
     * app runs on Postgres: reading it then throws, saying so.
     */
    database: DbHandle;
  }
}

/** ws's protocol errors (bad frames) are warnings; resets and broken pipes are clients leaving. */
function logSocketError(error: Error, socket: { terminate(): void }, request: FastifyRequest): void {
  const code = codeOf(error);
  if (code?.startsWith('WS_ERR_')) request.log.warn({ code, reason: error.message }, 'voice socket: protocol error from the client');
  else if (code === 'ECONNRESET' || code === 'EPIPE') request.log.info({ code }, 'voice socket: the client went away');
  else request.log.error({ err: error }, 'voice socket error');
  socket.terminate();
}

/**
 * AI_GLOBAL_CONCURRENCY: the AI calls running at once across every instance, counted in the
 * shared store (shared-semaphore.ts); null without one (each instance has its AI_CONCURRENCY).
 */
function globalAiLimit(config: AppConfig, store: SharedStore | null, log: FastifyBaseLogger): SharedSemaphore | null {
  if (config.aiGlobalConcurrency === null) return null;
  if (!store) throw new Error('aiGlobalConcurrency needs the shared store (REDIS_URL)');
  return createSharedSemaphore({ redis: store.redis, key: `${store.keyPrefix}ai-calls`, limit: config.aiGlobalConcurrency, log });
}

/** TRUST_PROXY=<n>: trust the n proxies nearest to us (proxy-addr's hop count). */
const trustHops = (hops: number) => (_address: string, hop: number) => hop < hops;

export async function buildApp(config: AppConfig, deps: AppDeps = {}): Promise<FastifyInstance> {
  const app = Fastify({
    // JSON lines with reqId (LOG_FORMAT=pretty for humans): logging.ts.
    logger: await loggerOptions(config, deps.logStream),
    // Answers and pasted job descriptions are text; 1 MB is generous and bounds memory.
    bodyLimit: 1024 * 1024,
    // Behind a reverse proxy (TRUST_PROXY), rate limits and the Origin check see the client, not the proxy.
    trustProxy: typeof config.trustProxy === 'number' ? trustHops(config.trustProxy) : config.trustProxy,
    routerOptions: { ignoreTrailingSlash: true },
    // Every phase of a connection has a deadline (Fastify's defaults leave the request and the
    // socket without one, so a body that never arrives held its socket forever). Node checks
    // the header and request deadlines every connectionsCheckingInterval.
    http: { headersTimeout: config.connections.headersTimeoutMs, connectionsCheckingInterval: 1000 },
    requestTimeout: config.connections.requestTimeoutMs,
    keepAliveTimeout: config.connections.keepAliveTimeoutMs,
    connectionTimeout: config.connections.idleTimeoutMs,
  });
  // Open connections in all and per address (connection-limits.ts).
  limitConnections(app.server, {
    maxConnections: resolveMaxConnections(config.connections.maxConnections),
    maxPerAddress: config.connections.maxPerAddress,
    log: app.log,
  });

  // --- external plugins -----------------------------------------------------------------
  // First, so an overloaded process refuses requests before doing any work for them;
  // also the request context (request logger, interview id) and /ready's state (operations.ts).
  // The store every instance shares when REDIS_URL is set (shared-store.ts): rate-limit
  // counters, and the AI calls' global limit (AI_GLOBAL_CONCURRENCY) inside the queue's slots.
  const sharedStore = config.redis ? openSharedStore(config.redis, app.log) : null;
  app.decorate('sharedStore', sharedStore);
  if (sharedStore) {
    app.addHook('onReady', async () => {
      if (!(await sharedStore.connected())) app.log.warn('starting without the shared store: /ready says 503 until it answers');
    });
    app.addHook('onClose', async () => sharedStore.close());
  }
  const aiQueue = createWorkQueue({ ...config.aiQueue, global: globalAiLimit(config, sharedStore, app.log) });
  await registerOperations(app, config, aiQueue);
  await app.register(formbody);
  await app.register(multipart, {
    limits: { fileSize: config.maxUploadBytes, files: 1, fields: 10, fieldSize: 512 * 1024, parts: 12, fieldNameSize: 100, headerPairs: 100 },
  });
  await app.register(secureSession, {
    key: sessionKey(config.sessionSecret, config.dataDir),
    cookieName: 'rehearse_session',
    cookie: { path: '/', httpOnly: true, sameSite: 'lax', secure: config.cookieSecure, maxAge: 60 * 60 * 24 * 365 },
    // How long a cookie stays valid after it was last written (the plugin's default is 24 h);
    // activity rewrites it at most once a minute (visitor.ts), so this is a year of inactivity.
    expiry: 60 * 60 * 24 * 365,
  });
  // Who the cookie speaks for, read before any handler (or error page) needs it (visitor.ts).
  app.addHook('onRequest', resolveVisitor);
  // Web defences (SECURITY.md): headers + CSP, CSRF tokens, rate limits, and the per-route table.
  await registerSecurityHeaders(app, { https: config.cookieSecure });
  await registerCsrf(app);
  await registerRateLimits(app, config.rateLimits, sharedStore);
  applyRoutePolicies(app);
  await app.register(fastifyStatic, { root: PUBLIC_DIR, prefix: '/public/', maxAge: '1h' });
  // htmx is served from our own node_modules: the app must work with no CDN and no internet.
  await app.register(fastifyStatic, {
    root: path.dirname(require.resolve('htmx.org/dist/htmx.min.js')),
    prefix: '/vendor/htmx/',
    decorateReply: false,
    allowedPath: (pathName) => pathName === '/htmx.min.js',
    maxAge: '1d',
  });
  // htmx's server-sent-events extension: the interview page follows the interviewer live.
  await app.register(fastifyStatic, {
    root: path.dirname(require.resolve('htmx-ext-sse/dist/sse.min.js')),
    prefix: '/vendor/htmx-ext-sse/',
    decorateReply: false,
    allowedPath: (pathName) => pathName === '/sse.min.js',
    maxAge: '1d',
  });
  // Voice answers stream over a WebSocket; frames larger than 64 KB are refused by the route
  // with a reason, and this hard cap stops anything far larger before it is buffered.
  await app.register(websocket, {
    options: { maxPayload: 1024 * 1024 },
    // A broken frame or a dropped connection is the client's doing, not ours: logged below
    // error level (the plugin's default logs every one as an error).
    errorHandler: logSocketError,
    // On shutdown, tell open recordings why (1001 "going away"; what they sent is kept).
    preClose(this: FastifyInstance, done: () => void) {
      for (const client of this.websocketServer.clients) client.close(1001, 'server shutting down');
      this.websocketServer.close();
      done();
    },
  });
  // The JSON API's description, generated from the schemas of its routes (only routes with tags
  // are in it: the pages have none). Registered before any route, so it sees them all.
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Rehearse API',
        version: '1.0.0',
        description:
          'The mock interview as JSON: create an interview, send a CV and the job, answer eight questions (and follow-ups), get the feedback. ' +
          'Authenticate with a personal API token from your account page: `Authorization: Bearer rht.…`. Errors are RFC 9457 problem details with a stable `code`.',
      },
      servers: [{ url: config.publicUrl ?? '/' }],
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'A personal API token (rht.…) from the account page.' } } },
      security: [{ bearer: [] }],
    },
    hideUntagged: true,
    // Shared schemas appear under their own names (#/components/schemas/InterviewState…).
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
  });
  await app.register(view, {
    engine: { eta: new Eta({ views: VIEWS_DIR, cache: true, autoEscape: true }) },
    root: VIEWS_DIR,
    viewExt: 'eta',
    // Always cache compiled templates (the plugin would otherwise decide from NODE_ENV);
    // `npm run dev` restarts when a view changes.
    production: true,
  });

  // --- app plugins: database, repositories, services --------------------------------------
  const storage = await openAppDatabase(config, (error) => app.log.error({ err: error }, 'Postgres: an idle connection failed (the pool replaces it)'));
  app.addHook('onClose', async () => storage.close());
  if (storage.applied.length > 0) app.log.info({ migrations: storage.applied.map((e) => e.tag) }, `migrated ${storage.name}`);
  if (storage.driver === 'postgres' && config.redis === null) {
    app.log.warn(
      `running on Postgres (${storage.name}) without REDIS_URL: rate limits and the AI calls' limit are counted ` +
        'per instance. Set REDIS_URL to run more than one (README: "Running more than one instance").',
    );
  }
  const { progress: progressRepository, apiTokens: apiTokensRepository, recordingSummaries, stepClaims, ...repositories } = storage.repositories;
  // On Postgres, instances take an interview's next step under a claim in the database (this
  // instance's name in it: host, process and a random part, new at every start); on SQLite the
  // interview service's in-process map is enough (it says why).
  const stepLock =
    storage.driver === 'postgres'
      ? { claims: stepClaims, holder: `${os.hostname()}:${process.pid}:${randomBytes(6).toString('hex')}`, leaseMs: config.interviewStepLeaseMs }
      : undefined;
  const clock = deps.clock ?? (() => new Date());
  // The English model, now: loaded on the first answer it blocked the event loop for 0.6 s (more
  // on a busy machine), which the overload monitor read as overload and answered 503s to everyone.
  loadNlp();
  // PDF/DOCX parsing: warm threads, started now so the first upload is as fast as the rest,
  // admitted fairly between visitors (documents/parse-pool.ts, parse-limiter.ts).
  const documentPool = createParsePool({
    threads: config.documentMaxParallel,
    timeoutMs: config.documentTimeoutMs,
    jobsPerThread: config.documentWorkerMaxJobs,
    recycleHeapMb: config.documentWorkerRecycleMb,
    warmStart: config.documentWarmStart,
  });
  app.addHook('onClose', async () => documentPool.close());
  const documentLimiter = createParseLimiter({
    maxParallel: config.documentMaxParallel,
    maxQueued: config.documentMaxQueued,
    maxWaitMs: config.documentTimeoutMs,
    maxPerVisitor: config.documentMaxPerVisitor,
  });
  // Cheap to build: the embedding model only loads on the first answer scored.
  const coverage =
    deps.coverage ??
    createCoverageScorer({
      method: config.coverage.method,
      modelId: config.coverage.embeddingsModel,
      modelDir: config.coverage.embeddingsModelDir,
      timeoutMs: config.coverage.timeoutMs,
      onFallback: (reason) => app.log.warn({ reason }, 'answer coverage fell back to the lexical method'),
    });
  app.addHook('onClose', async () => coverage.close());
  // Every AI call waits for a slot in aiQueue (AI_CONCURRENCY / AI_QUEUE_MAX); its log lines carry the request id.
  const ai = limitAiClient(
    createAiClient({ providers: deps.providers ?? createProviders(config, { coverage }), logger: requestScopedLogger(app.log), resilience: config.aiResilience }),
    aiQueue,
    currentSessionId,
  );
  // Answers are evaluated beside the interview; feedback waits for them (answer-evaluations.ts).
  const evaluations = createAnswerEvaluations({ messages: repositories.messages, sessions: repositories.sessions, ai, coverage, log: app.log });
  const extract = (bytes: Buffer, ownerId: string) =>
    extractDocument(bytes, {
      maxBytes: config.maxUploadBytes,
      maxChars: config.documentMaxChars,
      maxPages: config.documentMaxPages,
      pool: documentPool,
      limiter: documentLimiter,
      requester: { visitor: ownerId, address: currentRequestContext()?.address ?? null },
    });
  // Server paths in texts visitors can see (/health, the voice socket) name their setting
  // instead; the operator gets the full paths in the log once the app is ready.
  const configuredTranscriber = deps.transcriber ?? createTranscriber(config.speech);
  const transcriber = withRedactedMessages(
    configuredTranscriber,
    createPathRedactor({ WHISPER_MODEL_DIR: config.speech.whisperModelDir, DATA_DIR: config.dataDir }),
  );
  // Finished recordings' summaries go to the database too, so an answer posted to another instance finds them.
  const recordings = createRecordingStore({ ttlMs: config.speech.recordingTtlMs, summaries: recordingSummaries, log: app.log });
  /** Where the audio of a recording goes, named for the consent step. */
  const transcriberDescription = () => {
    const status = transcriber.status();
    if (status.sendsAudioTo) return status.sendsAudioTo;
    if (status.available) return `this server (${status.name.replace(/^whisper:/, 'local Whisper model ')})`;
    return 'nowhere: captions are off on this server';
  };
  app.addHook('onClose', async () => {
    recordings.close();
    await transcriber.close();
  });
  app.addHook('onReady', async () => {
    app.log.info({ transcriber: configuredTranscriber.status(), coverage: coverage.status() }, 'speech-to-text and answer coverage');
  });
  const operators = createOperatorService({
    users: repositories.users,
    adminEmails: config.adminEmails,
    clock,
    announce: (message, details) => app.log.warn(details, message),
  });
  // Once the app is ready (the database migrated): print the setup token if an ADMIN_EMAILS
  // address is not an operator yet.
  app.addHook('onReady', async () => operators.start());
  const deletion = createDataDeletionService({ sessions: repositories.sessions, users: repositories.users, dataDir: config.dataDir, log: app.log });
  app.decorate('config', config);
  app.decorate('storage', storage);
  app.decorate('database', {
    getter(): DbHandle {
      if (storage.sqlite) return storage.sqlite;
      throw new Error(`app.database is the SQLite handle, and this app runs on Postgres (${storage.name}): use app.storage`);
    },
  });
  app.decorate('services', {
    sessions: createSessionService({
      ...repositories,
      extractDocument: extract,
      documentMaxChars: config.documentMaxChars,
      maxInterviewsPerVisitor: config.maxInterviewsPerVisitor,
    }),
    accounts: createAccountService({
      users: repositories.users,
      deletion,
      passwordHashCost: config.passwordHashCost,
      clock,
    }),
    operators,
    deletion,
    interview: createInterviewService({
      ...repositories,
      ai,
      clock,
      answerMaxChars: config.answerMaxChars,
      recordings,
      coverage,
      evaluations,
      log: app.log,
      ...(stepLock ? { stepLock } : {}),
    }),
    feedback: createFeedbackService({ ...repositories, ai, clock, evaluations }),
    retry: createRetryService({ ...repositories, ai, clock, answerMaxChars: config.answerMaxChars, coverage }),
    apiTokens: createApiTokenService({ tokens: apiTokensRepository, clock }),
    progress: createProgressService({
      progress: progressRepository,
      sessions: repositories.sessions,
      maxInterviewsPerVisitor: config.maxInterviewsPerVisitor,
    }),
    aiProviders: ai.providerNames,
    aiStatus: () => ai.providerStatus(),
    transcriber,
    transcriberChoice: deps.transcriber ? 'supplied by the embedding code (tests)' : config.speech.transcriberChoice,
    transcriberDescription,
    voiceConsent: createVoiceConsentService({
      sessions: repositories.sessions,
      messages: repositories.messages,
      recordings,
      dataDir: config.dataDir,
      storeRaw: config.speech.storeRaw,
      transcriberDescription,
      clock,
      log: app.log,
    }),
    recordings,
    coverage,
    documentsReady: () =>
      documentPool.warm
        ? { ready: true }
        : { ready: false, reason: documentPool.startupError ? `documents: parsing threads failed to start (${documentPool.startupError.message})` : 'documents: parsing threads starting' },
  });

  // On close, calls to remote models stop at once: every interviewer step is resumable (the
  // answer is stored first), so the next start picks it up, and an open page reconnects. Work
  // still running (a local provider) gets a moment to finish before the database closes
  // (onClose hooks run last-added first, so this one runs before the database's).
  app.addHook('preClose', async () => ai.close());
  app.addHook('onClose', async () => {
    let timer: NodeJS.Timeout | undefined;
    const bound = new Promise<void>((resolve) => (timer = setTimeout(resolve, Math.min(config.shutdownGraceMs, 5000))));
    await Promise.race([app.services.interview.drain(), bound]).finally(() => clearTimeout(timer));
  });

  // --- routes ---------------------------------------------------------------------------
  registerErrorHandlers(app);
  await app.register(pageRoutes);
  await app.register(sessionRoutes);
  await app.register(interviewRoutes);
  await app.register(interviewEventRoutes);
  await app.register(feedbackRoutes);
  await app.register(progressRoutes);
  await app.register(accountRoutes);
  await app.register(adminRoutes);
  await app.register(dataRoutes);
  await app.register(apiTokenRoutes);
  await app.register(apiRoutes, { prefix: '/api/v1' });
  await app.register(apiDocs);
  await app.register(audioRoutes);
  await app.register(voiceConsentRoutes);
  await app.register(opsRoutes);
  return app;
}
