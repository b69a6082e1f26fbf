import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../../src/documents/index.js';
import { makeZip } from '../../fixtures/zip.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/${name}`, import.meta.url));

describe('detectFormat: fixtures', () => {
  it.each([
    ['cv-alex-morgan.pdf', 'pdf'],
    ['cv-alex-morgan.docx', 'docx'],
    ['cv-alex-morgan.txt', 'txt'],
    ['job-backend-engineer.txt', 'txt'],
    ['job-backend-engineer.docx', 'docx'],
    // Bad content in a supported container is still that format; parsing reports the problem.
    ['corrupted.pdf', 'pdf'],
    ['encrypted.pdf', 'pdf'],
    ['image-only.pdf', 'pdf'],
    ['blank.txt', 'txt'],
    // A ZIP without a readable directory is treated as a (damaged) DOCX.
    ['corrupted.docx', 'docx'],
  ] as const)('%s → %s', (name, format) => {
    expect(detectFormat(fixture(name))).toEqual({ format });
  });

  it.each([
    ['empty.txt', 'an empty file'],
    ['photo.png', 'a PNG image'],
    ['archive.zip', 'a ZIP archive'],
    ['document.odt', 'an OpenDocument text file (.odt)'],
    ['binary.txt', 'a binary (non-text) file'],
  ])('%s is rejected as %s', (name, detected) => {
    expect(detectFormat(fixture(name))).toEqual({ format: null, detected });
  });

  it('names a legacy .doc and tells the user how to convert it', () => {
    const result = detectFormat(fixture('legacy.doc'));
    expect(result.format).toBeNull();
    if (result.format !== null) return;
    expect(result.detected).toMatch(/^an old Word \.doc file/);
    expect(result.detected).toContain('.docx or PDF');
  });

  it('goes by content, not by what the name claims', () => {
    // binary.txt ends in .txt but is noise; the CV PDF would be a PDF under any name.
    expect(detectFormat(fixture('binary.txt')).format).toBeNull();
    expect(detectFormat(Buffer.from(fixture('cv-alex-morgan.pdf'))).format).toBe('pdf');
  });
});

