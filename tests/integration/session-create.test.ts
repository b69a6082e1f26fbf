import { describe, expect } from 'vitest';
import { sessionIdFrom, useTestApp, Visitor } from '../support/test-app.js';
import { html, textOf } from '../support/html.js';

const test = useTestApp();

describe('POST /session/create', () => {
  test('creates a session with a random id and redirects to its upload page (303)', async ({ visitor }) => {
    const res = await visitor.post('/session/create', { job_title: 'Data Analyst', company_name: 'Acme', interview_type: 'behavioral' });
    expect(res.statusCode).toBe(303);
    const id = sessionIdFrom(res.headers.location as string);
    expect(res.headers.location).toBe(`/session/${id}/upload`);
    expect(id).toMatch(/^[A-Za-z0-9_-]{21}$/);
    const page = await visitor.get(res.headers.location as string);
    expect(page.statusCode).toBe(200);
    expect(textOf(page.body, 'h1')).toContain('Data Analyst');
    expect(page.body).toContain('Behavioural interview');
  });

  test('re-renders the form with the user’s values and a message per field when fields are missing', async ({ visitor }) => {
    const res = await visitor.post('/session/create', { job_title: '', company_name: '', job_description: 'Keep me' });
    expect(res.statusCode).toBe(422);
    const doc = html(res.body);
    expect(doc.querySelector('#error')).not.toBeNull();
    expect(doc.querySelector('#job_title-error')?.textContent).toContain('job title');
    expect(doc.querySelector('#company_name-error')?.textContent).toContain('company');
    expect(doc.querySelector('#job_description')?.textContent).toBe('Keep me');
  });

  test('rejects a job title over 200 characters and keeps the other values', async ({ visitor }) => {
    const res = await visitor.post('/session/create', { job_title: 'x'.repeat(201), company_name: 'Acme' });
    expect(res.statusCode).toBe(422);
    const doc = html(res.body);
    expect(doc.querySelector('#job_title-error')?.textContent).toContain('200');
    expect(doc.querySelector('#company_name')?.getAttribute('value')).toBe('Acme');
  });

  test('rejects an unknown interview type', async ({ visitor }) => {
    const res = await visitor.post('/session/create', { job_title: 'Nurse', company_name: 'NHS', interview_type: 'psychic' });
    expect(res.statusCode).toBe(422);
  });

  test('accepts exactly 200 characters and strips control characters', async ({ visitor }) => {
    const res = await visitor.post('/session/create', { job_title: 'a'.repeat(200), company_name: 'Ac\u0007me' });
    expect(res.statusCode).toBe(303);
    const page = await visitor.get(res.headers.location as string);
    expect(page.body).toContain('at Acme');
  });

  test('escapes user text when rendering it', async ({ visitor }) => {
    const res = await visitor.post('/session/create', { job_title: '<script>alert(1)</script>', company_name: '<b>Evil</b>' });
    const page = await visitor.get(res.headers.location as string);
    expect(page.body).not.toContain('<script>alert(1)</script>');
    expect(page.body).toContain('&lt;script&gt;');
  });

  test('lists the session on its owner’s dashboard only', async ({ app, visitor }) => {
    await visitor.post('/session/create', { job_title: 'Chef', company_name: 'Bistro' });
    const mine = await visitor.get('/dashboard');
    expect(mine.body).toContain('Chef');
    const stranger = await new Visitor(app).get('/dashboard');
    expect(stranger.body).not.toContain('Chef');
  });
});
