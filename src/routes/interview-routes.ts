import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isAppError, type AppError } from '../errors.js';
import type { SessionRow } from '../repositories/sessions-repository.js';
import type { InterviewState } from '../services/interview-state.js';
import { visitorId } from './visitor.js';
import { isHtmx, render, seeOther } from './render.js';
import { countWords, sessionView, TOTAL_QUESTIONS } from './view-models.js';
import { startingLevel } from '../intelligence/difficulty.js';
import { currentLevelOf } from '../services/interview-state.js';

interface IdParams {
  id: string;
}

/** The decision taken after the latest answer, shown above the question it led to. */
function latestDecision(state: InterviewState) {
  return state.exchanges.filter((e) => e.answer).at(-1)?.answer?.decision ?? null;
}

interface AnswerBody {
  answer?: string;
  question_id?: string;
  recording_id?: string;
}

export async function interviewRoutes(app: FastifyInstance) {
  const { interview, feedback, sessions } = app.services;

  function interviewData(session: SessionRow, state: InterviewState, extra: Record<string, unknown> = {}) {
    return {
      title: `${session.jobTitle} — interview`,
      session: sessionView(session),
      state,
      // The level the waiting (or next) question is asked at, and the decision that set it.
      level: currentLevelOf(state) ?? startingLevel(session.difficulty, session.cvText, session).level,
      decision: latestDecision(state),
      total: TOTAL_QUESTIONS,
      answerMaxChars: app.config.answerMaxChars,
      // The recorder says once when captions are off (views/partials/_recorder.eta).
      transcriber: app.services.transcriber.status(),
      ...extra,
    };
  }

  /** Shows the interview where it stands, with the error and the user's unsent answer. */
  function renderInterviewError(request: FastifyRequest<{ Params: IdParams }>, reply: FastifyReply, error: AppError, answerDraft?: string) {
    const { session, state } = interview.peek(request.params.id, visitorId(request));
    const data = interviewData(session, state, { error, answerDraft });
    return render(reply, isHtmx(request) ? 'partials/_interview' : 'pages/interview', data, error.statusCode);
  }

  app.get<{ Params: IdParams }>('/session/:id/interview', async (request, reply) => {
    const { session, state } = await interview.resume(request.params.id, visitorId(request));
    return render(reply, isHtmx(request) ? 'partials/_interview' : 'pages/interview', interviewData(session, state));
  });

  app.post<{ Params: IdParams }>('/session/:id/start', async (request, reply) => {
    const owner = visitorId(request);
    try {
      const { session } = await interview.start(request.params.id, owner);
      return seeOther(reply, `/session/${session.id}/interview`);
    } catch (error) {
      if (!isAppError(error) || error.statusCode === 404) throw error;
      const session = sessions.owned(request.params.id, owner);
      if (session.status === 'draft') {
        const data = { title: `${session.jobTitle} — set up`, session: sessionView(session), section: 'start', error,
          maxUploadMb: Math.round(app.config.maxUploadBytes / 1024 / 1024), jobWordCount: countWords(session.jobDescription),
          startLevel: startingLevel(session.difficulty, session.cvText, session) };
        return render(reply, 'pages/upload', data, error.statusCode);
      }
      return renderInterviewError(request, reply, error);
    }
  });

  app.post<{ Params: IdParams; Body: AnswerBody | undefined }>('/session/:id/message', async (request, reply) => {
    const body = request.body ?? {};
    const answer = typeof body.answer === 'string' ? body.answer : '';
    const recordingId = typeof body.recording_id === 'string' && /^[\w-]{1,64}$/.test(body.recording_id) ? body.recording_id : null;
    try {
      const { session, state } = await interview.answer(request.params.id, visitorId(request), {
        answer,
        questionId: typeof body.question_id === 'string' && body.question_id ? body.question_id : undefined,
        recordingId,
      });
      if (!isHtmx(request)) return seeOther(reply, `/session/${session.id}/interview`);
      return render(reply, 'partials/_interview', interviewData(session, state));
    } catch (error) {
      if (!isAppError(error) || error.statusCode === 404) throw error;
      // Keep the text unless it was stored: a refused double submit must not refill the box.
      const keep = !['ALREADY_ANSWERED', 'AI_UNAVAILABLE', 'AI_BUSY'].includes(error.code);
      return renderInterviewError(request, reply, error, keep ? answer : undefined);
    }
  });

  app.post<{ Params: IdParams }>('/session/:id/complete', async (request, reply) => {
    try {
      await feedback.complete(request.params.id, visitorId(request));
    } catch (error) {
      if (!isAppError(error) || error.statusCode === 404) throw error;
      return renderInterviewError(request, reply, error);
    }
    const url = `/session/${request.params.id}/feedback`;
    // htmx follows a 303 with an XHR and would swap the whole page into #interview;
    // HX-Redirect makes it navigate instead.
    if (isHtmx(request)) return reply.header('HX-Redirect', url).code(204).send();
    return seeOther(reply, url);
  });
}
