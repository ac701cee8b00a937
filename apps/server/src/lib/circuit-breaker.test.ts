import { describe, expect, it } from 'vitest';
import { CircuitBreaker } from './circuit-breaker.js';

const T0 = 1_000_000;

describe('CircuitBreaker', () => {
  it('stays closed below the threshold; a success resets the count', () => {
    const breaker = new CircuitBreaker({ failureThreshold: 3, cooldownMs: 10_000 });
    breaker.recordFailure('boom 1', T0);
    breaker.recordFailure('boom 2', T0);
    expect(breaker.snapshot(T0)).toEqual({ state: 'closed', failures: 2, lastError: 'boom 2', retryAtMs: null });
    breaker.recordSuccess();
    breaker.recordFailure('boom 3', T0);
    breaker.recordFailure('boom 4', T0);
    expect(breaker.state(T0)).toBe('closed');
    expect(breaker.tryAcquire(T0)).toBe(true);
  });

  it('opens after N consecutive failures and refuses calls until the cool-down ends', () => {
    const breaker = new CircuitBreaker({ failureThreshold: 3, cooldownMs: 10_000 });
    for (let i = 0; i < 3; i += 1) breaker.recordFailure('down', T0 + i);
    expect(breaker.snapshot(T0 + 2)).toEqual({ state: 'open', failures: 3, lastError: 'down', retryAtMs: T0 + 2 + 10_000 });
    expect(breaker.tryAcquire(T0 + 5_000)).toBe(false);
    expect(breaker.state(T0 + 10_001)).toBe('open');
    expect(breaker.state(T0 + 10_002)).toBe('half-open');
  });

  it('lets one trial through when half-open: success closes, failure re-opens for another cool-down', () => {
    const breaker = new CircuitBreaker({ failureThreshold: 2, cooldownMs: 1_000 });
    breaker.recordFailure('x', T0);
    breaker.recordFailure('x', T0);
    const later = T0 + 1_000;
    expect(breaker.tryAcquire(later)).toBe(true);
    expect(breaker.tryAcquire(later), 'only one trial at a time').toBe(false);
    breaker.recordFailure('still down', later);
    expect(breaker.state(later + 999)).toBe('open');
    expect(breaker.tryAcquire(later + 999)).toBe(false);

    expect(breaker.tryAcquire(later + 1_000)).toBe(true);
    breaker.recordSuccess();
    expect(breaker.snapshot(later + 1_000)).toMatchObject({ state: 'closed', failures: 0 });
    expect(breaker.tryAcquire(later + 1_000)).toBe(true);
    expect(breaker.tryAcquire(later + 1_000)).toBe(true);
  });

  it('a released trial lets the next one through without changing the state', () => {
    const breaker = new CircuitBreaker({ failureThreshold: 1, cooldownMs: 500 });
    breaker.recordFailure('x', T0);
    expect(breaker.tryAcquire(T0 + 500)).toBe(true);
    breaker.release();
    expect(breaker.state(T0 + 500)).toBe('half-open');
    expect(breaker.tryAcquire(T0 + 500)).toBe(true);
  });
});
