/**
 * /api/v1: the interview as JSON, for integrators. The same services as the pages (no second
 * implementation), the same rules and error codes, authenticated by personal API tokens
 * (`Authorization: Bearer rht.…`) instead of cookies:
 *
 * - a cookie is not accepted here, and so CSRF (a browser-cookie attack) does not apply;
 * - `read` tokens may GET, `write` tokens may do everything;
 * - another token's interviews are 404, exactly like another visitor's on the pages;
 * - rate limits count per token (rate-limits.ts: the visitor key of a token request is its token);
 * - errors are RFC 9457 problem details (`application/problem+json`) carrying the stable code;
 * - a slow step (start, answer, finish) answers 202 with a Location to poll, or can be followed
 *   as server-sent events: a client is never held for a model call it cannot see.
 *
 * /api/v1/openapi.json is generated from the routes' TypeBox schemas (@fastify/swagger), and
 * /api/v1/docs is the reference page (@fastify/swagger-ui).
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import swaggerUi from '@fastify/swagger-ui';
import { Errors, isAppError, type AppError } from '../../errors.js';
import type { ApiScope } from '../../db/schema.js';
import type { ApiIdentity } from '../../services/api-token-service.js';
import { SHARED_SCHEMAS } from './schemas.js';
import { interviewApiRoutes } from './interviews.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who an /api/v1 request's bearer token speaks for (null elsewhere). */
    apiIdentity: ApiIdentity | null;
  }
  interface FastifyContextConfig {
    /** The route is part of /api/v1: token-authenticated, no cookies, no CSRF. */
    bearerAuth?: boolean;
    /** The scope the route needs (default: read for GET, write otherwise). */
    scope?: ApiScope;
  }
}

const STATUS_TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** The form's field names as the API's JSON names them: job_title → jobTitle. */
const camel = (name: string) => name.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());

/** An AppError as problem details. */
function problemOf(error: AppError) {
  const fields = Object.entries(error.fields).map(([name, message]) => [camel(name), message] as const);
  return {
    type: 'about:blank',
    title: STATUS_TITLES[error.statusCode] ?? 'Error',
    status: error.statusCode,
    detail: error.message,
    code: error.code,
    ...(fields.length > 0 ? { fields: Object.fromEntries(fields) } : {}),
  };
}

function sendProblem(reply: FastifyReply, error: AppError) {
  if (error.statusCode === 401) reply.header('WWW-Authenticate', 'Bearer realm="rehearse"');
  return reply.code(error.statusCode).type('application/problem+json; charset=utf-8').header('Cache-Control', 'no-store').send(problemOf(error));
}

function bearerOf(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match ? match[1]! : null;
}

/**
 * The identity of a request that sends a bearer token (undefined when it sends none): the
 * token's owner if it is valid and has `scope`, else a 401/403. Used by the API and by the
 * audio socket, so an integrator can stream a spoken answer.
 */
export async function bearerIdentity(request: FastifyRequest, scope: ApiScope): Promise<ApiIdentity | undefined> {
  const bearer = bearerOf(request);
  if (bearer === null) return undefined;
  const identity = await request.server.services.apiTokens.authenticate(bearer);
  if (!identity) throw Errors.apiUnauthorized();
  if (!identity.scopes.includes(scope)) throw Errors.apiScopeMissing(scope);
  return identity;
}

/** The routes that need a token, behind the authentication hook. */
async function authenticated(app: FastifyInstance) {
  app.addHook('onRoute', (route) => {
    route.config = { ...(route.config ?? {}), bearerAuth: true };
  });

  app.addHook('onRequest', async (request) => {
    const needed: ApiScope = request.routeOptions.config?.scope ?? (request.method === 'GET' || request.method === 'HEAD' ? 'read' : 'write');
    const identity = await bearerIdentity(request, needed);
    if (!identity) throw Errors.apiUnauthorized();
    request.apiIdentity = identity;
  });
  // Every token request counts against the token's own budget (RATE_LIMIT_API).
  app.addHook('onRequest', (request, reply) => app.limits.api(request, reply));

  await app.register(interviewApiRoutes);
}

export async function apiRoutes(app: FastifyInstance) {
  app.decorateRequest('apiIdentity', null);
  for (const schema of SHARED_SCHEMAS) app.addSchema(schema);

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (isAppError(error)) return sendProblem(reply, error);
    if (error.validation) return sendProblem(reply, Errors.apiInvalidRequest(error.message));
    if (error.statusCode && error.statusCode < 500) return sendProblem(reply, Errors.apiInvalidRequest(error.message));
    request.log.error({ err: error }, 'unexpected error in the API');
    return reply
      .code(500)
      .type('application/problem+json; charset=utf-8')
      .send({ type: 'about:blank', title: 'Internal Server Error', status: 500, detail: 'Something went wrong on our side. Nothing you sent was lost; try again.', code: 'INTERNAL' });
  });
  app.setNotFoundHandler((_request, reply) => sendProblem(reply, Errors.notFound()));

  // Public: the API's description (its reference page, /api/v1/docs, is registered beside: apiDocs).
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(authenticated);
}

/**
 * The API's reference page (@fastify/swagger-ui) at /api/v1/docs. Registered at the root: the
 * page links its assets by this absolute prefix. It sends its own Content-Security-Policy, with
 * hashes for its inline bits; everything it loads is served from here.
 */
const SWAGGER_UI_STYLE_HASH = 'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w=';

export async function apiDocs(app: FastifyInstance) {
  await app.register(swaggerUi, {
    routePrefix: '/api/v1/docs',
    uiConfig: { docExpansion: 'list', deepLinking: true, tryItOutEnabled: false },
    staticCSP: true,
    // The one <style> element Swagger UI's bundle writes at run time (a fixed string in this
    // version): allowed by its hash, nothing else inline.
    transformStaticCSP: (header) => header.replace("style-src 'self' https:", `style-src 'self' https: '${SWAGGER_UI_STYLE_HASH}'`),
  });
}
