import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, lastCode, sessionCookie, type TestApp } from '../../../test/test-app.js';

const IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Mobile/15E148 Safari/604.1';
const WINDOWS_EDGE = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.0.0';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { REGION_HEADER: 'x-test-country' } });
});
afterAll(() => t.close());

let ipCount = 0;
/** A sign-in from a given browser, network and country, through the real SMS flow. */
async function signInFrom(phone: string, from: { ua: string; country?: string; ip?: string }) {
  ipCount += 1;
  const headers = { 'user-agent': from.ua, ...(from.country ? { 'x-test-country': from.country } : {}) };
  const remoteAddress = from.ip ?? `198.51.100.${ipCount}`;
  const sent = await t.app.inject({ method: 'POST', url: '/api/auth/code', payload: { phone }, headers, remoteAddress });
  expect(sent.statusCode).toBe(202);
  const verified = await t.app.inject({ method: 'POST', url: '/api/auth/verify', payload: { phone, code: lastCode(t.sms, phone) }, headers, remoteAddress });
  expect(verified.statusCode, verified.body).toBe(200);
  t.advance(61); // past the resend gap for the next sign-in
  return sessionCookie(verified);
}

const get = (url: string, cookie?: string) => t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
const del = (url: string, cookie?: string) => t.app.inject({ method: 'DELETE', url, headers: cookie ? { cookie } : {} });
const signInNotices = async (cookie: string) =>
  ((await get('/api/notifications', cookie)).json().items as Array<{ kind: string; signIn: unknown; latestAt: string }>).filter(
    (item) => item.kind === 'new_sign_in',
  );

describe('sessions list', () => {
  it('shows device, browser, country, last activity and this device; signs out one or all others', async () => {
    const phone = '+14155550901';
    const phoneCookie = await signInFrom(phone, { ua: IPHONE, country: 'us', ip: '203.0.113.9' });
    const laptopCookie = await signInFrom(phone, { ua: WINDOWS_EDGE });
    const thirdCookie = await signInFrom(phone, { ua: WINDOWS_EDGE, country: 'DE' });

    const listed = await get('/api/sessions', laptopCookie);
    expect(listed.statusCode).toBe(200);
    const sessions = listed.json().sessions as Array<Record<string, unknown>>;
    expect(sessions).toHaveLength(3);
    const phoneSession = sessions.find((s) => s.device === 'iPhone')!;
    expect(phoneSession).toMatchObject({ browser: 'Safari', country: 'US', ip: '203.0.113.9', current: false });
    expect(sessions.filter((s) => s.current)).toEqual([expect.objectContaining({ device: 'Windows', browser: 'Edge', country: null })]);
    expect(typeof phoneSession.lastSeenAt).toBe('string');

    // One device out: it is signed out at once.
    expect((await del(`/api/sessions/${phoneSession.id}`, laptopCookie)).statusCode).toBe(204);
    expect((await get('/api/me', phoneCookie)).statusCode).toBe(401);

    // All others: only this one stays.
    const others = await del('/api/sessions?others=true', laptopCookie);
    expect(others.statusCode).toBe(200);
    expect(others.json()).toEqual({ revoked: 1 });
    expect((await get('/api/me', thirdCookie)).statusCode).toBe(401);
    expect((await get('/api/me', laptopCookie)).statusCode).toBe(200);
    expect((await get('/api/sessions', laptopCookie)).json().sessions).toHaveLength(1);
  });

  it('refuses bulk sign-out without others=true and for anonymous callers', async () => {
    const cookie = await signInFrom('+14155550902', { ua: IPHONE });
    expect((await del('/api/sessions', cookie)).statusCode).toBe(400);
    expect((await del('/api/sessions?others=true')).statusCode).toBe(401);
    expect((await get('/api/sessions')).statusCode).toBe(401);
    expect((await get('/api/me', cookie)).statusCode).toBe(200);
  });

  it("never lists or revokes another account's sessions", async () => {
    const ann = await signInFrom('+14155550903', { ua: IPHONE });
    const bob = await signInFrom('+14155550904', { ua: IPHONE });
    const annSession = ((await get('/api/sessions', ann)).json().sessions as Array<{ id: string }>)[0]!;
    expect((await del(`/api/sessions/${annSession.id}`, bob)).statusCode).toBe(404);
    expect((await del('/api/sessions?others=true', bob)).json()).toEqual({ revoked: 0 });
    expect((await get('/api/me', ann)).statusCode).toBe(200);
  });
});

describe('new-device sign-in notification', () => {
  it('tells the account of a new device, browser or country, never of the first or a known one', async () => {
    const phone = '+14155550905';
    const first = await signInFrom(phone, { ua: IPHONE, country: 'US' });
    expect(await signInNotices(first)).toEqual([]);

    await signInFrom(phone, { ua: IPHONE, country: 'US' }); // the same phone again
    expect(await signInNotices(first)).toEqual([]);

    await signInFrom(phone, { ua: WINDOWS_EDGE, country: 'FR' });
    const notices = await signInNotices(first);
    expect(notices).toEqual([expect.objectContaining({ signIn: { device: 'Windows', browser: 'Edge', country: 'FR' } })]);
    expect(new Date(notices[0]!.latestAt).getTime()).toBeLessThanOrEqual(t.now.getTime());
    expect((await get('/api/notifications/unread-count', first)).json()).toMatchObject({ count: 1 });

    await signInFrom(phone, { ua: IPHONE, country: 'JP' }); // a known device in a new country is news too
    expect(await signInNotices(first)).toHaveLength(2);
  });
});

describe('session IP truncation', () => {
  it('keeps full addresses for 7 days, then only the /24 or /48', async () => {
    const phone = '+14155550906';
    const v4 = await signInFrom(phone, { ua: IPHONE, ip: '203.0.113.200' });
    await signInFrom(phone, { ua: WINDOWS_EDGE, ip: '2001:db8:abcd:12:1:2:3:4' });
    const ips = async () => ((await get('/api/sessions', v4)).json().sessions as Array<{ ip: string }>).map((s) => s.ip).sort();

    expect(await t.app.sessions.truncateOldIps(new Date(t.now.getTime() + 6 * 86_400_000), 7)).toBe(0);
    expect(await ips()).toEqual(['2001:db8:abcd:12:1:2:3:4', '203.0.113.200']);

    const later = new Date(t.now.getTime() + 7 * 86_400_000 + 1000);
    expect(await t.app.sessions.truncateOldIps(later, 7)).toBeGreaterThanOrEqual(2);
    expect(await ips()).toEqual(['2001:db8:abcd::', '203.0.113.0']);
    // Done once: the next run has nothing left to cut.
    expect(await t.app.sessions.truncateOldIps(later, 7)).toBe(0);
  });
});
