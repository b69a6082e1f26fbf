/**
 * Deleting one interview: a confirmation page (GET), then the real thing (POST with
 * `confirm=yes`). The interview, its CV text, answers, feedback and any stored recordings are
 * gone afterwards. Someone else's id is a 404, like everywhere else.
 */
import type { FastifyInstance } from 'fastify';
import { Errors } from '../errors.js';
import { visitorId } from './visitor.js';
import { render, seeOther } from './render.js';
import { sessionView, statusLabel } from '../views/session-view.js';
import { ConfirmForm, formOf, IdParams, typedRoutes } from './schemas.js';

export async function dataRoutes(plain: FastifyInstance) {
  const app = typedRoutes(plain);
  const { sessions, deletion } = app.services;

  async function confirmPage(id: string, owner: string) {
    const session = await sessions.owned(id, owner);
    return { title: `Delete “${session.jobTitle}”`, session: { ...sessionView(session), statusLabel: statusLabel(session.status) } };
  }

  app.get('/session/:id/delete', { schema: { params: IdParams } }, async (request, reply) =>
    render(reply, 'pages/session-delete', await confirmPage(request.params.id, visitorId(request))),
  );

  app.post('/session/:id/delete', { schema: { params: IdParams, body: ConfirmForm }, attachValidation: true }, async (request, reply) => {
    const owner = visitorId(request);
    if (formOf(ConfirmForm, request).confirm !== 'yes') {
      const error = Errors.confirmationRequired();
      return render(reply, 'pages/session-delete', { ...(await confirmPage(request.params.id, owner)), error }, error.statusCode);
    }
    await deletion.deleteSession(request.params.id, owner);
    return seeOther(reply, '/dashboard?done=session-deleted');
  });
}
