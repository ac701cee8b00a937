import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatMonthYear } from './format-date';

// Noon UTC is the same calendar day in every time zone the tests might run in.
const NOON = '2025-01-05T12:00:00Z';

describe('formatDate', () => {
  it('writes the date the way each UI language does', () => {
    expect(formatDate(NOON, 'en')).toBe('Jan 5, 2025');
    expect(formatDate(NOON, 'zh-CN')).toBe('2025年1月5日');
    expect(formatDate(NOON, 'zh-TW')).toBe('2025年1月5日');
    expect(formatDate(NOON, 'ja')).toBe('2025/01/05');
    expect(formatDate(NOON, 'ko')).toBe('2025. 1. 5.');
    expect(formatDate(NOON, 'es')).toBe('5 ene 2025');
  });

  it('shows nothing for a date it cannot read', () => {
    expect(formatDate('not a date', 'ja')).toBe('');
    expect(formatDateTime('', 'ko')).toBe('');
    expect(formatMonthYear('2025-13-45', 'es')).toBe('');
  });
});

describe('formatMonthYear', () => {
  it('names the month in each UI language', () => {
    expect(formatMonthYear(NOON, 'en')).toBe('January 2025');
    expect(formatMonthYear(NOON, 'zh-CN')).toBe('2025年1月');
    expect(formatMonthYear(NOON, 'zh-TW')).toBe('2025年1月');
    expect(formatMonthYear(NOON, 'ja')).toBe('2025年1月');
    expect(formatMonthYear(NOON, 'ko')).toBe('2025년 1월');
    expect(formatMonthYear(NOON, 'es')).toBe('enero de 2025');
  });
});

describe('formatDateTime', () => {
  it('starts with the localized date (the time depends on the viewer’s zone)', () => {
    for (const locale of ['en', 'zh-CN', 'zh-TW', 'ja', 'ko', 'es']) {
      const dateTime = formatDateTime(NOON, locale);
      expect(dateTime.startsWith(formatDate(NOON, locale)), `${locale}: ${dateTime}`).toBe(true);
      expect(dateTime.length).toBeGreaterThan(formatDate(NOON, locale).length);
    }
  });
});
