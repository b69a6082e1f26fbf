/**
 * Personal API tokens on the account page (accounts only): make one (shown once, right after
 * it is made, then never again) and revoke one. Plain forms with 303s, like the rest.
 */
import type { FastifyInstance } from 'fastify';
import { Errors, isAppError } from '../errors.js';
import { currentVisitor } from './visitor.js';
import { render, seeOther } from './render.js';
import { accountPageData } from './account-routes.js';

declare module '@fastify/secure-session' {
  interface SessionData {
    /** A token just made, shown once on the next account page and then forgotten. */
    newApiToken: string;
  }
}

interface TokenForm {
  name?: string;
  scopes?: string | string[];
}

export async function apiTokenRoutes(app: FastifyInstance) {
  const { apiTokens } = app.services;

  app.post<{ Body: TokenForm | undefined }>('/account/tokens', async (request, reply) => {
    const visitor = currentVisitor(request);
    if (!visitor.email) throw Errors.notFound();
    try {
      const { token } = apiTokens.create(visitor.id, request.body ?? {});
      // Kept for one page view in the encrypted cookie: the account page shows it once.
      request.session.set('newApiToken', token);
      return seeOther(reply, '/account#api-tokens');
    } catch (error) {
      if (!isAppError(error)) throw error;
      const values = { name: typeof request.body?.name === 'string' ? request.body.name : '', scopes: [request.body?.scopes ?? []].flat() };
      return render(reply, 'pages/account', { ...accountPageData(app, request), section: 'tokens', error, fieldErrors: error.fields, tokenValues: values }, error.statusCode);
    }
  });

  app.post<{ Params: { id: string } }>('/account/tokens/:id/revoke', async (request, reply) => {
    const visitor = currentVisitor(request);
    if (!visitor.email) throw Errors.notFound();
    apiTokens.revoke(visitor.id, request.params.id);
    return seeOther(reply, '/account?done=token-revoked#api-tokens');
  });
}
