/**
 * Hostile inputs for the security tests: DOCX zip bombs built with the fixture ZIP writer,
 * and XSS payloads that must come out of every page inert.
 */
import { makeZip, type ZipEntry } from '../fixtures/zip.js';

const CONTENT_TYPES =
  '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const RELS =
  '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';

export const documentXml = (text: string) =>
  `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:body></w:document>`;

/** A DOCX mammoth can read, whose document.xml is the given entry (deflated unless it says otherwise). */
export function docx(document: Omit<ZipEntry, 'name'>, extra: ZipEntry[] = []): Buffer {
  return makeZip([
    { name: '[Content_Types].xml', data: CONTENT_TYPES },
    { name: '_rels/.rels', data: RELS },
    { name: 'word/document.xml', deflate: true, ...document },
    ...extra,
  ]);
}

/** Small file, huge promise: a few bytes of DEFLATE declaring 3 GB unpacked. */
export function declaredZipBomb(): Buffer {
  return docx({ data: documentXml('boom'), declaredSize: 3_000_000_000 });
}

/** Declares 2 KB but inflates to `mb` MB of XML: only inflating it shows the lie. */
export function lyingZipBomb(mb = 20): Buffer {
  const filler = '<w:t>a</w:t>'.repeat(Math.ceil((mb * 1024 * 1024) / 12));
  return docx({ data: documentXml(filler), declaredSize: 2048 });
}

/** Classic high-ratio bomb with honest headers: `mb` MB of zeros, compressed about 1000:1. */
export function honestZipBomb(mb = 40): Buffer {
  return docx({ data: documentXml('x') }, [{ name: 'word/media/zeros.bin', data: Buffer.alloc(mb * 1024 * 1024), deflate: true }]);
}

export const XSS = {
  script: '<script>alert("xss-script")</script>',
  img: '<img src=x onerror=alert("xss-img")>',
  attr: '" autofocus onfocus=alert("xss-attr") x="',
  svg: '<svg onload=alert("xss-svg")>',
};
export const XSS_ALL = Object.values(XSS).join(' ');

/** Raw markup that must never appear in a page (only its escaped form may). */
export const XSS_RAW_MARKERS = ['<script>alert', '<img src=x onerror', '<svg onload', '" autofocus onfocus'];
