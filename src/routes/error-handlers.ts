import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, Errors, isAppError } from '../errors.js';
import { isHtmx, render } from './render.js';

/** Fastify's own 4xx errors, turned into messages a person can act on. */
function fromFastifyError(error: FastifyError, request: FastifyRequest): AppError | null {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
      return Errors.fileTooLarge(Math.round(request.server.config.maxUploadBytes / 1024 / 1024));
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('UNSUPPORTED_MEDIA_TYPE', 415, 'Send this form from the page (as a normal form or multipart upload).');
    case 'FST_FILES_LIMIT':
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return new AppError('TOO_MANY_PARTS', 413, 'That form had more files or fields than expected. Send one file at a time.');
    case 'FST_CSRF_MISSING_SECRET':
    case 'FST_CSRF_INVALID_TOKEN':
      return Errors.csrfFailed();
  }
  if (error.validation) return new AppError('BAD_REQUEST', 400, 'Something in that request was not valid. Reload the page and try again.');
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return new AppError('BAD_REQUEST', error.statusCode, 'That request could not be understood. Reload the page and try again.');
  }
  return null;
}

function renderError(request: FastifyRequest, reply: FastifyReply, error: AppError, heading: string) {
  if (isHtmx(request)) {
    // Errors that reach this handler (refused token, rate limit, 404, 500) are not the target's
    // content: show them in the page's message area and leave the form, and what was typed, alone.
    reply.header('HX-Retarget', '#flash').header('HX-Reswap', 'innerHTML');
    return render(reply, 'partials/_error', { error }, error.statusCode);
  }
  return render(reply, 'pages/error', { title: heading, heading, error }, error.statusCode);
}

/**
 * One place that turns failures into pages. 4xx errors say what to do; 5xx errors are logged
 * with the request's context and show a generic message — never a stack trace.
 */
export function registerErrorHandlers(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const known = isAppError(error) ? error : fromFastifyError(error, request);
    if (known) {
      request.log.info({ code: known.code, statusCode: known.statusCode }, known.message);
      return renderError(request, reply, known, known.statusCode === 404 ? 'Not found' : 'That did not work');
    }
    request.log.error({ err: error }, 'unhandled error');
    const generic = new AppError('INTERNAL', 500, 'Something went wrong on our side. What you entered is saved; please try again in a moment.');
    return renderError(request, reply, generic, 'Something went wrong');
  });

  app.setNotFoundHandler((request, reply) => renderError(request, reply, Errors.notFound(), 'Not found'));
}
