/**
 * The audio WebSocket protocol's rules, as pure functions (see README.md in this folder for
 * the whole protocol). The route applies them to every frame before any analysis happens.
 */

/** WebSocket close codes we use (RFC 6455 §7.4.1). Close reasons are at most 123 bytes. */
export const CloseCode = {
  /** Recording finished (after `final`). */
  normal: 1000,
  /** The server is shutting down. */
  goingAway: 1001,
  /** A frame of a kind or shape we don't accept (odd-length audio, unknown JSON). */
  unsupportedData: 1003,
  /** Breaks a rule: order of messages, frame rate, duration, too many recordings. */
  policyViolation: 1008,
  /** A frame larger than allowed. */
  tooBig: 1009,
  /** Something failed on our side. */
  internalError: 1011,
} as const;

export const MAX_BINARY_BYTES = 64 * 1024;
export const MAX_TEXT_BYTES = 256;

export type ControlMessage = { type: 'start' } | { type: 'stop' };

export interface Violation {
  code: number;
  reason: string;
}

/** A binary frame must hold whole PCM16 samples and be at most 64 KB. */
export function checkBinaryFrame(byteLength: number): Violation | null {
  if (byteLength > MAX_BINARY_BYTES) return { code: CloseCode.tooBig, reason: `audio frames must be at most ${MAX_BINARY_BYTES} bytes` };
  if (byteLength === 0) return { code: CloseCode.unsupportedData, reason: 'empty audio frame' };
  if (byteLength % 2 !== 0) return { code: CloseCode.unsupportedData, reason: 'audio frames must hold whole 16-bit samples (even length)' };
  return null;
}

/** Parses a text frame: only `{"type":"start"}` and `{"type":"stop"}` (no other keys). */
export function parseControlMessage(text: string): ControlMessage | Violation {
  if (Buffer.byteLength(text) > MAX_TEXT_BYTES) return { code: CloseCode.tooBig, reason: `control messages must be at most ${MAX_TEXT_BYTES} bytes` };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { code: CloseCode.unsupportedData, reason: 'text frames must be JSON control messages' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { code: CloseCode.unsupportedData, reason: 'control messages must be JSON objects' };
  }
  const keys = Object.keys(value);
  const type = 'type' in value ? value.type : undefined;
  if (keys.length !== 1 || (type !== 'start' && type !== 'stop')) {
    return { code: CloseCode.unsupportedData, reason: 'unknown control message (expected {"type":"start"} or {"type":"stop"})' };
  }
  return { type };
}

export const isViolation = (value: ControlMessage | Violation): value is Violation => 'code' in value;

/** Counts frames in fixed one-second windows; `allow()` is false once a window is over the cap. */
export class FrameRateLimiter {
  private windowStart = -Infinity;
  private count = 0;

  constructor(
    private readonly maxPerSecond: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  allow(): boolean {
    const t = this.now();
    if (t - this.windowStart >= 1000) {
      this.windowStart = t;
      this.count = 0;
    }
    return ++this.count <= this.maxPerSecond;
  }
}

/**
 * Audio may not arrive much faster than it is spoken: after `elapsedSeconds` of connection,
 * at most 1.5 × that plus a burst allowance (for a client catching up after a network stall).
 */
const REALTIME_BURST_SECONDS = 20;
export function fasterThanRealTime(audioSeconds: number, elapsedSeconds: number): boolean {
  return audioSeconds > elapsedSeconds * 1.5 + REALTIME_BURST_SECONDS;
}
