// @ts-check
/**
 * Document parsing in a warm pool thread (piscina; see parse-pool.ts). Written as plain
 * JavaScript so the same file loads unchanged under tsx, Vitest and `node` on compiled output.
 *
 * pdf.js and mammoth are imported when the thread starts, and a tiny PDF is parsed once, so
 * the first upload after start-up costs what every later one does.
 *
 * PDF parsing is bounded by work, not only by the pool's deadline (limits in extract.ts):
 * - pages: a document with more than `maxPages` is refused before any page is read (from the
 *   page tree's /Count in the raw bytes when it is there, so even 40,000 pages cost nothing);
 * - text per page: page text is read as a stream (with back-pressure, so pdf.js pauses when we
 *   stop reading) and a page that yields more than `maxPageItems` text runs, `maxPageChars`
 *   characters or `maxPageChunks` chunks is refused. Chunks are what stop a bomb of nested form
 *   XObjects: pdf.js hands over the text of every form XObject it draws as its own chunk, so a
 *   file whose forms draw each other ten times per level (billions of draws from 3 KB) shows
 *   up as thousands of one-letter chunks within ~100 ms; a real page has a few dozen;
 * - per document: more than `maxDocChunks` chunks is refused the same way; reading stops
 *   (truncated) past `maxDocItems` text runs or `maxChars` characters.
 *
 * Protocol — request:  { format: 'pdf' | 'docx', data: ArrayBuffer (transferred), maxChars,
 *                        maxPages, maxPageChars, maxPageItems }
 *            reply:    { ok: true, text, pageCount: number | null, truncated: boolean, recycle }
 *                    | { ok: false, kind: 'encrypted' | 'corrupted' | 'bad-request' | 'too-many-pages'
 *                        | 'over-budget', detail: string, pageCount?: number, recycle }
 * `recycle` asks the pool to replace this thread once its heap has grown past `recycleHeapBytes`
 * (the pool also retires it after a number of jobs). Only plain objects cross the thread
 * boundary, never Error instances.
 */
import v8 from 'node:v8';
import { threadId, workerData } from 'node:worker_threads';

const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
// pdf.js runs its "worker" on this thread: load it now rather than on the first document.
/** @type {any} */ (globalThis).pdfjsWorker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
const { default: mammoth } = await import('mammoth');

const recycleHeapBytes = Number(workerData?.recycleHeapBytes) > 0 ? Number(workerData.recycleHeapBytes) : 64 * 1024 * 1024;

/** @param {any} request */
export default async function parse(request) {
  if (request?.warmUp === true) return { ok: true, warm: true, threadId }; // the pool's start-up probe
  const reply = await handle(request);
  return { ...reply, threadId, recycle: v8.getHeapStatistics().used_heap_size > recycleHeapBytes };
}

/** @param {any} request */
async function handle(request) {
  if (!request || !(request.data instanceof ArrayBuffer) || !(request.maxChars > 0)) {
    return { ok: false, kind: 'bad-request', detail: 'Expected { format, data: ArrayBuffer, maxChars, … }.' };
  }
  const bytes = new Uint8Array(request.data);
  if (request.format === 'pdf') return extractPdf(bytes, request);
  if (request.format === 'docx') return extractDocx(bytes, request.maxChars);
  return { ok: false, kind: 'bad-request', detail: `Unknown format ${String(request.format)}.` };
}

/**
 * @typedef {{ maxChars: number, maxPages: number, maxPageChars: number, maxPageItems: number,
 *   maxPageChunks: number, maxDocItems: number, maxDocChunks: number }} PdfLimits
 */

/**
 * @param {Uint8Array} bytes
 * @param {PdfLimits} limits
 */
