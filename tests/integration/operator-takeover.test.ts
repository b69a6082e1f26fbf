/**
 * Issue 17, finding 2 — operator takeover. With ADMIN_EMAILS=ops@example.com and that address
 * not registered yet, anyone could register " OPS@Example.COM ", become an operator, list the
 * users and delete one. Now the role is granted only with proof of access to the server: the
 * setup token printed in the log, or `npm run admin -- grant EMAIL`.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AppConfig } from '../../src/config.js';
import { normalizeEmail } from '../../src/security/emails.js';
import { type MakeApp, sessionIdFrom, useTestApp, Visitor } from '../support/test-app.js';
import { html, textOf } from '../support/html.js';
import { count, query, rowCount, stored } from '../support/db-inspect.js';
import { setupTokenIn } from '../support/operator-token.js';
import { baseServerEnv, PROJECT_ROOT, TSX } from '../support/server-process.js';

const test = useTestApp({ eager: false });

const PASSWORD = 'correct horse battery staple';
const register = (visitor: Visitor, email: string) => visitor.post('/account/register', { email, password: PASSWORD, password_confirm: PASSWORD });
const fieldError = (body: string, field: string) => textOf(body, `#${field}-error`);

function runAdmin(env: Record<string, string>, args: string[]) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', TSX, path.join(PROJECT_ROOT, 'scripts/admin.ts'), ...args], {
      cwd: env.DATA_DIR,
      env: { ...baseServerEnv(), ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('operators are not claimed by registration', () => {
  let logs: string[] = [];
  const dirs: string[] = [];
  // After the file: the apps (closed by the fixture after each test) are gone by then.
  afterAll(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  async function start(makeApp: MakeApp, adminEmails: string[], extra: Partial<AppConfig> = {}) {
    logs = [];
    return makeApp({ adminEmails, logLevel: 'warn', ...extra }, { logStream: { write: (line) => void logs.push(line) } });
  }

  test('registering the listed, unregistered email (spaces and capitals) gives no operator powers', async ({ makeApp }) => {
    const app = await start(makeApp, ['ops@example.com']);
    const victim = new Visitor(app);
    const created = await victim.post('/session/create', { job_title: 'Nurse', company_name: 'St Mary' });
    const victimId = await stored(app).ownerOf(sessionIdFrom(created.headers.location));

    const attacker = new Visitor(app);
    expect((await register(attacker, ' OPS@Example.COM ')).statusCode).toBe(303);
    expect((await query(app, 'select email, operator_since from users where email is not null'))[0]).toEqual({
      email: 'ops@example.com',
      operator_since: null,
    });
    expect((await attacker.get('/admin/users')).statusCode).toBe(404);
    expect((await attacker.get(`/admin/users/${victimId}/delete`)).statusCode).toBe(404);
    expect((await attacker.post(`/admin/users/${victimId}/delete`)).statusCode).toBe(404);
    expect(html((await attacker.get('/dashboard')).body).querySelector('a[href="/admin/users"]')).toBeNull();
    expect(await rowCount(app, 'interview_sessions')).toBe(1);
    expect(await stored(app).repositories.users.findById(victimId)).toBeDefined();

    // Guessing the token gets nowhere: a message, no role.
    const guess = await attacker.post('/account/operator', { setup_token: 'let-me-in' });
    expect(guess.statusCode).toBe(422);
    expect(fieldError(guess.body, 'setup_token')).toMatch(/not the current setup token/);
    expect((await attacker.post('/account/operator', { setup_token: '' })).statusCode).toBe(422);
    expect((await attacker.get('/admin/users')).statusCode).toBe(404);
  });

  test('the setup token printed in the log makes the listed account an operator, once', async ({ makeApp }) => {
    const app = await start(makeApp, ['ops@example.com', 'second@example.com']);
    const printed = logs.filter((l) => l.includes('Operator setup token'));
    expect(printed).toHaveLength(1);
    expect(JSON.parse(printed[0]!)).toMatchObject({ level: 40, waitingForOperators: ['ops@example.com', 'second@example.com'] });
    const token = setupTokenIn(logs)!;
    expect(token).toMatch(/^[\w-]{32}$/);

    // An account that is not listed can't use it (the form does not exist for it)…
    const someone = new Visitor(app);
    await register(someone, 'someone@example.com');
    expect(html((await someone.get('/account')).body).querySelector('#operator-form')).toBeNull();
    expect((await someone.post('/account/operator', { setup_token: token })).statusCode).toBe(404);
    expect((await someone.get('/admin/users')).statusCode).toBe(404);

    // …the listed one can.
    const ops = new Visitor(app);
    await register(ops, 'Ops@Example.com');
    expect(html((await ops.get('/account')).body).querySelector('#operator-form')).not.toBeNull();
    const claimed = await ops.post('/account/operator', { setup_token: ` ${token} ` });
    expect(claimed.statusCode).toBe(303);
    expect(claimed.headers.location).toBe('/admin/users?done=operator-granted');
    expect((await ops.get('/admin/users')).statusCode).toBe(200);
    expect(html((await ops.get('/account')).body).querySelector('#operator-form')).toBeNull();

    // Used: the same token does nothing for the second listed address; a new one was printed for it.
    const second = new Visitor(app);
    await register(second, 'second@example.com');
    expect((await second.post('/account/operator', { setup_token: token })).statusCode).toBe(422);
    const next = setupTokenIn(logs)!;
    expect(next).not.toBe(token);
    expect(JSON.parse(logs.filter((l) => l.includes('Operator setup token')).at(-1)!).waitingForOperators).toEqual(['second@example.com']);
    expect((await second.post('/account/operator', { setup_token: next })).statusCode).toBe(303);
    expect((await second.get('/admin/users')).statusCode).toBe(200);
  });

  test('one setup token makes one operator, even when two listed accounts send it at the same moment', async ({ makeApp }) => {
    const app = await start(makeApp, ['ops@example.com', 'second@example.com']);
    const token = setupTokenIn(logs)!;
    const [ops, second] = [new Visitor(app), new Visitor(app)];
    await register(ops, 'ops@example.com');
    await register(second, 'second@example.com');
    const claims = await Promise.all([ops, second].map((visitor) => visitor.post('/account/operator', { setup_token: token })));
    expect(claims.map((res) => res.statusCode).sort()).toEqual([303, 422]);
    expect(await count(app, 'select count(*) as n from users where operator_since is not null')).toBe(1);
  });

  test('prints no token when there is no ADMIN_EMAILS, or every listed address is an operator already', async ({ makeApp }) => {
    const none = await start(makeApp, []);
    expect(setupTokenIn(logs)).toBeUndefined();
    await none.close();

    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rehearse-operator-restart-'));
    dirs.push(dataDir);
    const files = { dataDir, databasePath: path.join(dataDir, 'rehearse.db') };
    const first = await start(makeApp, ['ops@example.com'], files);
    const ops = new Visitor(first);
    await register(ops, 'ops@example.com');
    expect((await ops.post('/account/operator', { setup_token: setupTokenIn(logs)! })).statusCode).toBe(303);
    await first.close();

    await start(makeApp, ['ops@example.com'], files);
    expect(setupTokenIn(logs)).toBeUndefined();
  });

  test('npm run admin -- grant / list / revoke, on the database the server is using', async ({ makeApp }) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rehearse-admin-cli-'));
    dirs.push(dataDir);
    const databasePath = path.join(dataDir, 'rehearse.db');
    const app = await start(makeApp, [], { dataDir, databasePath });
    const ops = new Visitor(app);
    await register(ops, 'ops@example.com');
    expect((await ops.get('/admin/users')).statusCode).toBe(404);
    const env = { DATA_DIR: dataDir, DATABASE_PATH: databasePath };

    const missing = await runAdmin(env, ['grant', 'nobody@example.com']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no account with the email nobody@example\.com/);

    const granted = await runAdmin(env, ['grant', '  OPS@example.COM ']);
    expect(granted.code).toBe(0);
    expect(granted.stdout).toMatch(/ops@example\.com is now an operator/);
    // The running server sees it on the account's next request.
    expect((await ops.get('/admin/users')).statusCode).toBe(200);

    const listed = await runAdmin(env, ['list']);
    expect(listed.stdout).toMatch(/^ops@example\.com\toperator since \d{4}-/m);

    expect((await runAdmin(env, ['revoke', 'ops@example.com'])).code).toBe(0);
    expect((await ops.get('/admin/users')).statusCode).toBe(404);
    expect((await runAdmin(env, ['frobnicate'])).code).toBe(64);
  }, 60_000);
});

describe('emails are compared in one normalised form everywhere', () => {
  it('folds case, surrounding spaces, compatibility forms and invisible characters', () => {
    expect(normalizeEmail(' OPS@Example.COM ')).toBe('ops@example.com');
    expect(normalizeEmail('\u200bops@example.com\u200d')).toBe('ops@example.com');
    expect(normalizeEmail('ｏｐｓ@ｅｘａｍｐｌｅ.ｃｏｍ')).toBe('ops@example.com');
    expect(normalizeEmail('o\u00adps@example.com')).toBe('ops@example.com');
    expect(normalizeEmail(undefined)).toBe('');
  });

  test('so a look-alike spelling of a registered email is the same account', async ({ app }) => {
    expect((await register(new Visitor(app), 'ops@example.com')).statusCode).toBe(303);
    for (const lookAlike of ['\u200bOPS@example.com', 'ｏｐｓ@example.com']) {
      const res = await register(new Visitor(app), lookAlike);
      expect(res.statusCode).toBe(422);
      expect(fieldError(res.body, 'email')).toMatch(/already an account/);
    }
    const signIn = await new Visitor(app).post('/account/login', { email: ' ｏｐｓ@EXAMPLE.com', password: PASSWORD });
    expect(signIn.statusCode).toBe(303);
  });
});
