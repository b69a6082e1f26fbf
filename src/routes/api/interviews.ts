/**
 * /api/v1 interview resources: create, documents, start, answer, follow, finish, feedback,
 * retry, progress, me. Thin: each handler calls the service the pages call and presents the
 * result as JSON (present.ts). A step that waits for a model answers 202 with `Location` and
 * `Retry-After` once the moment a request waits for it has passed (STEP_GRACE_MS); the
 * resource it points to says `phase: "preparing"` until the step is done.
 */
import { PassThrough } from 'node:stream';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { isAppError } from '../../errors.js';
import type { SessionRow } from '../../repositories/sessions-repository.js';
import type { InterviewState as DomainState } from '../../interview/state.js';
import { sendFeedbackMarkdown } from '../feedback-routes.js';
import { STEP_GRACE_MS, stepStatus } from '../../views/interview-view.js';
import { sseEvent } from '../interview-events.js';
import { readMultipart } from '../uploads.js';
import { feedbackJson, interviewJson, progressJson, retryJson, stateJson, voiceConsentJson } from './present.js';
import {
  AnswerBody,
  CreateInterviewBody,
  Feedback,
  FeedbackWriting,
  IdParams,
  Interview,
  InterviewState,
  Me,
  Problem,
  Progress,
  RetryBody,
  RetryParams,
  RetryResult,
  TextDocumentBody,
  VoiceConsent,
  VoiceConsentBody,
  VoiceConsentWithdrawal,
} from './schemas.js';

const problems = { '4xx': Type.Ref(Problem), '5xx': Type.Ref(Problem) };
/** A multipart upload, as the OpenAPI document describes it (read by readMultipart, not by the schema validator). */
const FileUpload = Type.Object({ file: Type.String({ format: 'binary', description: 'PDF, DOCX or TXT.' }) });

const InterviewSummary = Type.Object({
  id: Type.String(),
  jobTitle: Type.String(),
  companyName: Type.String(),
  status: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  score: Type.Union([Type.Integer(), Type.Null()]),
});

