/**
 * A visitor over real HTTP (fetch), for servers running in another process: keeps the visitor
 * cookie and the CSRF token its pages carry, like a browser with htmx would. The in-process
 * equivalent is `Visitor` in test-app.ts.
 */
import { csrfTokenIn, multipart, type UploadFile } from './test-app.js';

export interface HttpResponse {
  status: number;
  headers: Headers;
  body: string;
}

export class HttpVisitor {
  private cookie: string | undefined;
  private token: string | undefined;

  constructor(
    /** Settable: the same browser may talk to a restarted server on another port. */
    public baseUrl: string,
    /** Bound on every request, so a hung server fails the test instead of hanging it. */
    private readonly timeoutMs = 30_000,
    /** Sent with every request (e.g. X-Forwarded-For, to be another address behind TRUST_PROXY). */
    private readonly extraHeaders: Record<string, string> = {},
  ) {}

  get cookieHeader(): string | undefined {
    return this.cookie;
  }

  /**
   * The same browser (cookie and CSRF token as they are now) talking to another server, e.g.
   * another instance behind a load balancer; the two copies go on separately from here.
   */
  at(baseUrl: string): HttpVisitor {
    const copy = new HttpVisitor(baseUrl, this.timeoutMs, this.extraHeaders);
    copy.cookie = this.cookie;
    copy.token = this.token;
    return copy;
  }

  private remember(res: Response, body: string): HttpResponse {
    const set = res.headers.getSetCookie()[0];
    const fresh = csrfTokenIn(body);
    if (set) {
      this.cookie = set.split(';')[0];
      this.token = fresh;
    } else if (fresh) {
      this.token = fresh;
    }
    return { status: res.status, headers: res.headers, body };
  }

  async request(method: string, url: string, init: { body?: BodyInit; headers?: Record<string, string>; htmx?: boolean } = {}) {
    const res = await fetch(`${this.baseUrl}${url}`, {
      method,
      redirect: 'manual',
      signal: AbortSignal.timeout(this.timeoutMs),
      headers: {
        ...this.extraHeaders,
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(init.htmx ? { 'hx-request': 'true' } : {}),
        ...init.headers,
      },
      ...(init.body !== undefined ? { body: init.body } : {}),
    });
    return this.remember(res, await res.text());
  }

  async csrfToken(): Promise<string> {
    if (!this.token) await this.get('/');
    return this.token ?? '';
  }

  get(url: string, options: { htmx?: boolean } = {}) {
    return this.request('GET', url, options);
  }

  /** A form post; the CSRF token goes as a header (as htmx sends it). */
  async post(url: string, form: Record<string, string> = {}, options: { htmx?: boolean } = {}) {
    const token = await this.csrfToken();
    return this.request('POST', url, {
      body: new URLSearchParams(form).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-csrf-token': token },
      ...options,
    });
  }

  async upload(url: string, fields: Record<string, string>, files: UploadFile[], options: { htmx?: boolean } = {}) {
    const token = await this.csrfToken();
    const body = multipart(fields, files);
    return this.request('POST', url, {
      body: new Uint8Array(body.payload),
      headers: { ...body.headers, 'x-csrf-token': token },
      ...options,
    });
  }
}

/** The session id from a `/session/:id/...` Location header. */
export function sessionIdFromLocation(res: HttpResponse): string {
  const match = /\/session\/([^/]+)\//.exec(res.headers.get('location') ?? '');
  if (!match?.[1]) throw new Error(`No session id in the redirect (status ${res.status}): ${res.body.slice(0, 300)}`);
  return match[1];
}

export interface HttpQuestion {
  id: string;
  number: number;
  kind: string;
}

/** Creates an interview and gives it the fixture CV and job description; returns its id. */
export async function setUpSessionOverHttp(
  visitor: HttpVisitor,
  { cv, job, jobTitle = 'Senior Backend Engineer' }: { cv: { name: string; content: Buffer }; job: string; jobTitle?: string },
): Promise<string> {
  const created = await visitor.post('/session/create', { job_title: jobTitle, company_name: 'Northwind Health', interview_type: 'mixed' });
  if (created.status !== 303) throw new Error(`create: ${created.status} ${created.body.slice(0, 300)}`);
  const id = sessionIdFromLocation(created);
  const upload = await visitor.upload(`/session/${id}/upload-cv`, {}, [{ field: 'cv_file', fileName: cv.name, content: cv.content }]);
  if (upload.status !== 303) throw new Error(`upload-cv: ${upload.status} ${upload.body.slice(0, 300)}`);
  const jobRes = await visitor.post(`/session/${id}/upload-job`, { job_description: job });
  if (jobRes.status !== 303) throw new Error(`upload-job: ${jobRes.status} ${jobRes.body.slice(0, 300)}`);
  return id;
}

/** The question the interview page shows, or null (read with regexes: no DOM needed). */
export function questionIn(body: string): HttpQuestion | null {
  const q = /<h2 id="question" data-question-number="(\d+)" data-kind="([a-z_]+)"/.exec(body);
  const id = /name="question_id" value="([^"]+)"/.exec(body);
  if (!q || !id) return null;
  return { id: id[1]!, number: Number(q[1]), kind: q[2]! };
}
