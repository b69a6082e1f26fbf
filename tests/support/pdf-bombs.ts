/**
 * Hostile PDFs, written object by object (no library would write these): the three bombs of
 * issue 17 — nested form XObjects (a few KB that draw a letter billions of times), 40,000
 * pages, and one page of huge (compressed) text — plus an ordinary multi-page PDF for contrast.
 */
import zlib from 'node:zlib';

type PdfObject = string | { dict: string; stream: Buffer };

/** Serialises objects 1..n (object 1 is the catalog) with a correct cross-reference table. */
export function pdfFromObjects(objects: PdfObject[]): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let length = parts[0]!.length;
  const offsets: number[] = [];
  const push = (chunk: Buffer | string) => {
    const b = typeof chunk === 'string' ? Buffer.from(chunk, 'latin1') : chunk;
    parts.push(b);
    length += b.length;
  };
  objects.forEach((object, i) => {
    offsets.push(length);
    if (typeof object === 'string') {
      push(`${i + 1} 0 obj\n${object}\nendobj\n`);
    } else {
      push(`${i + 1} 0 obj\n<< ${object.dict} /Length ${object.stream.length} >>\nstream\n`);
      push(object.stream);
      push('\nendstream\nendobj\n');
    }
  });
  const xref = length;
  push(`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`);
  push(offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join(''));
  push(`trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  return Buffer.concat(parts);
}

const FONT = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';
const stream = (content: string, compress = false) =>
  compress ? { dict: '/Filter /FlateDecode', stream: zlib.deflateSync(Buffer.from(content, 'latin1')) } : { dict: '', stream: Buffer.from(content, 'latin1') };

/**
 * `depth` levels of form XObjects, each drawing the next `fanout` times; the innermost shows one
 * letter. 12 × 10 draws the letter 10^12 times from about 3 KB.
 */
export function nestedXObjectBomb(depth = 12, fanout = 10): Buffer {
  // 1 catalog, 2 pages, 3 page, 4 page content, 5 font, 6.. forms (6 = outermost).
  const objects: PdfObject[] = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /XObject << /X 6 0 R >> /Font << /F1 5 0 R >> >> >>',
    stream('/X Do'),
    FONT,
  ];
  for (let level = 0; level < depth; level++) {
    const next = 6 + level + 1;
    objects.push({
      dict: `/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /XObject << /X ${next} 0 R >> /Font << /F1 5 0 R >> >>`,
      stream: Buffer.from(Array.from({ length: fanout }, () => '/X Do').join(' '), 'latin1'),
    });
  }
  objects.push({ dict: '/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >>', stream: Buffer.from('BT /F1 12 Tf 72 720 Td (A) Tj ET') });
  return pdfFromObjects(objects);
}

/** A real page tree of `pages` empty pages (about 60 bytes each). */
export function manyPagesPdf(pages = 40_000): Buffer {
  const first = 4; // 1 catalog, 2 pages, 3 shared empty content; pages from object 4
  const kids = Array.from({ length: pages }, (_, i) => `${first + i} 0 R`).join(' ');
  const objects: PdfObject[] = ['<< /Type /Catalog /Pages 2 0 R >>', `<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`, stream('')];
  for (let i = 0; i < pages; i++) objects.push('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 3 0 R >>');
  return pdfFromObjects(objects);
}

/** One page showing `chars` characters (in runs of 1,000), compressed: a small file, a huge page. */
export function hugeTextPdf(chars = 5_000_000): Buffer {
  const run = `(${'Lorem ipsum dolor sit amet '.repeat(40).slice(0, 1000)}) Tj 0 -1 Td `;
  const content = `BT /F1 1 Tf 10 780 Td ${run.repeat(Math.ceil(chars / 1000))} ET`;
  return pdfFromObjects([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    stream(content, true),
    FONT,
  ]);
}

/** An ordinary PDF of `pages` pages with a line of text each. */
export function plainPdf(pages: number, line = 'Delivered reliable backend services for many teams.'): Buffer {
  const first = 5; // 1 catalog, 2 pages, 3 font, 4 unused; page n at first + 2n, its content next
  const kids = Array.from({ length: pages }, (_, i) => `${first + 2 * i} 0 R`).join(' ');
  const objects: PdfObject[] = ['<< /Type /Catalog /Pages 2 0 R >>', `<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`, FONT, '<< >>'];
  for (let i = 0; i < pages; i++) {
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents ${first + 2 * i + 1} 0 R /Resources << /Font << /F1 3 0 R >> >> >>`);
    objects.push(stream(`BT /F1 11 Tf 72 720 Td (Page ${i + 1}. ${line}) Tj ET`));
  }
  return pdfFromObjects(objects);
}
