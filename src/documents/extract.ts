/**
 * Turns an uploaded CV or job description (PDF, DOCX or TXT) into clean text.
 *
 * Order of checks: empty → too large → type by content → (DOCX: zip-bomb limits) → parse →
 * no text → cap length. PDF and DOCX parsing runs on a warm pool thread (parse-pool.ts) with
 * a deadline, a heap limit and a work budget — pages, text runs and characters per page —
 * so one pathological file can neither block the event loop, nor exhaust the server's memory,
 * nor hold a thread for long; `options.limiter` decides who parses when.
 */
import { AppError, Errors } from '../errors.js';
import { sniff } from './detect.js';
import { countWords, normalizeText, truncateText } from './normalize.js';
import type { DocumentFormat, ExtractedDocument, ExtractOptions } from './types.js';
import { errorCode } from './errors.js';
import type { ParsePool } from './parse-pool.js';
import { checkActualSizes, checkDeclaredSizes, type ZipVerdict } from './zip-limits.js';

/**
 * Work budget for reading a PDF (extract-worker.mjs). A dense A4 page shows ~6,000 characters
 * in at most a few thousand text runs, and pdf.js hands its text over in a few dozen chunks
 * (one more per form XObject that draws text). A page far over these is not a page but a bomb
 * — nested form XObjects multiply what a page draws — and is refused as soon as pdf.js has
 * produced this much of it (~100 ms for the nested bomb, at ~15 µs per text run); the document
 * limits stop the same bomb spread over many pages. Past `maxDocItems` reading just stops.
 */
export const WORK_BUDGET = {
  maxPageChars: 30_000,
  maxPageItems: 10_000,
  maxPageChunks: 500,
  maxDocChunks: 2_000,
  maxDocItems: 40_000,
};

/** How the format is named in user-facing messages ("That Word file appears to be damaged"). */
const FORMAT_LABEL: Record<DocumentFormat, string> = { pdf: 'PDF', docx: 'Word', txt: 'text' };

/** Error codes meaning the worker itself could not be started: a deployment problem, not the user's file. */
const WORKER_SETUP_ERRORS = new Set([
  'MODULE_NOT_FOUND', // what a missing worker script reports
  'ERR_MODULE_NOT_FOUND', // ... or a missing import inside it
  'ERR_WORKER_PATH',
  'ERR_WORKER_INIT_FAILED',
  'ERR_WORKER_INVALID_EXEC_ARGV',
  'ERR_WORKER_UNSUPPORTED_OPERATION',
  'ERR_UNKNOWN_FILE_EXTENSION',
]);

interface RawText {
  text: string;
  pageCount: number | null;
  /** Text was already dropped before normalisation (raw text cap reached). */
  truncated: boolean;
}

export async function extractDocument(bytes: Buffer, options: ExtractOptions): Promise<ExtractedDocument> {
  assertOptions(options);
  if (bytes.length === 0) throw Errors.documentEmpty();
  if (bytes.length > options.maxBytes) throw Errors.fileTooLarge(toMegabytes(options.maxBytes));

  const sniffed = sniff(bytes);
  if (sniffed.format === null) throw Errors.unsupportedFileType(sniffed.detected);
  const format = sniffed.format;

  // Normalisation only ever shrinks text by removing noise, so a raw cap well above
  // maxChars loses nothing in practice while bounding the work done on the main thread.
  const rawCap = options.maxChars * 4 + 10_000;
  let raw: RawText;
  if (sniffed.format === 'txt') {
    raw = { text: sniffed.text.slice(0, rawCap), pageCount: null, truncated: sniffed.text.length > rawCap };
  } else {
    const binaryFormat = sniffed.format;
    // DOCX: refuse a zip bomb by its central directory at once, before waiting for a turn.
    const declared = binaryFormat === 'docx' ? checkDeclaredSizes(bytes) : null;
    if (declared && !declared.ok) throw zipError(declared);
    const parse = async () => {
      if (declared?.listing) {
        const actual = await checkActualSizes(bytes, declared.listing);
        if (!actual.ok) throw zipError(actual);
      }
      return parseInPool(options.pool, binaryFormat, bytes, { maxChars: rawCap, maxPages: options.maxPages, ...WORK_BUDGET });
    };
    raw = options.limiter ? await options.limiter.run(parse, options.requester) : await parse();
  }

  const normalized = normalizeText(raw.text);
  if (format === 'txt' && normalized === '') throw Errors.documentEmpty();
  if (!/\p{L}/u.test(normalized)) throw Errors.documentNoText(FORMAT_LABEL[format]);

  const capped = truncateText(normalized, options.maxChars);
  return {
    text: capped.text,
    format,
    pageCount: raw.pageCount,
    wordCount: countWords(capped.text),
    truncated: capped.truncated || raw.truncated,
  };
}

