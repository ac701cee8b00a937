import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { base32Decode, totpCode, totpStep } from '../../lib/totp.js';
import { createTestApp, lastCode, nextIp, sessionCookie, signIn, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const call = (method: 'GET' | 'POST', url: string, cookie?: string, payload?: object) =>
  t.app.inject({ method, url, headers: cookie ? { cookie } : {}, ...(payload ? { payload } : {}), remoteAddress: nextIp() });
const codeAt = (secret: string, offsetSteps = 0) => totpCode(base32Decode(secret), totpStep(t.now) + offsetSteps);

/** The SMS step of signing in: returns the verify response. */
async function smsStep(phone: string) {
  t.advance(61);
  const ip = nextIp();
  expect((await t.app.inject({ method: 'POST', url: '/api/auth/code', payload: { phone }, remoteAddress: ip })).statusCode).toBe(202);
  return t.app.inject({ method: 'POST', url: '/api/auth/verify', payload: { phone, code: lastCode(t.sms, phone) }, remoteAddress: ip });
}

async function enrol(cookie: string) {
  const setup = await call('POST', '/api/me/two-factor/setup', cookie);
  expect(setup.statusCode).toBe(200);
  const { secret, otpauthUrl, qrSvg } = setup.json();
  expect(otpauthUrl).toContain(`secret=${secret}`);
  expect(qrSvg).toMatch(/^<svg/);
  const confirmed = await call('POST', '/api/me/two-factor/confirm', cookie, { code: codeAt(secret) });
  expect(confirmed.statusCode, confirmed.body).toBe(200);
  return { secret: secret as string, recoveryCodes: confirmed.json().recoveryCodes as string[] };
}

describe('authenticator-app second factor', () => {
  it('enrols with a first code, stores the secret sealed and the recovery codes hashed', async () => {
    const { cookie, user } = await signIn(t, '+14155550801');
    expect((await call('GET', '/api/me/two-factor', cookie)).json()).toEqual({ enabled: false, recoveryCodesLeft: 0 });

    const setup = (await call('POST', '/api/me/two-factor/setup', cookie)).json();
    // A wrong first code leaves it off.
    const wrong = await call('POST', '/api/me/two-factor/confirm', cookie, { code: codeAt(setup.secret, 5) });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.code).toBe('two_factor_code_invalid');
    expect((await call('GET', '/api/me/two-factor', cookie)).json().enabled).toBe(false);

    const confirmed = await call('POST', '/api/me/two-factor/confirm', cookie, { code: codeAt(setup.secret) });
    const codes = confirmed.json().recoveryCodes as string[];
    expect(new Set(codes).size).toBe(10);
    expect((await call('GET', '/api/me/two-factor', cookie)).json()).toEqual({ enabled: true, recoveryCodesLeft: 10 });
    expect((await call('POST', '/api/me/two-factor/setup', cookie)).statusCode).toBe(409);

    const row = await t.database.db.selectFrom('user_totp').selectAll().where('user_id', '=', user.id).executeTakeFirstOrThrow();
    expect(row.secret_sealed.includes(base32Decode(setup.secret))).toBe(false);
    expect(row.secret_sealed.toString('latin1')).not.toContain(setup.secret);
    const hashes = await t.database.db.selectFrom('totp_recovery_codes').select('code_hash').where('user_id', '=', user.id).execute();
    expect(hashes).toHaveLength(10);
    for (const { code_hash } of hashes) for (const code of codes) expect(code_hash.toString('latin1')).not.toContain(code);
  });

  it('signs in with SMS code + TOTP: no session before the second step; a code works once; recovery codes once', async () => {
    const phone = '+14155550802';
    const { cookie } = await signIn(t, phone);
    const { secret, recoveryCodes } = await enrol(cookie);
    const sessionsBefore = Number(
      (
        await t.database.db
          .selectFrom('sessions')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

    t.advance(30); // the enrolment step is used up
    const first = await smsStep(phone);
    expect(first.statusCode).toBe(200);
    expect(first.cookies.find((c) => c.name === 'qiao_session')).toBeUndefined();
    const { twoFactorRequired, pendingToken } = first.json();
    expect(twoFactorRequired).toBe(true);
    expect(
      Number(
        (
          await t.database.db
            .selectFrom('sessions')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    ).toBe(sessionsBefore);

    const wrong = await call('POST', '/api/auth/two-factor', undefined, { pendingToken, code: '000000' === codeAt(secret) ? '111111' : '000000' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error).toMatchObject({ code: 'two_factor_code_invalid' });

    const code = codeAt(secret);
    const passed = await call('POST', '/api/auth/two-factor', undefined, { pendingToken, code });
    expect(passed.statusCode, passed.body).toBe(200);
    expect((await call('GET', '/api/me', sessionCookie(passed))).statusCode).toBe(200);
    // The pending sign-in is spent.
    expect((await call('POST', '/api/auth/two-factor', undefined, { pendingToken, code })).json().error.code).toBe('sign_in_expired');

    // The same code in the same window, on a new pending sign-in: refused (replay).
    const again = (await smsStep(phone)).json();
    t.advance(-61); // back into the same 30 s step the code belongs to
    expect((await call('POST', '/api/auth/two-factor', undefined, { pendingToken: again.pendingToken, code })).json().error.code).toBe(
      'two_factor_code_invalid',
    );
    t.advance(61);
    // A recovery code works once.
    const recovered = await call('POST', '/api/auth/two-factor', undefined, { pendingToken: again.pendingToken, code: recoveryCodes[0]!.toUpperCase() });
    expect(recovered.statusCode).toBe(200);
    const third = (await smsStep(phone)).json();
    expect((await call('POST', '/api/auth/two-factor', undefined, { pendingToken: third.pendingToken, code: recoveryCodes[0]! })).statusCode).toBe(400);
    expect((await call('GET', '/api/me/two-factor', cookie)).json().recoveryCodesLeft).toBe(9);
  });

  it('ends a pending sign-in after 5 wrong codes, and after 5 minutes', async () => {
    const phone = '+14155550803';
    const { cookie } = await signIn(t, phone);
    const { secret } = await enrol(cookie);
    t.advance(30);
    const { pendingToken } = (await smsStep(phone)).json();
    for (let i = 0; i < 5; i += 1) {
      expect((await call('POST', '/api/auth/two-factor', undefined, { pendingToken, code: '12345x' })).statusCode).toBe(400);
    }
    expect((await call('POST', '/api/auth/two-factor', undefined, { pendingToken, code: codeAt(secret) })).json().error.code).toBe('sign_in_expired');

    const late = (await smsStep(phone)).json();
    t.advance(301);
    expect((await call('POST', '/api/auth/two-factor', undefined, { pendingToken: late.pendingToken, code: codeAt(secret) })).json().error.code).toBe(
      'sign_in_expired',
    );
  });

  it('turns off only with a current code; then sign-in is SMS only again', async () => {
    const phone = '+14155550804';
    const { cookie } = await signIn(t, phone);
    const { secret } = await enrol(cookie);
    t.advance(30);
    expect((await call('POST', '/api/me/two-factor/disable', cookie, { code: codeAt(secret, 10) })).statusCode).toBe(400);
    expect((await call('POST', '/api/me/two-factor/disable', undefined, { code: codeAt(secret) })).statusCode).toBe(401);
    expect((await call('POST', '/api/me/two-factor/disable', cookie, { code: codeAt(secret) })).statusCode).toBe(204);
    expect((await call('GET', '/api/me/two-factor', cookie)).json().enabled).toBe(false);
    const verified = await smsStep(phone);
    expect(verified.json().user).toBeDefined();
    expect(sessionCookie(verified)).toMatch(/^qiao_session=/);
  });
});