describe('detectFormat: other content', () => {
  const bytes = (...values: number[]) => Buffer.from(values);

  it.each([
    ['JPEG', bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46), 'a JPEG image'],
    ['GIF', Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00', 'latin1'), 'a GIF image'],
    ['WebP', Buffer.from('RIFF\x1a\x00\x00\x00WEBPVP8 ', 'latin1'), 'a WebP image'],
    ['HEIC', Buffer.from('\x00\x00\x00\x18ftypheic\x00\x00\x00\x00', 'latin1'), 'a HEIC photo'],
    ['RTF', Buffer.from('{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times;}} Alex Morgan}'), 'a Rich Text (.rtf) document'],
    ['ELF', bytes(0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0), 'a Linux program'],
    ['Mach-O', bytes(0xcf, 0xfa, 0xed, 0xfe, 7, 0, 0, 1), 'a macOS program'],
    ['gzip', bytes(0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3), 'a compressed (.gz) archive'],
    ['HTML', Buffer.from('\n  <!DOCTYPE html><html><body><h1>Alex Morgan</h1></body></html>'), 'a web page (HTML)'],
  ])('%s', (_label, input, detected) => {
    expect(detectFormat(input)).toEqual({ format: null, detected });
  });

  it('recognises a Windows executable by its MZ/PE headers', () => {
    const exe = Buffer.alloc(256);
    exe.write('MZ', 0, 'latin1');
    exe.writeUInt32LE(0x80, 0x3c);
    exe.write('PE\0\0', 0x80, 'latin1');
    expect(detectFormat(exe)).toEqual({ format: null, detected: 'a Windows program (.exe)' });
  });

  it('tells ZIP-based office formats apart', () => {
    expect(detectFormat(makeZip([{ name: '[Content_Types].xml', data: '<Types/>' }, { name: 'xl/workbook.xml', data: '<workbook/>' }]))).toEqual({
      format: null,
      detected: 'an Excel spreadsheet (.xlsx)',
    });
    expect(detectFormat(makeZip([{ name: 'ppt/presentation.xml', data: '<p/>' }]))).toEqual({
      format: null,
      detected: 'a PowerPoint presentation (.pptx)',
    });
    expect(detectFormat(makeZip([{ name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet' }]))).toEqual({
      format: null,
      detected: 'an OpenDocument spreadsheet (.ods)',
    });
    expect(detectFormat(makeZip([{ name: 'mimetype', data: 'application/epub+zip' }]))).toEqual({ format: null, detected: 'an EPUB e-book' });
    expect(detectFormat(makeZip([{ name: 'word/document.xml', data: '<w:document/>' }]))).toEqual({ format: 'docx' });
  });

  it('still finds the entries of a ZIP that lost its central directory', () => {
    const odt = fixture('document.odt');
    const truncated = odt.subarray(0, odt.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])));
    expect(detectFormat(truncated)).toEqual({ format: null, detected: 'an OpenDocument text file (.odt)' });

    const docx = fixture('cv-alex-morgan.docx');
    expect(detectFormat(docx.subarray(0, Math.floor(docx.length / 2)))).toEqual({ format: 'docx' });
  });

  it('tells OLE2 files apart: Excel, and password-protected Office documents', () => {
    const ole = (streamName: string) =>
      Buffer.concat([bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1), Buffer.alloc(504), Buffer.from(`${streamName}\0`, 'utf16le')]);
    expect(detectFormat(ole('Workbook'))).toEqual({ format: null, detected: 'an old Excel .xls spreadsheet' });
    const encrypted = detectFormat(ole('EncryptedPackage'));
    expect(encrypted.format).toBeNull();
    if (encrypted.format === null) expect(encrypted.detected).toContain('password-protected');
  });

  it('finds a PDF header after binary junk, but not a "%PDF-" mentioned in a text file', () => {
    const pdf = fixture('cv-alex-morgan.pdf');
    expect(detectFormat(Buffer.concat([bytes(0, 1, 2, 3, 0xff, 0xfe, 0), pdf]))).toEqual({ format: 'pdf' });
    expect(detectFormat(Buffer.concat([Buffer.from('\r\n'), pdf]))).toEqual({ format: 'pdf' });
    expect(detectFormat(Buffer.from('My notes: a PDF file starts with %PDF-1.7 and ends with %%EOF.\n'))).toEqual({ format: 'txt' });
  });

  it('accepts UTF-8 (with or without BOM), UTF-16 with BOM, and Windows-1252 text', () => {
    const text = 'Café résumé — naïve “quotes”\nSecond line';
    expect(detectFormat(Buffer.from(text, 'utf8'))).toEqual({ format: 'txt' });
    expect(detectFormat(Buffer.concat([bytes(0xef, 0xbb, 0xbf), Buffer.from(text, 'utf8')]))).toEqual({ format: 'txt' });
    expect(detectFormat(Buffer.concat([bytes(0xff, 0xfe), Buffer.from(text, 'utf16le')]))).toEqual({ format: 'txt' });
    const be = Buffer.from(text, 'utf16le').swap16();
    expect(detectFormat(Buffer.concat([bytes(0xfe, 0xff), be]))).toEqual({ format: 'txt' });
    // "Café résumé" as saved by Notepad in "ANSI": not valid UTF-8, but clearly text.
    expect(detectFormat(bytes(0x43, 0x61, 0x66, 0xe9, 0x20, 0x72, 0xe9, 0x73, 0x75, 0x6d, 0xe9))).toEqual({ format: 'txt' });
  });

  it('rejects UTF-16 without a BOM and text full of control characters', () => {
    expect(detectFormat(Buffer.from('Alex Morgan, backend engineer', 'utf16le')).format).toBeNull();
    const noisy = Buffer.from(Array.from({ length: 200 }, (_, i) => (i % 5 === 0 ? 0x07 : 0x61)));
    expect(detectFormat(noisy)).toEqual({ format: null, detected: 'a binary (non-text) file' });
  });
});
