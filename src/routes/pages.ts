import type { FastifyInstance } from 'fastify';
import { createPathRedactor } from '../security/redact-paths.js';
import { visitorId } from './visitor.js';
import { render } from './render.js';
import { dashboardPageData } from '../views/dashboard-view.js';

export async function pageRoutes(app: FastifyInstance) {
  const redactCoveragePaths = createPathRedactor({ EMBEDDINGS_MODEL_DIR: app.config.coverage.embeddingsModelDir, DATA_DIR: app.config.dataDir });

  app.get('/', async (_request, reply) => render(reply, 'pages/index', { title: null, values: {} }));

  app.get('/dashboard', async (request, reply) => render(reply, 'pages/dashboard', dashboardPageData(await app.services.sessions.listRecent(visitorId(request)))));

  // Liveness and configuration at a glance, for operators and scripts. No secrets, and no
  // server paths: anyone can read this (the full paths are in the start-up log).
  app.get('/health', async () => ({
    status: 'ok',
    // Remote providers add their model and circuits ('open' = being skipped after failures),
    // the worst of them and one per kind of call.
    providers: app.services.aiStatus().map(({ name, remote, model, circuit, circuits }) =>
      remote ? { name, configured: true, model, circuit, circuits } : { name, configured: true },
    ),
    // { name, available, reason?, sendsAudioTo?, choice }: whether voice answers get captions,
    // where audio goes, and why this transcriber runs (never a secret).
    transcriber: { ...app.services.transcriber.status(), choice: app.services.transcriberChoice },
    // { method: embeddings|lexical, model, detail }: how answers are compared with key points.
    coverage: redactedCoverage(),
  }));

  function redactedCoverage() {
    const status = app.services.coverage.status();
    return { ...status, detail: redactCoveragePaths(status.detail) };
  }
}
