/**
 * Content sniffing: decides what an uploaded file really is from its bytes, never from
 * its name or the MIME type the browser sent. Anything we can't read gets a short
 * human description ("a PNG image") that slots into `Errors.unsupportedFileType`:
 * "That file looks like <detected>, which we can't read."
 */
import type { DetectedFormat } from './types.js';

const DESCRIPTIONS = {
  empty: 'an empty file',
  zip: 'a ZIP archive',
  odt: 'an OpenDocument text file (.odt)',
  ods: 'an OpenDocument spreadsheet (.ods)',
  odp: 'an OpenDocument presentation (.odp)',
  odf: 'an OpenDocument file',
  epub: 'an EPUB e-book',
  pages: 'an Apple Pages document (export it as PDF or Word first)',
  xlsx: 'an Excel spreadsheet (.xlsx)',
  pptx: 'a PowerPoint presentation (.pptx)',
  doc: 'an old Word .doc file (open it in Word or LibreOffice and save it as .docx or PDF)',
  xls: 'an old Excel .xls spreadsheet',
  ppt: 'an old PowerPoint .ppt presentation',
  msg: 'an Outlook email (.msg)',
  encryptedOffice: 'a password-protected Office document (remove the password and save it again)',
  png: 'a PNG image',
  jpeg: 'a JPEG image',
  gif: 'a GIF image',
  webp: 'a WebP image',
  tiff: 'a TIFF image',
  bmp: 'a BMP image',
  heic: 'a HEIC photo',
  svg: 'an SVG image',
  rtf: 'a Rich Text (.rtf) document',
  html: 'a web page (HTML)',
  postscript: 'a PostScript file',
  exe: 'a Windows program (.exe)',
  elf: 'a Linux program',
  macho: 'a macOS program',
  gzip: 'a compressed (.gz) archive',
  sevenZip: 'a 7-Zip archive',
  rar: 'a RAR archive',
  audio: 'an audio file',
  video: 'a video file',
  binary: 'a binary (non-text) file',
} as const;

/** Internal result: like `DetectedFormat`, plus the decoded text for TXT so it is not decoded twice. */
export type Sniffed = { format: 'pdf' | 'docx' } | { format: 'txt'; text: string } | { format: null; detected: string };

export function detectFormat(bytes: Buffer): DetectedFormat {
  const sniffed = sniff(bytes);
  return sniffed.format === null ? sniffed : { format: sniffed.format };
}

const startsWith = (bytes: Buffer, signature: readonly number[], offset = 0): boolean =>
  bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);
const ascii = (bytes: Buffer, start: number, end: number): string => bytes.toString('latin1', start, Math.min(end, bytes.length));

