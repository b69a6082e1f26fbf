/**
 * Test helpers: the real app on a fresh in-memory database, and a tiny "browser" that keeps
 * the visitor cookie between requests, like a real one would.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { test } from 'vitest';
import { buildApp, type AppDeps } from '../../src/app.js';
import { testConfig, type AppConfig } from '../../src/config.js';
import { testAppPostgres } from './test-app-postgres.js';

/**
 * The real app on a fresh in-memory SQLite database — or, with TEST_APP_DATABASE=postgres (and
 * TEST_DATABASE_URL), on a fresh Postgres database of its own, dropped when the app closes
 * (tests that choose a SQLite file with `databasePath` keep it).
 */
export async function createTestApp(overrides: Partial<AppConfig> = {}, deps: AppDeps = {}): Promise<FastifyInstance> {
  const onPostgres = process.env.TEST_APP_DATABASE === 'postgres' && overrides.databasePath === undefined && overrides.postgres === undefined;
  const database = onPostgres ? await testAppPostgres() : null;
  const config = testConfig(database ? { ...overrides, postgres: database.settings, migrateOnStart: false } : overrides);
  const app = await buildApp(config, deps).catch(async (error: unknown) => {
    await database?.drop();
    throw error;
  });
  if (database) {
    // Dropped once the app has closed, its pool included. Not an onClose hook: those run
    // last-added first, so it would drop the database under the app's own closing work.
    const close = app.close.bind(app);
    app.close = (async () => {
      await close();
      await database.drop();
    }) as FastifyInstance['close'];
  }
  await app.ready();
  return app;
}

export interface TestAppOptions {
  /** Config overrides (on top of `testConfig()`) for the `app` fixture, or a function making them for every app. */
  config?: Partial<AppConfig> | (() => Partial<AppConfig>);
  /**
   * Dependencies for the `app` fixture (providers, transcriber, log stream...), or a function
   * that makes them, called for every app (so a stateful fake is fresh for each test).
   */
  deps?: AppDeps | (() => AppDeps);
  /**
   * 'test' (the default): a fresh app and visitor for every test, closed after it — what a
   * beforeEach/afterEach pair gave. 'file': one app and one visitor shared by the tests of the
   * file that use this `test` (built for the first of them, closed after the file) — what a
   * beforeAll/afterAll pair gave; each `useTestApp({ scope: 'file' })` call has its own app.
   */
  scope?: 'test' | 'file';
  /**
   * Per-test scope only. true (the default): the app is built in a beforeEach hook registered
   * where `useTestApp` is called, so its start-up counts against the hook timeout, not the
   * test's — as with the beforeEach it replaces. false: built when a test first asks for it;
   * for files whose tests make their own apps with `makeApp`.
   */
  eager?: boolean;
}

/** Apps a test builds itself (several configs in one file), all closed after the test. */
export type MakeApp = (overrides?: Partial<AppConfig>, deps?: AppDeps) => Promise<FastifyInstance>;

// Built when a test file asks for it, not at import: the benchmarks import this file's helpers
// (Visitor, multipart) outside Vitest, where `test.extend` throws.
function withMakeApp() {
  return test.extend('makeApp', async ({}, { onCleanup }) => {
    const apps: FastifyInstance[] = [];
    onCleanup(async () => {
      for (const app of apps.splice(0)) await app.close();
    });
    const make: MakeApp = async (overrides = {}, deps = {}) => {
      const app = await createTestApp(overrides, deps);
      apps.push(app);
      return app;
    };
    return make;
  });
}

const depsOf = (deps: AppDeps | (() => AppDeps)): AppDeps => (typeof deps === 'function' ? deps() : deps);
const configOf = (config: Partial<AppConfig> | (() => Partial<AppConfig>)) => (typeof config === 'function' ? config() : config);

function perTest(config: Partial<AppConfig> | (() => Partial<AppConfig>), deps: AppDeps | (() => AppDeps)) {
  return withMakeApp()
    .extend('appConfig', (): Partial<AppConfig> => configOf(config))
    .extend('appDeps', (): AppDeps => depsOf(deps))
    .extend('app', async ({ appConfig, appDeps }, { onCleanup }) => {
      const app = await createTestApp(appConfig, appDeps);
      onCleanup(() => app.close());
      return app;
    })
    .extend('visitor', ({ app }) => new Visitor(app));
}

function perFile(config: Partial<AppConfig> | (() => Partial<AppConfig>), deps: AppDeps | (() => AppDeps)) {
  return withMakeApp()
    .extend('appConfig', { scope: 'file' }, (): Partial<AppConfig> => configOf(config))
    .extend('appDeps', { scope: 'file' }, (): AppDeps => depsOf(deps))
    .extend('app', { scope: 'file' }, async ({ appConfig, appDeps }, { onCleanup }) => {
      const app = await createTestApp(appConfig, appDeps);
      onCleanup(() => app.close());
      return app;
    })
    .extend('visitor', { scope: 'file' }, ({ app }) => new Visitor(app));
}

/**
 * The one app fixture for integration tests: a Vitest `test` whose tests (and hooks) can ask
 * for `app` (the real app from createTestApp, closed after), `visitor` (a `Visitor` of that
 * app) and `makeApp` (for a test that needs apps with other configs; they are closed after it).
 *
 *     const test = useTestApp({ config: { rateLimits: NO_RATE_LIMITS } });
 *     test('...', async ({ app, visitor }) => { ... });
 *
 * With the default per-test scope, `test.override({ appConfig: {...} })` (or `appDeps`) inside
 * a describe block gives its tests an app built with other options.
 */
