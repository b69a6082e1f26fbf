/**
 * Zip-bomb defence for DOCX uploads, before mammoth (JSZip) opens the archive.
 *
 * 1. `checkDeclaredSizes` reads the central directory (cheap, main thread): too many entries,
 *    a total declared uncompressed size beyond what any CV needs, or an entry whose
 *    compression ratio only a bomb reaches, and the file is refused at once.
 * 2. `checkActualSizes` then inflates every entry as a stream in zlib's thread pool, counting
 *    bytes and keeping none, and stops the moment an entry produces more than it declared or
 *    the total passes the limit. Declared sizes can lie; this catches the archive that says
 *    "1 KB" and inflates to gigabytes — output that would otherwise be allocated outside the
 *    worker's heap limit.
 *
 * A ZIP whose central directory can't be read can't be checked, and JSZip could not open it
 * either: it is refused as damaged.
 */
import zlib from 'node:zlib';
import { listZip, type ZipEntryInfo, type ZipListing } from './detect.js';
import { messageOf } from '../errors.js';

export interface ZipLimits {
  maxEntries: number;
  /** Sum of every entry's uncompressed size. */
  maxTotalUncompressed: number;
  /** Largest uncompressed/compressed ratio for an entry bigger than `ratioFloor`. */
  maxRatio: number;
  /** Small entries may compress extremely well (a run of spaces); only bigger ones are judged by ratio. */
  ratioFloor: number;
  /**
   * The main text part (word/document.xml). A long CV is a few hundred KB of XML; many MB of it
   * is huge text that would hold a parsing thread (mammoth builds the whole tree in memory).
   */
  maxTextPartBytes: number;
}

/**
 * A Word CV unpacks to a few MB at most (document.xml, styles, a photo). Real DOCX files
 * compress XML 5–30×; bombs reach 1000×.
 */
export const DOCX_LIMITS: ZipLimits = {
  maxEntries: 1000,
  maxTotalUncompressed: 100 * 1024 * 1024,
  maxRatio: 200,
  ratioFloor: 1024 * 1024,
  maxTextPartBytes: 16 * 1024 * 1024,
};

const TEXT_PART = 'word/document.xml';

export type ZipVerdict = { ok: true } | { ok: false; problem: 'damaged' | 'too_large'; detail: string };

const tooLarge = (detail: string): ZipVerdict => ({ ok: false, problem: 'too_large', detail });
const damaged = (detail: string): ZipVerdict => ({ ok: false, problem: 'damaged', detail });

/** Step 1: what the central directory declares. */
export function checkDeclaredSizes(bytes: Buffer, limits: ZipLimits = DOCX_LIMITS): ZipVerdict & { listing?: ZipListing } {
  const listing = listZip(bytes);
  if (!listing.intact) return damaged('no readable central directory');
  if (listing.declaredCount > limits.maxEntries || listing.records.length > limits.maxEntries) {
    return tooLarge(`${Math.max(listing.declaredCount, listing.records.length)} entries (limit ${limits.maxEntries})`);
  }
  for (const [name, entry] of listing.entries) {
    if (name.toLowerCase() === TEXT_PART && entry.uncompressedSize > limits.maxTextPartBytes) {
      return tooLarge(`${TEXT_PART} declares ${entry.uncompressedSize} bytes (limit ${limits.maxTextPartBytes})`);
    }
  }
  let total = 0;
  for (const entry of listing.records) {
    // 0xFFFFFFFF means "see the ZIP64 extra field": no Word CV needs ZIP64.
    if (entry.uncompressedSize === 0xffffffff || entry.compressedSize === 0xffffffff) return tooLarge('ZIP64 sizes');
    total += entry.uncompressedSize;
    if (total > limits.maxTotalUncompressed) return tooLarge(`declares more than ${limits.maxTotalUncompressed} bytes unpacked`);
    if (entry.uncompressedSize > limits.ratioFloor && entry.uncompressedSize > limits.maxRatio * Math.max(1, entry.compressedSize)) {
      return tooLarge(`an entry declares a ${Math.round(entry.uncompressedSize / Math.max(1, entry.compressedSize))}:1 compression ratio`);
    }
  }
  return { ok: true, listing };
}

/** Step 2: what the entries really inflate to (never more than declared, never past the total limit). */
export async function checkActualSizes(bytes: Buffer, listing: ZipListing, limits: ZipLimits = DOCX_LIMITS): Promise<ZipVerdict> {
  let total = 0;
  for (const entry of listing.records) {
    const data = entryData(bytes, entry);
    if (!data) return damaged('an entry points outside the file');
    let size: number | 'over';
    if (entry.method === 0) {
      size = data.length;
    } else if (entry.method === 8) {
      try {
        size = await inflatedSize(data, Math.min(entry.uncompressedSize, limits.maxTotalUncompressed - total));
      } catch (error) {
        return damaged(`inflate failed: ${messageOf(error)}`);
      }
    } else {
      return damaged(`compression method ${entry.method}`);
    }
    if (size === 'over' || size > entry.uncompressedSize) return tooLarge('an entry inflates to more than it declares');
    total += size;
    if (total > limits.maxTotalUncompressed) return tooLarge(`inflates to more than ${limits.maxTotalUncompressed} bytes`);
  }
  return { ok: true };
}

/** The compressed bytes of an entry, located through its local header. */
function entryData(bytes: Buffer, entry: ZipEntryInfo): Buffer | null {
  const p = entry.localOffset;
  if (p + 30 > bytes.length || bytes.readUInt32LE(p) !== 0x04034b50) return null;
  const start = p + 30 + bytes.readUInt16LE(p + 26) + bytes.readUInt16LE(p + 28);
  const end = start + entry.compressedSize;
  return end <= bytes.length ? bytes.subarray(start, end) : null;
}

/** Inflates raw DEFLATE data as a stream, keeping nothing; 'over' as soon as it passes `limit` bytes. */
function inflatedSize(data: Buffer, limit: number): Promise<number | 'over'> {
  return new Promise((resolve, reject) => {
    const inflate = zlib.createInflateRaw({ chunkSize: 64 * 1024 });
    let total = 0;
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
    };
    inflate.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > limit) {
        settle(() => resolve('over'));
        inflate.destroy();
      }
    });
    inflate.on('end', () => settle(() => resolve(total)));
    inflate.on('error', (error) => settle(() => reject(error)));
    inflate.end(data);
  });
}
