import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isAppError, type AppError } from '../errors.js';
import { visitorId } from './visitor.js';
import { isHtmx, NOTICES, render, seeOther } from './render.js';
import { interviewData, STEP_GRACE_MS } from '../views/interview-view.js';
import { uploadPageData } from '../views/upload-view.js';
import { isPlainNavigation, leaveFlash, takeFlash } from './flash.js';
import { setShowScores, showScoresOf } from './preferences.js';
import { AnswerForm, formOf, IdParams, PreferencesForm, typedRoutes } from './schemas.js';

/** A recording id as the recorder sends it; any other value is ignored (the answer is stored without metrics). */
const RECORDING_ID = /^[\w-]{1,64}$/;

export async function interviewRoutes(plain: FastifyInstance) {
  const app = typedRoutes(plain);
  const { interview, feedback, sessions } = app.services;
  const grace = { waitMs: STEP_GRACE_MS };

  const interviewUrl = (id: string) => `/session/${id}/interview`;

  /**
   * Shows the interview where it stands, with the error and the user's unsent answer. A form
   * sent without JavaScript is sent back to the interview's URL instead (Post/Redirect/Get),
   * with the message and the text in a flash (flash.ts).
   */
  async function renderInterviewError(id: string, request: FastifyRequest, reply: FastifyReply, error: AppError, answerDraft?: string) {
    const url = interviewUrl(id);
    if (isPlainNavigation(request) && leaveFlash(request, url, error, answerDraft !== undefined ? { draft: answerDraft } : {})) return seeOther(reply, url);
    const { session, state } = await interview.peek(id, visitorId(request));
    const data = interviewData(app, session, state, { error, showScores: showScoresOf(request), ...(answerDraft !== undefined ? { answerDraft } : {}) });
    return render(reply, isHtmx(request) ? 'partials/_interview' : 'pages/interview', data, error.statusCode);
  }

  /**
   * The interview while the AI queue is full: not an error for the candidate (their answer is
   * stored) but a wait, which the page follows and retries by itself (interview-events.ts).
   */
  async function renderBusy(id: string, request: FastifyRequest, reply: FastifyReply) {
    const { session, state } = await interview.peek(id, visitorId(request));
    return render(reply, isHtmx(request) ? 'partials/_interview' : 'pages/interview', interviewData(app, session, state, { busy: true, showScores: showScoresOf(request) }));
  }

  app.get('/session/:id/interview', { schema: { params: IdParams } }, async (request, reply) => {
    try {
      const { session, state } = await interview.resume(request.params.id, visitorId(request), grace);
      // A form refused without JavaScript comes back here with its message and text (flash.ts).
      const flash = takeFlash(request, interviewUrl(session.id));
      const extra = flash ? { error: flash.error, ...(flash.draft !== undefined ? { answerDraft: flash.draft } : {}) } : {};
      return render(reply, isHtmx(request) ? 'partials/_interview' : 'pages/interview', interviewData(app, session, state, { ...extra, showScores: showScoresOf(request) }));
    } catch (error) {
      // The interviewer failed right away (every provider down): the page says so.
      if (!isAppError(error) || error.statusCode === 404) throw error;
      if (error.code === 'AI_BUSY') return renderBusy(request.params.id, request, reply);
      return renderInterviewError(request.params.id, request, reply, error);
    }
  });

  app.post('/session/:id/start', { schema: { params: IdParams } }, async (request, reply) => {
    const owner = visitorId(request);
    try {
      const { session } = await interview.start(request.params.id, owner, grace);
      return seeOther(reply, `/session/${session.id}/interview`);
    } catch (error) {
      if (!isAppError(error) || error.statusCode === 404) throw error;
      const session = await sessions.owned(request.params.id, owner);
      if (session.status === 'draft') {
        const uploadUrl = `/session/${session.id}/upload`;
        if (isPlainNavigation(request) && leaveFlash(request, uploadUrl, error, { section: 'start' })) return seeOther(reply, uploadUrl);
        return render(reply, 'pages/upload', uploadPageData(session, app.config.maxUploadBytes, { section: 'start', error }), error.statusCode);
      }
      return renderInterviewError(request.params.id, request, reply, error);
    }
  });

  app.post('/session/:id/message', { schema: { params: IdParams, body: AnswerForm }, attachValidation: true }, async (request, reply) => {
    const form = formOf(AnswerForm, request);
    const answer = form.answer ?? '';
    const recordingId = form.recording_id !== undefined && RECORDING_ID.test(form.recording_id) ? form.recording_id : null;
    try {
      // The answer is stored first; the interviewer's turn then has a moment to finish (the
      // offline interviewer always does), after which the page follows it live.
      const { session, state, recordingExpired } = await interview.answer(
        request.params.id,
        visitorId(request),
        { answer, questionId: form.question_id || undefined, recordingId },
        grace,
      );
      // Never silently: an answer whose recording had expired says it was stored without metrics.
      if (!isHtmx(request)) return seeOther(reply, `/session/${session.id}/interview${recordingExpired ? '?done=recording-expired' : ''}`);
      return render(reply, 'partials/_interview', interviewData(app, session, state, { showScores: showScoresOf(request), ...(recordingExpired ? { flash: NOTICES['recording-expired'] } : {}) }));
    } catch (error) {
      if (!isAppError(error) || error.statusCode === 404) throw error;
      // Stored, and waiting for room in the AI queue: the page waits with it.
      if (error.code === 'AI_BUSY') return isHtmx(request) ? renderBusy(request.params.id, request, reply) : seeOther(reply, `/session/${request.params.id}/interview`);
      // Keep the text unless it was stored: a refused double submit must not refill the box.
      const keep = !['ALREADY_ANSWERED', 'AI_UNAVAILABLE', 'AI_BUSY'].includes(error.code);
      return renderInterviewError(request.params.id, request, reply, error, keep ? answer : undefined);
    }
  });

  app.post('/session/:id/complete', { schema: { params: IdParams } }, async (request, reply) => {
    try {
      await feedback.complete(request.params.id, visitorId(request));
    } catch (error) {
      if (!isAppError(error) || error.statusCode === 404) throw error;
      return renderInterviewError(request.params.id, request, reply, error);
    }
    const url = `/session/${request.params.id}/feedback`;
    // htmx follows a 303 with an XHR and would swap the whole page into #interview;
    // HX-Redirect makes it navigate instead.
    if (isHtmx(request)) return reply.header('HX-Redirect', url).code(204).send();
    return seeOther(reply, url);
  });

  /** "Show my score after each answer" (off by default): a preference of this browser (preferences.ts). */
  app.post('/session/:id/preferences', { schema: { params: IdParams, body: PreferencesForm }, attachValidation: true }, async (request, reply) => {
    const { session, state } = await interview.peek(request.params.id, visitorId(request)); // 404 unless theirs
    setShowScores(request, formOf(PreferencesForm, request).show_scores === 'on');
    if (!isHtmx(request)) return seeOther(reply, interviewUrl(session.id));
    return render(reply, 'partials/_interview', interviewData(app, session, state, { showScores: showScoresOf(request) }));
  });
}