export function sniff(bytes: Buffer): Sniffed {
  if (bytes.length === 0) return { format: null, detected: DESCRIPTIONS.empty };

  // --- PDF: "%PDF-" at the start, or within the first KiB after binary junk (which PDF readers tolerate).
  const pdfAt = bytes.subarray(0, 1024).indexOf('%PDF-', 0, 'latin1');
  if (pdfAt >= 0) {
    const prefix = bytes.subarray(0, pdfAt);
    const onlyWhitespace = prefix.every((b) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d || b === 0xef || b === 0xbb || b === 0xbf);
    if (onlyWhitespace || decodeText(prefix) === null) return { format: 'pdf' };
  }

  // --- ZIP containers: DOCX and its look-alikes.
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return sniffZip(bytes);

  // --- OLE2 compound files: legacy Office, and password-protected modern Office.
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return { format: null, detected: sniffOle(bytes) };

  // --- Images.
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return unsupported('png');
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return unsupported('jpeg');
  if (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a') return unsupported('gif');
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return unsupported('webp');
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return unsupported('tiff');
  if (ascii(bytes, 0, 2) === 'BM' && bytes.length >= 14 && bytes.readUInt32LE(2) === bytes.length) return unsupported('bmp');
  if (ascii(bytes, 4, 8) === 'ftyp') return sniffIsoMedia(ascii(bytes, 8, 12));

  // --- Documents and programs we recognise but don't read.
  if (ascii(bytes, 0, 5) === '{\\rtf') return unsupported('rtf');
  if (ascii(bytes, 0, 4) === '%!PS') return unsupported('postscript');
  if (startsWith(bytes, [0x7f, 0x45, 0x4c, 0x46])) return unsupported('elf');
  if ([[0xfe, 0xed, 0xfa, 0xce], [0xfe, 0xed, 0xfa, 0xcf], [0xce, 0xfa, 0xed, 0xfe], [0xcf, 0xfa, 0xed, 0xfe], [0xca, 0xfe, 0xba, 0xbe]].some((s) => startsWith(bytes, s))) {
    return unsupported('macho');
  }
  if (isWindowsExecutable(bytes)) return unsupported('exe');

  // --- Archives and media.
  if (startsWith(bytes, [0x1f, 0x8b])) return unsupported('gzip');
  if (startsWith(bytes, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])) return unsupported('sevenZip');
  if (ascii(bytes, 0, 6) === 'Rar!\x1a\x07') return unsupported('rar');
  if (ascii(bytes, 0, 3) === 'ID3' || ascii(bytes, 0, 4) === 'OggS' || ascii(bytes, 0, 4) === 'fLaC') return unsupported('audio');
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WAVE') return unsupported('audio');
  if (startsWith(bytes, [0x1a, 0x45, 0xdf, 0xa3])) return unsupported('video');

  // --- Plain text.
  const text = decodeText(bytes);
  if (text !== null) {
    const start = text.trimStart().slice(0, 512).toLowerCase();
    if (start.startsWith('<!doctype html') || start.startsWith('<html')) return unsupported('html');
    if (start.startsWith('<svg') || (start.startsWith('<?xml') && start.includes('<svg'))) return unsupported('svg');
    return { format: 'txt', text };
  }

  // "MZ" alone is weak evidence, so only now that the file is known not to be text.
  if (ascii(bytes, 0, 2) === 'MZ') return unsupported('exe');
  return unsupported('binary');
}

function unsupported(kind: keyof typeof DESCRIPTIONS): { format: null; detected: string } {
  return { format: null, detected: DESCRIPTIONS[kind] };
}

function isWindowsExecutable(bytes: Buffer): boolean {
  if (ascii(bytes, 0, 2) !== 'MZ' || bytes.length < 0x40) return false;
  const peOffset = bytes.readUInt32LE(0x3c);
  return peOffset + 4 <= bytes.length && ascii(bytes, peOffset, peOffset + 4) === 'PE\0\0';
}

function sniffIsoMedia(brand: string): { format: null; detected: string } {
  if (['heic', 'heix', 'hevc', 'heim', 'heis', 'mif1', 'msf1', 'avif'].includes(brand)) return unsupported('heic');
  if (brand.startsWith('M4A') || brand === 'M4B ') return unsupported('audio');
  return unsupported('video');
}

// ---------------------------------------------------------------------------------------
// Text
// ---------------------------------------------------------------------------------------

/** At most this share of characters may be control characters or U+FFFD for a file to count as text. */
const MAX_NON_PRINTABLE = 0.05;

/**
 * Decodes bytes that look like a text file, or returns null. Accepted: UTF-8 (with or
 * without BOM), UTF-16 with a BOM, and — as a fallback for "ANSI" files saved by
 * Windows Notepad — Windows-1252. Never accepted: NUL bytes, or more than a few
 * control characters.
 */
