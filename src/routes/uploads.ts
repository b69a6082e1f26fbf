import type { FastifyRequest } from 'fastify';
import { Errors } from '../errors.js';
import type { UploadedFile } from '../services/session-service.js';

export interface MultipartForm {
  file: UploadedFile | null;
  fields: Record<string, string>;
}

/**
 * Reads a multipart form with at most one file (in `fileField`). A file input left empty
 * arrives as a part with no name and no bytes: that counts as "no file".
 */
export async function readMultipart(request: FastifyRequest, fileField: string): Promise<MultipartForm> {
  const fields: Record<string, string> = {};
  let file: UploadedFile | null = null;
  try {
    for await (const part of request.parts()) {
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
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw Errors.fileTooLarge(Math.round(request.server.config.maxUploadBytes / 1024 / 1024));
    throw error;
  }
  return { file, fields };
}
