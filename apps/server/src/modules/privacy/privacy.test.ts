import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCaller, setUserFields, type TestUser } from '../../../test/fixtures.js';
import { createTestApp, signIn, type TestApp } from '../../../test/test-app.js';
import { recordStaffAccess } from './staff-access.js';

let t: TestApp;
const call = apiCaller(() => t);
const people: Record<string, TestUser & { phone: string }> = {};
const PHONES = {
  ann: '+61412870301',
  bob: '+61412870302',
  cyd: '+61412870303',
  dee: '+61412870304',
  eve: '+61412870305',
  modo: '+61412870306',
  boss: '+61412870307',
  shy: '+61412870308',
};

beforeAll(async () => {
  t = await createTestApp({ env: { PHONE_LOOKUPS_PER_DAY: '20' } });
  for (const [handle, phone] of Object.entries(PHONES)) {
    const { cookie, user } = await signIn(t, phone, { handle, displayName: handle });
    people[handle] = { cookie, id: user.id, handle, phone };
  }
  await setUserFields(t.database.db, people.modo!.id, { role: 'moderator' });
  await setUserFields(t.database.db, people.boss!.id, { role: 'admin' });
});
afterAll(() => t.close());

const p = (handle: keyof typeof PHONES) => people[handle]!;
const reveal = (who: TestUser | undefined, subject: string, reason: string) => call('POST', `/api/staff/users/${subject}/phone/reveal`, who, { reason });

describe('staff reveal a phone number only with a reason, and the person sees it', () => {
  it('shows staff the number masked; nobody else gets even that', async () => {
    const masked = await call('GET', `/api/staff/users/${p('ann').id}/phone`, p('modo'));
    expect(masked.statusCode).toBe(200);
    expect(masked.json()).toEqual({ userId: p('ann').id, masked: '+61 ••• ••• ••01' });
    expect((await call('GET', `/api/staff/users/${p('ann').id}/phone`, p('bob'))).statusCode).toBe(403);
    expect((await call('GET', `/api/staff/users/${p('ann').id}/phone`)).statusCode).toBe(401);
  });

  it('refuses without a reason of 5–500 characters, and to anyone not on staff', async () => {
    for (const reason of ['', 'why', ' '.repeat(40), 'x'.repeat(501)]) {
      const response = await reveal(p('modo'), p('ann').id, reason);
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('access_reason_required');
    }
    expect((await reveal(p('bob'), p('ann').id, 'curious, sorry')).statusCode).toBe(403);
    expect((await reveal(undefined, p('ann').id, 'curious, sorry')).statusCode).toBe(401);
    expect((await reveal(p('boss'), '999999', 'report #812')).statusCode).toBe(404);
    // Nothing refused was logged.
    expect((await call('GET', '/api/me/privacy/staff-access', p('ann'))).json().items).toEqual([]);
  });

  it('reveals to moderators and admins, writes an append-only entry, and lists it for the person newest first', async () => {
    const first = await reveal(p('modo'), p('ann').id, 'report #812');
    expect(first.statusCode).toBe(200);
    expect(first.headers['cache-control']).toBe('no-store');
    expect(first.json()).toEqual({ userId: p('ann').id, masked: '+61 ••• ••• ••01', phone: PHONES.ann });
    t.advance(3600);
    expect((await reveal(p('boss'), p('ann').id, '  appeal   #90, identity check ')).statusCode).toBe(200);
    t.advance(3600);
    await recordStaffAccess(t.database.db, {
      staffId: p('boss').id,
      subjectId: p('ann').id,
      kind: 'export_opened',
      reason: 'legal request 2026-14',
      now: t.now,
    });

    const page1 = await call('GET', '/api/me/privacy/staff-access?limit=2', p('ann'));
    expect(page1.statusCode).toBe(200);
    expect(page1.json().items.map((item: { kind: string; reason: string }) => [item.kind, item.reason])).toEqual([
      ['export_opened', 'legal request 2026-14'],
      ['phone_revealed', 'appeal #90, identity check'],
    ]);
    // Who on staff looked is not part of it: the person learns what and why.
    expect(Object.keys(page1.json().items[0]).sort()).toEqual(['createdAt', 'id', 'kind', 'reason']);
    const page2 = await call('GET', `/api/me/privacy/staff-access?limit=2&cursor=${page1.json().cursor}`, p('ann'));
    expect(page2.json()).toMatchObject({ items: [{ kind: 'phone_revealed', reason: 'report #812' }], cursor: null });
    expect((await call('GET', '/api/me/privacy/staff-access?cursor=bad', p('ann'))).statusCode).toBe(400);
    // Others' lists stay their own.
    expect((await call('GET', '/api/me/privacy/staff-access', p('bob'))).json().items).toEqual([]);
    expect((await call('GET', '/api/me/privacy/staff-access')).statusCode).toBe(401);

    await expect(sql`update staff_access_log set reason = 'nothing to see'`.execute(t.database.db)).rejects.toThrow(/append-only/);
  });
});

