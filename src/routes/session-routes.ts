import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Static } from '@sinclair/typebox';
import { isAppError, type AppError } from '../errors.js';
import type { UploadedFile } from '../services/session-service.js';
import type { SessionRow } from '../repositories/sessions-repository.js';
import { visitorId } from './visitor.js';
import { isHtmx, render, seeOther } from './render.js';
import { readMultipart } from './uploads.js';
import { takeFlash } from './flash.js';
import { checkRouteLimit } from '../security/policy.js';
import { focusLabels, uploadPageData, type UploadExtras } from '../views/upload-view.js';
import { CreateSessionForm, formOf, IdParams, JobDescriptionForm, typedRoutes } from './schemas.js';

/** The focus competencies a create form carried, as ids (one field, repeated or comma-separated). */
const focusIdsOf = (form: Static<typeof CreateSessionForm>): string[] => [form.focus_competencies ?? []].flat().flatMap((v) => v.split(/[\s,]+/));

export async function sessionRoutes(plain: FastifyInstance) {
  const app = typedRoutes(plain);
  const { sessions } = app.services;
  const uploadPage = (session: SessionRow, extra: UploadExtras = {}) => uploadPageData(session, app.config.maxUploadBytes, extra);

  /** A failed upload re-renders its own section (htmx) or the whole page, keeping what was typed. */
  async function renderUploadError(id: string, request: FastifyRequest, reply: FastifyReply, section: 'cv' | 'job', error: AppError, jobDraft?: string) {
    const session = await sessions.owned(id, visitorId(request));
    const data = uploadPage(session, { section, error, fieldErrors: error.fields, jobDraft });
    if (isHtmx(request)) return render(reply, `partials/_${section}-section`, data, error.statusCode);
    return render(reply, 'pages/upload', data, error.statusCode);
  }

  app.post('/session/create', { schema: { body: CreateSessionForm }, attachValidation: true }, async (request, reply) => {
    const form = formOf(CreateSessionForm, request);
    try {
      // After the body is read, so a refused form (429, or the quota's 409) keeps what was typed.
      await checkRouteLimit(request, reply);
      const session = await sessions.create(visitorId(request), form);
      return seeOther(reply, `/session/${session.id}/upload`);
    } catch (error) {
      if (!isAppError(error)) throw error;
      const data = { title: 'New interview', values: form, error, fieldErrors: error.fields, focusLabels: focusLabels(focusIdsOf(form)) };
      return render(reply, 'pages/index', data, error.statusCode);
    }
  });

  app.get('/session/:id/upload', { schema: { params: IdParams } }, async (request, reply) => {
    const session = await sessions.owned(request.params.id, visitorId(request));
    // "Start" refused without JavaScript comes back here with its message (flash.ts).
    const flash = takeFlash(request, `/session/${session.id}/upload`);
    return render(reply, 'pages/upload', uploadPage(session, flash ? { section: flash.section, error: flash.error } : {}));
  });

  // Multipart: read by the streaming reader (uploads.ts), so no body schema.
  app.post('/session/:id/upload-cv', { schema: { params: IdParams } }, async (request, reply) => {
    const owner = visitorId(request);
    await sessions.owned(request.params.id, owner); // unknown id → 404 before reading the upload
    try {
      const { file } = request.isMultipart() ? await readMultipart(request, 'cv_file') : { file: null };
      const session = await sessions.uploadCv(request.params.id, owner, file);
      if (!isHtmx(request)) return seeOther(reply, `/session/${session.id}/upload`);
      // The start button depends on the CV too: the fragment updates it out of band.
      return render(reply, 'partials/_cv-updated', uploadPage(session));
    } catch (error) {
      if (!isAppError(error)) throw error;
      return renderUploadError(request.params.id, request, reply, 'cv', error);
    }
  });

  // A plain form, or multipart with a file (read by the streaming reader; the body schema is the plain form's).
  app.post('/session/:id/upload-job', { schema: { params: IdParams, body: JobDescriptionForm }, attachValidation: true }, async (request, reply) => {
    const owner = visitorId(request);
    await sessions.owned(request.params.id, owner);
    let text: string | undefined;
    try {
      let file: UploadedFile | null = null;
      if (request.isMultipart()) {
        const form = await readMultipart(request, 'job_file');
        text = form.fields.job_description;
        file = form.file;
      } else {
        text = formOf(JobDescriptionForm, request).job_description;
      }
      const session = await sessions.setJobDescription(request.params.id, owner, text, file);
      if (!isHtmx(request)) return seeOther(reply, `/session/${session.id}/upload`);
      return render(reply, 'partials/_job-updated', uploadPage(session));
    } catch (error) {
      if (!isAppError(error)) throw error;
      return renderUploadError(request.params.id, request, reply, 'job', error, text);
    }
  });
}
