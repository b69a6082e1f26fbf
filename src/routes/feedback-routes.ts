import type { FastifyInstance, FastifyReply } from 'fastify';
import { questionScore as sharedQuestionScore } from '../intelligence/scores.js';
import { isAppError, type AppError } from '../errors.js';
import { coverageView } from '../views/feedback-insights.js';
import { feedbackMarkdown, markdownFileName } from '../views/feedback-markdown.js';
import { feedbackPresentation } from '../views/feedback-view.js';
import type { RetryView } from '../services/retry-service.js';
import type { FeedbackView } from '../services/feedback-service.js';
import { checkRouteLimit } from '../security/policy.js';
import { visitorId } from './visitor.js';
import { isHtmx, render, seeOther } from './render.js';
import { CRITERION_LABELS, inSentence, LEVEL_LABELS, REQUIREMENT_STATUS_LABELS } from '../views/labels.js';
import { formatDate, sessionView } from '../views/session-view.js';
import { voiceView } from '../views/voice-view.js';
import { formOf, IdParams, RetryForm, RetryParams, typedRoutes } from './schemas.js';

const SCALE_HINT = '1–3: not ready yet · 4–6: some solid points, gaps to close · 7–8: strong · 9–10: exceptional.';

/** A question's score as the progress page counts it (the better of the answer and its follow-up). */
const questionScore = (a: { evaluation: { score: number }; followUp?: { evaluation: { score: number } } | undefined }) =>
  sharedQuestionScore(a.evaluation.score, a.followUp?.evaluation.score) ?? a.evaluation.score;

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
      const view = app.services.feedback.get(request.params.id, visitorId(request));
      const shown = feedbackPresentation(view);
      return render(reply, 'pages/feedback', {
        ...shown,
        title: `${view.session.jobTitle} — feedback`,
        session: sessionView(view.session),
        questionScore,
        // Older interviews have no levels: the adaptive section then says so instead of "nothing changed".
        adaptiveRecorded: [...shown.insights.values()].some((i) => i.level !== null),
        retries: new Map(shown.retries.map((r) => [r.questionNumber, r] as const)),
        levelLabels: LEVEL_LABELS,
        requirementLabels: REQUIREMENT_STATUS_LABELS,
        inSentence,
        createdLabel: formatDate(shown.createdAt),
        scaleHint: SCALE_HINT,
        // Consent to recording: shown (and withdrawable) once it was ever given (issue 14).
        voice: voiceView(app, view.session),
      });
    } catch (error) {
      return notReady(request.params.id, reply, error);
    }
  });

  app.get('/session/:id/feedback.md', { schema: { params: IdParams } }, async (request, reply) => {
    try {
      return sendFeedbackMarkdown(reply, app.services.feedback.get(request.params.id, visitorId(request)));
    } catch (error) {
      return notReady(request.params.id, reply, error);
    }
  });

  function retryData(view: RetryView, extra: { error?: AppError; answerDraft?: string } = {}) {
    const { session, original, latest } = view;
    return {
      title: `${session.jobTitle} — retry question ${original.questionNumber}`,
      session: sessionView(session),
      original,
      originalCoverage: coverageView(original.coverage),
      latest,
      latestCoverage: latest ? coverageView(latest.coverage) : null,
      attempts: view.attempts,
      change: view.change,
      levelLabels: LEVEL_LABELS,
      criterionLabels: CRITERION_LABELS,
      answerMaxChars: app.config.answerMaxChars,
      action: `/session/${session.id}/retry/${original.questionNumber}`,
      feedbackUrl: `/session/${session.id}/feedback#answer-${original.questionNumber}`,
      error: extra.error ?? null,
      answerDraft: extra.answerDraft ?? '',
    };
  }

  app.get('/session/:id/retry/:n', { schema: { params: RetryParams } }, async (request, reply) => {
    const view = app.services.retry.view(request.params.id, visitorId(request), questionNumber(request.params.n));
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
      const view = app.services.retry.view(request.params.id, owner, n);
      return render(reply, isHtmx(request) ? 'partials/_retry' : 'pages/retry', retryData(view, { error, answerDraft: answer }), error.statusCode);
    }
  });
}
