import { describe, expect, it } from 'vitest';
import {
  checkBinaryFrame,
  CloseCode,
  fasterThanRealTime,
  FrameRateLimiter,
  isViolation,
  MAX_BINARY_BYTES,
  parseControlMessage,
} from '../../../src/speech/protocol.js';

describe('audio protocol rules', () => {
  it('accepts exactly the two control messages', () => {
    expect(parseControlMessage('{"type":"start"}')).toEqual({ type: 'start' });
    expect(parseControlMessage(' { "type" : "stop" } ')).toEqual({ type: 'stop' });
  });

  it.each([
    ['not json', 'hello', CloseCode.unsupportedData],
    ['an array', '["start"]', CloseCode.unsupportedData],
    ['null', 'null', CloseCode.unsupportedData],
    ['an unknown type', '{"type":"pause"}', CloseCode.unsupportedData],
    ['extra keys', '{"type":"start","rate":48000}', CloseCode.unsupportedData],
    ['a huge message', JSON.stringify({ type: 'start', pad: 'x'.repeat(300) }), CloseCode.tooBig],
  ])('rejects %s', (_label, text, code) => {
    const result = parseControlMessage(text);
    expect(isViolation(result)).toBe(true);
    if (isViolation(result)) {
      expect(result.code).toBe(code);
      expect(Buffer.byteLength(result.reason)).toBeLessThanOrEqual(123);
    }
  });

  it('wants binary frames of whole 16-bit samples, at most 64 KB', () => {
    expect(checkBinaryFrame(3200)).toBeNull();
    expect(checkBinaryFrame(MAX_BINARY_BYTES)).toBeNull();
    expect(checkBinaryFrame(3201)?.code).toBe(CloseCode.unsupportedData);
    expect(checkBinaryFrame(0)?.code).toBe(CloseCode.unsupportedData);
    expect(checkBinaryFrame(MAX_BINARY_BYTES + 2)?.code).toBe(CloseCode.tooBig);
  });

  it('caps frames per second in one-second windows', () => {
    let now = 0;
    const limiter = new FrameRateLimiter(3, () => now);
    expect([limiter.allow(), limiter.allow(), limiter.allow(), limiter.allow()]).toEqual([true, true, true, false]);
    now = 1000;
    expect(limiter.allow()).toBe(true);
  });

  it('lets audio arrive a little faster than real time, not much faster', () => {
    expect(fasterThanRealTime(10, 0)).toBe(false); // a burst after connecting
    expect(fasterThanRealTime(60, 30)).toBe(false);
    expect(fasterThanRealTime(120, 30)).toBe(true);
  });
});
