import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.js';

// Behind one load balancer (TRUST_PROXY=1) the client is the hop the balancer
// appended, not whatever the client wrote in X-Forwarded-For: rotating that
// header must not buy more sign-in codes than the per-IP limit.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { TRUST_PROXY: '1', RATE_LIMIT_CODES_PER_IP: '3', SIGNIN_CHALLENGE_AT_BUDGET_PERCENT: '100' } });
});
afterAll(() => t.close());

describe('trusted proxy hops', () => {
  it('keeps the per-IP limit when a client rotates its own X-Forwarded-For (regression)', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/auth/code',
        payload: { phone: `+1415555${String(7000 + i)}` },
        // The client forges the first hop; the balancer (127.0.0.1) appends the real one.
        headers: { 'x-forwarded-for': `203.0.113.${i}, 198.51.100.7` },
        remoteAddress: '127.0.0.1',
      });
      statuses.push(response.statusCode);
    }
    expect(statuses).toEqual([202, 202, 202, 429, 429, 429]);
  });
});