export async function interviewApiRoutes(plain: FastifyInstance) {
  const app = plain.withTypeProvider<TypeBoxTypeProvider>();
  const { interview, sessions, feedback, retry, progress, deletion, voiceConsent } = app.services;
  const owner = (request: { apiIdentity: { ownerId: string } | null }) => request.apiIdentity!.ownerId;
  const remoteAi = () => app.services.aiStatus().some((p) => p.remote);
  const self = (id: string) => `/api/v1/interviews/${id}`;

  /** The state, as 200 when the interviewer waits for the candidate, 202 (poll `Location`) while it works. */
  function sendState(reply: FastifyReply, session: SessionRow, state: DomainState) {
    const body = stateJson(session, state, remoteAi());
    if (state.phase !== 'preparing') return reply.code(200).send(body);
    return reply.code(202).header('Location', self(session.id)).header('Retry-After', '1').send(body);
  }

  /** A full AI queue is a wait, not a failure: the answer is stored and the resource says "preparing". */
  async function orBusy(id: string, ownerId: string, reply: FastifyReply, run: () => Promise<{ session: SessionRow; state: DomainState }>) {
    try {
      const { session, state } = await run();
      return sendState(reply, session, state);
    } catch (error) {
      if (!isAppError(error) || error.code !== 'AI_BUSY') throw error;
      const { session, state } = await interview.peek(id, ownerId);
      reply.header('Retry-After', '2');
      return sendState(reply, session, state);
    }
  }

  const tags = ['interviews'];

  app.post(
    '/interviews',
    { schema: { tags, summary: 'Create an interview', body: CreateInterviewBody, response: { 201: Type.Ref(Interview), ...problems } } },
    async (request, reply) => {
      await app.limits.create(request, reply);
      const b = request.body;
      const session = await sessions.create(owner(request), {
        job_title: b.jobTitle,
        company_name: b.companyName,
        job_description: b.jobDescription,
        interview_type: b.interviewType,
        difficulty: b.difficulty,
      });
      return reply.code(201).header('Location', self(session.id)).send(interviewJson(session));
    },
  );

  app.get(
    '/interviews',
    { schema: { tags, summary: "The token owner's interviews, newest first", response: { 200: Type.Object({ interviews: Type.Array(InterviewSummary) }), ...problems } } },
    async (request) => ({
      interviews: (await sessions.listRecent(owner(request))).map((s) => ({
        id: s.id,
        jobTitle: s.jobTitle,
        companyName: s.companyName,
        status: s.status,
        createdAt: s.createdAt.toISOString(),
        score: s.overallScore,
      })),
    }),
  );

  app.get(
    '/interviews/:id',
    {
      schema: {
        tags,
        summary: 'Where the interview stands (poll this while phase is "preparing")',
        params: IdParams,
        response: { 200: Type.Ref(InterviewState), 202: Type.Ref(InterviewState), ...problems },
      },
    },
    // A step cut short (a restart) is picked up again; the request does not wait for it.
    async (request, reply) => orBusy(request.params.id, owner(request), reply, () => interview.resume(request.params.id, owner(request), { waitMs: 0 })),
  );

  app.delete(
    '/interviews/:id',
    { schema: { tags, summary: 'Delete the interview and everything in it', params: IdParams, response: { 204: Type.Null(), ...problems } } },
    async (request, reply) => {
      await sessions.owned(request.params.id, owner(request));
      await deletion.deleteSession(request.params.id, owner(request));
      return reply.code(204).send(null);
    },
  );

  app.put(
    '/interviews/:id/voice-consent',
    {
      schema: {
        tags,
        summary: 'Give consent to recording voice answers (needed before the audio socket opens)',
        description: 'What the candidate agrees to: delivery is measured from the audio, the audio goes to the transcriber named in `transcriber`, and raw audio is kept only with `rawAudio` where the operator keeps it. Giving it again updates it.',
        params: IdParams,
        body: VoiceConsentBody,
        response: { 200: Type.Ref(VoiceConsent), ...problems },
      },
    },
    async (request) => voiceConsentJson(await voiceConsent.give(request.params.id, owner(request), { rawAudio: request.body.rawAudio ?? false })),
  );

  app.delete(
    '/interviews/:id/voice-consent',
    {
      schema: {
        tags,
        summary: 'Withdraw consent: deletes the interview’s recordings, raw audio and delivery metrics (answer text stays)',
        params: IdParams,
        response: { 200: VoiceConsentWithdrawal, ...problems },
      },
    },
    async (request) => voiceConsent.withdraw(request.params.id, owner(request)),
  );

  const uploadCv = async (id: string, ownerId: string, file: Parameters<typeof sessions.uploadCv>[2]) => interviewJson(await sessions.uploadCv(id, ownerId, file));

  app.post(
    '/interviews/:id/cv',
    {
      schema: { tags, summary: 'Upload the CV (multipart, field "file")', consumes: ['multipart/form-data'], params: IdParams, body: FileUpload, response: { 200: Type.Ref(Interview), ...problems } },
      // The body is streamed by readMultipart, which checks the file itself.
      attachValidation: true,
    },
    async (request, reply) => {
      await app.limits.uploads(request, reply);
      await sessions.owned(request.params.id, owner(request));
      const { file } = request.isMultipart() ? await readMultipart(request, 'file') : { file: null };
      return uploadCv(request.params.id, owner(request), file);
    },
  );

  app.post(
    '/interviews/:id/cv-text',
    { schema: { tags, summary: 'Send the CV as plain text', params: IdParams, body: TextDocumentBody, response: { 200: Type.Ref(Interview), ...problems } } },
    async (request, reply) => {
      await app.limits.uploads(request, reply);
      const file = { bytes: Buffer.from(request.body.text, 'utf8'), fileName: request.body.fileName ?? 'cv.txt' };
      return uploadCv(request.params.id, owner(request), file);
    },
  );

  app.post(
    '/interviews/:id/job',
    { schema: { tags, summary: 'Send the job description as text', params: IdParams, body: TextDocumentBody, response: { 200: Type.Ref(Interview), ...problems } } },
    async (request, reply) => {
      await app.limits.uploads(request, reply);
      return interviewJson(await sessions.setJobDescription(request.params.id, owner(request), request.body.text, null));
    },
  );

  app.post(
    '/interviews/:id/job-file',
    {
      schema: { tags, summary: 'Upload the job description (multipart, field "file")', consumes: ['multipart/form-data'], params: IdParams, body: FileUpload, response: { 200: Type.Ref(Interview), ...problems } },
      attachValidation: true,
    },
    async (request, reply) => {
      await app.limits.uploads(request, reply);
      await sessions.owned(request.params.id, owner(request));
      const { file } = request.isMultipart() ? await readMultipart(request, 'file') : { file: null };
      return interviewJson(await sessions.setJobDescription(request.params.id, owner(request), undefined, file));
    },
  );

  app.post(
    '/interviews/:id/start',
    {
      schema: {
        tags,
        summary: 'Start: the interviewer asks question 1 (202 while it is being written)',
        params: IdParams,
        response: { 200: Type.Ref(InterviewState), 202: Type.Ref(InterviewState), ...problems },
      },
    },
    async (request, reply) => {
      await app.limits.interview(request, reply);
      return orBusy(request.params.id, owner(request), reply, () => interview.start(request.params.id, owner(request), { waitMs: STEP_GRACE_MS }));
    },
  );

  app.post(
    '/interviews/:id/answers',
    {
      schema: {
        tags,
        summary: 'Answer the waiting question; 202 while the interviewer prepares the next one',
        description: 'The answer is stored before any model is asked. Poll `Location` (or follow `/events`) until `phase` is not "preparing".',
        params: IdParams,
        body: AnswerBody,
        response: { 200: Type.Ref(InterviewState), 202: Type.Ref(InterviewState), ...problems },
      },
    },
    async (request, reply) => {
      await app.limits.interview(request, reply);
      const { questionId, answer, recordingId } = request.body;
      return orBusy(request.params.id, owner(request), reply, () =>
        interview.answer(request.params.id, owner(request), { answer, questionId, recordingId: recordingId ?? null }, { waitMs: STEP_GRACE_MS }),
      );
    },
  );

  app.get(
    '/interviews/:id/events',
    {
      schema: {
        tags,
        summary: 'Follow the interviewer at work (server-sent events)',
        description:
          'Events: `status` ({ text }) says what is happening, `question` ({ text }) is the question as the model writes it, `done` (an InterviewState) ends the stream.',
        params: IdParams,
        produces: ['text/event-stream'],
      },
    },
    async (request, reply) => {
      const ownerId = owner(request);
      const { state } = await interview.peek(request.params.id, ownerId);
      const first = state.exchanges.length === 0;
      const stream = new PassThrough();
      const send = (event: string, data: unknown) => stream.write(sseEvent(event, JSON.stringify(data)));
      let stop = () => {};
      let finished = false;
      const finish = () => {
        finished = true;
        stop();
        stream.end();
      };
      reply.raw.on('close', finish);
      const following = await interview.follow(request.params.id, ownerId, (event) => {
        if (event.type === 'text') return send('question', { text: event.text });
        if (event.type === 'done') {
          void interview
            .peek(request.params.id, ownerId)
            .then(({ session }) => send('done', stateJson(session, event.state, remoteAi())))
            .catch(() => undefined) // deleted meanwhile: the stream just ends
            .finally(finish);
          return;
        }
        if (event.type === 'failed') {
          send('error', { code: event.error.code, detail: event.error.message, status: event.error.statusCode });
          return finish();
        }
        const text = stepStatus(event, first);
        if (text) send('status', { text });
      });
      // Already over (the client went away, or the step ended) while following began: stop now.
      if (finished) following();
      else stop = following;
      return reply.header('Content-Type', 'text/event-stream; charset=utf-8').header('Cache-Control', 'no-store').send(stream);
    },
  );

  app.post(
    '/interviews/:id/finish',
    {
      schema: {
        tags,
        summary: 'Finish: write the feedback (202 while it is being written; then GET /feedback)',
        params: IdParams,
        response: { 200: Type.Ref(Feedback), 202: FeedbackWriting, ...problems },
      },
    },
    async (request, reply) => {
      await app.limits.interview(request, reply);
      const ownerId = owner(request);
      const writing = feedback.complete(request.params.id, ownerId);
      writing.catch(() => undefined); // a failure after the wait is reported by GET /feedback
      let timer: NodeJS.Timeout | undefined;
      const done = await Promise.race([writing.then(() => true), new Promise<false>((r) => (timer = setTimeout(() => r(false), STEP_GRACE_MS)))]).finally(() =>
        clearTimeout(timer),
      );
      if (done) return reply.code(200).send(feedbackJson(await feedback.get(request.params.id, ownerId)));
      return reply
        .code(202)
        .header('Location', `${self(request.params.id)}/feedback`)
        .header('Retry-After', '1')
        .send({ status: 'writing' as const, detail: 'The feedback is being written. GET the Location until it is there.' });
    },
  );

  app.get(
    '/interviews/:id/feedback',
    { schema: { tags, summary: 'The feedback (202 while it is being written)', params: IdParams, response: { 200: Type.Ref(Feedback), 202: FeedbackWriting, ...problems } } },
    async (request, reply) => {
      if (await feedback.isWriting(request.params.id, owner(request))) {
        return reply.code(202).header('Retry-After', '1').send({ status: 'writing' as const, detail: 'The feedback is being written. Ask again in a moment.' });
      }
      return feedbackJson(await feedback.get(request.params.id, owner(request)));
    },
  );

  app.get(
    '/interviews/:id/feedback.md',
    { schema: { tags, summary: 'The feedback as Markdown', params: IdParams, produces: ['text/markdown'] } },
    async (request, reply) => sendFeedbackMarkdown(reply, await feedback.get(request.params.id, owner(request))),
  );

  app.get(
    '/interviews/:id/retries/:n',
    { schema: { tags, summary: 'A question of a finished interview and its latest retry', params: RetryParams, response: { 200: RetryResult, ...problems } } },
    async (request) => retryJson(await retry.view(request.params.id, owner(request), request.params.n)),
  );

  app.post(
    '/interviews/:id/retries/:n',
    { schema: { tags, summary: 'Retry a question of a finished interview (practice: the score does not change)', params: RetryParams, body: RetryBody, response: { 201: RetryResult, ...problems } } },
    async (request, reply) => {
      await app.limits.retry(request, reply);
      const view = await retry.submit(request.params.id, owner(request), request.params.n, request.body.answer);
      return reply.code(201).send(retryJson(view));
    },
  );

  app.get('/progress', { schema: { tags: ['progress'], summary: 'Mastery per competency and the study plan', response: { 200: Progress, ...problems } } }, async (request) =>
    progressJson(await progress.overview(owner(request))),
  );

  app.get('/me', { schema: { tags: ['account'], summary: 'Who the token speaks for', response: { 200: Me, ...problems } } }, async (request) => {
    const identity = request.apiIdentity!;
    const user = await app.services.accounts.findUser(identity.ownerId);
    return { id: identity.ownerId, email: user?.email ?? null, token: { id: identity.tokenId, scopes: identity.scopes } };
  });
}
