/**
 * How extractDocument maps every way a parsing job can end to an error. The pool is a fake
 * here; its real behaviour (crash, OOM, deadline, recycling) is covered in parse-pool.test.ts.
 */
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { extractDocument } from '../../../src/documents/index.js';
import { WORK_BUDGET } from '../../../src/documents/extract.js';
import type { ParseOutcome, ParsePool } from '../../../src/documents/parse-pool.js';
import { AppError, isAppError } from '../../../src/errors.js';

const run = vi.fn<ParsePool['run']>();
const pool: ParsePool = { run, threadsStarted: 0, warm: true, startupError: null, close: async () => undefined };
const pdf = readFileSync(new URL('../../fixtures/cv-alex-morgan.pdf', import.meta.url));
const docx = readFileSync(new URL('../../fixtures/cv-alex-morgan.docx', import.meta.url));
const OPTIONS = { maxBytes: 5 * 1024 * 1024, maxChars: 20_000, maxPages: 30, pool };

function outcome(value: ParseOutcome) {
  run.mockResolvedValueOnce(value);
}

async function caught(bytes: Buffer): Promise<unknown> {
  return extractDocument(bytes, OPTIONS).then(
    () => {
      throw new Error('expected extractDocument to fail');
    },
    (error: unknown) => error,
  );
}

beforeEach(() => {
  run.mockReset();
});

describe('extractDocument ↔ worker', () => {
  it('sends the bytes (transferred) with the work budget: raw text cap, pages, per-page text', async () => {
    outcome({ status: 'message', message: { ok: true, text: 'Alex Morgan\nEngineer', pageCount: 1, truncated: false } });
    const result = await extractDocument(pdf, OPTIONS);
    expect(result).toEqual({ text: 'Alex Morgan\nEngineer', format: 'pdf', pageCount: 1, wordCount: 3, truncated: false });

    expect(run).toHaveBeenCalledTimes(1);
    const request = run.mock.calls[0]![0] as Record<string, unknown> & { data: ArrayBuffer };
    expect(request).toMatchObject({ format: 'pdf', maxPages: 30, maxChars: 20_000 * 4 + 10_000, ...WORK_BUDGET });
    expect(Buffer.from(request.data).equals(pdf)).toBe(true);
  });

  it.each([
    [{ ok: false, kind: 'over-budget', detail: 'page 1: more than 30000 text runs' }, 'DOCUMENT_TOO_COMPLEX', /draws far more text than any page holds/],
    [{ ok: false, kind: 'too-many-pages', pageCount: 40_000, detail: '40000 pages' }, 'DOCUMENT_TOO_MANY_PAGES', /has 40,000 pages; we read documents of up to 30 pages/],
  ])('maps a reply over the work budget to a 422 with a stable code (%#)', async (message, code, text) => {
    outcome({ status: 'message', message });
    const error = await caught(pdf);
    expect(error).toMatchObject({ code, statusCode: 422 });
    expect((error as AppError).message).toMatch(text);
  });

  it('marks the result truncated when the worker already had to drop text', async () => {
    outcome({ status: 'message', message: { ok: true, text: 'Alex Morgan', pageCount: 400, truncated: true } });
    const result = await extractDocument(pdf, OPTIONS);
    expect(result.truncated).toBe(true);
    expect(result.pageCount).toBe(400);
  });

  it('maps a worker that ran out of memory to DOCUMENT_TOO_COMPLEX', async () => {
    const oom = Object.assign(new Error('Worker terminated due to reaching memory limit: JS heap out of memory'), {
      code: 'ERR_WORKER_OUT_OF_MEMORY',
    });
    outcome({ status: 'crashed', error: oom, outOfMemory: true });
    const error = await caught(pdf);
    expect(isAppError(error)).toBe(true);
    expect((error as AppError).code).toBe('DOCUMENT_TOO_COMPLEX');
    expect((error as AppError).statusCode).toBe(422);
    expect((error as AppError).message).toContain('That PDF file needs more memory');
    expect((error as AppError).cause).toBe(oom);
  });

  it('maps any other crash to DOCUMENT_CORRUPTED for the right format', async () => {
    outcome({ status: 'crashed', error: new TypeError('cannot read properties of undefined'), outOfMemory: false });
    const error = await caught(docx);
    expect((error as AppError).code).toBe('DOCUMENT_CORRUPTED');
    expect((error as AppError).message).toContain('That Word file');
  });

  it('maps a timeout to DOCUMENT_TIMEOUT', async () => {
    outcome({ status: 'timeout' });
    const error = await caught(pdf);
    expect((error as AppError).code).toBe('DOCUMENT_TIMEOUT');
  });

  it.each([
    ['encrypted', 'DOCUMENT_ENCRYPTED'],
    ['corrupted', 'DOCUMENT_CORRUPTED'],
  ])('maps a { ok: false, kind: "%s" } reply to %s', async (kind, code) => {
    outcome({ status: 'message', message: { ok: false, kind, detail: 'from the worker' } });
    const error = await caught(pdf);
    expect((error as AppError).code).toBe(code);
    expect(String((error as AppError).cause)).toContain('from the worker');
  });

  it('treats a worker that cannot even start as a server fault, not as a bad file', async () => {
    const missing = Object.assign(new Error("Cannot find module '/app/dist/src/documents/extract-worker.mjs'"), { code: 'MODULE_NOT_FOUND' });
    outcome({ status: 'crashed', error: missing, outOfMemory: false });
    const error = await caught(pdf);
    expect(isAppError(error)).toBe(false);
    expect((error as Error).message).toContain('could not be started');
    expect((error as Error).cause).toBe(missing);
  });

  it('treats a malformed reply as a programming error', async () => {
    outcome({ status: 'message', message: { something: 'else' } });
    const error = await caught(pdf);
    expect(isAppError(error)).toBe(false);
    expect((error as Error).message).toContain('Unexpected reply');
  });

  it('never starts a worker for TXT, for unsupported files, or for files over the limit', async () => {
    await extractDocument(Buffer.from('Alex Morgan, engineer'), OPTIONS);
    await caught(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]));
    await expect(extractDocument(pdf, { ...OPTIONS, maxBytes: 1000 })).rejects.toMatchObject({ code: 'FILE_TOO_LARGE' });
    expect(run).not.toHaveBeenCalled();
  });
});
