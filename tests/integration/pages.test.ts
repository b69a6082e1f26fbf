import { describe, expect } from 'vitest';
import { useTestApp, Visitor } from '../support/test-app.js';
import { html } from '../support/html.js';

const test = useTestApp();

describe('pages', () => {
  test('serves the landing page with the new-interview form fields of the contract', async ({ app }) => {
    const res = await new Visitor(app).get('/');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    const form = html(res.body).querySelector('form[action="/session/create"]');
    expect(form?.getAttribute('method')).toBe('post');
    for (const name of ['job_title', 'company_name', 'job_description', 'interview_type']) {
      expect(form?.querySelector(`[name=${name}]`), name).not.toBeNull();
    }
  });

  test('answers /health with the provider list and no secrets', async ({ app }) => {
    const res = await app.inject({ method: 'GET', url: '/health' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.status).toBe('ok');
    expect(body.providers).toEqual([{ name: 'offline', configured: true }]);
    expect(res.body).not.toContain('test-secret');
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  test('shows an empty state on a new visitor’s dashboard', async ({ app }) => {
    const res = await new Visitor(app).get('/dashboard');
    expect(res.statusCode).toBe(200);
    expect(html(res.body).querySelector('#sessions')?.textContent).toContain('no interviews yet');
  });

  test('renders unknown URLs and unknown session ids as a 404 page, not a stack trace', async ({ app }) => {
    const visitor = new Visitor(app);
    for (const url of ['/nope', '/session/doesnotexist/upload', '/session/doesnotexist/interview', '/session/x/feedback']) {
      const res = await visitor.get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type']).toContain('text/html');
      expect(html(res.body).querySelector('#error')).not.toBeNull();
      expect(res.body).not.toMatch(/at .*\.ts:\d+/);
    }
  });

  test('serves htmx and the stylesheet from this server', async ({ app }) => {
    const htmx = await app.inject({ method: 'GET', url: '/vendor/htmx/htmx.min.js' });
    expect(htmx.statusCode).toBe(200);
    expect(htmx.body).toContain('htmx');
    const css = await app.inject({ method: 'GET', url: '/public/css/app.css' });
    expect(css.statusCode).toBe(200);
    const other = await app.inject({ method: 'GET', url: '/vendor/htmx/htmx.js' });
    expect(other.statusCode).toBe(404);
  });
});
