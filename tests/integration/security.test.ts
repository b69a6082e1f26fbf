/**
 * Attacker-style tests: another visitor's interview, forged cross-site requests, hostile
 * text and files, floods, and tampered cookies. Each attack must fail the documented way
 * (404, 403, 413, 429, inert text) and leave the database as it was.
 */
import { describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { testConfig } from '../../src/config.js';
import { createTestApp, csrfTokenIn, multipart, sessionIdFrom, useTestApp, Visitor } from '../support/test-app.js';
import { consentToRecording } from '../support/audio.js';
import { html } from '../support/html.js';
import { answerAll, currentQuestion, fixture, setUpSession } from '../support/interview-driver.js';
import { strongAnswer } from '../support/answers.js';
import { snapshot } from '../support/db-inspect.js';
import { declaredZipBomb, lyingZipBomb, XSS, XSS_ALL, XSS_RAW_MARKERS } from '../support/hostile.js';

const errorCode = (body: string) => html(body).querySelector('#error')?.getAttribute('data-code');

const otherVisitorsTest = useTestApp({ scope: 'file' });

describe('another visitor’s interview', () => {
  let alice: Visitor;
  let mallory: Visitor;
  let id: string;
  otherVisitorsTest.beforeAll(async ({ app }) => {
    alice = new Visitor(app);
    mallory = new Visitor(app);
    await mallory.get('/dashboard');
    id = await setUpSession(alice);
    await alice.post(`/session/${id}/start`);
  });

  it.each(['upload', 'interview', 'feedback', 'delete'])('GET /session/:id/%s is 404', async (page) => {
    const res = await mallory.get(`/session/${id}/${page}`);
    expect(res.statusCode).toBe(404);
    expect(errorCode(res.body)).toBe('SESSION_NOT_FOUND');
  });

  otherVisitorsTest('requesting, answering, completing, uploading to and deleting it are all 404 (with a valid token) and change nothing', async ({ app }) => {
    const q = await currentQuestion(alice, id);
    const before = await snapshot(app);
    const attempts = [
      await mallory.post(`/session/${id}/start`),
      await mallory.post(`/session/${id}/message`, { answer: 'hijacked answer', question_id: q!.id }),
      await mallory.post(`/session/${id}/message`, { answer: 'hijacked answer' }, { htmx: true }),
      await mallory.post(`/session/${id}/complete`),
      await mallory.post(`/session/${id}/upload-job`, { job_description: 'hijacked' }),
      await mallory.upload(`/session/${id}/upload-cv`, {}, [{ field: 'cv_file', fileName: 'cv.txt', content: fixture('cv-alex-morgan.txt') }]),
      await mallory.upload(`/session/${id}/upload-cv`, {}, [{ field: 'cv_file', fileName: 'cv.txt', content: fixture('cv-alex-morgan.txt') }], { htmx: true }),
      await mallory.post(`/session/${id}/delete`, { confirm: 'yes' }),
      await mallory.post(`/session/${id}/voice-consent`, {}, { htmx: true }),
      await mallory.post(`/session/${id}/voice-consent/withdraw`),
    ];
    expect(attempts.map((r) => r.statusCode)).toEqual(attempts.map(() => 404));
    expect(await snapshot(app)).toBe(before);
    expect(await currentQuestion(alice, id)).toEqual(q);
  });

  otherVisitorsTest('does not list it on the attacker’s dashboard', async () => {
    const res = await mallory.get('/dashboard');
    expect(res.body).not.toContain(id);
    expect(res.body).not.toContain('Northwind Health');
  });

  otherVisitorsTest('refuses to open its audio socket: 404 for another visitor, 403 from another site', async ({ app, skip }) => {
    if (!app.hasRoute({ method: 'GET', url: '/session/:id/audio' })) skip();
    const open = (visitor: Visitor, origin: string) =>
      app.injectWS(`/session/${id}/audio`, { headers: { cookie: visitor.cookieHeader ?? '', origin, host: 'rehearse.test' } });
    await expect(open(mallory, 'http://rehearse.test')).rejects.toThrow(/404/);
    await expect(open(alice, 'https://evil.example')).rejects.toThrow(/403/);
    // The owner, once she has agreed to recording in this interview (issue 14).
    await consentToRecording(alice, id);
    const socket = await open(alice, 'http://rehearse.test');
    socket.terminate();
  });
});

const test = useTestApp({ eager: false });

describe('cross-site request forgery', () => {
  let id: string;
  test.beforeEach(async ({ visitor }) => {
    id = await setUpSession(visitor);
  });

  const forms: Array<[string, Record<string, string>]> = [
    ['/session/create', { job_title: 'Forged', company_name: 'Evil' }],
    ['/session/:id/upload-job', { job_description: 'forged' }],
    ['/session/:id/start', {}],
    ['/session/:id/message', { answer: 'forged' }],
    ['/session/:id/complete', {}],
    ['/session/:id/delete', { confirm: 'yes' }],
    ['/account/register', { email: 'forged@example.com', password: 'forged-password', password_confirm: 'forged-password' }],
    ['/account/login', { email: 'forged@example.com', password: 'forged-password' }],
    ['/account/logout', {}],
    ['/account/password', { current_password: 'x', new_password: 'forged-password', new_password_confirm: 'forged-password' }],
    ['/account/delete', { confirm: 'yes' }],
  ];

  test.for(forms)('POST %s without a token is 403 with a clear page, and changes nothing', async ([path, form], { app, visitor }) => {
    const before = await snapshot(app);
    const cookieBefore = visitor.cookieHeader;
    const res = await visitor.post(path.replace(':id', id), form, { csrf: false });
    expect(res.statusCode).toBe(403);
    expect(res.headers['content-type']).toContain('text/html');
    expect(errorCode(res.body)).toBe('CSRF_FAILED');
    expect(html(res.body).querySelector('#error')?.textContent).toMatch(/expired|Reload the page/);
    expect(await snapshot(app)).toBe(before);
    expect(visitor.cookieHeader).toBe(cookieBefore); // not signed out, not switched
  });

  test('refuses a wrong token, a token of another visitor, and a token without a cookie', async ({ app, visitor }) => {
    const other = new Visitor(app);
    const othersToken = await other.csrfToken();
    const mine = await visitor.csrfToken();
    const forged = `${mine.slice(0, -4)}AAAA`;
    for (const csrf of ['nope', forged, othersToken, '']) {
      const res = await visitor.post('/session/create', { job_title: 'T', company_name: 'C' }, { csrf });
      expect(res.statusCode, csrf).toBe(403);
    }
    const noCookie = await app.inject({
      method: 'POST',
      url: '/session/create',
      payload: new URLSearchParams({ _csrf: mine, job_title: 'T', company_name: 'C' }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(noCookie.statusCode).toBe(403);
  });

  test('does not accept the token in the query string', async ({ visitor }) => {
    const token = await visitor.csrfToken();
    const res = await visitor.post(`/session/create?_csrf=${encodeURIComponent(token)}`, { job_title: 'T', company_name: 'C' }, { csrf: false });
    expect(res.statusCode).toBe(403);
  });

  test('accepts the token as a header (htmx) or as the first field (plain form) of a multipart upload', async ({ visitor }) => {
    const fresh = sessionIdFrom((await visitor.post('/session/create', { job_title: 'Nurse', company_name: 'NHS' })).headers.location);
    const file = [{ field: 'cv_file', fileName: 'cv.txt', content: fixture('cv-alex-morgan.txt') }];
    expect((await visitor.upload(`/session/${fresh}/upload-cv`, {}, file, { htmx: true })).statusCode).toBe(200);
    expect((await visitor.upload(`/session/${fresh}/upload-cv`, {}, file)).statusCode).toBe(303);
  });

  test('refuses a multipart upload without a token, or whose token comes after the file, before reading the file', async ({ app, visitor }) => {
    const fresh = sessionIdFrom((await visitor.post('/session/create', { job_title: 'Nurse', company_name: 'NHS' })).headers.location);
    const before = await snapshot(app);
    const token = await visitor.csrfToken();
    const none = await visitor.upload(`/session/${fresh}/upload-cv`, {}, [{ field: 'cv_file', fileName: 'cv.txt', content: fixture('cv-alex-morgan.txt') }], { csrf: false });
    expect(none.statusCode).toBe(403);
    expect(errorCode(none.body)).toBe('CSRF_FAILED');
    // Field order is the attacker's choice: the file first, a (valid!) token after it.
    const boundary = '----late-token';
    const payload = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="cv_file"; filename="cv.txt"\r\nContent-Type: text/plain\r\n\r\n`),
      fixture('cv-alex-morgan.txt'),
      Buffer.from(`\r\n--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${token}\r\n--${boundary}--\r\n`),
    ]);
    const late = await app.inject({
      method: 'POST',
      url: `/session/${fresh}/upload-cv`,
      payload,
      headers: { cookie: visitor.cookieHeader!, 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    expect(late.statusCode).toBe(403);
    expect(await snapshot(app)).toBe(before);
    // A wrong token in the header is refused even though the body holds a right one.
    const mixed = multipart({ _csrf: token }, [{ field: 'cv_file', fileName: 'cv.txt', content: 'Alex Morgan' }]);
    const wrongHeader = await app.inject({
      method: 'POST',
      url: `/session/${fresh}/upload-cv`,
      payload: mixed.payload,
      headers: { ...mixed.headers, cookie: visitor.cookieHeader!, 'x-csrf-token': 'wrong' },
    });
    expect(wrongHeader.statusCode).toBe(403);
  });

  test('answers a refused htmx request in the page’s message area, leaving the form alone', async ({ visitor }) => {
    const res = await visitor.post(`/session/${id}/upload-job`, { job_description: 'x' }, { htmx: true, csrf: false });
    expect(res.statusCode).toBe(403);
    expect(res.headers['hx-retarget']).toBe('#flash');
    expect(html(res.body).querySelector('html')).toBeNull();
    expect(errorCode(res.body)).toBe('CSRF_FAILED');
  });

  test('puts the token in every page: a meta tag, hx-headers on <body>, and a hidden field in every POST form', async ({ visitor }) => {
    const pages = ['/', `/session/${id}/upload`, '/dashboard', '/account', '/account/login', '/account/register', '/account/delete', `/session/${id}/delete`];
    for (const url of pages) {
      const res = await visitor.get(url);
      const doc = html(res.body);
      const token = csrfTokenIn(res.body);
      expect(token, url).toBeTruthy();
      expect(JSON.parse(doc.querySelector('body')!.getAttribute('hx-headers')!)).toEqual({ 'X-CSRF-Token': token });
      for (const form of doc.querySelectorAll('form[method=post]')) {
        const first = form.querySelector('input');
        expect(first?.getAttribute('name'), `${url} ${form.getAttribute('action')}`).toBe('_csrf');
      }
    }
  });
});

describe('security headers and cookie', () => {
  test('sends a strict Content-Security-Policy and friends on pages and static files', async ({ app }) => {
    for (const url of ['/', '/public/css/app.css', '/vendor/htmx/htmx.min.js', '/nope']) {
      const res = await app.inject({ method: 'GET', url });
      const csp = String(res.headers['content-security-policy']);
      const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v.join(' ')]));
      expect(directives['default-src'], url).toBe("'self'");
      expect(directives['script-src']).toBe("'self'");
      expect(directives['script-src-attr']).toBe("'none'");
      expect(directives['style-src']).toBe("'self'");
      expect(directives['img-src']).toBe("'self' data:");
      expect(directives['connect-src']).toBe("'self'");
      expect(directives['form-action']).toBe("'self'");
      expect(directives['frame-ancestors']).toBe("'none'");
      expect(directives['object-src']).toBe("'none'");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).not.toContain('unsafe-eval');
      expect(csp).not.toContain('upgrade-insecure-requests');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['permissions-policy']).toContain('camera=()');
      expect(res.headers['strict-transport-security']).toBeUndefined();
    }
  });

  test('keeps the visitor cookie HttpOnly and SameSite=Lax, and adds Secure, HSTS and upgrade-insecure-requests behind HTTPS', async ({ app, makeApp }) => {
    const plain = String((await new Visitor(app).get('/dashboard')).headers['set-cookie']);
    expect(plain).toMatch(/rehearse_session=/);
    expect(plain).toMatch(/HttpOnly/i);
    expect(plain).toMatch(/SameSite=Lax/i);
    expect(plain).not.toMatch(/Secure/i);

    const secure = await makeApp({ cookieSecure: true });
    const res = await new Visitor(secure).get('/dashboard');
    expect(String(res.headers['set-cookie'])).toMatch(/;\s*Secure/i);
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000');
    expect(res.headers['content-security-policy']).toContain('upgrade-insecure-requests');
  });
});

const hostileTextTest = useTestApp({ scope: 'file' });

describe('hostile text is rendered inert', () => {
  const assertInert = (body: string, where: string) => {
    for (const marker of XSS_RAW_MARKERS) expect(body, `${where}: ${marker}`).not.toContain(marker);
  };

  hostileTextTest('in the job title, company, job description, CV (text and file name) and answers, on every page', async ({ visitor }) => {
    const created = await visitor.post('/session/create', {
      job_title: `Engineer ${XSS.script}`,
      company_name: `Acme ${XSS.attr}`,
      job_description: `Requirements: TypeScript, Node.js. ${XSS_ALL}`,
    });
    expect(created.statusCode).toBe(303);
    const id = sessionIdFrom(created.headers.location);
    const cv = `${fixture('cv-alex-morgan.txt').toString('utf8')}\n${XSS_ALL}\n`;
    const up = await visitor.upload(`/session/${id}/upload-cv`, {}, [{ field: 'cv_file', fileName: `${XSS.img}.txt`, content: cv }]);
    expect(up.statusCode).toBe(303);

    const upload = await visitor.get(`/session/${id}/upload`);
    assertInert(upload.body, 'upload page');
    expect(upload.body).toContain('&lt;script&gt;alert(&quot;xss-script&quot;)&lt;/script&gt;');
    expect(html(upload.body).querySelector('#cv-preview')?.textContent).toContain(XSS.img);

    await visitor.post(`/session/${id}/start`);
    await answerAll(visitor, id, (q) => `${strongAnswer(q)} ${XSS_ALL}`);
    const interview = await visitor.get(`/session/${id}/interview`);
    assertInert(interview.body, 'interview page');
    expect(interview.body).toContain('&lt;svg onload=alert(&quot;xss-svg&quot;)&gt;');

    expect((await visitor.post(`/session/${id}/complete`)).statusCode).toBe(303);
    const feedback = await visitor.get(`/session/${id}/feedback`);
    expect(feedback.statusCode).toBe(200);
    assertInert(feedback.body, 'feedback page');
    assertInert((await visitor.get('/dashboard')).body, 'dashboard');
    assertInert((await visitor.get(`/session/${id}/delete`)).body, 'delete page');
  });

  hostileTextTest('in a form re-rendered with an error (attribute context)', async ({ visitor }) => {
    const res = await visitor.post('/session/create', { job_title: `${XSS.attr}${'x'.repeat(300)}`, company_name: XSS.attr });
    expect(res.statusCode).toBe(422);
    assertInert(res.body, 'create form');
    expect(html(res.body).querySelector('#company_name')?.getAttribute('value')).toBe(XSS.attr);
    const login = await visitor.post('/account/login', { email: XSS.attr, password: 'whatever-password' });
    assertInert(login.body, 'sign-in form');
  });
});

describe('hostile files', () => {
  let id: string;
  test.beforeEach(async ({ visitor }) => {
    id = sessionIdFrom((await visitor.post('/session/create', { job_title: 'Engineer', company_name: 'Acme' })).headers.location);
  });

  const upload = (visitor: Visitor, name: string, content: Buffer, htmx = false) =>
    visitor.upload(`/session/${id}/upload-cv`, {}, [{ field: 'cv_file', fileName: name, content }], { htmx });

  test.for([
    ['declares 3 GB unpacked', declaredZipBomb],
    ['inflates to far more than it declares', () => lyingZipBomb(30)],
  ] as const)('rejects a zip-bomb DOCX that %s, quickly, and keeps serving', async ([_what, make], { visitor }) => {
    // How fast the rejection is belongs to bench/, not to an assertion here: this test shows
    // the bomb is refused by the size check (its own code) instead of being unpacked.
    const res = await upload(visitor, 'cv.docx', make());
    expect(res.statusCode).toBe(413);
    expect(errorCode(res.body)).toBe('DOCUMENT_UNPACKS_TOO_LARGE');
    expect((await visitor.get('/dashboard')).statusCode).toBe(200);
    expect((await upload(visitor, 'cv.txt', fixture('cv-alex-morgan.txt'))).statusCode).toBe(303);
  });

  test('rejects a 50 MB upload quickly with 413, in place for htmx, and keeps serving', async ({ visitor }) => {
    const huge = Buffer.alloc(50 * 1024 * 1024, 0x61);
    const res = await upload(visitor, 'huge.txt', huge);
    expect(res.statusCode).toBe(413);
    expect(errorCode(res.body)).toBe('FILE_TOO_LARGE');
    const fragment = await upload(visitor, 'huge.txt', huge, true);
    expect(fragment.statusCode).toBe(413);
    // The CV section comes back with its form, so the user can pick another file.
    expect(html(fragment.body).querySelector('#cv-section form input[name=cv_file]')).not.toBeNull();
    expect((await visitor.get('/dashboard')).statusCode).toBe(200);
  });

  test('rejects an oversized body without a Content-Length (chunked) at the file limit', async ({ app, visitor }) => {
    const { Readable } = await import('node:stream');
    const token = await visitor.csrfToken();
    const body = multipart({ _csrf: token }, [{ field: 'cv_file', fileName: 'big.txt', content: Buffer.alloc(8 * 1024 * 1024, 0x61) }]);
    const res = await app.inject({
      method: 'POST',
      url: `/session/${id}/upload-cv`,
      payload: Readable.from([body.payload]),
      headers: { ...body.headers, cookie: visitor.cookieHeader! },
    });
    expect(res.statusCode).toBe(413);
  });

  test('reads at most DOCUMENT_MAX_PARALLEL documents at once and answers 503 beyond the queue', async ({ makeApp }) => {
    const app = await makeApp({ documentMaxParallel: 1, documentMaxQueued: 0 });
    const visitor = new Visitor(app);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      ids.push(sessionIdFrom((await visitor.post('/session/create', { job_title: `E${i}`, company_name: 'Acme' })).headers.location));
    }
    await visitor.csrfToken();
    const results = await Promise.all(
      ids.map((sid) => visitor.upload(`/session/${sid}/upload-cv`, {}, [{ field: 'cv_file', fileName: 'cv.pdf', content: fixture('cv-alex-morgan.pdf') }])),
    );
    const statuses = results.map((r) => r.statusCode).sort();
    expect(statuses).toContain(303);
    expect(statuses).toContain(503);
    const busy = results.find((r) => r.statusCode === 503)!;
    expect(errorCode(busy.body)).toBe('DOCUMENTS_BUSY');
    expect(html(busy.body).querySelector('#error')?.textContent).toMatch(/try again in a minute/);
    // Once the others are done, the same upload goes through.
    const retry = await visitor.upload(`/session/${ids[2]}/upload-cv`, {}, [{ field: 'cv_file', fileName: 'cv.pdf', content: fixture('cv-alex-morgan.pdf') }]);
    expect(retry.statusCode).toBe(303);
  });
});

describe('rate limits', () => {
  const signIn = (visitor: Visitor, email: string, password: string) => visitor.post('/account/login', { email, password });

  test('throttles sign-in brute force per address: 429 with a page and Retry-After after N attempts', async ({ makeApp }) => {
    const app = await makeApp({ rateLimits: { ...testConfig().rateLimits, signInPer15Min: 3, uploadsPerMinute: 30, interviewPerMinute: 60 } });
    const attacker = new Visitor(app);
    for (let i = 0; i < 3; i++) expect((await signIn(attacker, `victim${i}@example.com`, 'guess-number-' + i)).statusCode).toBe(422);
    const blocked = await signIn(attacker, 'victim9@example.com', 'guess-number-9');
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(blocked.headers['retry-after'])).toBeLessThanOrEqual(15 * 60);
    expect(errorCode(blocked.body)).toBe('RATE_LIMITED');
    expect(html(blocked.body).querySelector('#error')?.textContent).toMatch(/Too many attempts.*minutes/);
    // Other pages still work for the same visitor.
    expect((await attacker.get('/dashboard')).statusCode).toBe(200);
  });

  test('throttles failed sign-ins per account, whatever address they come from', async ({ makeApp }) => {
    const app = await makeApp({ rateLimits: { ...testConfig().rateLimits, signInPer15Min: 3, uploadsPerMinute: 30, interviewPerMinute: 60 } });
    const owner = new Visitor(app);
    expect((await owner.post('/account/register', { email: 'victim@example.com', password: 'the real password', password_confirm: 'the real password' })).statusCode).toBe(303);
    const from = async (ip: string, password: string) => {
      const v = new Visitor(app);
      const token = await v.csrfToken();
      return app.inject({
        method: 'POST',
        url: '/account/login',
        remoteAddress: ip,
        payload: new URLSearchParams({ _csrf: token, email: 'Victim@Example.com', password }).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: v.cookieHeader! },
      });
    };
    for (let i = 0; i < 3; i++) expect((await from(`198.51.100.${i + 1}`, `wrong guess ${i}`)).statusCode).toBe(422);
    const locked = await from('198.51.100.50', 'wrong guess again');
    expect(locked.statusCode).toBe(429);
    expect(locked.headers['retry-after']).toBeDefined();
    // While locked even the right password waits (that is the price of stopping distributed guessing).
    expect((await from('198.51.100.51', 'the real password')).statusCode).toBe(429);
  });

  test('throttles registrations per address', async ({ makeApp }) => {
    const app = await makeApp({ rateLimits: { ...testConfig().rateLimits, signInPer15Min: 2, uploadsPerMinute: 30, interviewPerMinute: 60 } });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      const v = new Visitor(app);
      statuses.push((await v.post('/account/register', { email: `u${i}@example.com`, password: 'long enough password', password_confirm: 'long enough password' })).statusCode);
    }
    expect(statuses).toEqual([303, 303, 429]);
  });

  test('throttles uploads and AI-calling interview actions per visitor', async ({ makeApp }) => {
    const app = await makeApp({ rateLimits: { ...testConfig().rateLimits, signInPer15Min: 10, uploadsPerMinute: 2, interviewPerMinute: 3 } });
    const visitor = new Visitor(app);
    const id = sessionIdFrom((await visitor.post('/session/create', { job_title: 'E', company_name: 'A' })).headers.location);
    const cv = () => visitor.upload(`/session/${id}/upload-cv`, {}, [{ field: 'cv_file', fileName: 'cv.txt', content: fixture('cv-alex-morgan.txt') }]);
    expect((await cv()).statusCode).toBe(303);
    expect((await visitor.post(`/session/${id}/upload-job`, { job_description: fixture('job-backend-engineer.txt').toString('utf8') })).statusCode).toBe(303);
    const third = await cv();
    expect(third.statusCode).toBe(429);
    expect(third.headers['retry-after']).toBeDefined();
    const htmx = await visitor.upload(`/session/${id}/upload-cv`, {}, [{ field: 'cv_file', fileName: 'cv.txt', content: 'x' }], { htmx: true });
    expect(htmx.statusCode).toBe(429);
    expect(htmx.headers['hx-retarget']).toBe('#flash');

    expect((await visitor.post(`/session/${id}/start`)).statusCode).toBe(303);
    const q = await currentQuestion(visitor, id);
    expect((await visitor.post(`/session/${id}/message`, { answer: strongAnswer(q!), question_id: q!.id })).statusCode).toBe(303);
    expect((await visitor.post(`/session/${id}/complete`)).statusCode).toBe(409);
    const limited = await visitor.post(`/session/${id}/message`, { answer: 'one more' });
    expect(limited.statusCode).toBe(429);
    expect(errorCode(limited.body)).toBe('RATE_LIMITED');
    // Another visitor is not affected.
    const other = new Visitor(app);
    expect((await other.post('/session/create', { job_title: 'E', company_name: 'A' })).statusCode).toBe(303);
  });
});

describe('rate limit on the voice socket', () => {
  test('counts handshakes per visitor, before the upgrade', async ({ makeApp, skip }) => {
    const app = await makeApp({ rateLimits: { ...testConfig().rateLimits, signInPer15Min: 10, uploadsPerMinute: 30, interviewPerMinute: 2 } });
    if (!app.hasRoute({ method: 'GET', url: '/session/:id/audio' })) skip();
    const visitor = new Visitor(app);
    await visitor.get('/dashboard');
    const open = () =>
      app.injectWS('/session/nope/audio', { headers: { cookie: visitor.cookieHeader!, origin: 'http://rehearse.test', host: 'rehearse.test' } });
    await expect(open()).rejects.toThrow(/404/);
    await expect(open()).rejects.toThrow(/404/);
    await expect(open()).rejects.toThrow(/429/);
  });
});

const cookiesTest = useTestApp({ scope: 'file' });

describe('tampered and foreign cookies', () => {
  let owner: Visitor;
  let id: string;
  cookiesTest.beforeAll(async ({ app }) => {
    owner = new Visitor(app);
    id = await setUpSession(owner);
  });

  const asCookie = (app: FastifyInstance, cookie: string) => app.inject({ method: 'GET', url: `/session/${id}/upload`, headers: { cookie } });

  cookiesTest('the real cookie works', async ({ app }) => {
    expect((await asCookie(app, owner.cookieHeader!)).statusCode).toBe(200);
  });

  cookiesTest('a cookie with one character changed is a new visitor, not the owner', async ({ app }) => {
    const cookie = owner.cookieHeader!;
    const i = cookie.indexOf('=') + 5;
    const flipped = cookie.slice(0, i) + (cookie[i] === 'A' ? 'B' : 'A') + cookie.slice(i + 1);
    const res = await asCookie(app, flipped);
    expect(res.statusCode).toBe(404);
    expect(String(res.headers['set-cookie'])).toContain('rehearse_session=');
  });

  cookiesTest.for(['rehearse_session=AAAA', 'rehearse_session=AAAA;BBBB', 'rehearse_session=%00%01'])('garbage (%s) is a new visitor', async (cookie, { app }) => {
    expect((await asCookie(app, cookie)).statusCode).toBe(404);
  });

  cookiesTest('a cookie sealed with another secret is a new visitor', async ({ app }) => {
    const elsewhere = await createTestApp({ sessionSecret: 'another-secret-another-secret-another-0123' });
    const foreign = new Visitor(elsewhere);
    await foreign.get('/dashboard');
    await elsewhere.close();
    expect((await asCookie(app, foreign.cookieHeader!)).statusCode).toBe(404);
  });
});

const bodyLimitsTest = useTestApp({ scope: 'file' });

describe('body size limits', () => {
  bodyLimitsTest('refuses a form, JSON or text body over 1 MB with 413', async ({ app }) => {
    const visitor = new Visitor(app);
    const big = 'x'.repeat(1024 * 1024 + 10);
    expect((await visitor.post('/session/create', { job_title: 'T', company_name: 'C', job_description: big })).statusCode).toBe(413);
    const cookie = visitor.cookieHeader!;
    for (const [type, payload] of [
      ['application/json', JSON.stringify({ job_title: big })],
      ['text/plain', big],
    ]) {
      const res = await app.inject({ method: 'POST', url: '/session/create', payload, headers: { 'content-type': type!, cookie } });
      expect(res.statusCode, type).toBe(413);
    }
  });

  bodyLimitsTest('refuses an account form over 16 KB', async ({ app }) => {
    const visitor = new Visitor(app);
    const res = await visitor.post('/account/login', { email: 'a@b.co', password: 'p'.repeat(20_000) });
    expect(res.statusCode).toBe(413);
  });
});
