/**
 * Builds the Fastify application (it never listens: src/server.ts does). Plugins are
 * registered in a fixed order — external plugins, then the app's own pieces (database,
 * repositories, services), then routes — so every route can rely on what it needs.
 */
import path from 'node:path';
import { createRequire } from 'node:module';
import Fastify, { type FastifyInstance } from 'fastify';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import secureSession from '@fastify/secure-session';
import fastifyStatic from '@fastify/static';
import view from '@fastify/view';
import { Eta } from 'eta';
import type { AppConfig } from './config.js';
import { openDatabase, type DbHandle } from './db/client.js';
import { createAiClient, type ProviderStatus } from './ai/ai-client.js';
import { createProviders } from './ai/providers/index.js';
import type { AiProvider } from './ai/types.js';
import { extractDocument } from './documents/index.js';
import { createUsersRepository } from './repositories/users-repository.js';
import { createSessionsRepository } from './repositories/sessions-repository.js';
import { createMessagesRepository } from './repositories/messages-repository.js';
import { createFeedbackRepository } from './repositories/feedback-repository.js';
import { createSessionService, type SessionService } from './services/session-service.js';
import { createInterviewService, type InterviewService } from './services/interview-service.js';
import { createFeedbackService, type FeedbackService } from './services/feedback-service.js';
import { sessionKey } from './session-secret.js';
import { PUBLIC_DIR, VIEWS_DIR } from './paths.js';
import { registerErrorHandlers } from './routes/error-handlers.js';
import { pageRoutes } from './routes/pages.js';
import { sessionRoutes } from './routes/session-routes.js';
import { interviewRoutes } from './routes/interview-routes.js';
import { feedbackRoutes } from './routes/feedback-routes.js';

const require = createRequire(import.meta.url);

export interface AppDeps {
  /** Replaces the configured AI providers (tests use fakes or a fake server). */
  providers?: AiProvider[];
  clock?: () => Date;
  /** Where log lines go instead of stdout (tests capture them). */
  logStream?: { write(line: string): void };
}

export interface Services {
  sessions: SessionService;
  interview: InterviewService;
  feedback: FeedbackService;
  aiProviders: readonly string[];
  /** Each AI provider with its model and circuit state, for /health. */
  aiStatus: () => ProviderStatus[];
}

declare module 'fastify' {
  interface FastifyInstance {
    services: Services;
    config: AppConfig;
    /** The open database; routes use services, this is for health checks and tests. */
    database: DbHandle;
  }
}

export async function buildApp(config: AppConfig, deps: AppDeps = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: config.logLevel,
      redact: ['req.headers.cookie', 'req.headers.authorization'],
      ...(deps.logStream ? { stream: deps.logStream } : {}),
    },
    // Answers and pasted job descriptions are text; 1 MB is generous and bounds memory.
    bodyLimit: 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true },
  });

  // --- external plugins -----------------------------------------------------------------
  await app.register(formbody);
  await app.register(multipart, {
    limits: { fileSize: config.maxUploadBytes, files: 1, fields: 10, fieldSize: 512 * 1024, parts: 12 },
  });
  await app.register(secureSession, {
    key: sessionKey(config.sessionSecret, config.dataDir),
    cookieName: 'rehearse_session',
    cookie: { path: '/', httpOnly: true, sameSite: 'lax', secure: config.cookieSecure, maxAge: 60 * 60 * 24 * 365 },
  });
  await app.register(fastifyStatic, { root: PUBLIC_DIR, prefix: '/public/', maxAge: '1h' });
  // htmx is served from our own node_modules: the app must work with no CDN and no internet.
  await app.register(fastifyStatic, {
    root: path.dirname(require.resolve('htmx.org/dist/htmx.min.js')),
    prefix: '/vendor/htmx/',
    decorateReply: false,
    allowedPath: (pathName) => pathName === '/htmx.min.js',
    maxAge: '1d',
  });
  await app.register(view, {
    engine: { eta: new Eta({ views: VIEWS_DIR, cache: true, autoEscape: true }) },
    root: VIEWS_DIR,
    viewExt: 'eta',
  });

  // --- app plugins: database, repositories, services --------------------------------------
  const database = openDatabase(config.databasePath);
  app.addHook('onClose', async () => database.close());
  const repositories = {
    users: createUsersRepository(database.db),
    sessions: createSessionsRepository(database.db),
    messages: createMessagesRepository(database.db),
    feedback: createFeedbackRepository(database.db),
  };
  const clock = deps.clock ?? (() => new Date());
  const ai = createAiClient({ providers: deps.providers ?? createProviders(config), logger: app.log, resilience: config.aiResilience });
  const extract = (bytes: Buffer) =>
    extractDocument(bytes, {
      maxBytes: config.maxUploadBytes,
      timeoutMs: config.documentTimeoutMs,
      maxChars: config.documentMaxChars,
    });
  app.decorate('config', config);
  app.decorate('database', database);
  app.decorate('services', {
    sessions: createSessionService({ ...repositories, extractDocument: extract, documentMaxChars: config.documentMaxChars }),
    interview: createInterviewService({ ...repositories, ai, clock, answerMaxChars: config.answerMaxChars }),
    feedback: createFeedbackService({ ...repositories, ai, clock }),
    aiProviders: ai.providerNames,
    aiStatus: () => ai.providerStatus(),
  });

  // --- routes ---------------------------------------------------------------------------
  registerErrorHandlers(app);
  await app.register(pageRoutes);
  await app.register(sessionRoutes);
  await app.register(interviewRoutes);
  await app.register(feedbackRoutes);
  return app;
}
