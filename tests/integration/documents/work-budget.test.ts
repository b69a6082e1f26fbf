/**
 * Issue 17, "uploads starved": PDF bombs are refused by their work, not by the 15 s deadline.
 * The deadline here is 60 s, so a bomb that got through the budget would fail these tests
 * with DOCUMENT_TIMEOUT (or by timing out the test) instead of its own code.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { extractDocument } from '../../../src/documents/index.js';
import { AppError } from '../../../src/errors.js';
import { extractOptions, testParsePool } from '../../support/documents.js';
import { hugeTextPdf, manyPagesPdf, nestedXObjectBomb, plainPdf } from '../../support/pdf-bombs.js';

const pool = testParsePool({ timeoutMs: 60_000 });
afterAll(() => pool.close());
const OPTIONS = extractOptions(pool);

async function refusal(bytes: Buffer, options = OPTIONS): Promise<AppError> {
  const error: unknown = await extractDocument(bytes, options).then(
    (doc) => new Error(`read ${doc.pageCount} pages of "${doc.text.slice(0, 60)}"`),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('PDF work budget', () => {
  it('refuses a few KB of nested form XObjects (10^12 drawings) as DOCUMENT_TOO_COMPLEX', async () => {
    const bomb = nestedXObjectBomb(12, 10);
    expect(bomb.length).toBeLessThan(4096);
    const error = await refusal(bomb);
    expect(error).toMatchObject({ code: 'DOCUMENT_TOO_COMPLEX', statusCode: 422 });
    expect(String(error.cause)).toMatch(/nested text drawings/);
  });

  it('refuses a page of huge (compressed) text as DOCUMENT_TOO_COMPLEX', async () => {
    const error = await refusal(hugeTextPdf(5_000_000));
    expect(error).toMatchObject({ code: 'DOCUMENT_TOO_COMPLEX', statusCode: 422 });
    expect(String(error.cause)).toMatch(/characters/);
  });

  it('refuses 40,000 pages before reading any, naming the count and the limit', async () => {
    const error = await refusal(manyPagesPdf(40_000));
    expect(error).toMatchObject({ code: 'DOCUMENT_TOO_MANY_PAGES', statusCode: 422 });
    expect(error.message).toContain('40,000 pages');
    expect(error.message).toContain('up to 30 pages');
  });

  it('counts pages with pdf.js when the raw page tree does not say (limit applies either way)', async () => {
    // A nested dictionary in the page tree hides /Count from the raw scan: only pdf.js's count can
    // tell (it also repairs the cross-reference offsets the edit shifted).
    const pdf = plainPdf(31).toString('latin1').replace('/Count 31 >>', '/Count 31 /Extra << /A 1 >> >>');
    expect(pdf).toContain('/Extra');
    expect((await refusal(Buffer.from(pdf, 'latin1'))).code).toBe('DOCUMENT_TOO_MANY_PAGES');
    expect((await refusal(plainPdf(31))).code).toBe('DOCUMENT_TOO_MANY_PAGES');
  });

  it('still reads ordinary PDFs up to the page limit, and the same thread goes on reading after a bomb', async () => {
    for (const bomb of [nestedXObjectBomb(), hugeTextPdf()]) await refusal(bomb);
    const doc = await extractDocument(plainPdf(30), OPTIONS);
    expect(doc.pageCount).toBe(30);
    expect(doc.text).toContain('Page 30. Delivered reliable backend services');
  });
});
