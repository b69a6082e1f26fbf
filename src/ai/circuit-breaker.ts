/**
 * A small circuit breaker per provider. After `threshold` consecutive failed calls (or one
 * configuration failure such as a rejected key) the circuit opens and the provider is skipped
 * for `cooldownMs`, so a dead provider costs users nothing. Then it is half-open: one probe
 * call is let through (the AI client runs it in the background, beside the candidate's call);
 * success closes the circuit, failure opens it for another cooldown.
 */
export type CircuitState = 'closed' | 'open' | 'half-open';

export interface CircuitBreakerOptions {
  threshold: number;
  cooldownMs: number;
  now?: () => number;
}

export class CircuitBreaker {
  private failures = 0;
  private openedAt: number | null = null;
  private probing = false;
  private readonly now: () => number;

  constructor(private readonly options: CircuitBreakerOptions) {
    this.now = options.now ?? Date.now;
  }

  get state(): CircuitState {
    if (this.openedAt === null) return 'closed';
    return this.now() - this.openedAt >= this.options.cooldownMs ? 'half-open' : 'open';
  }

  /**
   * May a call go to this provider now? `allowed` when closed; in half-open state the first
   * caller gets `probe` (it should make the trial call) and everyone else `denied` until the
   * probe's outcome is in.
   */
  tryAcquire(): 'allowed' | 'probe' | 'denied' {
    const state = this.state;
    if (state === 'closed') return 'allowed';
    if (state === 'open' || this.probing) return 'denied';
    this.probing = true;
    return 'probe';
  }

  success(): void {
    this.failures = 0;
    this.openedAt = null;
    this.probing = false;
  }

  failure(): void {
    this.failures++;
    if (this.probing || this.failures >= this.options.threshold) this.open();
  }

  /** Opens the circuit at once (a failure that retrying cannot fix). */
  trip(): void {
    this.failures = Math.max(this.failures + 1, this.options.threshold);
    this.open();
  }

  private open(): void {
    this.openedAt = this.now();
    this.probing = false;
  }
}