function decodeText(bytes: Uint8Array): string | null {
  let text: string;
  if (startsWithBytes(bytes, [0xef, 0xbb, 0xbf])) {
    text = tryDecode('utf-8', bytes.subarray(3));
  } else if (startsWithBytes(bytes, [0xff, 0xfe]) && !startsWithBytes(bytes, [0xff, 0xfe, 0x00, 0x00])) {
    text = tryDecode('utf-16le', bytes.subarray(2));
  } else if (startsWithBytes(bytes, [0xfe, 0xff])) {
    text = tryDecode('utf-16be', bytes.subarray(2));
  } else {
    if (bytes.includes(0)) return null;
    text = tryDecode('utf-8', bytes);
    if (text === INVALID) text = tryDecode('windows-1252', bytes);
  }
  if (text === INVALID || text.includes('\u0000')) return null;
  return isMostlyPrintable(text) ? text : null;
}

const INVALID = '\u0000invalid';

function tryDecode(encoding: string, bytes: Uint8Array): string {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return INVALID;
  }
}

function startsWithBytes(bytes: Uint8Array, signature: readonly number[]): boolean {
  return bytes.length >= signature.length && signature.every((b, i) => bytes[i] === b);
}

function isMostlyPrintable(text: string): boolean {
  if (text.length === 0) return true;
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const control = (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || (c >= 0x7f && c <= 0x9f);
    if (control || c === 0xfffd) bad++;
  }
  return bad / text.length <= MAX_NON_PRINTABLE;
}

// ---------------------------------------------------------------------------------------
// ZIP
// ---------------------------------------------------------------------------------------

export interface ZipEntryInfo {
  method: number;
  localOffset: number;
  compressedSize: number;
  /** As declared by the archive (central directory, else local header): zip-limits.ts checks it is true. */
  uncompressedSize: number;
}

export interface ZipListing {
  /** True when the central directory was readable; false when names come from a scan of local headers. */
  intact: boolean;
  /** Entry count the end-of-central-directory record declares (may exceed what was listed). */
  declaredCount: number;
  entries: Map<string, ZipEntryInfo>;
  /** Every central-directory record in order, duplicates included (intact listings only). */
  records: ZipEntryInfo[];
}

const MAX_ZIP_ENTRIES = 5000;

function sniffZip(bytes: Buffer): Sniffed {
  const listing = listZip(bytes);
  const names = [...listing.entries.keys()];
  const lower = new Set(names.map((n) => n.toLowerCase()));

  if (lower.has('word/document.xml')) return { format: 'docx' };

  const mimetype = readStoredEntry(bytes, listing, 'mimetype')?.trim();
  if (mimetype) {
    if (mimetype === 'application/vnd.oasis.opendocument.text') return unsupported('odt');
    if (mimetype === 'application/vnd.oasis.opendocument.spreadsheet') return unsupported('ods');
    if (mimetype === 'application/vnd.oasis.opendocument.presentation') return unsupported('odp');
    if (mimetype.startsWith('application/vnd.oasis.opendocument.')) return unsupported('odf');
    if (mimetype === 'application/epub+zip') return unsupported('epub');
  }
  if (lower.has('xl/workbook.xml')) return unsupported('xlsx');
  if (lower.has('ppt/presentation.xml')) return unsupported('pptx');
  if (lower.has('index/document.iwa')) return unsupported('pages');

  // A ZIP whose directory can't be read is most likely a damaged .docx (that is what
  // people upload as a CV); treat it as one so the user hears "that Word file is damaged".
  if (!listing.intact) return { format: 'docx' };
  return unsupported('zip');
}

export function listZip(bytes: Buffer): ZipListing {
  return readCentralDirectory(bytes) ?? { intact: false, declaredCount: 0, entries: scanLocalHeaders(bytes), records: [] };
}

