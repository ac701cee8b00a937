import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, lastCode, nextIp, sessionCookie, type TestApp } from '../../../test/test-app.js';
import { phoneIndex } from './phone-vault.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_CODES_PER_IP: '8', RATE_LIMIT_VERIFY_PER_IP: '40', SIGNIN_CHALLENGE_AT_BUDGET_PERCENT: '100' } });
});
afterAll(() => t.close());

const requestCode = (payload: unknown, ip = nextIp()) => t.app.inject({ method: 'POST', url: '/api/auth/code', payload: payload as object, remoteAddress: ip });
const verify = (payload: unknown, ip = nextIp()) => t.app.inject({ method: 'POST', url: '/api/auth/verify', payload: payload as object, remoteAddress: ip });
const count = async (table: 'users' | 'sessions' | 'phone_codes') =>
  Number(
    (
      await t.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('phone sign-up and log-in', () => {
  it('signs up a US number and a Chinese number end to end, storing E.164', async () => {
    for (const [input, country, e164, region, language] of [
      ['+1 415 555 2671', undefined, '+14155552671', 'US', 'en'],
      ['138 0013 8000', 'CN', '+8613800138000', 'CN', 'zh-CN'],
    ] as const) {
      const sent = await requestCode({ phone: input, country });
      expect(sent.statusCode).toBe(202);
      expect(sent.json()).toEqual({ phone: e164, expiresInSeconds: 300, resendAfterSeconds: 60 });
      const body = t.sms.recent(e164)[0]!.body;
      expect(body).toMatch(language === 'zh-CN' ? /验证码/ : /Qiao code/);

      const verified = await verify({ phone: e164, code: lastCode(t.sms, e164) });
      expect(verified.statusCode).toBe(200);
      const { user, isNewUser } = verified.json();
      expect(isNewUser).toBe(true);
      expect(user).toMatchObject({ phone: e164, region, language, handle: null, profileComplete: false, role: 'user' });
      const cookie = verified.cookies.find((c) => c.name === 'qiao_session')!;
      expect(cookie.httpOnly).toBe(true);
      expect(cookie.sameSite).toBe('Lax');

      const me = await t.app.inject({ url: '/api/me', headers: { cookie: sessionCookie(verified) } });
      expect(me.json().phone).toBe(e164);
    }
  });

  it('logs an existing account in on its next code (same user, not new)', async () => {
    t.advance(61);
    await requestCode({ phone: '+14155552671' });
    const again = await verify({ phone: '+14155552671', code: lastCode(t.sms, '+14155552671') });
    expect(again.statusCode).toBe(200);
    expect(again.json().isNewUser).toBe(false);
  });

  it('stores only a keyed hash of the code', async () => {
    t.advance(61);
    await requestCode({ phone: '+8613800138001' });
    const code = lastCode(t.sms, '+8613800138001');
    const row = await t.database.db
      .selectFrom('phone_codes')
      .selectAll()
      .where('phone_index', '=', phoneIndex(t.vault, '+8613800138001'))
      .executeTakeFirstOrThrow();
    expect(row.code_hash.length).toBe(32);
    expect(row.code_hash.toString('hex')).not.toContain(Buffer.from(code).toString('hex'));
  });

  it('refuses malformed and impossible numbers with phone_invalid and sends nothing', async () => {
    const before = await count('phone_codes');
    for (const phone of ['hello', '+1 555', '+86 123', '+999 1234567', '12345']) {
      const response = await requestCode({ phone });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('phone_invalid');
    }
    const badCountry = await requestCode({ phone: '13800138000', country: 'XX' });
    expect(badCountry.json().error.code).toBe('country_invalid');
    expect(await count('phone_codes')).toBe(before);
  });

  it('rejects a wrong code, counts attempts, and burns the code after 5 wrong tries', async () => {
    const phone = '+447911123456';
    await requestCode({ phone });
    const good = lastCode(t.sms, phone);
    const wrong = good === '000000' ? '111111' : '000000';
    for (let left = 4; left >= 1; left -= 1) {
      const response = await verify({ phone, code: wrong });
      expect(response.statusCode).toBe(400);
      expect(response.json().error).toMatchObject({ code: 'code_invalid', attemptsLeft: left });
    }
    const fifth = await verify({ phone, code: wrong });
    expect(fifth.json().error.code).toBe('code_burned');
    // Even the right code no longer works, and no account was made.
    const late = await verify({ phone, code: good });
    expect(late.statusCode).toBe(400);
    expect(late.json().error.code).toBe('code_burned');
    const users = await t.database.db.selectFrom('users').select('id').where('phone_index', '=', phoneIndex(t.vault, phone)).execute();
    expect(users).toHaveLength(0);
  });

  it('refuses an expired code and a reused code', async () => {
    const phone = '+33612345678';
    await requestCode({ phone });
    const code = lastCode(t.sms, phone);
    t.advance(301);
    const expired = await verify({ phone, code });
    expect(expired.statusCode).toBe(400);
    expect(expired.json().error.code).toBe('code_expired');

    await requestCode({ phone });
    const fresh = lastCode(t.sms, phone);
    expect((await verify({ phone, code: fresh })).statusCode).toBe(200);
    const reused = await verify({ phone, code: fresh });
    expect(reused.statusCode).toBe(400);
    expect(reused.json().error.code).toBe('code_expired');
  });

  it('refuses a code for a number that never asked for one', async () => {
    const response = await verify({ phone: '+4915123456789', code: '123456' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('code_expired');
  });

  it('makes a resend wait 60 s (429 with Retry-After) and then caps a number at 5 codes an hour', async () => {
    const phone = '+819012345678';
    expect((await requestCode({ phone })).statusCode).toBe(202);
    t.advance(20);
    const early = await requestCode({ phone });
    expect(early.statusCode).toBe(429);
    expect(early.json().error).toMatchObject({ code: 'resend_too_soon', retryAfter: 40 });
    expect(early.headers['retry-after']).toBe('40');

    for (let sent = 2; sent <= 5; sent += 1) {
      t.advance(60);
      expect((await requestCode({ phone })).statusCode).toBe(202);
    }
    t.advance(60);
    const capped = await requestCode({ phone });
    expect(capped.statusCode).toBe(429);
    expect(capped.json().error.code).toBe('rate_limited');
    expect(Number(capped.headers['retry-after'])).toBeGreaterThan(60);
    t.advance(3600);
    expect((await requestCode({ phone })).statusCode).toBe(202);
  });

  it('a script hammering one number in parallel gets exactly one code', async () => {
    const phone = '+61412345678';
    const responses = await Promise.all(Array.from({ length: 10 }, () => requestCode({ phone })));
    const statuses = responses.map((r) => r.statusCode).sort();
    expect(statuses.filter((s) => s === 202)).toHaveLength(1);
    expect(statuses.filter((s) => s === 429)).toHaveLength(9);
  });

  it('limits code requests per IP address but lets many addresses through', async () => {
    const ip = '203.0.113.7';
    for (let i = 0; i < 8; i += 1) {
      expect((await requestCode({ phone: `+1415555${String(3000 + i)}` }, ip)).statusCode).toBe(202);
    }
    const blocked = await requestCode({ phone: '+14155553999' }, ip);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe('rate_limited');
    expect(blocked.headers['retry-after']).toBeDefined();
    // A surge of real users comes from many addresses: they all pass.
    const surge = await Promise.all(Array.from({ length: 30 }, (_, i) => requestCode({ phone: `+1415556${String(1000 + i)}` })));
    expect(surge.every((r) => r.statusCode === 202)).toBe(true);
  });

  it('validates the verify body: code must be 6 digits', async () => {
    for (const code of ['12345', '1234567', 'abcdef', '']) {
      const response = await verify({ phone: '+14155552671', code });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('validation_failed');
    }
  });

  it('answers 502 when the SMS gateway fails, and keeps no code the user never got', async () => {
    const failing = await createTestApp({
      sms: {
        name: 'twilio',
        send: async () => {
          throw new Error('gateway down');
        },
      },
    });
    try {
      const response = await failing.app.inject({ method: 'POST', url: '/api/auth/code', payload: { phone: '+14155552671' } });
      expect(response.statusCode).toBe(502);
      expect(response.json().error.code).toBe('sms_unavailable');
      const codes = await failing.database.db.selectFrom('phone_codes').selectAll().execute();
      expect(codes).toHaveLength(0);
    } finally {
      await failing.close();
    }
  });

  it('logs out: the cookie stops working', async () => {
    t.advance(61);
    await requestCode({ phone: '+14155552671' });
    const verified = await verify({ phone: '+14155552671', code: lastCode(t.sms, '+14155552671') });
    const cookie = sessionCookie(verified);
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    expect(out.statusCode).toBe(204);
    const me = await t.app.inject({ url: '/api/me', headers: { cookie } });
    expect(me.statusCode).toBe(401);
    expect(me.json().error.code).toBe('unauthenticated');
  });
});
