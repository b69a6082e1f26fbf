/**
 * Registration, sign-in, sign-out, change password and delete account. Plain forms that work
 * without JavaScript: 303 after a successful POST, and a 422 re-render with a message per field
 * and the values typed (never a password) when something is wrong. Rate limits (policy.ts)
 * and CSRF tokens (csrf.ts) apply before these handlers run.
 */
import { nanoid } from 'nanoid';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isAppError, type AppError } from '../errors.js';
import { currentSignInId, currentVisitor, startIdentity } from './visitor.js';
import { render, seeOther } from './render.js';
import { DeleteAccountForm, formOf, OperatorClaimForm, PasswordForm, RegisterForm, SignInForm, typedRoutes } from './schemas.js';
import {
  ACCOUNT_TITLES,
  accountFormErrorData,
  accountPageData,
  deletePageData,
  keepEmail,
  loginPageData,
  registerPageData,
} from '../views/account-view.js';

/** The account page for this visitor; a token made just now is taken out of the session, to be shown this once. */
export async function accountPage(app: FastifyInstance, request: FastifyRequest) {
  const visitor = currentVisitor(request);
  const newApiToken = request.session.get('newApiToken') ?? null;
  if (newApiToken) request.session.set('newApiToken', undefined);
  return accountPageData({
    visitor,
    operatorClaim: app.services.operators.canClaim(visitor),
    apiTokens: visitor.email ? await app.services.apiTokens.list(visitor.id) : [],
    newApiToken,
  });
}

export async function accountRoutes(plain: FastifyInstance) {
  const app = typedRoutes(plain);
  const { accounts, operators } = app.services;

  function formError(reply: FastifyReply, template: string, title: string, error: AppError, extra: Record<string, unknown> = {}) {
    return render(reply, template, accountFormErrorData(title, error, extra), error.statusCode);
  }

  app.get('/account/register', async (request, reply) => {
    if (currentVisitor(request).email) return seeOther(reply, '/account');
    return render(reply, 'pages/account-register', registerPageData());
  });

  app.post('/account/register', { schema: { body: RegisterForm }, attachValidation: true }, async (request, reply) => {
    const form = formOf(RegisterForm, request);
    try {
      const issued = await accounts.register(currentVisitor(request), form);
      startIdentity(request, issued);
      return seeOther(reply, '/dashboard?done=registered');
    } catch (error) {
      if (!isAppError(error)) throw error;
      return formError(reply, 'pages/account-register', ACCOUNT_TITLES.register, error, { values: keepEmail(form) });
    }
  });

  app.get('/account/login', async (_request, reply) => render(reply, 'pages/account-login', loginPageData()));

  app.post('/account/login', { schema: { body: SignInForm }, attachValidation: true }, async (request, reply) => {
    const form = formOf(SignInForm, request);
    try {
      const issued = await accounts.signIn(currentVisitor(request), form, {
        beforeCheck: (email) => app.limits.failedSignIn.check(request, reply, email),
        onFailure: (email) => app.limits.failedSignIn.fail(request, email),
      });
      startIdentity(request, issued);
      return seeOther(reply, '/dashboard?done=signed-in');
    } catch (error) {
      if (!isAppError(error)) throw error;
      return formError(reply, 'pages/account-login', ACCOUNT_TITLES.login, error, { values: keepEmail(form) });
    }
  });

  app.post('/account/logout', async (request, reply) => {
    // Ends this sign-in on the server first: a copy of this cookie is worthless from now on.
    await accounts.signOut(currentVisitor(request), currentSignInId(request));
    signOut(request);
    return seeOther(reply, '/?done=signed-out');
  });

  app.post('/account/logout-everywhere', async (request, reply) => {
    await accounts.signOutEverywhere(currentVisitor(request));
    signOut(request);
    return seeOther(reply, '/account/login?done=signed-out-everywhere');
  });

  app.post('/account/operator', { schema: { body: OperatorClaimForm }, attachValidation: true }, async (request, reply) => {
    const visitor = currentVisitor(request);
    try {
      await operators.claim(visitor, formOf(OperatorClaimForm, request));
    } catch (error) {
      if (!isAppError(error) || error.statusCode === 404) throw error;
      return formError(reply, 'pages/account', ACCOUNT_TITLES.account, error, { ...(await ownAccountPage(request)), section: 'operator' });
    }
    request.log.warn({ operatorId: visitor.id }, 'an account became an operator with the setup token');
    return seeOther(reply, '/admin/users?done=operator-granted');
  });

  app.get('/account', async (request, reply) => render(reply, 'pages/account', await ownAccountPage(request)));

  app.post('/account/password', { schema: { body: PasswordForm }, attachValidation: true }, async (request, reply) => {
    const visitor = currentVisitor(request);
    try {
      const issued = await accounts.changePassword(visitor, formOf(PasswordForm, request));
      // This browser stays signed in with a new sign-in; every other one is signed out.
      startIdentity(request, issued);
      return seeOther(reply, '/account?done=password-changed');
    } catch (error) {
      if (!isAppError(error) || error.statusCode === 404) throw error;
      return formError(reply, 'pages/account', ACCOUNT_TITLES.account, error, await ownAccountPage(request));
    }
  });

  app.get('/account/delete', async (request, reply) => render(reply, 'pages/account-delete', deletePageData(currentVisitor(request))));

  app.post('/account/delete', { schema: { body: DeleteAccountForm }, attachValidation: true }, async (request, reply) => {
    const visitor = currentVisitor(request);
    try {
      await accounts.deleteAccount(visitor, formOf(DeleteAccountForm, request));
    } catch (error) {
      if (!isAppError(error)) throw error;
      return formError(reply, 'pages/account-delete', ACCOUNT_TITLES.delete, error, { account: visitor });
    }
    signOut(request);
    return seeOther(reply, '/?done=account-deleted');
  });

  const ownAccountPage = (request: FastifyRequest) => accountPage(plain, request);

  /** A fresh guest identity for this browser (and a fresh CSRF secret). */
  function signOut(request: FastifyRequest) {
    startIdentity(request, { id: nanoid(), authVersion: null });
  }
}
