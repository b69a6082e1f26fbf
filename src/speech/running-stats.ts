/**
 * Statistics over a stream without keeping the stream: Welford's running mean and variance,
 * and a fixed-size histogram for quantiles (median, percentiles, median absolute deviation).
 * Memory is constant however long a recording runs.
 */

/** Welford's online algorithm: numerically stable mean and variance in one pass. */
export class RunningStats {
  count = 0;
  mean = 0;
  min = Infinity;
  max = -Infinity;
  private m2 = 0;

  push(x: number): void {
    this.count++;
    const delta = x - this.mean;
    this.mean += delta / this.count;
    this.m2 += delta * (x - this.mean);
    if (x < this.min) this.min = x;
    if (x > this.max) this.max = x;
  }

  /** Population variance (divide by n); 0 for fewer than two values. */
  get variance(): number {
    return this.count > 1 ? this.m2 / this.count : 0;
  }

  /** Sample variance (divide by n − 1); 0 for fewer than two values. */
  get sampleVariance(): number {
    return this.count > 1 ? this.m2 / (this.count - 1) : 0;
  }

  get stdDev(): number {
    return Math.sqrt(this.variance);
  }
}

/**
 * Counts values in equal-width bins over [min, max); values outside are clamped into the end
 * bins. Quantiles are exact to within one bin width.
 */
export class BoundedHistogram {
  readonly bins: Uint32Array;
  count = 0;
  private readonly width: number;

  constructor(
    readonly min: number,
    readonly max: number,
    binCount: number,
  ) {
    if (!(max > min) || binCount < 1) throw new RangeError('BoundedHistogram needs max > min and at least one bin');
    this.bins = new Uint32Array(binCount);
    this.width = (max - min) / binCount;
  }

  push(x: number): void {
    const i = Math.min(this.bins.length - 1, Math.max(0, Math.floor((x - this.min) / this.width)));
    this.bins[i]!++;
    this.count++;
  }

  /** Value at quantile q (0..1), interpolated inside the bin; null when empty. */
  quantile(q: number): number | null {
    if (this.count === 0) return null;
    const target = Math.min(1, Math.max(0, q)) * this.count;
    let seen = 0;
    for (let i = 0; i < this.bins.length; i++) {
      const n = this.bins[i]!;
      if (n > 0 && seen + n >= target) {
        const within = (target - seen) / n;
        return this.min + (i + within) * this.width;
      }
      seen += n;
    }
    return this.max;
  }

  /** Median of |x − center|, computed from the bins (each bin counted at its midpoint). */
  medianAbsoluteDeviation(center: number): number | null {
    if (this.count === 0) return null;
    // Bin midpoints' distances from the center, sorted: at most binCount entries.
    const distances: Array<[number, number]> = [];
    for (let i = 0; i < this.bins.length; i++) {
      const n = this.bins[i]!;
      if (n > 0) distances.push([Math.abs(this.min + (i + 0.5) * this.width - center), n]);
    }
    distances.sort((a, b) => a[0] - b[0]);
    const half = this.count / 2;
    let seen = 0;
    for (const [d, n] of distances) {
      seen += n;
      if (seen >= half) return d;
    }
    return distances.at(-1)?.[0] ?? 0;
  }
}
