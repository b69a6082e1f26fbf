export type { ExtractedDocument, ExtractOptions } from './types.js';
export { detectFormat } from './detect.js';
export { extractDocument } from './extract.js';
export { normalizeText } from './normalize.js';
export { createParseLimiter } from './parse-limiter.js';
export { createParsePool, type ParsePool } from './parse-pool.js';
