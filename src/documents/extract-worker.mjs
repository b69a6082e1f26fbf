// @ts-check
/**
 * Worker thread that parses one PDF or DOCX and posts back plain data. Written as plain
 * JavaScript so the same file loads unchanged under tsx, Vitest and `node` on compiled
 * output (it is started with `new URL('./extract-worker.mjs', import.meta.url)`).
 *
 * Protocol — request:  { format: 'pdf' | 'docx', data: ArrayBuffer (transferred), maxChars: number }
 *            reply:    { ok: true, text, pageCount: number | null, truncated: boolean }
 *                    | { ok: false, kind: 'encrypted' | 'corrupted' | 'bad-request', detail: string }
 * Only plain objects cross the thread boundary, never Error instances.
 */
import { parentPort } from 'node:worker_threads';

if (!parentPort) throw new Error('extract-worker.mjs must be started as a worker thread.');
const port = parentPort;

port.once('message', (request) => {
  handle(request).then(
    (reply) => port.postMessage(reply),
    (error) => port.postMessage({ ok: false, kind: 'corrupted', detail: describe(error) }),
  );
});

/** @param {any} request */
async function handle(request) {
  if (!request || !(request.data instanceof ArrayBuffer) || !(request.maxChars > 0)) {
    return { ok: false, kind: 'bad-request', detail: 'Expected { format, data: ArrayBuffer, maxChars }.' };
  }
  const bytes = new Uint8Array(request.data);
  if (request.format === 'pdf') return extractPdf(bytes, request.maxChars);
  if (request.format === 'docx') return extractDocx(bytes, request.maxChars);
  return { ok: false, kind: 'bad-request', detail: `Unknown format ${String(request.format)}.` };
}

/**
 * @param {Uint8Array} bytes
 * @param {number} maxChars stop reading pages once this much raw text has been collected
 */
async function extractPdf(bytes, maxChars) {
  const { PDFParse } = await import('pdf-parse');
  const parser = new PDFParse({
    data: bytes,
    isEvalSupported: false, // never compile code from font programs (defence in depth, cf. CVE-2024-4367)
    useSystemFonts: false,
    disableFontFace: true,
    stopAtErrors: false,
  });
  try {
    // Page by page, so a 500-page upload stops being read once we have enough text.
    // Each page's text ends with pdf-parse's default separator "\n-- N of M --\n\n".
    let text = '';
    let pageCount = 1; // corrected by the first call
    let truncated = false;
    for (let page = 1; page <= pageCount; page++) {
      const result = await parser.getText({ partial: [page] });
      pageCount = result.total;
      if (page > pageCount) break; // a PDF with no pages at all
      text += result.text;
      if (text.length >= maxChars && page < pageCount) {
        truncated = true;
        break;
      }
    }
    return { ok: true, text: text.slice(0, maxChars), pageCount, truncated: truncated || text.length > maxChars };
  } catch (error) {
    const name = /** @type {{ name?: unknown }} */ (error)?.name;
    return { ok: false, kind: name === 'PasswordException' ? 'encrypted' : 'corrupted', detail: describe(error) };
  } finally {
    await parser.destroy().catch(() => undefined);
  }
}

/**
 * @param {Uint8Array} bytes
 * @param {number} maxChars
 */
async function extractDocx(bytes, maxChars) {
  const { default: mammoth } = await import('mammoth');
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
