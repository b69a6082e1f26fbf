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

import type { ParseLimiter } from './parse-limiter.js';

export interface ExtractOptions {
  /** Larger files are rejected with FILE_TOO_LARGE before any parsing. */
  maxBytes: number;
  /** Hard limit for parsing a PDF/DOCX in the worker thread, worker start-up included. */
  timeoutMs: number;
  /** The returned text is cut (at a paragraph/sentence boundary) to at most this many characters. */
  maxChars: number;
  /** Caps concurrent PDF/DOCX parses (the app shares one); none: unlimited. */
  limiter?: ParseLimiter;
}

export type DetectedFormat = { format: DocumentFormat } | { format: null; detected: string };
