import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, nextIp, type TestApp } from '../../../test/test-app.js';

// Regression (SMS pumping): one address sent 60 codes in 10 minutes to fresh
// numbers and nothing capped a country or the service. Hourly budgets per
// country calling code and for everyone now hold, whatever numbers and
// addresses a run rotates.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { SMS_PER_HOUR_PER_COUNTRY_CODE: '2', SMS_PER_HOUR: '3', SIGNIN_CHALLENGE_AT_BUDGET_PERCENT: '100' } });
});
afterAll(() => t.close());

const ask = (phone: string) => t.app.inject({ method: 'POST', url: '/api/auth/code', payload: { phone }, remoteAddress: nextIp() });

describe('SMS budgets', () => {
  it('caps codes per country calling code and for the whole service, per hour', async () => {
    const uk = [await ask('+447400123451'), await ask('+447400123452'), await ask('+447400123453')];
    expect(uk.map((response) => response.statusCode)).toEqual([202, 202, 429]);
    expect(uk[2]!.json().error.code).toBe('sms_budget_exhausted');
    expect(Number(uk[2]!.headers['retry-after'])).toBeGreaterThan(0);
    // Another country still has its budget, until the service's runs out.
    expect((await ask('+819012345671')).statusCode).toBe(202);
    expect((await ask('+819012345672')).statusCode).toBe(429);
    t.advance(3600);
    expect((await ask('+447400123454')).statusCode).toBe(202);
  });
});