export function useTestApp(options: TestAppOptions & { scope: 'file' }): ReturnType<typeof perFile>;
export function useTestApp(options?: TestAppOptions & { scope?: 'test' }): ReturnType<typeof perTest>;
export function useTestApp({ config = {}, deps = {}, scope = 'test', eager = true }: TestAppOptions = {}) {
  if (scope === 'file') return perFile(config, deps);
  const extended = perTest(config, deps);
  if (eager) extended.beforeEach(async ({ app }) => void app);
  return extended;
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

export interface RequestOptions {
  /** Send the request as htmx would: `HX-Request` header, CSRF token as a header. */
  htmx?: boolean;
  /**
   * The CSRF token to send. Default: the one the last page carried (fetched from `/` when
   * there is none yet), as a `_csrf` field like a plain form, or as a header for htmx.
   * `false` sends none (a cross-site form); a string sends that value instead.
   */
  csrf?: boolean | string;
  /** More request headers (e.g. what a browser sends with a form: Sec-Fetch-Mode, Sec-Fetch-Dest). */
  headers?: Record<string, string>;
}

/** The token in a page's `<meta name="csrf-token">`, if it has one. */
export function csrfTokenIn(body: string): string | undefined {
  return /<meta name="csrf-token" content="([^"]+)">/.exec(body)?.[1];
}

export class Visitor {
  private cookie: string | undefined;
  /** The CSRF token that goes with `cookie` (read from the pages it was served). */
  private token: string | undefined;

  /** `remoteAddress`: the client address the app sees (default 127.0.0.1), for per-address limits. */
  constructor(
    private readonly app: FastifyInstance,
    private readonly remoteAddress?: string,
  ) {}

  /**
   * The same browser (cookie and CSRF token) talking to another instance of the app, as when a
   * load balancer sends its next request elsewhere. The instances must share SESSION_SECRET
   * (testConfig's is fixed) and the database.
   */
  at(other: FastifyInstance): Visitor {
    const same = new Visitor(other, this.remoteAddress);
    same.cookie = this.cookie;
    same.token = this.token;
    return same;
  }

  /** The visitor cookie as sent back (`rehearse_session=...`), e.g. to tamper with it. */
  get cookieHeader(): string | undefined {
    return this.cookie;
  }

  private remember(response: LightMyRequestResponse) {
    const set = response.headers['set-cookie'];
    const first = Array.isArray(set) ? set[0] : set;
    const fresh = csrfTokenIn(response.body);
    if (first) {
      this.cookie = first.split(';')[0];
      // A new cookie may hold a new CSRF secret: keep only a token served with it.
      this.token = fresh;
    } else if (fresh) {
      this.token = fresh;
    }
    return response;
  }

  private headers(extra: Record<string, string> = {}, htmx = false) {
    return { ...(this.cookie ? { cookie: this.cookie } : {}), ...(htmx ? { 'hx-request': 'true' } : {}), ...extra };
  }

  /** The CSRF token a page would give this visitor right now. */
  async csrfToken(): Promise<string> {
    if (!this.token) await this.get('/');
    if (!this.token) throw new Error('The landing page carried no <meta name="csrf-token">');
    return this.token;
  }

  private async tokenFor(options: RequestOptions): Promise<string | undefined> {
    if (options.csrf === false) return undefined;
    if (typeof options.csrf === 'string') return options.csrf;
    return this.csrfToken();
  }

  async get(url: string, options: { htmx?: boolean } = {}) {
    return this.remember(await this.app.inject({ method: 'GET', url, headers: this.headers({}, options.htmx), remoteAddress: this.remoteAddress }));
  }

  /** A form post; `form` may be URLSearchParams for a field sent more than once (checkboxes). */
  async post(url: string, form: Record<string, string> | URLSearchParams = {}, options: RequestOptions = {}) {
    const token = await this.tokenFor(options);
    const asField = token !== undefined && !options.htmx;
    const fields = new URLSearchParams(asField ? { _csrf: token } : {});
    for (const [key, value] of form instanceof URLSearchParams ? form : Object.entries(form)) fields.append(key, value);
    return this.remember(
      await this.app.inject({
        method: 'POST',
        url,
        remoteAddress: this.remoteAddress,
        payload: fields.toString(),
        headers: this.headers(
          {
            'content-type': 'application/x-www-form-urlencoded',
            ...(token !== undefined && options.htmx ? { 'x-csrf-token': token } : {}),
            ...options.headers,
          },
          options.htmx,
        ),
      }),
    );
  }

  /** A multipart form; without htmx the token is its first field, as the page's form sends it. */
  async upload(url: string, fields: Record<string, string>, files: UploadFile[], options: RequestOptions = {}) {
    const token = await this.tokenFor(options);
    const asField = token !== undefined && !options.htmx;
    const body = multipart(asField ? { _csrf: token, ...fields } : fields, files);
    const headers = { ...body.headers, ...(token !== undefined && options.htmx ? { 'x-csrf-token': token } : {}) };
    return this.remember(
      await this.app.inject({ method: 'POST', url, payload: body.payload, headers: this.headers(headers, options.htmx), remoteAddress: this.remoteAddress }),
    );
  }
}

/** The session id from a `/session/:id/...` redirect. */
export function sessionIdFrom(location: string | undefined): string {
  const match = /\/session\/([^/]+)\//.exec(location ?? '');
  if (!match?.[1]) throw new Error(`No session id in ${location}`);
  return match[1];
}
