/**
 * A downsampled picture of a whole recording for the feedback timeline, in bounded memory:
 * one point per 100 ms frame until `capacity` points are used, then neighbouring points are
 * merged pairwise and each point covers twice as long. However long the recording, it never
 * holds more than `capacity` points.
 */

export interface EnvelopeData {
  /** Seconds each point covers. */
  stepSeconds: number;
  /** Loudest frame level in each step, dBFS, rounded to 0.1 dB. */
  levelDb: number[];
  /** Mean pitch of the voiced frames in each step (Hz, rounded), or null when none was voiced. */
  pitchHz: Array<number | null>;
}

export class BoundedEnvelope {
  private stepSeconds: number;
  private readonly level: Float32Array;
  private readonly pitchSum: Float64Array;
  private readonly pitchCount: Uint16Array;
  private points = 0;
  /** Frames folded into the point being filled. */
  private inPoint = 0;
  private framesPerPoint = 1;

  constructor(
    frameSeconds: number,
    readonly capacity = 300,
  ) {
    if (capacity < 2 || capacity % 2 !== 0) throw new RangeError('capacity must be an even number ≥ 2');
    this.stepSeconds = frameSeconds;
    this.level = new Float32Array(capacity);
    this.pitchSum = new Float64Array(capacity);
    this.pitchCount = new Uint16Array(capacity);
  }

  push(levelDb: number, pitchHz: number | null): void {
    if (this.inPoint === 0) {
      if (this.points === this.capacity) this.halve();
      this.level[this.points] = levelDb;
      this.pitchSum[this.points] = 0;
      this.pitchCount[this.points] = 0;
      this.points++;
    }
    const i = this.points - 1;
    if (levelDb > this.level[i]!) this.level[i] = levelDb;
    if (pitchHz !== null) {
      this.pitchSum[i]! += pitchHz;
      this.pitchCount[i]!++;
    }
    if (++this.inPoint === this.framesPerPoint) this.inPoint = 0;
  }

  private halve(): void {
    const half = this.capacity / 2;
    for (let i = 0; i < half; i++) {
      const a = 2 * i;
      const b = a + 1;
      this.level[i] = Math.max(this.level[a]!, this.level[b]!);
      this.pitchSum[i] = this.pitchSum[a]! + this.pitchSum[b]!;
      this.pitchCount[i] = this.pitchCount[a]! + this.pitchCount[b]!;
    }
    this.points = half;
    this.framesPerPoint *= 2;
    this.stepSeconds *= 2;
  }

  toJSON(): EnvelopeData {
    const levelDb: number[] = [];
    const pitchHz: Array<number | null> = [];
    for (let i = 0; i < this.points; i++) {
      levelDb.push(Math.round(this.level[i]! * 10) / 10);
      const n = this.pitchCount[i]!;
      pitchHz.push(n > 0 ? Math.round(this.pitchSum[i]! / n) : null);
    }
    return { stepSeconds: Math.round(this.stepSeconds * 1000) / 1000, levelDb, pitchHz };
  }
}
