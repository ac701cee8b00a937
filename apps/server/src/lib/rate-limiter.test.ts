import { describe, expect, it } from 'vitest';
import { MemoryRateLimiter } from './rate-limiter.js';

describe('MemoryRateLimiter', () => {
  it('allows up to the limit per window, then tells how long to wait', () => {
    const limiter = new MemoryRateLimiter();
    const start = 1_000_000;
    for (let i = 0; i < 3; i += 1) expect(limiter.consume('k', 3, 60, start + i).allowed).toBe(true);
    const blocked = limiter.consume('k', 3, 60, start + 10_000);
    expect(blocked).toMatchObject({ allowed: false, retryAfterSeconds: 50, remaining: 0 });
    expect(limiter.consume('other', 3, 60, start + 10_000).allowed).toBe(true);
    expect(limiter.consume('k', 3, 60, start + 60_000).allowed).toBe(true);
  });

  it('forgets expired windows so distinct keys do not pile up', () => {
    const limiter = new MemoryRateLimiter();
    for (let i = 0; i < 1000; i += 1) limiter.consume(`ip-${i}`, 1, 1, 0);
    limiter.consume('late', 1, 1, 5_000);
    expect((limiter as unknown as { windows: Map<string, unknown> }).windows.size).toBe(1);
  });
});
