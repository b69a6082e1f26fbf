import { describe, expect, it } from 'vitest';
import { BoundedHistogram, RunningStats } from '../../../src/speech/running-stats.js';

/** Seeded pseudo-random numbers (mulberry32) so failures are reproducible. */
function random(seed: number) {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Textbook two-pass variance (population). */
function twoPassVariance(xs: number[]): number {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  return xs.reduce((a, x) => a + (x - mean) ** 2, 0) / xs.length;
}

/** One-pass "sum of squares" variance: cancels catastrophically on large offsets. */
function naiveOnePassVariance(xs: number[]): number {
  let sum = 0;
  let sumSq = 0;
  for (const x of xs) {
    sum += x;
    sumSq += x * x;
  }
  return sumSq / xs.length - (sum / xs.length) ** 2;
}

describe('Welford running statistics', () => {
  it('matches the two-pass mean and variance', () => {
    const rnd = random(42);
    const xs = Array.from({ length: 5000 }, () => -30 + 20 * rnd());
    const stats = new RunningStats();
    xs.forEach((x) => stats.push(x));
    expect(stats.count).toBe(5000);
    expect(stats.mean).toBeCloseTo(xs.reduce((a, b) => a + b, 0) / xs.length, 10);
    expect(stats.variance).toBeCloseTo(twoPassVariance(xs), 8);
    expect(stats.sampleVariance).toBeCloseTo((twoPassVariance(xs) * 5000) / 4999, 8);
    expect(stats.min).toBe(Math.min(...xs));
    expect(stats.max).toBe(Math.max(...xs));
  });

  it('stays accurate where the naive one-pass formula breaks down', () => {
    const rnd = random(7);
    const xs = Array.from({ length: 10000 }, () => 1e9 + rnd()); // variance 1/12 on a huge offset
    const stats = new RunningStats();
    xs.forEach((x) => stats.push(x));
    const truth = twoPassVariance(xs);
    expect(Math.abs(stats.variance - truth) / truth).toBeLessThan(1e-6);
    expect(Math.abs(naiveOnePassVariance(xs) - truth) / truth).toBeGreaterThan(0.01);
  });

  it('is zero-safe with fewer than two values', () => {
    const stats = new RunningStats();
    expect(stats.variance).toBe(0);
    stats.push(3);
    expect(stats.variance).toBe(0);
    expect(stats.mean).toBe(3);
  });
});

describe('bounded histogram', () => {
  it('gives quantiles within one bin of the exact ones, in constant memory', () => {
    const rnd = random(1);
    const hist = new BoundedHistogram(0, 40, 400);
    const xs = Array.from({ length: 20000 }, () => 10 + 8 * rnd() + 8 * rnd());
    xs.forEach((x) => hist.push(x));
    const sorted = [...xs].sort((a, b) => a - b);
    for (const q of [0.1, 0.5, 0.9]) expect(Math.abs(hist.quantile(q)! - sorted[Math.floor(q * sorted.length)]!)).toBeLessThan(0.1 + 1e-9);
    const median = hist.quantile(0.5)!;
    const deviations = xs.map((x) => Math.abs(x - median)).sort((a, b) => a - b);
    expect(Math.abs(hist.medianAbsoluteDeviation(median)! - deviations[deviations.length >> 1]!)).toBeLessThan(0.1);
    expect(hist.bins.length).toBe(400);
  });

  it('clamps values outside its range into the end bins and is null when empty', () => {
    const hist = new BoundedHistogram(0, 10, 10);
    expect(hist.quantile(0.5)).toBeNull();
    hist.push(-5);
    hist.push(50);
    expect(hist.bins[0]).toBe(1);
    expect(hist.bins[9]).toBe(1);
  });
});
