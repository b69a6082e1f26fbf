/**
 * Accounts on top of guest identities, "delete my data", the operator's page, and that an
 * account survives a restart.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { testConfig, type AppConfig } from '../../src/config.js';
import { recordingPath } from '../../src/speech/recording-files.js';
import { sessionIdFrom, useTestApp, Visitor } from '../support/test-app.js';
import { html, textOf } from '../support/html.js';
import { answerAll, setUpSession } from '../support/interview-driver.js';
import { strongAnswer } from '../support/answers.js';
import { leftovers, query, rowCount, stored } from '../support/db-inspect.js';
import { setupTokenIn } from '../support/operator-token.js';

const PASSWORD = 'correct horse battery staple';
const errorCode = (body: string) => html(body).querySelector('#error')?.getAttribute('data-code');

async function register(visitor: Visitor, email: string, password = PASSWORD) {
  return visitor.post('/account/register', { email, password, password_confirm: password });
}

async function createSession(visitor: Visitor, title = 'Nurse') {
  const res = await visitor.post('/session/create', { job_title: title, company_name: 'St Mary' });
  expect(res.statusCode).toBe(303);
  return sessionIdFrom(res.headers.location);
}

const dashboardIds = async (visitor: Visitor) =>
  html((await visitor.get('/dashboard')).body)
    .querySelectorAll('tr[data-session-id]')
    .map((tr) => tr.getAttribute('data-session-id'));

describe('accounts', () => {
  let now: Date;
  let logs: string[];
  const dataDirs: string[] = [];
  // A fresh data folder, clock and log for every test's app.
  const test = useTestApp({
    config: (): Partial<AppConfig> => {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rehearse-accounts-'));
      dataDirs.push(dataDir);
      now = new Date('2025-03-01T09:00:00Z');
      logs = [];
      return { dataDir, adminEmails: ['ops@example.com'], logLevel: 'warn' };
    },
    deps: () => ({ clock: () => now, logStream: { write: (line) => void logs.push(line) } }),
  });
  // After the file: each test's app is closed by the fixture by then.
  afterAll(() => {
    for (const dir of dataDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  describe('registration', () => {
    test('serves real forms (no JavaScript needed)', async ({ app }) => {
      const visitor = new Visitor(app);
      for (const [url, action, fields] of [
        ['/account/register', '/account/register', ['email', 'password', 'password_confirm']],
        ['/account/login', '/account/login', ['email', 'password']],
      ] as const) {
        const form = html((await visitor.get(url)).body).querySelector(`form[action="${action}"]`);
        expect(form?.getAttribute('method')).toBe('post');
        for (const name of ['_csrf', ...fields]) expect(form?.querySelector(`[name=${name}]`), name).not.toBeNull();
      }
    });

    test('re-renders with a message per field (422) and the email typed, never the passwords', async ({ app }) => {
      const visitor = new Visitor(app);
      const empty = await visitor.post('/account/register', { email: '', password: '' });
      expect(empty.statusCode).toBe(422);
      expect(textOf(empty.body, '#email-error')).toMatch(/Enter your email/);
      expect(textOf(empty.body, '#password-error')).toMatch(/at least 10 characters/);

      const res = await visitor.post('/account/register', { email: '  Not An Email ', password: 'short!', password_confirm: 'short!' });
      expect(res.statusCode).toBe(422);
      expect(textOf(res.body, '#email-error')).toMatch(/valid email/);
      expect(textOf(res.body, '#password-error')).toMatch(/at least 10 characters/);
      expect(html(res.body).querySelector('#email')?.getAttribute('value')).toBe('  Not An Email ');
      expect(res.body).not.toContain('short!');

      const mismatch = await visitor.post('/account/register', { email: 'a@example.com', password: PASSWORD, password_confirm: `${PASSWORD}x` });
      expect(mismatch.statusCode).toBe(422);
      expect(textOf(mismatch.body, '#password_confirm-error')).toMatch(/do not match/);
      expect(mismatch.body).not.toContain(PASSWORD);
      expect(await rowCount(app, 'users')).toBe(0);
    });

    test('turns the guest into the account: everything made as a guest is kept', async ({ app }) => {
      const visitor = new Visitor(app);
      const id = await setUpSession(visitor);
      const guestId = (await query<{ id: string }>(app, 'select id from users'))[0]!.id;
      const res = await register(visitor, '  Alex.Morgan@Example.COM ');
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/dashboard?done=registered');
      const dashboard = await visitor.get('/dashboard?done=registered');
      expect(textOf(dashboard.body, '#notice')).toMatch(/account is ready/);
      expect(await dashboardIds(visitor)).toEqual([id]);
      const [row] = await query<Record<string, string>>(app, 'select id, email, password_hash from users');
      expect(row?.id).toBe(guestId);
      expect(row?.email).toBe('alex.morgan@example.com');
      expect(row?.password_hash).toMatch(/^scrypt\$/);
      expect(row?.password_hash).not.toContain(PASSWORD);
      expect(textOf((await visitor.get('/account')).body, '#account-email')).toBe('alex.morgan@example.com');
    });

    test('keeps emails unique whatever their case or spaces', async ({ app }) => {
      expect((await register(new Visitor(app), 'sam@example.com')).statusCode).toBe(303);
      const again = await register(new Visitor(app), ' SAM@example.com');
      expect(again.statusCode).toBe(422);
      expect(textOf(again.body, '#email-error')).toMatch(/already an account/);
      expect(await rowCount(app, 'users')).toBe(1);
    });

    test('sends a signed-in visitor from the registration page to their account, and refuses a second registration', async ({ app }) => {
      const visitor = new Visitor(app);
      await register(visitor, 'sam@example.com');
      const page = await visitor.get('/account/register');
      expect(page.statusCode).toBe(303);
      expect(page.headers.location).toBe('/account');
      const second = await register(visitor, 'other@example.com');
      expect(second.statusCode).toBe(409);
      expect(errorCode(second.body)).toBe('ALREADY_SIGNED_IN');
    });
  });

  describe('signing in and out', () => {
    test('sign out gives a new, empty guest identity; sign in brings the interviews back', async ({ app }) => {
      const visitor = new Visitor(app);
      const id = await createSession(visitor);
      await register(visitor, 'sam@example.com');
      const out = await visitor.post('/account/logout');
      expect(out.statusCode).toBe(303);
      expect(out.headers.location).toBe('/?done=signed-out');
      expect(await dashboardIds(visitor)).toEqual([]);
      expect((await visitor.get(`/session/${id}/upload`)).statusCode).toBe(404);

      const wrong = await visitor.post('/account/login', { email: 'sam@example.com', password: 'not the password' });
      expect(wrong.statusCode).toBe(422);
      expect(errorCode(wrong.body)).toBe('INVALID_CREDENTIALS');
      expect(html(wrong.body).querySelector('#email')?.getAttribute('value')).toBe('sam@example.com');
      expect(wrong.body).not.toContain('not the password');

      const ok = await visitor.post('/account/login', { email: ' SAM@example.com ', password: PASSWORD });
      expect(ok.statusCode).toBe(303);
      expect(ok.headers.location).toBe('/dashboard?done=signed-in');
      expect(await dashboardIds(visitor)).toEqual([id]);
    });

    test('says the same thing for an unknown email as for a wrong password', async ({ app }) => {
      await register(new Visitor(app), 'sam@example.com');
      const visitor = new Visitor(app);
      const unknown = await visitor.post('/account/login', { email: 'nobody@example.com', password: PASSWORD });
      const wrong = await visitor.post('/account/login', { email: 'sam@example.com', password: 'wrong password!' });
      expect(unknown.statusCode).toBe(wrong.statusCode);
      expect(textOf(unknown.body, '#error')).toBe(textOf(wrong.body, '#error'));
    });

    test('moves the interviews a guest made before signing in into the account', async ({ app }) => {
      const first = new Visitor(app);
      const accountSession = await createSession(first, 'Account interview');
      await register(first, 'sam@example.com');

      const laptop = new Visitor(app);
      const guestSession = await createSession(laptop, 'Guest interview');
      const guestId = await stored(app).ownerOf(guestSession);
      expect((await laptop.post('/account/login', { email: 'sam@example.com', password: PASSWORD })).statusCode).toBe(303);
      expect((await dashboardIds(laptop)).sort()).toEqual([accountSession, guestSession].sort());
      expect((await dashboardIds(first)).sort()).toEqual([accountSession, guestSession].sort());
      expect(await stored(app).repositories.users.findById(guestId)).toBeUndefined();
    });

    test('rotates the CSRF secret on sign-in and sign-out: a token from before no longer works', async ({ app }) => {
      const visitor = new Visitor(app);
      await register(visitor, 'sam@example.com');
      const before = await visitor.csrfToken();
      await visitor.post('/account/logout');
      const res = await visitor.post('/session/create', { job_title: 'T', company_name: 'C' }, { csrf: before });
      expect(res.statusCode).toBe(403);
    });
  });

  describe('changing the password', () => {
    test('needs the current password, and signs out every other browser', async ({ app }) => {
      const desk = new Visitor(app);
      const id = await createSession(desk);
      await register(desk, 'sam@example.com');
      const phone = new Visitor(app);
      await phone.post('/account/login', { email: 'sam@example.com', password: PASSWORD });
      expect(await dashboardIds(phone)).toEqual([id]);
      const stolenCookie = phone.cookieHeader!;

      const wrong = await desk.post('/account/password', { current_password: 'not it at all', new_password: 'a brand new password', new_password_confirm: 'a brand new password' });
      expect(wrong.statusCode).toBe(422);
      expect(textOf(wrong.body, '#current_password-error')).toMatch(/not your current password/);
      expect(wrong.body).not.toContain('a brand new password');

      const changed = await desk.post('/account/password', { current_password: PASSWORD, new_password: 'a brand new password', new_password_confirm: 'a brand new password' });
      expect(changed.statusCode).toBe(303);
      expect(changed.headers.location).toBe('/account?done=password-changed');
      expect(await dashboardIds(desk)).toEqual([id]); // this browser stays signed in
      expect(await dashboardIds(phone)).toEqual([]); // the other one is signed out
      const replay = await app.inject({ method: 'GET', url: `/session/${id}/upload`, headers: { cookie: stolenCookie } });
      expect(replay.statusCode).toBe(404);

      const fresh = new Visitor(app);
      expect((await fresh.post('/account/login', { email: 'sam@example.com', password: PASSWORD })).statusCode).toBe(422);
      expect((await fresh.post('/account/login', { email: 'sam@example.com', password: 'a brand new password' })).statusCode).toBe(303);
    });

    test('is not offered to a guest', async ({ app }) => {
      const guest = new Visitor(app);
      const page = await guest.get('/account');
      expect(page.body).toContain('You are using Rehearse as a guest');
      expect(html(page.body).querySelector('#password-form')).toBeNull();
      const res = await guest.post('/account/password', { current_password: 'x', new_password: 'long enough password', new_password_confirm: 'long enough password' });
      expect(res.statusCode).toBe(404);
    });
  });

  describe('last active', () => {
    test('is recorded at most once a minute per user', async ({ app }) => {
      const visitor = new Visitor(app);
      await createSession(visitor);
      // A number (ms) on SQLite, a Date on Postgres.
      const lastActive = async () => {
        const [row] = await query<{ t: number | Date | null }>(app, 'select last_active_at as t from users');
        return row?.t instanceof Date ? row.t.getTime() : (row?.t ?? null);
      };
      await visitor.get('/dashboard');
      const first = await lastActive();
      expect(first).toBe(now.getTime());
      now = new Date(now.getTime() + 30_000);
      await visitor.get('/dashboard');
      expect(await lastActive()).toBe(first);
      now = new Date(now.getTime() + 31_000);
      await visitor.get('/dashboard');
      expect(await lastActive()).toBe(now.getTime());
    });
  });

  describe('delete my data', () => {
    async function completedSession(visitor: Visitor) {
      const id = await setUpSession(visitor, { cv: 'cv-alex-morgan.txt' });
      await visitor.post(`/session/${id}/start`);
      await answerAll(visitor, id, strongAnswer);
      expect((await visitor.post(`/session/${id}/complete`)).statusCode).toBe(303);
      return id;
    }
    const recording = (app: FastifyInstance, sessionId: string) => {
      const file = recordingPath(app.config.dataDir, sessionId, 'rec1.wav');
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, 'RIFF....WAVE');
      return file;
    };

    test('deletes one interview after a confirmation step: rows in every table and its recordings', async ({ app }) => {
      const visitor = new Visitor(app);
      const id = await completedSession(visitor);
      // A retried question is part of the interview too (question_retries).
      const retry = await visitor.post(`/session/${id}/retry/1`, { answer: 'I led the migration myself, planned it in three stages, and cut errors by 40% in a month.' });
      expect(retry.statusCode).toBe(303);
      expect(await rowCount(app, 'question_retries')).toBe(1);
      const keep = await createSession(visitor, 'Keep me');
      const file = recording(app, id);
      const kept = recording(app, keep);

      for (const page of [`/session/${id}/feedback`, '/dashboard']) {
        expect(html((await visitor.get(page)).body).querySelector(`a[href="/session/${id}/delete"]`), page).not.toBeNull();
      }
      expect(html((await visitor.get(`/session/${keep}/upload`)).body).querySelector(`a[href="/session/${keep}/delete"]`)).not.toBeNull();
      const confirm = await visitor.get(`/session/${id}/delete`);
      expect(confirm.statusCode).toBe(200);
      expect(html(confirm.body).querySelector(`form[action="/session/${id}/delete"] input[name=confirm]`)?.getAttribute('value')).toBe('yes');

      const unconfirmed = await visitor.post(`/session/${id}/delete`);
      expect(unconfirmed.statusCode).toBe(422);
      expect(errorCode(unconfirmed.body)).toBe('CONFIRMATION_REQUIRED');
      expect(await leftovers(app, [id])).not.toEqual({});

      const res = await visitor.post(`/session/${id}/delete`, { confirm: 'yes' });
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/dashboard?done=session-deleted');
      expect(await leftovers(app, [id])).toEqual({});
      expect(fs.existsSync(file)).toBe(false);
      expect(fs.existsSync(kept)).toBe(true);
      expect(await dashboardIds(visitor)).toEqual([keep]);
      expect((await visitor.get(`/session/${id}/feedback`)).statusCode).toBe(404);
      expect((await visitor.post(`/session/${id}/delete`, { confirm: 'yes' })).statusCode).toBe(404);
    });

    test('deletes a whole account and everything in it, confirmed with the password', async ({ app }) => {
      const visitor = new Visitor(app);
      const ids = [await completedSession(visitor), await createSession(visitor)];
      ids.forEach((id) => recording(app, id));
      await register(visitor, 'leaver@example.com');
      const userId = (await query<{ id: string }>(app, 'select id from users'))[0]!.id;
      const other = new Visitor(app);
      const othersSession = await createSession(other, 'Not mine');

      expect((await visitor.get('/account/delete')).statusCode).toBe(200);
      const wrong = await visitor.post('/account/delete', { confirm: 'yes', password: 'not my password' });
      expect(wrong.statusCode).toBe(422);
      expect(textOf(wrong.body, '#password-error')).toMatch(/Nothing was deleted/);
      expect(await rowCount(app, 'interview_sessions')).toBe(3);

      const res = await visitor.post('/account/delete', { confirm: 'yes', password: PASSWORD });
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/?done=account-deleted');
      expect(await leftovers(app, [userId, 'leaver@example.com', 'Alex Morgan', ...ids])).toEqual({});
      for (const id of ids) expect(fs.existsSync(path.join(app.config.dataDir, 'recordings', id))).toBe(false);
      expect(await dashboardIds(other)).toEqual([othersSession]);
      expect(await dashboardIds(visitor)).toEqual([]);
      expect((await new Visitor(app).post('/account/login', { email: 'leaver@example.com', password: PASSWORD })).statusCode).toBe(422);
    });

    test('lets a guest delete everything too', async ({ app }) => {
      const guest = new Visitor(app);
      const id = await createSession(guest);
      expect((await guest.post('/account/delete')).statusCode).toBe(422);
      expect(await rowCount(app, 'interview_sessions')).toBe(1);
      expect((await guest.post('/account/delete', { confirm: 'yes' })).statusCode).toBe(303);
      expect(await leftovers(app, [id])).toEqual({});
      expect(await rowCount(app, 'users')).toBe(0);
    });
  });

  describe('operator page', () => {
    /** The listed operator registers, then claims the role with the setup token from the log. */
    async function admin(app: FastifyInstance) {
      const ops = new Visitor(app);
      await register(ops, 'OPS@example.com');
      const claimed = await ops.post('/account/operator', { setup_token: setupTokenIn(logs)! });
      expect(claimed.statusCode).toBe(303);
      return ops;
    }

    test('is a 404 for guests and for accounts not in ADMIN_EMAILS, even with a valid token', async ({ app }) => {
      const guest = new Visitor(app);
      const target = await createSession(guest);
      const someone = new Visitor(app);
      await register(someone, 'someone@example.com');
      const victimId = await stored(app).ownerOf(target);
      for (const visitor of [guest, someone]) {
        expect((await visitor.get('/admin/users')).statusCode).toBe(404);
        expect((await visitor.get(`/admin/users/${victimId}/delete`)).statusCode).toBe(404);
        expect((await visitor.post(`/admin/users/${victimId}/delete`)).statusCode).toBe(404);
        expect(html((await visitor.get('/')).body).querySelector('a[href="/admin/users"]')).toBeNull();
      }
      expect(await rowCount(app, 'interview_sessions')).toBe(1);
    });

    test('lists users (email or guest, interviews, created, last active) and deletes one with all their data', async ({ app }) => {
      const guest = new Visitor(app);
      const guestSession = await createSession(guest);
      await createSession(guest);
      const member = new Visitor(app);
      await register(member, 'member@example.com');
      const ops = await admin(app);
      expect(html((await ops.get('/')).body).querySelector('a[href="/admin/users"]')).not.toBeNull();

      const page = await ops.get('/admin/users');
      expect(page.statusCode).toBe(200);
      const rows = html(page.body)
        .querySelectorAll('#users tbody tr')
        .map((tr) => tr.querySelectorAll('td').map((td) => td.textContent.replace(/\s+/g, ' ').trim()));
      expect(rows).toHaveLength(3);
      expect(rows.map((r) => r[0])).toEqual(expect.arrayContaining(['guest', 'member@example.com', 'ops@example.com (you)']));
      expect(rows.find((r) => r[0] === 'guest')?.[1]).toBe('2');
      expect(rows.find((r) => r[0] === 'guest')?.[3]).toContain('2025');

      const guestId = await stored(app).ownerOf(guestSession);
      const confirm = await ops.get(`/admin/users/${guestId}/delete`);
      expect(confirm.statusCode).toBe(200);
      expect(textOf(confirm.body, 'h1')).toMatch(/Delete this user/);
      const res = await ops.post(`/admin/users/${guestId}/delete`);
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/admin/users?done=user-deleted');
      expect(await leftovers(app, [guestId, guestSession])).toEqual({});
      expect(await dashboardIds(guest)).toEqual([]);
      expect((await ops.get(`/admin/users/${guestId}/delete`)).statusCode).toBe(404);
    });

    test('does not delete the operator’s own account from there', async ({ app }) => {
      const ops = await admin(app);
      const selfId = (await stored(app).repositories.users.findByEmail('ops@example.com'))!.id;
      const res = await ops.post(`/admin/users/${selfId}/delete`);
      expect(res.statusCode).toBe(409);
      expect(await rowCount(app, 'users')).toBe(1);
    });
  });
});

