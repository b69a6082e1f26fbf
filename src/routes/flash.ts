/**
 * Post/Redirect/Get for a refused form sent without JavaScript (issue 13): instead of
 * answering the POST with the form and its message (the address bar then shows
 * `/session/:id/message`, and a reload asks to send the form again), the browser is sent back
 * to the page's own URL with 303, and that page shows the message and the text as it was
 * typed. Both travel in a flash: a short-lived entry in the encrypted session cookie, read (and
 * removed) by the next GET of that page.
 *
 * Only a browser's own navigation is redirected (Sec-Fetch-Mode: navigate, Sec-Fetch-Dest:
 * document, as every current browser sends with a form submission). Scripts and tests that
 * post the form themselves keep the documented answer: the form with its message and a 4xx
 * status. A text too long for a cookie (browsers keep about 4 KB per cookie) is not put in
 * one: that form is answered in place, as before, so nothing typed is ever lost.
 */
import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';

/** What a refused form leaves for the page it returns to. */
interface Flash {
  /** The page it is for (the GET path): another page does not take it. */
  path: string;
  code: string;
  message: string;
  status: number;
  field?: string;
  /** What was typed, when it is to be put back. */
  draft?: string;
  /** Which part of the page the message belongs to (the upload page's sections). */
  section?: string;
}

declare module '@fastify/secure-session' {
  interface SessionData {
    flash: Flash;
  }
}

/**
 * The most text a flash carries, in bytes of JSON: with the visitor's identity and the CSRF
 * secret, the encrypted and base64-encoded cookie stays well under 4 KB.
 */
const FLASH_TEXT_BUDGET = 2500;

/** A form submitted by the browser itself, without htmx (JavaScript off, or not loaded yet). */
export function isPlainNavigation(request: FastifyRequest): boolean {
  return request.headers['sec-fetch-mode'] === 'navigate' && request.headers['sec-fetch-dest'] === 'document' && request.headers['hx-request'] !== 'true';
}

/**
 * Leaves the refused form's message (and text) for `path`; false when it does not fit in the
 * cookie, and the caller answers in place instead.
 */
export function leaveFlash(request: FastifyRequest, path: string, error: AppError, extra: { draft?: string; section?: string } = {}): boolean {
  const flash: Flash = {
    path,
    code: error.code,
    message: error.message,
    status: error.statusCode,
    ...(error.field ? { field: error.field } : {}),
    ...(extra.draft ? { draft: extra.draft } : {}),
    ...(extra.section ? { section: extra.section } : {}),
  };
  if (Buffer.byteLength(JSON.stringify(flash)) > FLASH_TEXT_BUDGET) return false;
  request.session.set('flash', flash);
  return true;
}

/** The flash left for `path`, as the error and the text to show, removed from the cookie once read. */
export function takeFlash(request: FastifyRequest, path: string): { error: AppError; draft?: string; section?: string } | null {
  const flash = request.session.get('flash');
  if (!flash || typeof flash !== 'object' || flash.path !== path) return null;
  request.session.set('flash', undefined);
  const error = new AppError(String(flash.code), Number(flash.status) || 400, String(flash.message), flash.field ? { field: String(flash.field) } : {});
  return {
    error,
    ...(typeof flash.draft === 'string' ? { draft: flash.draft } : {}),
    ...(typeof flash.section === 'string' ? { section: flash.section } : {}),
  };
}
