import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { checkActualSizes, checkDeclaredSizes, DOCX_LIMITS } from '../../../src/documents/zip-limits.js';
import { extractDocument } from '../../../src/documents/index.js';
import { isAppError, type AppError } from '../../../src/errors.js';
import { makeZip } from '../../fixtures/zip.js';
import { extractOptions, testParsePool } from '../../support/documents.js';
import { declaredZipBomb, docx, documentXml, honestZipBomb, lyingZipBomb } from '../../support/hostile.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/${name}`, import.meta.url));
const pool = testParsePool();
afterAll(() => pool.close());
const OPTIONS = extractOptions(pool, { maxChars: 50_000 });

async function verdict(bytes: Buffer, limits = DOCX_LIMITS) {
  const declared = checkDeclaredSizes(bytes, limits);
  if (!declared.ok || !declared.listing) return declared;
  return checkActualSizes(bytes, declared.listing, limits);
}

async function failure(bytes: Buffer): Promise<AppError> {
  try {
    await extractDocument(bytes, OPTIONS);
  } catch (error) {
    if (isAppError(error)) return error;
    throw error;
  }
  throw new Error('expected extraction to fail');
}

describe('DOCX zip-bomb limits', () => {
  it.each(['cv-alex-morgan.docx', 'job-backend-engineer.docx'])('lets a real Word file through (%s)', async (name) => {
    expect(await verdict(fixture(name))).toMatchObject({ ok: true });
  });

  it('refuses an archive that declares a huge unpacked size, from its central directory alone', () => {
    const bomb = declaredZipBomb();
    expect(bomb.length).toBeLessThan(2000);
    expect(checkDeclaredSizes(bomb)).toMatchObject({ ok: false, problem: 'too_large' });
  });

  it('refuses an entry with a bomb-like compression ratio even when it tells the truth', () => {
    const bomb = honestZipBomb(40);
    expect(bomb.length).toBeLessThan(200 * 1024);
    const result = checkDeclaredSizes(bomb);
    expect(result).toMatchObject({ ok: false, problem: 'too_large' });
    expect(!result.ok && result.detail).toMatch(/ratio/);
  });

  it('catches an entry that inflates to more than it declares (only inflating shows it)', async () => {
    const bomb = lyingZipBomb(20);
    expect(checkDeclaredSizes(bomb).ok).toBe(true);
    // It stops at the declared size rather than inflating everything (speed is in bench/, not here).
    expect(await verdict(bomb)).toMatchObject({ ok: false, problem: 'too_large' });
  });

  it('refuses too many entries, and a total beyond the limit', async () => {
    const many = makeZip(Array.from({ length: 12 }, (_, i) => ({ name: `f${i}.xml`, data: 'x' })));
    expect(checkDeclaredSizes(many, { ...DOCX_LIMITS, maxEntries: 10 })).toMatchObject({ ok: false, problem: 'too_large' });
    const big = docx({ data: documentXml('y'.repeat(5000)) }, [{ name: 'a.xml', data: 'z'.repeat(5000), deflate: true }]);
    expect(checkDeclaredSizes(big, { ...DOCX_LIMITS, maxTotalUncompressed: 6000 })).toMatchObject({ ok: false, problem: 'too_large' });
  });

  it('refuses a DOCX whose text part is many MB of XML (huge text), even at an ordinary compression ratio', async () => {
    // 20 MB of words in a pseudo-random order compresses about 10:1, far below the bomb ratio and
    // within the upload limit: only the size of the text part gives it away.
    const vocabulary = ['team', 'delivered', 'service', 'latency', 'platform', 'customer', 'migration', 'reliable'];
    let seed = 42;
    const words: string[] = [];
    for (let size = 0; size < 20 * 1024 * 1024; ) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      const word = vocabulary[(seed >>> 16) % vocabulary.length]!;
      words.push(word);
      size += word.length + 1;
    }
    const huge = docx({ data: documentXml(words.join(' ')) });
    expect(huge.length).toBeLessThan(5 * 1024 * 1024);
    const declared = checkDeclaredSizes(huge);
    expect(declared).toMatchObject({ ok: false, problem: 'too_large' });
    expect((declared as { detail: string }).detail).toMatch(/word\/document\.xml declares/);
    expect((await failure(huge)).code).toBe('DOCUMENT_UNPACKS_TOO_LARGE');
  });

  it('refuses ZIP64 size markers (no Word CV needs them)', () => {
    const zip64 = docx({ data: documentXml('z'), declaredSize: 0xffffffff });
    expect(checkDeclaredSizes(zip64)).toMatchObject({ ok: false, problem: 'too_large' });
  });

  it('calls an archive without a readable directory damaged', () => {
    expect(checkDeclaredSizes(fixture('corrupted.docx'))).toMatchObject({ ok: false, problem: 'damaged' });
  });

  it('calls an entry whose DEFLATE data is garbage damaged', async () => {
    const zip = docx({ data: documentXml('ok') });
    // Overwrite the compressed bytes of word/document.xml: its name's second occurrence is in its
    // local header (the first is inside [Content_Types].xml, the third in the central directory).
    const name = Buffer.from('word/document.xml');
    const at = zip.indexOf(name, zip.indexOf(name) + 1) + name.length;
    zip.fill(0xff, at, at + 20);
    expect(await verdict(zip)).toMatchObject({ ok: false, problem: 'damaged' });
  });

  it('extractDocument answers DOCUMENT_UNPACKS_TOO_LARGE (413) before any parser runs', async () => {
    for (const bomb of [declaredZipBomb(), lyingZipBomb(20), honestZipBomb(40)]) {
      const error = await failure(bomb);
      expect(error.code).toBe('DOCUMENT_UNPACKS_TOO_LARGE');
      expect(error.statusCode).toBe(413);
      expect(error.message).toMatch(/Word file unpacks to far more data/);
    }
  });

  it('still reads a small deflated DOCX normally', async () => {
    const result = await extractDocument(docx({ data: documentXml('Maria Garcia, staff nurse, eight years on cardiac wards.') }), OPTIONS);
    expect(result.text).toContain('Maria Garcia');
  });
});