async function extractPdf(bytes, limits) {
  const declaredPages = declaredPageCount(bytes);
  if (declaredPages > limits.maxPages) {
    return { ok: false, kind: 'too-many-pages', pageCount: declaredPages, detail: `page tree declares ${declaredPages} pages (limit ${limits.maxPages})` };
  }
  const loadingTask = pdfjs.getDocument({
    data: bytes,
    isEvalSupported: false, // never compile code from font programs (defence in depth, cf. CVE-2024-4367)
    useSystemFonts: false,
    disableFontFace: true,
    stopAtErrors: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  /** @type {any} */
  let doc;
  try {
    doc = await loadingTask.promise;
    const pageCount = doc.numPages;
    if (pageCount > limits.maxPages) {
      return { ok: false, kind: 'too-many-pages', pageCount, detail: `${pageCount} pages (limit ${limits.maxPages})` };
    }
    const spent = { items: 0, chunks: 0 };
    let text = '';
    let truncated = false;
    for (let number = 1; number <= pageCount; number++) {
      const page = await doc.getPage(number);
      const read = await readPageText(page, limits, spent);
      if (read.overBudget) return { ok: false, kind: 'over-budget', pageCount, detail: `page ${number}: ${read.overBudget}` };
      // pdf-parse's page separator, which normalize.ts recognises as page furniture.
      text += `${read.text}\n-- ${number} of ${pageCount} --\n\n`;
      page.cleanup();
      if (text.length >= limits.maxChars || spent.items >= limits.maxDocItems) {
        truncated = number < pageCount || text.length > limits.maxChars;
        break;
      }
    }
    return { ok: true, text: text.slice(0, limits.maxChars), pageCount, truncated };
  } catch (error) {
    const name = /** @type {{ name?: unknown }} */ (error)?.name;
    return { ok: false, kind: name === 'PasswordException' ? 'encrypted' : 'corrupted', detail: describe(error) };
  } finally {
    // Also stops any evaluation still running for a page we stopped reading.
    await (doc ?? loadingTask).destroy().catch(() => undefined);
  }
}

/**
 * The largest /Count of a /Type /Pages dictionary written out in the file (0 when the page tree
 * sits in a compressed object stream: pdf.js's own count is checked after loading then).
 * @param {Uint8Array} bytes
 */
function declaredPageCount(bytes) {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  let most = 0;
  for (const match of text.matchAll(/<<[^<>]*\/Type\s*\/Pages\b[^<>]*>>/g)) {
    const count = /\/Count\s+(\d{1,9})\b/.exec(match[0]);
    if (count) most = Math.max(most, Number(count[1]));
  }
  return most;
}

/**
 * One page's text, laid out the way pdf-parse 2 does (a new line when the baseline moves, a tab
 * between cells on the same line), read as a stream and abandoned once over the budget.
 * @param {any} page
 * @param {PdfLimits} limits
 * @param {{ items: number, chunks: number }} spent across the document so far (updated)
 * @returns {Promise<{ text: string, overBudget?: string }>}
 */
async function readPageText(page, limits, spent) {
  const viewport = page.getViewport({ scale: 1 });
  const reader = page.streamTextContent({ includeMarkedContent: false }).getReader();
  /** @type {any[]} */
  const items = [];
  let chars = 0;
  let chunks = 0;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    chunks++;
    spent.chunks++;
    for (const item of value.items) {
      if (!('str' in item)) continue;
      items.push(item);
      chars += item.str.length;
    }
    spent.items += value.items.length;
    const over =
      items.length > limits.maxPageItems ? `more than ${limits.maxPageItems} text runs`
      : chars > limits.maxPageChars ? `more than ${limits.maxPageChars} characters`
      : chunks > limits.maxPageChunks ? `more than ${limits.maxPageChunks} nested text drawings`
      : spent.chunks > limits.maxDocChunks ? `more than ${limits.maxDocChunks} nested text drawings in the document`
      : null;
    if (over) {
      // Cancelling stops pdf.js's evaluation of the page (and destroy() below the document's);
      // pdf.js insists on an Error as the reason, or its worker state breaks for the next file.
      await reader.cancel(new Error('over the work budget')).catch(() => undefined);
      return { text: '', overBudget: over };
    }
  }
  return { text: layOut(items, viewport) };
}

const LINE_THRESHOLD = 4.6;
const CELL_THRESHOLD = 7;

/**
 * @param {any[]} items pdf.js text items
 * @param {any} viewport
 */
function layOut(items, viewport) {
  /** @type {string[]} */
  const out = [];
  /** @type {number | undefined} */ let lastX;
  /** @type {number | undefined} */ let lastY;
  let lineHeight = 0;
  for (const item of items) {
    let str = item.str;
    const [x, y] = viewport.convertToViewportPoint(item.transform[4], item.transform[5]);
    if (lastY !== undefined && Math.abs(lastY - y) > LINE_THRESHOLD) {
      const last = out.length ? out[out.length - 1] : undefined;
      const startsLine = str.startsWith('\n') || (str.trim() === '' && item.hasEOL);
      if (last?.endsWith('\n') === false && !startsLine && Math.abs(lastY - y) - 1 > lineHeight) {
        out.push('\n');
        lineHeight = 0;
      }
    }
    if (lastY !== undefined && Math.abs(lastY - y) < LINE_THRESHOLD && lastX !== undefined && Math.abs(lastX - x) > CELL_THRESHOLD) {
      str = `\t${str}`;
    }
    out.push(str);
    lastX = x + item.width;
    lastY = y;
    lineHeight = Math.max(lineHeight, item.height);
    if (item.hasEOL) out.push('\n');
    if (item.hasEOL || str.endsWith('\n')) lineHeight = 0;
  }
  return out.join('');
}

/**
 * @param {Uint8Array} bytes
 * @param {number} maxChars
 */
async function extractDocx(bytes, maxChars) {
  try {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const { value } = await mammoth.extractRawText({ buffer });
    return { ok: true, text: value.slice(0, maxChars), pageCount: null, truncated: value.length > maxChars };
  } catch (error) {
    return { ok: false, kind: 'corrupted', detail: describe(error) };
  }
}

/** @param {unknown} error */
function describe(error) {
  if (error instanceof Error) return `${error.name}: ${error.message}`.slice(0, 500);
  return String(error).slice(0, 500);
}

/** A one-page PDF with one line of text, parsed once at start-up so pdf.js is warm (JIT, fonts). */
function warmUpPdf() {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    null, // the content stream, below
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  const content = 'BT /F1 12 Tf 20 50 Td (Warm up) Tj ET';
  objects[3] = `<< /Length ${content.length} >>\nstream\n${content}\nendstream`;
  let pdf = '%PDF-1.4\n';
  const offsets = objects.map((body, i) => {
    const offset = pdf.length;
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return offset;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(pdf);
}

await extractPdf(warmUpPdf(), { maxChars: 1000, maxPages: 1, maxPageChars: 1000, maxPageItems: 100, maxPageChunks: 10, maxDocItems: 100, maxDocChunks: 10 });
