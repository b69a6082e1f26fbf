export type DocumentFormat = 'pdf' | 'docx' | 'txt';

export interface ExtractedDocument {
  /** Normalised text (see `normalizeText`), capped at `maxChars`. */
  text: string;
  format: DocumentFormat;
  /** Number of pages for a PDF; `null` for DOCX and TXT, which have no fixed pages. */
  pageCount: number | null;
  /** Words in `text` (tokens containing at least one letter or digit). */
  wordCount: number;
  /** True when some of the document's text was dropped to respect `maxChars`. */
  truncated: boolean;
}

import type { ParseLimiter, Requester } from './parse-limiter.js';
import type { ParsePool } from './parse-pool.js';

export interface ExtractOptions {
  /** Larger files are rejected with FILE_TOO_LARGE before any parsing. */
  maxBytes: number;
  /** The returned text is cut (at a paragraph/sentence boundary) to at most this many characters. */
  maxChars: number;
  /** PDFs with more pages are refused (DOCUMENT_TOO_MANY_PAGES) before any page is read. */
  maxPages: number;
  /** The warm parsing threads PDF/DOCX go to (parse-pool.ts: it holds the deadline). */
  pool: ParsePool;
  /** Caps and orders concurrent PDF/DOCX parses (the app shares one); none: unlimited. */
  limiter?: ParseLimiter;
  /** Who asked, for the limiter's per-visitor and per-address fairness. */
  requester?: Requester;
}

export type DetectedFormat = { format: DocumentFormat } | { format: null; detected: string };
