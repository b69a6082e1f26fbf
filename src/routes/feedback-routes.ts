import type { FastifyInstance } from 'fastify';
import { isAppError } from '../errors.js';
import { deliveryView } from '../speech/delivery.js';
import { visitorId } from './visitor.js';
import { render } from './render.js';
import { CRITERION_LABELS, formatDate, providerLabel, sessionView } from './view-models.js';

interface IdParams {
  id: string;
}

const SCALE_HINT = '1–3: not ready yet · 4–6: some solid points, gaps to close · 7–8: strong · 9–10: exceptional.';

export async function feedbackRoutes(app: FastifyInstance) {
  app.get<{ Params: IdParams }>('/session/:id/feedback', async (request, reply) => {
    try {
      const { session, feedback, answers, spoken } = app.services.feedback.get(request.params.id, visitorId(request));
      return render(reply, 'pages/feedback', {
        title: `${session.jobTitle} — feedback`,
        session: sessionView(session),
        summary: feedback.summary,
        answers,
        criterionLabels: CRITERION_LABELS,
        providerLabel: providerLabel(feedback.provider),
        createdAt: feedback.createdAt,
        createdLabel: formatDate(feedback.createdAt),
        scaleHint: SCALE_HINT,
        // Voice answers: the Delivery section (null when no answer was spoken).
        delivery: deliveryView(spoken),
      });
    } catch (error) {
      if (!isAppError(error) || error.code !== 'FEEDBACK_NOT_READY') throw error;
      return render(
        reply,
        'pages/error',
        { title: 'No feedback yet', heading: 'No feedback yet', error, backUrl: `/session/${request.params.id}/interview`, backLabel: 'Back to the interview' },
        error.statusCode,
      );
    }
  });
}