describe('look-up by phone', () => {
  const lookup = (who: TestUser | undefined, phones: string[]) => call('POST', '/api/people/lookup-by-phone', who, { phones });
  const found = async (who: TestUser, phones: string[]) =>
    (await lookup(who, phones)).json().matches.map((match: { phone: string; user: { handle: string } }) => `${match.user.handle} ${match.phone}`);

  it('finds discoverable accounts in any spelling; an opted-out number looks exactly like one without an account', async () => {
    expect(await found(p('bob'), ['+61 412 870 301', PHONES.shy, '+61412870399', 'nonsense'])).toEqual([`ann ${PHONES.ann}`, `shy ${PHONES.shy}`]);
    const optOut = await call('PATCH', '/api/me', p('shy'), { discoverableByPhone: false });
    expect(optOut.json().discoverableByPhone).toBe(false);
    const hidden = await lookup(p('bob'), [PHONES.shy]);
    const absent = await lookup(p('bob'), ['+61412870399']);
    expect(hidden.statusCode).toBe(200);
    expect(hidden.body).toBe(absent.body);
    expect(hidden.json()).toEqual({ matches: [] });
    expect((await call('GET', '/api/me', p('ann'))).json().discoverableByPhone).toBe(true);
  });

  it('never finds across a block, either way, nor suspended or banned accounts', async () => {
    expect((await call('PUT', '/api/users/cyd/block', p('bob'))).statusCode).toBe(200);
    expect((await call('PUT', '/api/users/bob/block', p('dee'))).statusCode).toBe(200);
    await t.database.db
      .updateTable('users')
      .set({ status: 'suspended', suspended_until: new Date(t.now.getTime() + 86_400_000) })
      .where('id', '=', p('eve').id)
      .execute();
    expect(await found(p('bob'), [PHONES.cyd, PHONES.dee, PHONES.eve, PHONES.modo])).toEqual([`modo ${PHONES.modo}`]);
    await t.database.db.updateTable('users').set({ status: 'banned' }).where('id', '=', p('modo').id).execute();
    expect(await found(p('ann'), [PHONES.modo])).toEqual([]);
  });

  it('needs a session, takes at most 50 numbers, and stops at the daily budget (429) until the next day', async () => {
    expect((await lookup(undefined, [PHONES.ann])).statusCode).toBe(401);
    expect(
      (
        await lookup(
          p('cyd'),
          Array.from({ length: 51 }, (_, i) => `+6141287${1000 + i}`),
        )
      ).statusCode,
    ).toBe(400);
    const numbers = (from: number, count: number) => Array.from({ length: count }, (_, i) => `+6141288${String(from + i).padStart(4, '0')}`);
    expect((await lookup(p('cyd'), numbers(0, 15))).statusCode).toBe(200);
    const over = await lookup(p('cyd'), numbers(100, 6));
    expect(over.statusCode).toBe(429);
    expect(over.json().error.code).toBe('lookup_limit_reached');
    expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
    // A refused request spent nothing: the 5 left still work.
    expect((await lookup(p('cyd'), numbers(200, 5))).statusCode).toBe(200);
    expect((await lookup(p('cyd'), [PHONES.ann])).statusCode).toBe(429);
    t.advance(86_400);
    expect(await found(p('cyd'), [PHONES.ann])).toEqual([`ann ${PHONES.ann}`]);
  });
});
