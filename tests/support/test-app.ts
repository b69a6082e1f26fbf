/**
 * Test helpers: the real app on a fresh in-memory database, and a tiny "browser" that keeps
 * the visitor cookie between requests, like a real one would.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp, type AppDeps } from '../../src/app.js';
import { testConfig, type AppConfig } from '../../src/config.js';

export async function createTestApp(overrides: Partial<AppConfig> = {}, deps: AppDeps = {}): Promise<FastifyInstance> {
  const app = await buildApp(testConfig(overrides), deps);
  await app.ready();
  return app;
}

export interface UploadFile {
  field: string;
  fileName: string;
  content: Buffer | string;
  contentType?: string;
}

/** Builds a multipart/form-data body by hand so tests control every byte. */
export function multipart(fields: Record<string, string>, files: UploadFile[] = []) {
  const boundary = '----rehearse-test-boundary';
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  for (const f of files) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${f.field}"; filename="${f.fileName}"\r\n` +
          `Content-Type: ${f.contentType ?? 'application/octet-stream'}\r\n\r\n`,
      ),
      Buffer.isBuffer(f.content) ? f.content : Buffer.from(f.content),
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export class Visitor {
  private cookie: string | undefined;

  constructor(private readonly app: FastifyInstance) {}

  private remember(response: LightMyRequestResponse) {
    const set = response.headers['set-cookie'];
    const first = Array.isArray(set) ? set[0] : set;
    if (first) this.cookie = first.split(';')[0];
    return response;
  }

  private headers(extra: Record<string, string> = {}, htmx = false) {
    return { ...(this.cookie ? { cookie: this.cookie } : {}), ...(htmx ? { 'hx-request': 'true' } : {}), ...extra };
  }

  async get(url: string, options: { htmx?: boolean } = {}) {
    return this.remember(await this.app.inject({ method: 'GET', url, headers: this.headers({}, options.htmx) }));
  }

  async post(url: string, form: Record<string, string> = {}, options: { htmx?: boolean } = {}) {
    return this.remember(
      await this.app.inject({
        method: 'POST',
        url,
        payload: new URLSearchParams(form).toString(),
        headers: this.headers({ 'content-type': 'application/x-www-form-urlencoded' }, options.htmx),
      }),
    );
  }

  async upload(url: string, fields: Record<string, string>, files: UploadFile[], options: { htmx?: boolean } = {}) {
    const body = multipart(fields, files);
    return this.remember(
      await this.app.inject({ method: 'POST', url, payload: body.payload, headers: this.headers(body.headers, options.htmx) }),
    );
  }
}

/** The session id from a `/session/:id/...` redirect. */
export function sessionIdFrom(location: string | undefined): string {
  const match = /\/session\/([^/]+)\//.exec(location ?? '');
  if (!match?.[1]) throw new Error(`No session id in ${location}`);
  return match[1];
}
