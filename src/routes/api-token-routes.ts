/**
 * Personal API tokens on the account page (accounts only): make one (shown once, right after
 * it is made, then never again) and revoke one. Plain forms with 303s, like the rest.
 */
import type { FastifyInstance } from 'fastify';
import { Errors, isAppError } from '../errors.js';
import { currentVisitor } from './visitor.js';
import { render, seeOther } from './render.js';
import { accountPage } from './account-routes.js';
import { formOf, TokenForm, TokenParams, typedRoutes } from './schemas.js';

declare module '@fastify/secure-session' {
  interface SessionData {
    /** A token just made, shown once on the next account page and then forgotten. */
    newApiToken: string;
  }
}

export async function apiTokenRoutes(plain: FastifyInstance) {
  const app = typedRoutes(plain);
  const { apiTokens } = app.services;

  app.post('/account/tokens', { schema: { body: TokenForm }, attachValidation: true }, async (request, reply) => {
    const visitor = currentVisitor(request);
    if (!visitor.email) throw Errors.notFound();
    const form = formOf(TokenForm, request);
    try {
      const { token } = await apiTokens.create(visitor.id, form);
      // Kept for one page view in the encrypted cookie: the account page shows it once.
      request.session.set('newApiToken', token);
      return seeOther(reply, '/account#api-tokens');
    } catch (error) {
      if (!isAppError(error)) throw error;
      const values = { name: form.name ?? '', scopes: [form.scopes ?? []].flat() };
      return render(reply, 'pages/account', { ...(await accountPage(plain, request)), section: 'tokens', error, fieldErrors: error.fields, tokenValues: values }, error.statusCode);
    }
  });

  app.post('/account/tokens/:id/revoke', { schema: { params: TokenParams } }, async (request, reply) => {
    const visitor = currentVisitor(request);
    if (!visitor.email) throw Errors.notFound();
    await apiTokens.revoke(visitor.id, request.params.id);
    return seeOther(reply, '/account?done=token-revoked#api-tokens');
  });
}
