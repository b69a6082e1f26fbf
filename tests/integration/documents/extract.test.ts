import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../src/errors.js';
import { extractDocument, type ExtractOptions } from '../../../src/documents/index.js';
import { extractOptions, testParsePool } from '../../support/documents.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/${name}`, import.meta.url));

const pool = testParsePool();
afterAll(() => pool.close());
const OPTIONS: ExtractOptions = extractOptions(pool);

/** Runs `extractDocument` expecting an AppError, and returns it. */
async function failure(bytes: Buffer, options: ExtractOptions = OPTIONS): Promise<AppError> {
  const error: unknown = await extractDocument(bytes, options).then(
    (result) => {
      throw new Error(`expected a failure, got ${result.format} text: ${result.text.slice(0, 80)}`);
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('extractDocument: the CV in three formats', () => {
  it.each([
    ['cv-alex-morgan.pdf', 'pdf', 2],
    ['cv-alex-morgan.docx', 'docx', null],
    ['cv-alex-morgan.txt', 'txt', null],
  ] as const)('%s', async (name, format, pageCount) => {
    const result = await extractDocument(fixture(name), OPTIONS);

    expect(result.format).toBe(format);
    expect(result.pageCount).toBe(pageCount);
    expect(result.truncated).toBe(false);
    // DOCX paragraphs come out separated by a blank line; PDF and TXT lines by a single newline.
    expect(result.text).toMatch(/^Alex Morgan\n\n?Senior Backend Engineer\n/);
    for (const phrase of [
      'Kubernetes (k8s',
      'TypeScript',
      'PostgreSQL',
      'Brightline Payments',
      'Cobalt Logistics',
      'Fernhill Digital',
      'p99 latency fell',
      '2.3 million transactions per day',
      'University of Leeds',
    ]) {
      expect(result.text).toContain(phrase);
    }
    // The PDF breaks "infra-/structure" across two lines; every format must read it whole.
    expect(result.text).toContain('migrations and infrastructure that other teams can trust.');
    expect(result.text).not.toContain('infra-');
    // Bullets come out as "- " whatever glyph the source used. (mammoth's raw-text mode
    // drops Word's list markers, so DOCX bullet items are plain paragraphs.)
    expect(result.text).toMatch(format === 'docx' ? /^Led a team of 5 engineers/m : /^- Led a team of 5 engineers/m);
    expect(result.text).not.toContain('•');
    // Same words in every format.
    expect(result.wordCount).toBe(358);
  });

  it('drops the PDF page furniture: "Page 1 of 2" footers and pdf-parse page separators', async () => {
    const { text } = await extractDocument(fixture('cv-alex-morgan.pdf'), OPTIONS);
    expect(text).not.toMatch(/Page \d of 2/);
    expect(text).not.toMatch(/-- \d+ of \d+ --/);
    // Page 2 starts a new paragraph after the last line of page 1.
    expect(text).toContain('into written specifications.\n\nSKILLS\n');
    expect(text).not.toMatch(/\n{3,}/);
  });

  it('leaves the caller’s buffer intact (it is copied, not transferred)', async () => {
    const bytes = fixture('cv-alex-morgan.pdf');
    const copy = Buffer.from(bytes);
    await extractDocument(bytes, OPTIONS);
    expect(bytes.byteLength).toBe(copy.byteLength);
    expect(bytes.equals(copy)).toBe(true);
  });

  it('can extract several documents at once', async () => {
    const results = await Promise.all(
      ['cv-alex-morgan.pdf', 'cv-alex-morgan.docx', 'job-backend-engineer.docx'].map((n) => extractDocument(fixture(n), OPTIONS)),
    );
    expect(results.map((r) => r.format)).toEqual(['pdf', 'docx', 'docx']);
  });
});

describe('extractDocument: the job description', () => {
  it.each(['job-backend-engineer.txt', 'job-backend-engineer.docx'])('%s', async (name) => {
    const result = await extractDocument(fixture(name), OPTIONS);
    expect(result.text.startsWith('Senior Backend Engineer at Northwind Health')).toBe(true);
    for (const phrase of ['Requirements', 'Nice to have', 'Apache Kafka', 'Terraform', 'on-call rotation', 'HL7 FHIR', '£75,000–£90,000']) {
      expect(result.text).toContain(phrase);
    }
    expect(result.pageCount).toBeNull();
    expect(result.wordCount).toBe(311);
  });

  it('keeps the bullet structure of the .txt version', async () => {
    const { text } = await extractDocument(fixture('job-backend-engineer.txt'), OPTIONS);
    expect(text).toContain('\nRequirements\n- 5+ years building production backend systems');
  });
});

describe('extractDocument: files we cannot use', () => {
  it.each([
    ['corrupted.pdf', 'DOCUMENT_CORRUPTED', 422, /That PDF file appears to be damaged/],
    ['corrupted.docx', 'DOCUMENT_CORRUPTED', 422, /That Word file appears to be damaged/],
    ['encrypted.pdf', 'DOCUMENT_ENCRYPTED', 422, /password-protected/],
    ['image-only.pdf', 'DOCUMENT_NO_TEXT', 422, /no text in that PDF file/],
    ['empty.txt', 'DOCUMENT_EMPTY', 422, /That file is empty/],
    ['blank.txt', 'DOCUMENT_EMPTY', 422, /That file is empty/],
    ['photo.png', 'UNSUPPORTED_FILE_TYPE', 415, /looks like a PNG image/],
    ['legacy.doc', 'UNSUPPORTED_FILE_TYPE', 415, /looks like an old Word \.doc file .*save it as \.docx or PDF/],
    ['archive.zip', 'UNSUPPORTED_FILE_TYPE', 415, /looks like a ZIP archive/],
    ['document.odt', 'UNSUPPORTED_FILE_TYPE', 415, /looks like an OpenDocument text file \(\.odt\)/],
    ['binary.txt', 'UNSUPPORTED_FILE_TYPE', 415, /looks like a binary \(non-text\) file/],
  ] as const)('%s → %s', async (name, code, status, message) => {
    const error = await failure(fixture(name));
    expect(error.code).toBe(code);
    expect(error.statusCode).toBe(status);
    expect(error.message).toMatch(message);
  });

  it('keeps the technical reason as the cause, for logs', async () => {
    const error = await failure(fixture('encrypted.pdf'));
    expect(String(error.cause)).toContain('PasswordException');
  });

  it('reports a DOCX whose document has no text as DOCUMENT_NO_TEXT', async () => {
    // Mammoth-readable DOCX made from the CV with every text run emptied.
    const { makeZip } = await import('../../fixtures/zip.js');
    const docx = makeZip([
      {
        name: '[Content_Types].xml',
        data: '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      },
      {
        name: '_rels/.rels',
        data: '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
      },
      {
        name: 'word/document.xml',
        data: '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t> </w:t></w:r></w:p><w:p/></w:body></w:document>',
      },
    ]);
    const error = await failure(docx);
    expect(error.code).toBe('DOCUMENT_NO_TEXT');
    expect(error.message).toContain('Word file');
  });

  it('reports a .txt with no letters at all as DOCUMENT_NO_TEXT', async () => {
    const error = await failure(Buffer.from('1234 5678\n---\n2024-01-15\n'));
    expect(error.code).toBe('DOCUMENT_NO_TEXT');
  });
});

describe('extractDocument: limits', () => {
  it('rejects a file over maxBytes with FILE_TOO_LARGE, before looking at its content', async () => {
    // Each of these would fail differently if it were parsed: corrupted, unsupported, empty.
    for (const name of ['corrupted.pdf', 'binary.txt', 'blank.txt']) {
      const bytes = fixture(name);
      const error = await failure(bytes, { ...OPTIONS, maxBytes: bytes.length - 1 });
      expect(error.code).toBe('FILE_TOO_LARGE');
      expect(error.statusCode).toBe(413);
    }
  });

  it('states the limit in MB', async () => {
    const error = await failure(Buffer.alloc(3 * 1024 * 1024, 0x61), { ...OPTIONS, maxBytes: 2 * 1024 * 1024 });
    expect(error.message).toContain('larger than 2 MB');
  });

  it('accepts a file of exactly maxBytes', async () => {
    const bytes = fixture('cv-alex-morgan.txt');
    const result = await extractDocument(bytes, { ...OPTIONS, maxBytes: bytes.length });
    expect(result.format).toBe('txt');
  });

  it.each(['cv-alex-morgan.pdf', 'cv-alex-morgan.docx'])('gives up on %s with DOCUMENT_TIMEOUT when the deadline passes', async (name) => {
    const hasty = testParsePool({ threads: 1, timeoutMs: 1 });
    try {
      const error = await failure(fixture(name), { ...OPTIONS, pool: hasty });
      expect(error.code).toBe('DOCUMENT_TIMEOUT');
      expect(error.statusCode).toBe(422);
    } finally {
      await hasty.close();
    }
  });

  it.each(['cv-alex-morgan.pdf', 'cv-alex-morgan.docx', 'cv-alex-morgan.txt'])(
    'truncates %s at maxChars on a line or sentence boundary',
    async (name) => {
      const full = await extractDocument(fixture(name), OPTIONS);
      const result = await extractDocument(fixture(name), { ...OPTIONS, maxChars: 1500 });
      expect(result.truncated).toBe(true);
      expect(result.text.length).toBeLessThanOrEqual(1500);
      expect(result.text.length).toBeGreaterThan(1500 * 0.85);
      expect(full.text.startsWith(result.text)).toBe(true);
      const next = full.text[result.text.length] ?? '';
      expect(next === '\n' || (/[.!?]$/.test(result.text) && next === ' ')).toBe(true);
      expect(result.wordCount).toBeLessThan(full.wordCount);
    },
  );

  it('never cuts inside a word, even when no line or sentence ends near the cap', async () => {
    const full = await extractDocument(fixture('cv-alex-morgan.txt'), OPTIONS);
    // The summary paragraph runs across the 500-character mark with no sentence end nearby.
    const result = await extractDocument(fixture('cv-alex-morgan.txt'), { ...OPTIONS, maxChars: 500 });
    expect(result.truncated).toBe(true);
    expect(result.text.length).toBeLessThanOrEqual(500);
    expect(full.text.startsWith(result.text)).toBe(true);
    expect(full.text[result.text.length]).toBe(' ');
    expect(result.text.endsWith('observability, migrations and')).toBe(true);
  });

  it('stops reading a long PDF once it has enough text, but still reports every page', async () => {
    const { default: PDFDocument } = await import('pdfkit');
    const doc = new PDFDocument({ size: 'A4', info: { CreationDate: new Date(0) } });
    for (let page = 1; page <= 60; page++) {
      if (page > 1) doc.addPage();
      doc.fontSize(10).text(`Section ${page}. ${'Delivered reliable backend services for many teams. '.repeat(40)}`);
    }
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    const done = new Promise((resolve) => doc.on('end', resolve));
    doc.end();
    await done;

    const result = await extractDocument(Buffer.concat(chunks), { ...OPTIONS, maxChars: 2_000, maxPages: 100 });
    expect(result.pageCount).toBe(60);
    expect(result.truncated).toBe(true);
    expect(result.text.length).toBeLessThanOrEqual(2_000);
    expect(result.text.startsWith('Section 1. Delivered reliable backend services')).toBe(true);
  });

  it('rejects invalid options as a programming error', async () => {
    await expect(extractDocument(fixture('cv-alex-morgan.txt'), { ...OPTIONS, maxChars: 0 })).rejects.toThrow(TypeError);
  });
});

describe('extractDocument: text encodings', () => {
  it('reads UTF-16 (with BOM) and Windows-1252 text files', async () => {
    const text = 'Alex Morgan\r\nCafé owner turned backend engineer';
    const utf16 = await extractDocument(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), OPTIONS);
    expect(utf16.text).toBe('Alex Morgan\nCafé owner turned backend engineer');
    const ansi = await extractDocument(Buffer.from(text, 'latin1'), OPTIONS);
    expect(ansi.text).toBe('Alex Morgan\nCafé owner turned backend engineer');
  });
});
