/**
 * The set-up page's data is built in one place (src/views/upload-view.ts): whichever route
 * renders it — the page itself, a refused upload, a refused start — shows the same facts.
 * Issue 15: a focused practice interview lost its notice when its start was refused.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createTestApp, sessionIdFrom, Visitor } from '../support/test-app.js';
import { html } from '../support/html.js';

describe('the set-up page of a focused practice interview', () => {
  let app: FastifyInstance;
  let visitor: Visitor;
  let id: string;
  beforeEach(async () => {
    app = await createTestApp();
    visitor = new Visitor(app);
    const params = new URLSearchParams({ job_title: 'Support Lead', company_name: 'Acme', interview_type: 'behavioral' });
    params.append('focus_competencies', 'conflict');
    params.append('focus_competencies', 'teamwork');
    const created = await visitor.post('/session/create', params);
    expect(created.statusCode).toBe(303);
    id = sessionIdFrom(created.headers.location as string);
  });
  afterEach(async () => {
    await app.close();
  });

  const focusNotice = (body: string) => html(body).querySelector('#focus-competencies')?.textContent ?? null;

  it('names the competencies it concentrates on', async () => {
    const page = await visitor.get(`/session/${id}/upload`);
    expect(page.statusCode).toBe(200);
    expect(focusNotice(page.body)).toMatch(/focused practice interview: questions concentrate on Conflict[^,]*, Teamwork/i);
  });

  it('keeps that notice when the start is refused (no CV yet), next to the refusal', async () => {
    const before = focusNotice((await visitor.get(`/session/${id}/upload`)).body);
    const refused = await visitor.post(`/session/${id}/start`);
    expect(refused.statusCode).toBe(409);
    const doc = html(refused.body);
    expect(doc.querySelector('#start-section')?.textContent).toContain('your CV');
    expect(focusNotice(refused.body)).toBe(before);
    expect(before).not.toBeNull();
  });
});
