import type { FastifyInstance } from 'fastify';
import { visitorId } from './visitor.js';
import { render, seeOther } from './render.js';
import { progressPageData } from '../views/progress-view.js';

export async function progressRoutes(app: FastifyInstance) {
  const { progress } = app.services;

  app.get('/progress', async (request, reply) => render(reply, 'pages/progress', progressPageData(await progress.overview(visitorId(request)))));

  // A plain form (no field but the CSRF token; body limit in security/policy.ts). Post/Redirect/Get
  // to the new draft's set-up page, where the copied CV and job description can be reviewed or
  // replaced before starting.
  app.post('/progress/focused-interview', async (request, reply) => {
    const result = await progress.startFocused(visitorId(request));
    if (result.kind === 'created') return seeOther(reply, `/session/${result.session.id}/upload`);
    // No interview to copy from: the create page. Interviews but none finished: the list of them.
    return seeOther(reply, result.kind === 'no-interview' ? '/?done=focus-no-interview' : '/dashboard?done=focus-no-plan');
  });
}
