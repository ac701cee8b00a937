import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.js';
import { type CopyValue, copyField, copyRows, JsonValue } from './bulk-copy.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await sql`create table copy_probe (
    id int primary key, label text, tags text[], grid int[][], doc jsonb, at timestamptz, ok boolean, ratio real, big bigint)`.execute(t.db);
  await sql`create index copy_probe_label_idx on copy_probe (label)`.execute(t.db);
});
afterAll(() => t.drop());

const COLUMNS = ['id', 'label', 'tags', 'grid', 'doc', 'at', 'ok', 'ratio', 'big'];
const tricky = 'tab\there, newline\nthere, cr\r, backslash \\ and \\N, "quotes" \'single\', {braces}, commas, 桥 🌉 é, \\.';

describe('copyRows', () => {
  it('round-trips text with the format’s special characters, nulls, arrays, json and times exactly', async () => {
    const at = new Date('2026-12-07T12:34:56.789Z');
    const doc = { text: tricky, list: [1, 'two', null, { nested: 'a\tb\\c' }], empty: '' };
    const rows: CopyValue[][] = [
      [
        1,
        tricky,
        [tricky, '', null, 'NULL', 'a,b', ' spaced '],
        [
          [1, 2],
          [3, null],
        ],
        new JsonValue(doc),
        at,
        true,
        0.5,
        9007199254740993n,
      ],
      [2, null, [], null, new JsonValue([tricky]), null, false, null, null],
      [3, '\\N', ['\\N'], null, null, at, null, -1.25, -1n],
    ];
    expect(await copyRows(t.db, 'copy_probe', COLUMNS, rows)).toBe(3);
    const back = await sql<Record<string, unknown>>`select id, label, tags, grid, doc, at, ok, ratio, big::text from copy_probe order by id`.execute(t.db);
    expect(back.rows).toEqual([
      {
        id: 1,
        label: tricky,
        tags: [tricky, '', null, 'NULL', 'a,b', ' spaced '],
        grid: [
          [1, 2],
          [3, null],
        ],
        doc,
        at,
        ok: true,
        ratio: 0.5,
        big: '9007199254740993',
      },
      { id: 2, label: null, tags: [], grid: null, doc: [tricky], at: null, ok: false, ratio: null, big: null },
      { id: 3, label: '\\N', tags: ['\\N'], grid: null, doc: null, at, ok: null, ratio: -1.25, big: '-1' },
    ]);
  });

  it('writes nothing when a row is bad, and keeps the indexes when it defers them', async () => {
    await sql`truncate copy_probe`.execute(t.db);
    const rows: CopyValue[][] = [
      [10, 'fine', null, null, null, null, null, null, null],
      [10, 'duplicate key', null, null, null, null, null, null, null],
    ];
    await expect(copyRows(t.db, 'copy_probe', COLUMNS, rows, { deferIndexesWhenEmpty: true })).rejects.toThrow(/duplicate key/);
    const count = await sql<{ n: number }>`select count(*)::int n from copy_probe`.execute(t.db);
    expect(count.rows[0]!.n).toBe(0);
    const indexes = async () =>
      (await sql<{ name: string }>`select indexname as name from pg_indexes where tablename = 'copy_probe' order by 1`.execute(t.db)).rows.map(
        (row) => row.name,
      );
    expect(await indexes()).toEqual(['copy_probe_label_idx', 'copy_probe_pkey']);

    expect(await copyRows(t.db, 'copy_probe', COLUMNS, [rows[0]!], { deferIndexesWhenEmpty: true, trustedReferences: true })).toBe(1);
    expect(await indexes()).toEqual(['copy_probe_label_idx', 'copy_probe_pkey']);
  });

  it('refuses an invalid date instead of writing garbage', () => {
    expect(() => copyField(new Date(Number.NaN))).toThrow(RangeError);
    expect(copyField(null)).toBe('\\N');
    expect(copyField(['a"b', 'c\\d'])).toBe('{"a\\\\"b","c\\\\\\\\d"}');
  });
});
