import { phoneIndex } from './phone-vault.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSolution, issueChallenge, leadingZeroBits, solveChallenge } from '../../lib/proof-of-work.js';
import { createTestApp, nextIp, type TestApp } from '../../../test/test-app.js';

// Budgets of 10 SMS an hour for the service, challenge from 50 %: five codes go out
// unchallenged, then every request needs a solved proof of work.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({
    env: { SMS_PER_HOUR: '10', RATE_LIMIT_CODES_PER_IP: '1000', SIGNIN_CHALLENGE_AT_BUDGET_PERCENT: '50', SIGNIN_CHALLENGE_DIFFICULTY_BITS: '8' },
  });
});
afterAll(() => t.close());

let n = 0;
const nextPhone = () => `+1415555${String(1100 + (n += 1)).padStart(4, '0')}`;
const requestCode = (payload: object, ip = nextIp()) => t.app.inject({ method: 'POST', url: '/api/auth/code', payload, remoteAddress: ip });
const sentCount = () => t.sms.recent().length;

describe('proof-of-work challenge for sign-in codes', () => {
  it('is never asked for under normal volume', async () => {
    for (let i = 0; i < 5; i += 1) expect((await requestCode({ phone: nextPhone() })).statusCode).toBe(202);
  });

  it('refuses a request without a solution under unusual volume, sending nothing; a solution passes once', async () => {
    const before = sentCount();
    const phone = nextPhone();
    const refused = await requestCode({ phone });
    expect(refused.statusCode).toBe(428);
    const { error } = refused.json();
    expect(error).toMatchObject({ code: 'challenge_required', difficulty: 8 });
    expect(sentCount()).toBe(before);
    expect(await t.database.db.selectFrom('phone_codes').select('id').where('phone_index', '=', phoneIndex(t.vault, phone)).execute()).toHaveLength(0);

    // A wrong solution, a forged challenge: refused with a new challenge.
    expect((await requestCode({ phone, challenge: error.challenge, solution: 'nope' })).statusCode).toBe(428);
    const forged = `${error.challenge.split('.').slice(0, 4).join('.')}.AAAAAAAAAAAAAAAAAAAAAA`;
    expect((await requestCode({ phone, challenge: forged, solution: solveChallenge(forged, 8) })).statusCode).toBe(428);
    expect(sentCount()).toBe(before);

    const solution = solveChallenge(error.challenge, error.difficulty);
    const passed = await requestCode({ phone, challenge: error.challenge, solution });
    expect(passed.statusCode, passed.body).toBe(202);
    expect(sentCount()).toBe(before + 1);

    // The same solution again (another number): replay refused.
    const replay = await requestCode({ phone: nextPhone(), challenge: error.challenge, solution });
    expect(replay.statusCode).toBe(428);
    expect(sentCount()).toBe(before + 1);
  });

  it('refuses an expired challenge', async () => {
    const { error } = (await requestCode({ phone: nextPhone() })).json();
    t.advance(301);
    const late = await requestCode({ phone: nextPhone(), challenge: error.challenge, solution: solveChallenge(error.challenge, error.difficulty) });
    expect(late.statusCode).toBe(428);
  });
});

describe('proof of work', () => {
  it('checks signature, expiry, difficulty and work', () => {
    const now = new Date('2026-12-07T12:00:00Z');
    const { challenge } = issueChallenge('k'.repeat(40), now, 10, 60);
    const solution = solveChallenge(challenge, 10);
    expect(checkSolution('k'.repeat(40), challenge, solution, now, 10)).toMatchObject({ ok: true });
    expect(checkSolution('x'.repeat(40), challenge, solution, now, 10)).toEqual({ ok: false, reason: 'invalid' });
    expect(checkSolution('k'.repeat(40), challenge, solution, now, 12)).toEqual({ ok: false, reason: 'invalid' });
    expect(checkSolution('k'.repeat(40), challenge, solution, new Date(now.getTime() + 61_000), 10)).toEqual({ ok: false, reason: 'expired' });
    expect(leadingZeroBits(Buffer.from([0, 0x10]))).toBe(11);
  });
});
