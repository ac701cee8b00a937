import { Writable } from 'node:stream';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clusterDirectory, phoneSpellings, searchClusterFiles } from '../../../test/cluster-files.js';
import { createTestApp, lastCode, nextIp, sessionCookie, type TestApp } from '../../../test/test-app.js';

// The measured test of issue 12, item 1: a number signed up through HTTP is
// nowhere in the clear: not in any file of the database cluster (heap, indexes,
// WAL), not in any table read through SQL, not in any statement or parameter
// sent to PostgreSQL, not in the app's log. Before encryption it was in all four.

const PHONE = '+5511987650176';
const spellings = phoneSpellings(PHONE);
const logLines: string[] = [];
const statements: string[] = [];
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({
    logStream: new Writable({
      write(chunk, _encoding, done) {
        logLines.push(String(chunk));
        done();
      },
    }),
    onQuery: (text, parameters) =>
      statements.push(`${text}\n${parameters.map((value) => (Buffer.isBuffer(value) ? value.toString('latin1') : String(value))).join('\n')}`),
  });
});
afterAll(() => t.close());

function leaks(texts: readonly string[]): string[] {
  return texts.filter((text) => spellings.some((spelling) => text.includes(spelling)));
}

describe('a phone number at rest', () => {
  it('is stored nowhere in the clear after a sign-up, a wrong code, a resend, a staff reveal and a look-up', async () => {
    const ip = nextIp();
    const code = (phone: string) => t.app.inject({ method: 'POST', url: '/api/auth/code', payload: { phone }, remoteAddress: ip });
    // Written the way a person types it: the app normalises, then seals.
    expect((await code('+55 11 98765-0176')).statusCode).toBe(202);
    const wrong = await t.app.inject({ method: 'POST', url: '/api/auth/verify', payload: { phone: PHONE, code: '000000' }, remoteAddress: ip });
    expect(wrong.statusCode).toBe(400);
    t.advance(61);
    expect((await code(PHONE)).statusCode).toBe(202);
    const verified = await t.app.inject({
      method: 'POST',
      url: '/api/auth/verify',
      payload: { phone: PHONE, code: lastCode(t.sms, PHONE) },
      remoteAddress: ip,
    });
    expect(verified.statusCode).toBe(200);
    expect(verified.json().user.phone).toBe(PHONE);
    const cookie = sessionCookie(verified);
    // The development inbox takes the number in its URL: request logs must not keep it.
    expect((await t.app.inject({ method: 'GET', url: `/api/dev/sms?to=${encodeURIComponent(PHONE)}` })).statusCode).toBe(200);
    const userId = verified.json().user.id as string;
    expect(
      (await t.app.inject({ method: 'PATCH', url: '/api/me', payload: { handle: 'at_rest', displayName: 'At rest' }, headers: { cookie } })).statusCode,
    ).toBe(200);
    // The owner still reads their own number (decrypted on the way out).
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).json().phone).toBe(PHONE);

    // Staff reveal and a look-up by number also never write it down.
    const staff = await t.app.inject({ method: 'POST', url: '/api/auth/code', payload: { phone: '+61412870177' }, remoteAddress: nextIp() });
    expect(staff.statusCode).toBe(202);
    const staffIn = await t.app.inject({
      method: 'POST',
      url: '/api/auth/verify',
      payload: { phone: '+61412870177', code: lastCode(t.sms, '+61412870177') },
      remoteAddress: nextIp(),
    });
    const staffCookie = sessionCookie(staffIn);
    await t.database.db
      .updateTable('users')
      .set({ role: 'admin', handle: 'at_rest_staff', display_name: 'Staff' })
      .where('id', '=', staffIn.json().user.id)
      .execute();
    const revealed = await t.app.inject({
      method: 'POST',
      url: `/api/staff/users/${userId}/phone/reveal`,
      payload: { reason: 'report #812' },
      headers: { cookie: staffCookie },
    });
    expect(revealed.json().phone).toBe(PHONE);
    const found = await t.app.inject({ method: 'POST', url: '/api/people/lookup-by-phone', payload: { phones: [PHONE] }, headers: { cookie: staffCookie } });
    expect(found.json().matches.map((match: { user: { id: string } }) => match.user.id)).toEqual([userId]);

    // Every table of every schema (pg-boss's too), each row as text, bytea as hex and as bytes.
    const { rows: tables } = await sql<{ schema: string; name: string }>`
      select schemaname as schema, tablename as name from pg_tables where schemaname not in ('pg_catalog', 'information_schema')`.execute(t.database.db);
    expect(tables.map((table) => table.name)).toEqual(expect.arrayContaining(['users', 'phone_codes', 'user_data_keys', 'staff_access_log']));
    const hexSpellings = spellings.map((spelling) => Buffer.from(spelling).toString('hex'));
    for (const table of tables) {
      const { rows } = await sql<{ row: string }>`select row_to_json(t)::text as row from ${sql.table(`${table.schema}.${table.name}`)} t`.execute(
        t.database.db,
      );
      for (const { row } of rows) {
        const hits = [...spellings, ...hexSpellings].filter((needle) => row.includes(needle));
        expect(hits, `${table.schema}.${table.name}: ${row.slice(0, 200)}`).toEqual([]);
      }
    }

    // What was sent to PostgreSQL (so no server log line, unique-violation DETAIL or
    // slow-query log can carry it), and what the app logged.
    expect(statements.length).toBeGreaterThan(10);
    expect(leaks(statements)).toEqual([]);
    expect(logLines.length).toBeGreaterThan(5);
    expect(leaks(logLines)).toEqual([]);

    // The cluster's files: heap, indexes, WAL.
    if (clusterDirectory()) expect(await searchClusterFiles(spellings)).toEqual([]);
  });

  it('keeps the needles honest: the same search finds a number that is written in the clear', async () => {
    const canary = '+819087650176';
    await sql`create table canary (note text)`.execute(t.database.db);
    await sql`insert into canary values (${`call ${canary}`})`.execute(t.database.db);
    if (clusterDirectory()) expect((await searchClusterFiles(phoneSpellings(canary))).length).toBeGreaterThan(0);
    expect(leaks([`x ${PHONE} y`])).toHaveLength(1);
  });
});