describe('an account survives a restart (file-backed database)', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rehearse-restart-'));
  });
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it.each([
    ['SESSION_SECRET', 'restart-secret-restart-secret-restart-0123456789'],
    ['the secret generated into DATA_DIR', null],
  ])('with %s', async (_how, sessionSecret) => {
    const config = () => testConfig({ dataDir, databasePath: path.join(dataDir, 'rehearse.db'), sessionSecret });
    let app = await buildApp(config());
    await app.ready();
    let visitor = new Visitor(app);
    const id = await setUpSession(visitor, { cv: 'cv-alex-morgan.txt' });
    expect((await register(visitor, 'kept@example.com')).statusCode).toBe(303);
    const cookie = visitor.cookieHeader!;
    await app.close();

    app = await buildApp(config());
    await app.ready();
    try {
      // The same browser is still signed in and sees its interview...
      const page = await app.inject({ method: 'GET', url: `/session/${id}/upload`, headers: { cookie } });
      expect(page.statusCode).toBe(200);
      expect(html(page.body).querySelector('#cv-preview')?.textContent).toContain('Alex Morgan');
      const account = await app.inject({ method: 'GET', url: '/account', headers: { cookie } });
      expect(textOf(account.body, '#account-email')).toBe('kept@example.com');
      // ...and a new browser can sign in to it.
      visitor = new Visitor(app);
      expect((await visitor.post('/account/login', { email: 'kept@example.com', password: PASSWORD })).statusCode).toBe(303);
      expect(await dashboardIds(visitor)).toEqual([id]);
    } finally {
      await app.close();
    }
  });
});
