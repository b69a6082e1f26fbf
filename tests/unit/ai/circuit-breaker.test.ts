import { describe, expect, it } from 'vitest';
import { CircuitBreaker } from '../../../src/ai/circuit-breaker.js';

function breaker(threshold = 3, cooldownMs = 1000) {
  const clock = { now: 0 };
  return { clock, breaker: new CircuitBreaker({ threshold, cooldownMs, now: () => clock.now }) };
}

describe('CircuitBreaker', () => {
  it('opens after `threshold` consecutive failures and rejects calls while open', () => {
    const { breaker: b } = breaker();
    b.failure();
    b.failure();
    expect(b.state).toBe('closed');
    expect(b.tryAcquire()).toBe('allowed');
    b.failure();
    expect(b.state).toBe('open');
    expect(b.tryAcquire()).toBe('denied');
  });

  it('a success resets the count', () => {
    const { breaker: b } = breaker();
    b.failure();
    b.failure();
    b.success();
    b.failure();
    b.failure();
    expect(b.state).toBe('closed');
  });

  it('lets one probe through when half-open; success closes it', () => {
    const { breaker: b, clock } = breaker();
    b.trip();
    expect(b.state).toBe('open');
    clock.now = 1000;
    expect(b.state).toBe('half-open');
    expect(b.tryAcquire()).toBe('probe');
    expect(b.tryAcquire()).toBe('denied');
    b.success();
    expect(b.state).toBe('closed');
    expect(b.tryAcquire()).toBe('allowed');
  });

  it('a failed probe opens it for another cooldown', () => {
    const { breaker: b, clock } = breaker();
    b.trip();
    clock.now = 1500;
    expect(b.tryAcquire()).toBe('probe');
    b.failure();
    expect(b.state).toBe('open');
    clock.now = 2400;
    expect(b.state).toBe('open');
    clock.now = 2500;
    expect(b.state).toBe('half-open');
  });
});
