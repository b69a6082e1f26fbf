/**
 * Issue 17, finding 4: signing out did not revoke the cookie — a copy kept working for up to a
 * year. Now every sign-in is a row on the server that each request checks: signing out deletes
 * it, "sign out everywhere" deletes all of the account's.
 */
import { describe, expect } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { SIGN_INS_PER_ACCOUNT } from '../../src/repositories/users-repository.js';
import { sessionIdFrom, useTestApp, Visitor } from '../support/test-app.js';
import { html, textOf } from '../support/html.js';
import { count, rowCount } from '../support/db-inspect.js';

const test = useTestApp();

const PASSWORD = 'correct horse battery staple';

describe('signing out revokes the session on the server', () => {
  const replay = (app: FastifyInstance, cookie: string, url: string) => app.inject({ method: 'GET', url, headers: { cookie } });
  const signedInAs = async (app: FastifyInstance, cookie: string) => html((await replay(app, cookie, '/account')).body).querySelector('#account-email')?.textContent ?? null;

  async function account(app: FastifyInstance, email = 'sam@example.com') {
    const visitor = new Visitor(app);
    const created = await visitor.post('/session/create', { job_title: 'Nurse', company_name: 'St Mary' });
    const sessionId = sessionIdFrom(created.headers.location);
    expect((await visitor.post('/account/register', { email, password: PASSWORD, password_confirm: PASSWORD })).statusCode).toBe(303);
    return { visitor, sessionId };
  }

  test('a copy of the cookie taken before signing out no longer works after it (logout replay)', async ({ app }) => {
    const { visitor, sessionId } = await account(app);
    const copied = visitor.cookieHeader!;
    expect(await signedInAs(app, copied)).toBe('sam@example.com');
    expect((await replay(app, copied, `/session/${sessionId}/upload`)).statusCode).toBe(200);

    expect((await visitor.post('/account/logout')).statusCode).toBe(303);

    expect(await signedInAs(app, copied)).toBeNull();
    expect((await replay(app, copied, `/session/${sessionId}/upload`)).statusCode).toBe(404);
    const dashboard = await replay(app, copied, '/dashboard');
    expect(html(dashboard.body).querySelectorAll('tr[data-session-id]')).toHaveLength(0);
    // The replayed cookie is answered with a fresh guest cookie, not the account.
    expect(String(dashboard.headers['set-cookie'] ?? '')).toContain('rehearse_session=');
  });

  test('signing out in one browser leaves the account signed in elsewhere', async ({ app }) => {
    const { visitor: desk, sessionId } = await account(app);
    const phone = new Visitor(app);
    expect((await phone.post('/account/login', { email: 'sam@example.com', password: PASSWORD })).statusCode).toBe(303);
    await phone.post('/account/logout');
    expect(await signedInAs(app, desk.cookieHeader!)).toBe('sam@example.com');
    expect((await desk.get(`/session/${sessionId}/upload`)).statusCode).toBe(200);
  });

  test('"sign out everywhere" on the account page signs out every browser, copies included', async ({ app }) => {
    const { visitor: desk, sessionId } = await account(app);
    const phone = new Visitor(app);
    expect((await phone.post('/account/login', { email: 'sam@example.com', password: PASSWORD })).statusCode).toBe(303);
    const copies = [desk.cookieHeader!, phone.cookieHeader!];

    const page = await desk.get('/account');
    const form = html(page.body).querySelector('form[action="/account/logout-everywhere"]');
    expect(form?.getAttribute('method')).toBe('post');
    expect(form?.querySelector('[name=_csrf]')).not.toBeNull();

    const out = await desk.post('/account/logout-everywhere');
    expect(out.statusCode).toBe(303);
    expect(out.headers.location).toBe('/account/login?done=signed-out-everywhere');
    expect(textOf((await desk.get('/account/login?done=signed-out-everywhere')).body, '#notice')).toMatch(/signed out in every browser/);

    for (const cookie of copies) {
      expect(await signedInAs(app, cookie)).toBeNull();
      expect((await replay(app, cookie, `/session/${sessionId}/upload`)).statusCode).toBe(404);
    }
    expect(await rowCount(app, 'sign_ins')).toBe(0);

    // Signing in again works and finds everything.
    const back = new Visitor(app);
    expect((await back.post('/account/login', { email: 'sam@example.com', password: PASSWORD })).statusCode).toBe(303);
    expect((await back.get(`/session/${sessionId}/upload`)).statusCode).toBe(200);
  });

  test('is not offered to a guest, and a guest posting it changes nothing', async ({ app }) => {
    const guest = new Visitor(app);
    expect(html((await guest.get('/account')).body).querySelector('#logout-everywhere-form')).toBeNull();
    expect((await guest.post('/account/logout-everywhere')).statusCode).toBe(404);
  });

  test('keeps at most SIGN_INS_PER_ACCOUNT sign-ins per account: the oldest is signed out first', async ({ app }) => {
    await account(app);
    const users = app.storage.repositories.users;
    const userId = (await users.findByEmail('sam@example.com'))!.id;
    const ids: string[] = [];
    // One after another, as browsers sign in: the oldest is the first made.
    for (let i = 0; i < SIGN_INS_PER_ACCOUNT + 1; i++) ids.push(await users.createSignIn(userId));
    expect(await users.hasSignIn(ids[0]!, userId)).toBe(false);
    expect((await Promise.all(ids.slice(1).map((id) => users.hasSignIn(id, userId)))).every(Boolean)).toBe(true);
    expect(await count(app, 'select count(*) as n from sign_ins where user_id = ?', userId)).toBe(SIGN_INS_PER_ACCOUNT);
  });
});
