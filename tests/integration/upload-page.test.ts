/**
 * The set-up page's data is built in one place (src/views/upload-view.ts): whichever route
 * renders it — the page itself, a refused upload, a refused start — shows the same facts.
 * Issue 15: a focused practice interview lost its notice when its start was refused.
 */
import { describe, expect } from 'vitest';
import { sessionIdFrom, useTestApp } from '../support/test-app.js';
import { html } from '../support/html.js';

const test = useTestApp();

describe('the set-up page of a focused practice interview', () => {
  let id: string;
  test.beforeEach(async ({ visitor }) => {
    const params = new URLSearchParams({ job_title: 'Support Lead', company_name: 'Acme', interview_type: 'behavioral' });
    params.append('focus_competencies', 'conflict');
    params.append('focus_competencies', 'teamwork');
    const created = await visitor.post('/session/create', params);
    expect(created.statusCode).toBe(303);
    id = sessionIdFrom(created.headers.location as string);
  });

  const focusNotice = (body: string) => html(body).querySelector('#focus-competencies')?.textContent ?? null;

  test('names the competencies it concentrates on', async ({ visitor }) => {
    const page = await visitor.get(`/session/${id}/upload`);
    expect(page.statusCode).toBe(200);
    expect(focusNotice(page.body)).toMatch(/focused practice interview: questions concentrate on Conflict[^,]*, Teamwork/i);
  });

  test('keeps that notice when the start is refused (no CV yet), next to the refusal', async ({ visitor }) => {
    const before = focusNotice((await visitor.get(`/session/${id}/upload`)).body);
    const refused = await visitor.post(`/session/${id}/start`);
    expect(refused.statusCode).toBe(409);
    const doc = html(refused.body);
    expect(doc.querySelector('#start-section')?.textContent).toContain('your CV');
    expect(focusNotice(refused.body)).toBe(before);
    expect(before).not.toBeNull();
  });
});