function readCentralDirectory(bytes: Buffer): ZipListing | null {
  // End of central directory record: at the end, possibly followed by a comment of up to 64 KiB.
  const minStart = Math.max(0, bytes.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= minStart; i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = bytes.readUInt16LE(eocd + 10);
  const size = bytes.readUInt32LE(eocd + 12);
  const offset = bytes.readUInt32LE(eocd + 16);
  if (offset + size > eocd) return null; // also rejects ZIP64 placeholders (0xFFFFFFFF)

  const entries: ZipListing['entries'] = new Map();
  const records: ZipEntryInfo[] = [];
  let p = offset;
  for (let n = 0; n < Math.min(count, MAX_ZIP_ENTRIES); n++) {
    if (p + 46 > eocd || bytes.readUInt32LE(p) !== 0x02014b50) return null;
    const method = bytes.readUInt16LE(p + 10);
    const compressedSize = bytes.readUInt32LE(p + 20);
    const uncompressedSize = bytes.readUInt32LE(p + 24);
    const nameLength = bytes.readUInt16LE(p + 28);
    const extraLength = bytes.readUInt16LE(p + 30);
    const commentLength = bytes.readUInt16LE(p + 32);
    const localOffset = bytes.readUInt32LE(p + 42);
    if (p + 46 + nameLength > eocd) return null;
    const info = { method, localOffset, compressedSize, uncompressedSize };
    entries.set(bytes.toString('utf8', p + 46, p + 46 + nameLength), info);
    records.push(info);
    p += 46 + nameLength + extraLength + commentLength;
  }
  return { intact: true, declaredCount: count, entries, records };
}

/** Fallback for archives without a readable central directory (e.g. truncated uploads). */
function scanLocalHeaders(bytes: Buffer): ZipListing['entries'] {
  const entries: ZipListing['entries'] = new Map();
  let p = 0;
  while (entries.size < MAX_ZIP_ENTRIES && p + 30 <= bytes.length && bytes.readUInt32LE(p) === 0x04034b50) {
    const flags = bytes.readUInt16LE(p + 6);
    const method = bytes.readUInt16LE(p + 8);
    const compressedSize = bytes.readUInt32LE(p + 18);
    const uncompressedSize = bytes.readUInt32LE(p + 22);
    const nameLength = bytes.readUInt16LE(p + 26);
    const extraLength = bytes.readUInt16LE(p + 28);
    if (nameLength === 0 || p + 30 + nameLength > bytes.length) break;
    const name = bytes.toString('utf8', p + 30, p + 30 + nameLength);
    if (!/^[\p{L}\p{N}\p{P}\p{S} ]+$/u.test(name)) break; // garbage, not a file name
    entries.set(name, { method, localOffset: p, compressedSize, uncompressedSize });
    if (flags & 0x08) break; // sizes live in a trailing data descriptor: can't skip ahead reliably
    p += 30 + nameLength + extraLength + compressedSize;
  }
  return entries;
}

/** The content of a small STORED (uncompressed) entry such as ODF's "mimetype", or undefined. */
function readStoredEntry(bytes: Buffer, listing: ZipListing, name: string): string | undefined {
  const entry = listing.entries.get(name);
  if (!entry || entry.method !== 0 || entry.compressedSize > 200) return undefined;
  const p = entry.localOffset;
  if (p + 30 > bytes.length || bytes.readUInt32LE(p) !== 0x04034b50) return undefined;
  const start = p + 30 + bytes.readUInt16LE(p + 26) + bytes.readUInt16LE(p + 28);
  if (start + entry.compressedSize > bytes.length) return undefined;
  return bytes.toString('latin1', start, start + entry.compressedSize);
}

// ---------------------------------------------------------------------------------------
// OLE2 (legacy Office)
// ---------------------------------------------------------------------------------------

function sniffOle(bytes: Buffer): string {
  // Stream names live in the directory as UTF-16LE; looking for them is enough to tell the
  // applications apart without parsing the FAT.
  const has = (streamName: string) => bytes.includes(Buffer.from(streamName, 'utf16le'));
  if (has('EncryptedPackage')) return DESCRIPTIONS.encryptedOffice;
  if (has('WordDocument')) return DESCRIPTIONS.doc;
  if (has('Workbook') || has('Book\0')) return DESCRIPTIONS.xls;
  if (has('PowerPoint Document')) return DESCRIPTIONS.ppt;
  if (has('__substg1.0_')) return DESCRIPTIONS.msg;
  return DESCRIPTIONS.doc; // by far the most common OLE file people mistake for a CV format
}
