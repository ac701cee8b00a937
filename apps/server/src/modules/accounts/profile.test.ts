import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const patchMe = (cookie: string | undefined, payload: unknown) =>
  t.app.inject({ method: 'PATCH', url: '/api/me', payload: payload as object, headers: cookie ? { cookie } : {} });

describe('profiles and onboarding', () => {
  it('a new account picks handle, name, language and region, then has a public profile', async () => {
    const { cookie } = await signIn(t, '+8613800138000');
    const response = await patchMe(cookie, { handle: 'Mei_Lin', displayName: '美琳', language: 'zh-CN', region: 'CN', bio: '爱猫 🐱' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ handle: 'Mei_Lin', displayName: '美琳', profileComplete: true, bio: '爱猫 🐱' });

    // Case-insensitive lookup of the public profile; the phone number is never public.
    const profile = await t.app.inject({ url: '/api/users/mei_lin' });
    expect(profile.statusCode).toBe(200);
    expect(profile.json()).toMatchObject({ handle: 'Mei_Lin', displayName: '美琳', region: 'CN' });
    expect(profile.body).not.toContain('13800138000');
  });

  it('refuses a taken handle in any letter case with 409 and changes nothing', async () => {
    const { cookie } = await signIn(t, '+14155552671');
    const taken = await patchMe(cookie, { handle: 'MEI_LIN', displayName: 'Ann' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe('handle_taken');
    const me = await t.app.inject({ url: '/api/me', headers: { cookie } });
    expect(me.json()).toMatchObject({ handle: null, displayName: null, profileComplete: false });
  });

  it('refuses invalid and reserved handles', async () => {
    const { cookie } = await signIn(t, '+14155552672');
    for (const [handle, code] of [
      ['ab', 'handle_invalid'],
      ['has space', 'handle_invalid'],
      ['中文名', 'handle_invalid'],
      ['12345', 'handle_invalid'],
      ['x'.repeat(25), 'handle_invalid'],
      ['Admin', 'handle_reserved'],
      ['qiao', 'handle_reserved'],
    ] as const) {
      const response = await patchMe(cookie, { handle, displayName: 'Ann' });
      expect(response.statusCode, handle).toBe(400);
      expect(response.json().error.code, handle).toBe(code);
    }
  });

  it('needs a handle before the profile is complete', async () => {
    const { cookie } = await signIn(t, '+14155552673');
    const response = await patchMe(cookie, { displayName: 'Ann' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('handle_required');
  });

  it('validates fields: region, language, lengths, unknown fields, empty body', async () => {
    const { cookie } = await signIn(t, '+14155552674', { handle: 'ann_sf', displayName: 'Ann' });
    const cases: Array<[unknown, string]> = [
      [{ region: 'XX' }, 'region_invalid'],
      [{ region: 'usa' }, 'validation_failed'],
      [{ language: 'klingon' }, 'language_invalid'],
      [{ displayName: 'x'.repeat(41) }, 'validation_failed'],
      [{ displayName: '   ' }, 'display_name_invalid'],
      [{ bio: 'x'.repeat(161) }, 'validation_failed'],
      [{ phone: '+8613800138000' }, 'validation_failed'],
      [{}, 'validation_failed'],
    ];
    for (const [payload, code] of cases) {
      const response = await patchMe(cookie, payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json().error.code, JSON.stringify(payload)).toBe(code);
    }
    const me = await t.app.inject({ url: '/api/me', headers: { cookie } });
    expect(me.json()).toMatchObject({ handle: 'ann_sf', displayName: 'Ann', region: 'US', language: 'en' });
  });

  it('answers handle availability', async () => {
    const check = async (handle: string) => (await t.app.inject({ url: `/api/handles/${encodeURIComponent(handle)}` })).json();
    expect(await check('ann_sf')).toMatchObject({ available: false, reason: 'taken' });
    expect(await check('ANN_SF')).toMatchObject({ available: false, reason: 'taken' });
    expect(await check('support')).toMatchObject({ available: false, reason: 'reserved' });
    expect(await check('a!')).toMatchObject({ available: false, reason: 'invalid' });
    expect(await check('someone_new')).toMatchObject({ available: true });
  });

  it('404s unknown profiles and profiles without a finished onboarding', async () => {
    await signIn(t, '+14155552675');
    for (const handle of ['nobody_here', 'x!']) {
      const response = await t.app.inject({ url: `/api/users/${encodeURIComponent(handle)}` });
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe('user_not_found');
    }
  });

  it('requires a session for /me and its edits', async () => {
    expect((await t.app.inject({ url: '/api/me' })).statusCode).toBe(401);
    expect((await patchMe(undefined, { bio: 'hi' })).statusCode).toBe(401);
    const forged = await t.app.inject({ url: '/api/me', headers: { cookie: 'qiao_session=forged-token-forged-token-forged' } });
    expect(forged.statusCode).toBe(401);
  });
});

describe('sessions', () => {
  it('lists my devices, marks this one, and revokes another', async () => {
    const first = await signIn(t, '+14155552676');
    t.advance(61);
    const second = await signIn(t, '+14155552676');
    const list = await t.app.inject({ url: '/api/sessions', headers: { cookie: first.cookie } });
    expect(list.statusCode).toBe(200);
    const sessions = list.json().sessions as Array<{ id: string; current: boolean }>;
    expect(sessions).toHaveLength(2);
    expect(sessions.filter((s) => s.current)).toHaveLength(1);

    const other = sessions.find((s) => !s.current)!;
    const revoked = await t.app.inject({ method: 'DELETE', url: `/api/sessions/${other.id}`, headers: { cookie: first.cookie } });
    expect(revoked.statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/me', headers: { cookie: second.cookie } })).statusCode).toBe(401);
    expect((await t.app.inject({ url: '/api/me', headers: { cookie: first.cookie } })).statusCode).toBe(200);
  });

  it("cannot revoke someone else's session or a made-up one", async () => {
    const mine = await signIn(t, '+14155552677');
    const theirs = await signIn(t, '+14155552678');
    const theirList = await t.app.inject({ url: '/api/sessions', headers: { cookie: theirs.cookie } });
    const theirId = theirList.json().sessions[0].id as string;
    for (const id of [theirId, '999999999', 'abc']) {
      const response = await t.app.inject({ method: 'DELETE', url: `/api/sessions/${id}`, headers: { cookie: mine.cookie } });
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe('session_not_found');
    }
    expect((await t.app.inject({ url: '/api/me', headers: { cookie: theirs.cookie } })).statusCode).toBe(200);
  });

  it('expires a session after its lifetime without use', async () => {
    const { cookie } = await signIn(t, '+14155552679');
    t.advance(91 * 24 * 60 * 60);
    expect((await t.app.inject({ url: '/api/me', headers: { cookie } })).statusCode).toBe(401);
  });
});
