// A circuit breaker for one outside service. After `failureThreshold`
// consecutive failures the circuit opens and callers skip the service (no
// waiting on timeouts while it is down); after `cooldownMs` it is half-open and
// lets one trial call through: success closes it, failure opens it again.
// Time is passed in so tests can fix the clock.

export type CircuitState = 'closed' | 'open' | 'half-open';

export interface CircuitBreakerOptions {
  failureThreshold: number;
  cooldownMs: number;
}

export interface CircuitSnapshot {
  state: CircuitState;
  /** Consecutive failures since the last success. */
  failures: number;
  lastError: string | null;
  /** When an open circuit lets a trial call through, in ms since the epoch; null unless open. */
  retryAtMs: number | null;
}

export class CircuitBreaker {
  private failures = 0;
  private openedAtMs: number | null = null;
  private trialInFlight = false;
  private lastError: string | null = null;

  constructor(private readonly options: CircuitBreakerOptions) {}

  state(nowMs: number): CircuitState {
    if (this.openedAtMs === null) return 'closed';
    return nowMs - this.openedAtMs >= this.options.cooldownMs ? 'half-open' : 'open';
  }

  /**
   * Whether a call may go out now. In the half-open state only one trial at a
   * time is let through; its outcome must be reported (success, failure or release).
   */
  tryAcquire(nowMs: number): boolean {
    const state = this.state(nowMs);
    if (state === 'closed') return true;
    if (state === 'open' || this.trialInFlight) return false;
    this.trialInFlight = true;
    return true;
  }

  recordSuccess(): void {
    this.failures = 0;
    this.openedAtMs = null;
    this.trialInFlight = false;
  }

  recordFailure(error: string, nowMs: number): void {
    this.failures += 1;
    this.lastError = error;
    const wasTrial = this.trialInFlight;
    this.trialInFlight = false;
    if (wasTrial || this.failures >= this.options.failureThreshold) this.openedAtMs = nowMs;
  }

  /** The call ended in a way that says nothing about the service's health (e.g. a request it cannot serve). */
  release(): void {
    this.trialInFlight = false;
  }

  snapshot(nowMs: number): CircuitSnapshot {
    const state = this.state(nowMs);
    return {
      state,
      failures: this.failures,
      lastError: this.lastError,
      retryAtMs: state === 'open' && this.openedAtMs !== null ? this.openedAtMs + this.options.cooldownMs : null,
    };
  }
}
