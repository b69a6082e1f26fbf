/**
 * Audio basics shared by the signal stream: the wire format (16 kHz mono PCM16 little-endian),
 * conversions, levels in dBFS, and two small filters that keep their state between frames
 * (so no sample buffer outlives the frame being analysed).
 */

export const SAMPLE_RATE = 16_000;
/** One analysis frame: 100 ms. Clients are asked to send frames of exactly this size. */
export const FRAME_SAMPLES = 1_600;
export const FRAME_BYTES = FRAME_SAMPLES * 2;
export const FRAME_SECONDS = FRAME_SAMPLES / SAMPLE_RATE;
/** Levels below this are treated as digital silence (log of zero would be -Infinity). */
export const SILENCE_DB = -100;

/** Converts little-endian PCM16 bytes to floats in [-1, 1). `bytes.length` must be even. */
export function pcm16ToFloat32(bytes: Uint8Array, out = new Float32Array(bytes.length >> 1)): Float32Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < out.length; i++) out[i] = view.getInt16(i * 2, true) / 32768;
  return out;
}

/**
 * Floats in [-1, 1] to little-endian PCM16 bytes (clipped). Through a DataView, not
 * Buffer.writeInt16LE, whose checks made this the costliest step of sending an utterance to a
 * remote transcriber (bench: transcription).
 */
export function float32ToPcm16(samples: Float32Array): Buffer {
  const out = Buffer.allocUnsafe(samples.length * 2);
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  for (let i = 0; i < samples.length; i++) {
    const s = samples[i]!;
    const clipped = s > 1 ? 1 : s < -1 ? -1 : s;
    view.setInt16(i * 2, Math.round(clipped < 0 ? clipped * 32768 : clipped * 32767), true);
  }
  return out;
}

/** Mean square power to dBFS (a full-scale square wave is 0 dBFS, a full-scale sine -3). */
export function powerToDb(meanSquare: number): number {
  return meanSquare > 1e-10 ? Math.max(SILENCE_DB, 10 * Math.log10(meanSquare)) : SILENCE_DB;
}

export function rmsDb(samples: Float32Array, start = 0, end = samples.length): number {
  let sum = 0;
  for (let i = start; i < end; i++) sum += samples[i]! * samples[i]!;
  return powerToDb(end > start ? sum / (end - start) : 0);
}

/** Second-order IIR section (RBJ cookbook), direct form I, state kept between calls. */
export class Biquad {
  private x1 = 0;
  private x2 = 0;
  private y1 = 0;
  private y2 = 0;

  private constructor(
    private readonly b0: number,
    private readonly b1: number,
    private readonly b2: number,
    private readonly a1: number,
    private readonly a2: number,
  ) {}

  static lowpass(cutoffHz: number, sampleRate = SAMPLE_RATE, q = Math.SQRT1_2): Biquad {
    const w = (2 * Math.PI * cutoffHz) / sampleRate;
    const alpha = Math.sin(w) / (2 * q);
    const cos = Math.cos(w);
    const a0 = 1 + alpha;
    return new Biquad((1 - cos) / 2 / a0, (1 - cos) / a0, (1 - cos) / 2 / a0, (-2 * cos) / a0, (1 - alpha) / a0);
  }

  static highpass(cutoffHz: number, sampleRate = SAMPLE_RATE, q = Math.SQRT1_2): Biquad {
    const w = (2 * Math.PI * cutoffHz) / sampleRate;
    const alpha = Math.sin(w) / (2 * q);
    const cos = Math.cos(w);
    const a0 = 1 + alpha;
    return new Biquad((1 + cos) / 2 / a0, -(1 + cos) / a0, (1 + cos) / 2 / a0, (-2 * cos) / a0, (1 - alpha) / a0);
  }

  process(x: number): number {
    let y = this.b0 * x + this.b1 * this.x1 + this.b2 * this.x2 - this.a1 * this.y1 - this.a2 * this.y2;
    // Flush denormals: a long run of digital silence must not slow the filter down.
    if (y > -1e-20 && y < 1e-20) y = 0;
    this.x2 = this.x1;
    this.x1 = x;
    this.y2 = this.y1;
    this.y1 = y;
    return y;
  }
}

/**
 * Integer-factor decimator: a windowed-sinc low-pass FIR evaluated only at the kept samples.
 * Keeps the last `taps - 1` input samples between calls, nothing more.
 */
export class Decimator {
  private readonly kernel: Float64Array;
  private readonly history: Float64Array;
  private phase = 0;
  private pos = 0;

  /** `cutoffHz` defaults to just below the new Nyquist frequency. */
  constructor(
    readonly factor: number,
    options: { taps?: number; cutoffHz?: number; sampleRate?: number } = {},
  ) {
    const taps = options.taps ?? 8 * factor + 1;
    const rate = options.sampleRate ?? SAMPLE_RATE;
    this.kernel = new Float64Array(taps);
    const cutoff = (options.cutoffHz ?? (0.45 * rate) / factor) / rate; // as a fraction of the input rate
    const mid = (taps - 1) / 2;
    let sum = 0;
    for (let i = 0; i < taps; i++) {
      const n = i - mid;
      const sinc = n === 0 ? 2 * cutoff : Math.sin(2 * Math.PI * cutoff * n) / (Math.PI * n);
      const hamming = 0.54 - 0.46 * Math.cos((2 * Math.PI * i) / (taps - 1));
      this.kernel[i] = sinc * hamming;
      sum += this.kernel[i]!;
    }
    for (let i = 0; i < taps; i++) this.kernel[i]! /= sum;
    this.history = new Float64Array(2 * taps);
  }

  /** Writes the decimated samples of `input` into `out`; returns how many were written. */
  process(input: Float32Array, out: Float32Array): number {
    const { kernel, history, factor } = this;
    const taps = kernel.length;
    let written = 0;
    for (let i = 0; i < input.length; i++) {
      // A ring buffer stored twice over, so the last `taps` samples are always contiguous.
      this.pos = this.pos + 1 === taps ? 0 : this.pos + 1;
      history[this.pos] = history[this.pos + taps] = input[i]!;
      if (++this.phase === factor) {
        this.phase = 0;
        let acc = 0;
        const base = this.pos + 1;
        for (let k = 0; k < taps; k++) acc += kernel[k]! * history[base + k]!;
        if (written < out.length) out[written++] = acc;
      }
    }
    return written;
  }
}
