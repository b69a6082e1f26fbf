/**
 * The OpenAPI document is a valid OpenAPI 3.1 description, and a client generated from it
 * (openapi-typescript types + openapi-fetch) runs an interview: the document describes the API
 * as it really behaves, and the committed types are the document's.
 */
import fs from 'node:fs';
import SwaggerParser from '@apidevtools/swagger-parser';
import createClient from 'openapi-fetch';
import type { FastifyInstance } from 'fastify';
import { describe, expect } from 'vitest';
import { NO_RATE_LIMITS } from '../../src/config.js';
import type { paths } from '../support/api-schema.js';
import { accountWithToken } from '../support/api-client.js';
import { API_TYPES_FILE, apiTypes, openApiDocument } from '../support/api-types.js';
import { useTestApp } from '../support/test-app.js';
import { fixture } from '../support/interview-driver.js';
import { strongAnswer } from '../support/answers.js';

const test = useTestApp({ eager: false });

/** fetch, answered by the app in-process (app.inject) instead of over a socket. */
function injectFetch(app: FastifyInstance): typeof fetch {
  return async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const body = request.body ? Buffer.from(await request.arrayBuffer()) : undefined;
    const sent: Record<string, string> = {};
    request.headers.forEach((value, name) => void (sent[name] = value));
    const res = await app.inject({
      method: request.method as 'GET' | 'POST' | 'DELETE',
      url: `${url.pathname}${url.search}`,
      headers: sent,
      ...(body ? { payload: body } : {}),
    });
    const headers = new Headers();
    for (const [name, value] of Object.entries(res.headers)) if (value !== undefined) headers.set(name, String(value));
    return new Response(res.statusCode === 204 ? null : new Uint8Array(res.rawPayload), { status: res.statusCode, headers });
  };
}

describe('the OpenAPI document', () => {
  test('validates as OpenAPI 3.1', async () => {
    const doc = await openApiDocument();
    const api = await SwaggerParser.validate(structuredClone(doc) as never);
    expect((api as { openapi: string }).openapi).toBe('3.1.0');
  });

  test('matches the committed client types (npm run api:types)', { timeout: 30_000 }, async () => {
    expect(fs.readFileSync(API_TYPES_FILE, 'utf8')).toBe(await apiTypes());
  });

  test('drives an interview through a client generated from it', { timeout: 60_000 }, async ({ makeApp }) => {
    const app = await makeApp({ rateLimits: NO_RATE_LIMITS });
    const { token } = await accountWithToken(app, 'generated@example.com');
    const client = createClient<paths>({ baseUrl: 'http://rehearse.test', fetch: injectFetch(app), headers: { authorization: `Bearer ${token}` } });

    const created = await client.POST('/api/v1/interviews', { body: { jobTitle: 'Senior Backend Engineer', companyName: 'Northwind Health' } });
    expect(created.response.status).toBe(201);
    const id = created.data!.id;
    await client.POST('/api/v1/interviews/{id}/cv-text', { params: { path: { id } }, body: { text: fixture('cv-alex-morgan.txt').toString('utf8') } });
    await client.POST('/api/v1/interviews/{id}/job', { params: { path: { id } }, body: { text: fixture('job-backend-engineer.txt').toString('utf8') } });
    const started = await client.POST('/api/v1/interviews/{id}/start', { params: { path: { id } } });
    let state = started.data!;
    let answered = 0;
    while (state.phase !== 'ready_to_finish' && answered < 20) {
      if (state.phase === 'preparing') {
        state = (await client.GET('/api/v1/interviews/{id}', { params: { path: { id } } })).data!;
        continue;
      }
      const q = state.question!;
      const res = await client.POST('/api/v1/interviews/{id}/answers', {
        params: { path: { id } },
        body: { questionId: q.id, answer: strongAnswer({ id: q.id, number: q.number, kind: q.kind, text: q.text }) },
      });
      expect(res.error).toBeUndefined();
      state = res.data!;
      answered++;
    }
    expect(state.answeredCount).toBe(8);
    const finished = await client.POST('/api/v1/interviews/{id}/finish', { params: { path: { id } } });
    expect(finished.response.status).toBe(200);
    const feedback = await client.GET('/api/v1/interviews/{id}/feedback', { params: { path: { id } } });
    expect(feedback.data && 'score' in feedback.data ? feedback.data.score : 0).toBeGreaterThanOrEqual(1);

    // An error comes back as the typed problem.
    const again = await client.POST('/api/v1/interviews/{id}/start', { params: { path: { id } } });
    expect(again.error).toMatchObject({ code: 'ALREADY_STARTED', status: 409 });
  });
});
