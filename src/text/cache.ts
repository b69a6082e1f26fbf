/**
 * Small pure helpers every text module needs: a stable hash (for seeds), and a bounded memo keyed
 * by the text itself (the same CV, job description and answer are read many times per interview).
 */

/** FNV-1a 32-bit hash: fast, stable across runs and platforms, good enough for cache keys. */
export function hashText(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Bounded memo keyed by the source text itself. A Map keyed by the string is exact (no
 * collision can return another document's analysis) and cheap: the engine hashes a string
 * natively and keeps the hash on the string, where hashing it here in JavaScript cost more than
 * some of the analyses it memoises (an answer is looked up by half a dozen readers per call).
 *
 * Bounded twice: by entries and by the characters of the texts it holds, since what is kept
 * per text (tokens, terms, sentences) grows with the text. Holding hundreds of long answers
 * made every young-generation collection copy them, the main cause of slow outliers.
 */
export class TextCache<V> {
  private readonly entries = new Map<string, V>();
  private chars = 0;

  constructor(
    private readonly limit = 64,
    private readonly maxChars = 100_000,
  ) {}

  get(source: string, compute: () => V): V {
    const hit = this.entries.get(source);
    if (hit !== undefined || this.entries.has(source)) {
      // Re-insert so the Map's insertion order doubles as least-recently-used order.
      this.entries.delete(source);
      this.entries.set(source, hit as V);
      return hit as V;
    }
    const value = compute();
    this.entries.set(source, value);
    this.chars += source.length;
    // Evict the least recently used, but always keep the newest entry.
    while (this.entries.size > 1 && (this.entries.size > this.limit || this.chars > this.maxChars)) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
      this.chars -= oldest.length;
    }
    return value;
  }
}
