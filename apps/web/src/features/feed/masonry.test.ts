import { describe, expect, it } from 'vitest';
import { assignColumns, coverRatio } from './masonry';

const ids = (columns: { id: string }[][]) => columns.map((c) => c.map((x) => x.id));

describe('coverRatio', () => {
  it('clamps to 3:4 and 4:3', () => {
    expect(coverRatio(1000, 3000)).toBeCloseTo(4 / 3);
    expect(coverRatio(3000, 1000)).toBeCloseTo(3 / 4);
    expect(coverRatio(1000, 1000)).toBe(1);
    expect(coverRatio(0, 0)).toBe(1);
  });
});

describe('assignColumns', () => {
  it('alternates equal cards, starting left', () => {
    const items = ['a', 'b', 'c', 'd'].map((id) => ({ id, r: 1 }));
    expect(ids(assignColumns(items, (i) => i.r))).toEqual([
      ['a', 'c'],
      ['b', 'd'],
    ]);
  });

  it('puts each card into the shorter column', () => {
    const items = [
      { id: 'tall', r: 4 / 3 },
      { id: 'wide1', r: 3 / 4 },
      { id: 'wide2', r: 3 / 4 },
      { id: 'next', r: 1 },
    ];
    // After tall (1.33) | wide1 (0.75): right is shorter, so wide2 goes right (1.5); then left.
    expect(ids(assignColumns(items, (i) => i.r))).toEqual([
      ['tall', 'next'],
      ['wide1', 'wide2'],
    ]);
  });

  it('does not move earlier cards when more are appended', () => {
    const first = Array.from({ length: 7 }, (_, n) => ({ id: `n${n}`, r: [1, 4 / 3, 3 / 4][n % 3] ?? 1 }));
    const more = [...first, { id: 'x', r: 1 }, { id: 'y', r: 0.75 }];
    const before = ids(assignColumns(first, (i) => i.r));
    const after = ids(assignColumns(more, (i) => i.r));
    after.forEach((column, c) => expect(column.slice(0, before[c]?.length)).toEqual(before[c]));
  });

  it('handles no items and other column counts', () => {
    expect(assignColumns([], () => 1)).toEqual([[], []]);
    expect(assignColumns([1, 2, 3], () => 1, 3)).toEqual([[1], [2], [3]]);
  });
});
