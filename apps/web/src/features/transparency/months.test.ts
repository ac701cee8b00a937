import { describe, expect, it } from 'vitest';
import { monthLabel, monthOf, recentMonths, totals } from './months';

describe('transparency months', () => {
  it('lists this month and the ones before it, across a year boundary, in UTC', () => {
    expect(recentMonths(new Date('2026-02-15T23:30:00Z'), 4)).toEqual(['2026-02', '2026-01', '2025-12', '2025-11']);
    expect(monthOf(new Date('2026-12-31T23:59:59Z'))).toBe('2026-12');
  });

  it('names a month in the reader’s language', () => {
    expect(monthLabel('2026-12', 'en')).toBe('December 2026');
    expect(monthLabel('2026-12', 'zh-CN')).toBe('2026年12月');
    expect(monthLabel('nonsense', 'en')).toBe('nonsense');
  });

  it('adds up reports and actions', () => {
    expect(totals({ reports: { spam: 3, other: 1 }, actions: { remove: { automated: 2, human: 1 }, label: { automated: 0, human: 4 } } })).toEqual({
      reports: 4,
      actions: 7,
      automated: 2,
      human: 5,
    });
  });
});
