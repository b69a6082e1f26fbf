import type { FastifyInstance, FastifyReply } from 'fastify';
import { isAppError, type AppError } from '../errors.js';
import { feedbackMarkdown, markdownFileName } from '../views/feedback-markdown.js';
import { feedbackPageData, feedbackPresentation } from '../views/feedback-view.js';
import { retryPageData } from '../views/retry-view.js';
import type { RetryView } from '../services/retry-service.js';
import type { FeedbackView } from '../services/feedback-service.js';
import { checkRouteLimit } from '../security/policy.js';
import { visitorId } from './visitor.js';
import { isHtmx, render, seeOther } from './render.js';
import { voiceView } from '../views/voice-view.js';
import { formOf, IdParams, RetryForm, RetryParams, typedRoutes } from './schemas.js';

/** "3" → 3; anything else → NaN (the service answers 404 for it). */
const questionNumber = (raw: string) => (/^\d{1,2}$/.test(raw) ? Number(raw) : Number.NaN);

/** The feedback as a Markdown download (the page's export, and the API's). */
export function sendFeedbackMarkdown(reply: FastifyReply, view: FeedbackView) {
  const { session, feedback } = view;
  return reply
    .header('Content-Disposition', `attachment; filename="${markdownFileName(session.jobTitle, feedback.createdAt)}"`)
    .header('Cache-Control', 'no-store')
    .type('text/markdown; charset=utf-8')
    .send(feedbackMarkdown(feedbackPresentation(view)));
}

export async function feedbackRoutes(plain: FastifyInstance) {
  const app = typedRoutes(plain);
  /** FEEDBACK_NOT_READY as a page with a way back to the interview; anything else goes to the error handler. */
  function notReady(id: string, reply: FastifyReply, error: unknown) {
    if (!isAppError(error) || error.code !== 'FEEDBACK_NOT_READY') throw error;
    return render(
      reply,
      'pages/error',
      { title: 'No feedback yet', heading: 'No feedback yet', error, backUrl: `/session/${id}/interview`, backLabel: 'Back to the interview' },
      error.statusCode,
    );
  }

  app.get('/session/:id/feedback', { schema: { params: IdParams } }, async (request, reply) => {
    try {
      const view = await app.services.feedback.get(request.params.id, visitorId(request));
      return render(reply, 'pages/feedback', feedbackPageData(view, voiceView(app, view.session)));
    } catch (error) {
      return notReady(request.params.id, reply, error);
    }
  });

  app.get('/session/:id/feedback.md', { schema: { params: IdParams } }, async (request, reply) => {
    try {
      return sendFeedbackMarkdown(reply, await app.services.feedback.get(request.params.id, visitorId(request)));
    } catch (error) {
      return notReady(request.params.id, reply, error);
    }
  });

  const retryData = (view: RetryView, extra: { error?: AppError; answerDraft?: string } = {}) => retryPageData(view, app.config.answerMaxChars, extra);

  app.get('/session/:id/retry/:n', { schema: { params: RetryParams } }, async (request, reply) => {
    const view = await app.services.retry.view(request.params.id, visitorId(request), questionNumber(request.params.n));
    return render(reply, isHtmx(request) ? 'partials/_retry' : 'pages/retry', retryData(view));
  });

  app.post('/session/:id/retry/:n', { schema: { params: RetryParams, body: RetryForm }, attachValidation: true }, async (request, reply) => {
    const owner = visitorId(request);
    const n = questionNumber(request.params.n);
    const answer = formOf(RetryForm, request).answer ?? '';
    try {
      // Checked here rather than before the body is read, so a refused retry keeps its text.
      await checkRouteLimit(request, reply);
      const view = await app.services.retry.submit(request.params.id, owner, n, answer);
      if (!isHtmx(request)) return seeOther(reply, `/session/${request.params.id}/retry/${n}`);
      return render(reply, 'partials/_retry', retryData(view));
    } catch (error) {
      // Unknown session or question, or a retry before the interview is finished: the error page.
      if (!isAppError(error) || error.statusCode === 404 || error.code === 'INTERVIEW_NOT_COMPLETED') throw error;
      // Too short, too long, or not scored: the form again, with the text as it was typed.
      const view = await app.services.retry.view(request.params.id, owner, n);
      return render(reply, isHtmx(request) ? 'partials/_retry' : 'pages/retry', retryData(view, { error, answerDraft: answer }), error.statusCode);
    }
  });
}
