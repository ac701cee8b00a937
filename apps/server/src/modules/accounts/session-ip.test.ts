import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../../../test/test-app.js';
import { pruneAccountsData } from './maintenance.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('session addresses', () => {
  it('are kept whole for 7 days, then only their network (/24, /48)', async () => {
    const v4 = await signIn(t, '+61412877001');
    const v6 = await signIn(t, '+61412877002');
    await t.database.db.updateTable('sessions').set({ ip: '203.0.113.77' }).where('user_id', '=', v4.user.id).execute();
    await t.database.db.updateTable('sessions').set({ ip: '2001:db8:abcd:12::1' }).where('user_id', '=', v6.user.id).execute();
    const ips = async () =>
      (await t.database.db.selectFrom('sessions').select(['user_id', 'ip']).where('user_id', 'in', [v4.user.id, v6.user.id]).orderBy('user_id').execute()).map(
        (row) => row.ip,
      );

    await pruneAccountsData(t.database.db, new Date(t.now.getTime() + 6 * 86_400_000));
    expect(await ips()).toEqual(['203.0.113.77', '2001:db8:abcd:12::1']);
    await pruneAccountsData(t.database.db, new Date(t.now.getTime() + 8 * 86_400_000));
    expect(await ips()).toEqual(['203.0.113.0', '2001:db8:abcd::']);
  });
});
