/**
 * Voice activity detection on 20 ms sub-frames.
 *
 * A sub-frame is *active* when it is clearly louder than the background: more than
 * `marginDb` above the noise floor and above an absolute minimum. The noise floor is the
 * quietest sub-frame of the last few seconds ("minimum statistics", kept as a handful of block
 * minima), so it follows a fan switching on or off without storing audio.
 *
 * Loudness alone would call a door slam or steady noise "speech", so a run of active
 * sub-frames only becomes a speech *segment* once one of its frames is voiced (has a pitch).
 * A segment ends after `hangoverSeconds` without activity; its end is the end of the last
 * active sub-frame, so short gaps between words stay inside one segment and a pause is
 * measured from the moment the sound stopped.
 */

export interface VadOptions {
  subframeSeconds: number;
  /** How far above the noise floor a sub-frame must be to count as active. */
  marginDb: number;
  /** Nothing quieter than this (dBFS) is active, however quiet the room. */
  absoluteMinDb: number;
  /** Silence shorter than this does not end a segment. */
  hangoverSeconds: number;
  /** The noise floor is the minimum over this many seconds. */
  floorWindowSeconds: number;
  /** Assumed noise floor until a full window has been heard (a quiet room). */
  initialFloorDb: number;
}

const DEFAULT_VAD_OPTIONS: VadOptions = {
  subframeSeconds: 0.02,
  marginDb: 12,
  absoluteMinDb: -55,
  hangoverSeconds: 0.3,
  floorWindowSeconds: 3,
  initialFloorDb: -60,
};

export type VadEvent =
  | { type: 'start'; start: number }
  | { type: 'end'; start: number; end: number };

const FLOOR_BLOCKS = 6;

export class VoiceActivityDetector {
  readonly options: VadOptions;
  /** Sub-frames seen so far. */
  private index = 0;
  private readonly blockLength: number;
  private readonly blockMins: number[] = [];
  private currentBlockMin = Infinity;
  private inBlock = 0;

  /** Candidate or confirmed run of activity. */
  private runStart: number | null = null;
  private lastActiveEnd = 0;
  private confirmed = false;
  private lastActive = false;

  constructor(options: Partial<VadOptions> = {}) {
    this.options = { ...DEFAULT_VAD_OPTIONS, ...options };
    this.blockLength = Math.max(1, Math.round(this.options.floorWindowSeconds / FLOOR_BLOCKS / this.options.subframeSeconds));
  }

  /** Current noise floor estimate in dBFS. */
  get floorDb(): number {
    let floor = Math.min(this.currentBlockMin, ...this.blockMins);
    if (this.blockMins.length < FLOOR_BLOCKS) floor = Math.min(floor, this.options.initialFloorDb);
    return floor;
  }

  /** True while inside a confirmed speech segment (hangover included). */
  get speaking(): boolean {
    return this.runStart !== null && this.confirmed;
  }

  /** Whether the last sub-frame pushed was active (loud enough), voiced or not. */
  get active(): boolean {
    return this.lastActive;
  }

  /** Start of the current confirmed segment, if any. */
  get segmentStart(): number | null {
    return this.speaking ? this.runStart : null;
  }

  /** End of the last active sub-frame of the current (or last) run. */
  get lastActivityEnd(): number {
    return this.lastActiveEnd;
  }

  /** Seconds of audio seen. */
  get time(): number {
    return this.index * this.options.subframeSeconds;
  }

  /**
   * Feeds one sub-frame: its level in dBFS and whether the frame it belongs to is voiced.
   * Returns the segment boundary it caused, if any.
   */
  push(levelDb: number, voiced: boolean): VadEvent | null {
    const { subframeSeconds, marginDb, absoluteMinDb, hangoverSeconds } = this.options;
    const start = this.index * subframeSeconds;
    const end = start + subframeSeconds;
    // Decide against the floor *before* this sub-frame lowers it.
    const active = levelDb > absoluteMinDb && levelDb > this.floorDb + marginDb;
    this.trackFloor(levelDb);
    this.index++;
    this.lastActive = active;

    if (active) {
      if (this.runStart === null) {
        this.runStart = start;
        this.confirmed = false;
      }
      this.lastActiveEnd = end;
      if (voiced && !this.confirmed) {
        this.confirmed = true;
        return { type: 'start', start: this.runStart };
      }
      return null;
    }
    if (this.runStart !== null && end - this.lastActiveEnd >= hangoverSeconds - 1e-9) {
      const event: VadEvent | null = this.confirmed ? { type: 'end', start: this.runStart, end: this.lastActiveEnd } : null;
      this.runStart = null;
      this.confirmed = false;
      return event;
    }
    return null;
  }

  /** Ends a segment in progress (the recording stopped). */
  flush(): VadEvent | null {
    const event: VadEvent | null =
      this.runStart !== null && this.confirmed ? { type: 'end', start: this.runStart, end: this.lastActiveEnd } : null;
    this.runStart = null;
    this.confirmed = false;
    return event;
  }

  private trackFloor(levelDb: number): void {
    if (levelDb < this.currentBlockMin) this.currentBlockMin = levelDb;
    if (++this.inBlock >= this.blockLength) {
      this.blockMins.push(this.currentBlockMin);
      if (this.blockMins.length > FLOOR_BLOCKS) this.blockMins.shift();
      this.currentBlockMin = Infinity;
      this.inBlock = 0;
    }
  }
}
