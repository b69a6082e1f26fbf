import type { FastifyRequest } from 'fastify';
import { Errors, isAppError } from '../errors.js';
import { CSRF_FIELD, csrfPendingInMultipart, verifyMultipartCsrf } from '../security/csrf.js';
import type { UploadedFile } from '../services/session-service.js';

export interface MultipartForm {
  file: UploadedFile | null;
  fields: Record<string, string>;
}

/**
 * RFC 2046 allows 1–70 characters; we accept up to 200. Past 252 the multipart parser (busboy)
 * throws from its constructor, which used to surface as a 500 with an error log.
 */
const MAX_BOUNDARY_CHARS = 200;

/** The `boundary` parameter of a multipart Content-Type, or null when there is none. */
function multipartBoundary(contentType: string | undefined): string | null {
  const match = /;\s*boundary=(?:"([^"]*)"|([^;\s]*))/i.exec(contentType ?? '');
  return match ? (match[1] ?? match[2] ?? '') : null;
}

/** Room for the form's text fields and multipart framing on top of the file itself. */
const FORM_OVERHEAD_BYTES = 1024 * 1024;

/**
 * Reads a multipart form with at most one file (in `fileField`). A file input left empty
 * arrives as a part with no name and no bytes: that counts as "no file".
 *
 * A body that announces more than the upload limit is refused before a byte is read. When the
 * CSRF token did not come as a header (a form sent without JavaScript), `_csrf` must be the
 * first field, and is checked before any file is buffered (security/csrf.ts).
 */
export async function readMultipart(request: FastifyRequest, fileField: string): Promise<MultipartForm> {
  const fields: Record<string, string> = {};
  let file: UploadedFile | null = null;
  const limitBytes = request.server.config.maxUploadBytes;
  const announced = Number(request.headers['content-length']);
  if (Number.isFinite(announced) && announced > limitBytes + FORM_OVERHEAD_BYTES) {
    throw Errors.fileTooLarge(Math.round(limitBytes / 1024 / 1024));
  }
  const boundary = multipartBoundary(request.headers['content-type']);
  if (boundary === null || boundary.length === 0 || boundary.length > MAX_BOUNDARY_CHARS) throw Errors.malformedUpload();
  try {
    for await (const part of request.parts()) {
      if (csrfPendingInMultipart(request)) {
        if (part.type === 'field' && part.fieldname === CSRF_FIELD && typeof part.value === 'string') {
          await verifyMultipartCsrf(request, part.value);
          continue;
        }
        throw Errors.csrfFailed();
      }
      if (part.type === 'file') {
        const bytes = await part.toBuffer();
        if (part.fieldname === fileField && (bytes.length > 0 || part.filename)) {
          // The name is only ever shown back to its owner (escaped); it is never used as a path.
          file = { bytes, fileName: part.filename ? part.filename.slice(0, 200) : null };
        }
      } else if (typeof part.value === 'string') {
        fields[part.fieldname] = part.value;
      }
    }
  } catch (error) {
    const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw Errors.fileTooLarge(Math.round(limitBytes / 1024 / 1024));
    // A body cut short or malformed, as the multipart parser reports it: the client's problem, not a 500.
    if (!isAppError(error) && error instanceof Error && /multipart|part header/i.test(error.message)) throw Errors.uploadIncomplete();
    throw error;
  }
  if (csrfPendingInMultipart(request)) throw Errors.csrfFailed(); // no `_csrf` field at all
  return { file, fields };
}
