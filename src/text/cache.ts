/**
 * Small pure helpers every text module needs: a stable hash, and a bounded memo keyed by the
 * text itself (the same CV, job description and answer are read many times per interview).
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
 * Bounded memo keyed by a hash of the source text. The full source is stored and compared
 * so a hash collision can never return another document's analysis.
 */
export class TextCache<V> {
  private readonly entries = new Map<string, { source: string; value: V }>();

  constructor(private readonly limit = 64) {}

  get(source: string, compute: () => V): V {
    const key = `${hashText(source).toString(36)}:${source.length}`;
    const hit = this.entries.get(key);
    if (hit && hit.source === source) {
      // Re-insert so the Map's insertion order doubles as least-recently-used order.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.value;
    }
    const value = compute();
    this.entries.delete(key);
    this.entries.set(key, { source, value });
    if (this.entries.size > this.limit) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return value;
  }
}