async function parseInPool(pool: ParsePool, format: 'pdf' | 'docx', bytes: Buffer, limits: Record<string, number>): Promise<RawText> {
  const label = FORMAT_LABEL[format];
  // Copy into a fresh ArrayBuffer and transfer that: transferring `bytes.buffer` itself
  // would detach the caller's Buffer (or Node's shared pool slab it may live in).
  const data = new Uint8Array(bytes.byteLength);
  data.set(bytes);
  const outcome = await pool.run({ format, data: data.buffer, ...limits });

  switch (outcome.status) {
    case 'timeout':
      throw Errors.documentTimeout();
    case 'crashed':
      if (outcome.outOfMemory) throw withCause(Errors.documentTooComplex(label), outcome.error);
      if (WORKER_SETUP_ERRORS.has(errorCode(outcome.error) ?? '')) {
        throw new Error('The document extraction worker could not be started.', { cause: outcome.error });
      }
      throw withCause(Errors.documentCorrupted(label), outcome.error);
    case 'message':
      return readReply(outcome.message, label, limits.maxPages!);
  }
}

function readReply(message: unknown, label: string, maxPages: number): RawText {
  const reply = (typeof message === 'object' && message !== null ? message : {}) as Record<string, unknown>;
  if (reply.ok === true && typeof reply.text === 'string') {
    return {
      text: reply.text,
      pageCount: typeof reply.pageCount === 'number' ? reply.pageCount : null,
      truncated: reply.truncated === true,
    };
  }
  const detail = new Error(typeof reply.detail === 'string' ? reply.detail : 'no detail');
  if (reply.ok === false && reply.kind === 'encrypted') throw withCause(Errors.documentEncrypted(), detail);
  if (reply.ok === false && reply.kind === 'corrupted') throw withCause(Errors.documentCorrupted(label), detail);
  if (reply.ok === false && reply.kind === 'over-budget') throw withCause(Errors.documentOverBudget(label), detail);
  if (reply.ok === false && reply.kind === 'too-many-pages' && typeof reply.pageCount === 'number') {
    throw withCause(Errors.documentTooManyPages(reply.pageCount, maxPages), detail);
  }
  throw new Error(`Unexpected reply from the document extraction worker: ${JSON.stringify(message)?.slice(0, 200)}`);
}

function zipError(verdict: Exclude<ZipVerdict, { ok: true }>): AppError {
  const error = verdict.problem === 'damaged' ? Errors.documentCorrupted(FORMAT_LABEL.docx) : Errors.documentUnpacksTooLarge(FORMAT_LABEL.docx);
  return withCause(error, new Error(`ZIP check: ${verdict.detail}`));
}

/** Keeps the technical reason next to the user-facing error, for logs. */
function withCause(error: AppError, cause: unknown): AppError {
  Object.defineProperty(error, 'cause', { value: cause, enumerable: false, writable: true, configurable: true });
  return error;
}

function toMegabytes(bytes: number): number {
  return Math.round((bytes / (1024 * 1024)) * 10) / 10;
}

function assertOptions(options: ExtractOptions): void {
  for (const key of ['maxBytes', 'maxChars', 'maxPages'] as const) {
    const value = options[key];
    if (!Number.isFinite(value) || value <= 0) throw new TypeError(`extractDocument: options.${key} must be a positive number, got ${value}.`);
  }
}
