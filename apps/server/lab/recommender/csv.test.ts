import { describe, expect, it } from 'vitest';
import { parseCsv, parseInteractionsCsv, parseItemsCsv } from './csv.js';
import { buildDataset } from './dataset.js';

describe('parseCsv', () => {
  it('handles quotes, escaped quotes, CRLF, a BOM and blank lines', () => {
    expect(parseCsv('\ufeffa,b\r\n"x, y","say ""hi"""\r\n\r\n1,\n')).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"'],
      ['1', ''],
    ]);
  });
});

describe('interactions CSV', () => {
  it('reads columns by header name, with an optional weight defaulting to 1', () => {
    const rows = parseInteractionsCsv('timestamp,item_id,user_id\n1700000000,n1,u1\n2024-01-02T03:04:05Z,n2,u1\n');
    expect(rows).toEqual([
      { user: 'u1', item: 'n1', at: 1_700_000_000_000, weight: 1 },
      { user: 'u1', item: 'n2', at: Date.UTC(2024, 0, 2, 3, 4, 5), weight: 1 },
    ]);
    const weighted = parseInteractionsCsv('user_id,item_id,timestamp,weight\nu1,n1,1700000000000,4.5\nu2,n1,1700000000,\n');
    expect(weighted.map((row) => [row.at, row.weight])).toEqual([
      [1_700_000_000_000, 4.5],
      [1_700_000_000_000, 1],
    ]);
  });

  it('refuses a missing column and a bad value with the line number', () => {
    expect(() => parseInteractionsCsv('user_id,item_id\nu1,n1\n', 'x.csv')).toThrow('x.csv: the header has no "timestamp" column');
    expect(() => parseInteractionsCsv('user_id,item_id,timestamp\nu1,n1,yesterday\n', 'x.csv')).toThrow('x.csv line 2');
    expect(() => parseInteractionsCsv('user_id,item_id,timestamp,weight\nu1,n1,1,lots\n', 'x.csv')).toThrow('weight');
  });
});

describe('items CSV', () => {
  it('splits tags on |, leaves an empty creator and created_at empty', () => {
    const items = parseItemsCsv('item_id,creator_id,created_at,title,tags\nn1,alice,1700000000,"Cats, dogs",cats|dogs| \nn2,,,Plain,\n');
    expect(items).toEqual([
      { key: 'n1', creator: 'alice', createdAt: 1_700_000_000_000, title: 'Cats, dogs', tags: ['cats', 'dogs'] },
      { key: 'n2', creator: null, createdAt: null, title: 'Plain', tags: [] },
    ]);
  });
});

describe('buildDataset', () => {
  const items = parseItemsCsv('item_id,creator_id,created_at,title,tags\nn1,alice,1000,A,x\nn2,,,B,\nn3,,,C,\nn4,u2,5,D,\n');
  const interactions = parseInteractionsCsv('user_id,item_id,timestamp\nu1,n2,50\nu2,n2,20\nu1,n1,60\nu1,n2,70\nu3,n9,80\n');
  const data = buildDataset(items, interactions);

  it('makes an item with no creator its own creator, and a creator who is a user that user', () => {
    const creatorOf = (key: string) => data.creators[data.items.find((item) => item.key === key)!.creator]!;
    expect(creatorOf('n1')).toEqual({ key: 'alice', user: null });
    expect(creatorOf('n2')).toEqual({ key: 'item:n2', user: null });
    expect(creatorOf('n3')).toEqual({ key: 'item:n3', user: null });
    expect(creatorOf('n4')).toEqual({ key: 'u2', user: data.users.indexOf('u2') });
  });

  it('dates an item without created_at at its first interaction (or the first of all)', () => {
    const createdAt = (key: string) => data.items.find((item) => item.key === key)!.createdAt;
    expect(createdAt('n1')).toBe(1_000_000);
    expect(createdAt('n2')).toBe(20_000);
    expect(createdAt('n3')).toBe(20_000);
  });

  it('adds items only seen in interactions and keeps one interaction per user and item', () => {
    expect(data.items.map((item) => item.key)).toEqual(['n1', 'n2', 'n3', 'n4', 'n9']);
    expect(data.interactions.map((interaction) => `${data.users[interaction.user]}:${data.items[interaction.item]!.key}@${interaction.at}`)).toEqual([
      'u1:n2@50000',
      'u2:n2@20000',
      'u1:n1@60000',
      'u3:n9@80000',
    ]);
  });
});
