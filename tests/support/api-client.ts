/**
 * A JSON API client for tests over app.inject: a bearer token, JSON bodies, problem details.
 * Also makes the token the way a person does, on the account page.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { Visitor, multipart, type UploadFile } from './test-app.js';
import { html } from './html.js';

export class ApiClient {
  constructor(
    private readonly app: FastifyInstance,
    readonly token: string | null,
  ) {}

  private headers(extra: Record<string, string> = {}): Record<string, string> {
    return { ...(this.token ? { authorization: `Bearer ${this.token}` } : {}), ...extra };
  }

  request(method: 'GET' | 'POST' | 'DELETE' | 'PUT', url: string, body?: unknown, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    return this.app.inject({
      method,
      url,
      headers: this.headers({ ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers }),
      ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
    });
  }

  get = (url: string, headers: Record<string, string> = {}) => this.request('GET', url, undefined, headers);
  post = (url: string, body: unknown = {}, headers: Record<string, string> = {}) => this.request('POST', url, body, headers);
  put = (url: string, body: unknown = {}) => this.request('PUT', url, body);
  delete = (url: string) => this.request('DELETE', url);

  upload(url: string, files: UploadFile[], fields: Record<string, string> = {}) {
    const body = multipart(fields, files);
    return this.app.inject({ method: 'POST', url, headers: this.headers(body.headers), payload: body.payload });
  }
}

/** Registers an account in a browser (Visitor) and makes a token with `scopes` on the account page. */
export async function accountWithToken(app: FastifyInstance, email: string, scopes: string[] = ['read', 'write']): Promise<{ browser: Visitor; token: string }> {
  const browser = new Visitor(app);
  const password = 'correct horse battery staple';
  expect((await browser.post('/account/register', { email, password, password_confirm: password })).statusCode).toBe(303);
  return { browser, token: await makeToken(browser, 'test token', scopes) };
}

/** The account page's token form, as the browser sends it (scopes as a repeated field). */
export function postTokenForm(browser: Visitor, name: string, scopes: string[]) {
  const form = new URLSearchParams({ name });
  for (const scope of scopes) form.append('scopes', scope);
  return browser.post('/account/tokens', form);
}

/** Makes a token on the account page and reads it from the page it is shown on (once). */
export async function makeToken(browser: Visitor, name: string, scopes: string[]): Promise<string> {
  const made = await postTokenForm(browser, name, scopes);
  expect(made.statusCode).toBe(303);
  const page = await browser.get('/account');
  const token = html(page.body).querySelector('#new-token-value')?.textContent ?? '';
  expect(token).toMatch(/^rht\./);
  return token;
}

/** The problem details of an error response. */
export function problem(res: LightMyRequestResponse): { status: number; code: string; detail: string; fields?: Record<string, string> } {
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  return res.json();
}
