import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runKeysCommand } from '../../cli/keys-command.js';
import { encryptLegacyPhones } from '../../modules/accounts/legacy-phones.js';
import { attachPhone } from '../../modules/accounts/users-queries.js';
import { createTestApp, signIn, type TestApp } from '../../../test/test-app.js';
import { destroyDataKey } from './personal-data-vault.js';
import { dataKeyCounts } from './rotate-data-keys.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const phoneOf = (i: number) => `+6141287${String(1000 + i).padStart(4, '0')}`;
const me = async (cookie: string) => (await t.app.inject({ url: '/api/me', headers: { cookie } })).json() as { id: string; phone: string | null };

describe('npm run keys -- rotate', () => {
  it('re-wraps every data key under a new master key while the app keeps signing people in', async () => {
    const people: Array<{ cookie: string; phone: string }> = [];
    for (let i = 0; i < 24; i += 1) people.push({ phone: phoneOf(i), ...(await signIn(t, phoneOf(i))) });
    expect(await dataKeyCounts(t.database.db)).toEqual([{ masterKeyId: 'local-1', dataKeys: 24 }]);

    const output: string[] = [];
    const rotation = runKeysCommand(['rotate', '--batch', '4'], { config: t.config, db: t.database.db, out: (line) => output.push(line) });
    // Meanwhile: new sign-ups (the app still wraps under local-1 until its keyring refreshes) and reads.
    const during = await Promise.all(
      Array.from({ length: 8 }, async (_, i) => {
        const phone = phoneOf(100 + i);
        const signedIn = await signIn(t, phone);
        expect((await me(people[i]!.cookie)).phone).toBe(people[i]!.phone);
        return { phone, cookie: signedIn.cookie };
      }),
    );
    expect(await rotation).toBe(0);
    people.push(...during);

    expect(output.join('\n')).toContain('New master key local-2');
    expect(output.join('\n')).toMatch(/batch \d+: \d+ data keys re-wrapped/);
    // Keys wrapped under local-1 during the rotation are caught by its later passes.
    const counts = await dataKeyCounts(t.database.db);
    const underOld = counts.find((count) => count.masterKeyId === 'local-1')?.dataKeys ?? 0;
    if (underOld > 0) expect(await runKeysCommand(['rotate'], { config: t.config, db: t.database.db, out: () => {} })).toBe(0);
    expect((await dataKeyCounts(t.database.db)).find((count) => count.masterKeyId === 'local-1')).toBeUndefined();

    // The running app (its keyring loaded before the rotation) opens every number, old and new.
    for (const person of people) expect((await me(person.cookie)).phone).toBe(person.phone);
    // And signs people in again by blind index: the index key did not change.
    t.advance(61);
    const again = await signIn(t, people[0]!.phone);
    expect(again.user.id).toBe((await me(people[0]!.cookie)).id);

    const status: string[] = [];
    expect(await runKeysCommand(['status'], { config: t.config, db: t.database.db, out: (line) => status.push(line) })).toBe(0);
    expect(status.join('\n')).toMatch(/local-\d+: 32 data keys \(current\)/);
    expect(await runKeysCommand(['spin'], { config: t.config, db: t.database.db, out: () => {} })).toBe(2);
  });

  it('crypto-shreds: once the data key is destroyed, the number cannot be opened', async () => {
    const { cookie, user } = await signIn(t, phoneOf(500));
    expect((await me(cookie)).phone).toBe(phoneOf(500));
    expect(await destroyDataKey(t.database.db, user.id)).toBe(true);
    expect((await me(cookie)).phone).toBeNull();
    const row = await t.database.db.selectFrom('users').select('phone_ciphertext').where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(row.phone_ciphertext).not.toBeNull();
  });
});

describe('upgrading a data directory with plain numbers', () => {
  it('seals them at start, drops the plain column, and the same person signs in to the same account', async () => {
    // What an older version left behind.
    await sql`alter table users add column phone text unique`.execute(t.database.db);
    const { rows } = await sql<{ id: string }>`
      insert into users (phone, handle, display_name, language, region) values ('+61412879999', 'old_timer', 'Old timer', 'en', 'AU') returning id::text`.execute(
      t.database.db,
    );
    const oldId = rows[0]!.id;

    expect(await encryptLegacyPhones(t.database.db, t.vault, t.now, 1)).toBe(1);
    const { rows: columns } = await sql`select 1 from information_schema.columns where table_name = 'users' and column_name = 'phone'`.execute(t.database.db);
    expect(columns).toHaveLength(0);
    expect(await encryptLegacyPhones(t.database.db, t.vault, t.now)).toBe(0);

    const { cookie, user } = await signIn(t, '+61412879999');
    expect(user.id).toBe(oldId);
    expect((await me(cookie)).phone).toBe('+61412879999');
  });

  it('gives a seeded account without a number one to sign in with (benchmarks), once', async () => {
    const { rows } = await sql<{ id: string }>`
      insert into users (handle, display_name, language, region) values ('seeded_sam', 'Sam', 'en', 'AU') returning id::text`.execute(t.database.db);
    const seeded = rows[0]!.id;
    expect(await attachPhone(t.database.db, t.vault, seeded, '+61412878888', t.now)).toBe(true);
    expect(await attachPhone(t.database.db, t.vault, seeded, '+61412878889', t.now)).toBe(false);
    const { cookie, user } = await signIn(t, '+61412878888');
    expect(user.id).toBe(seeded);
    expect((await me(cookie)).phone).toBe('+61412878888');
  });
});
