import { describe, expect, it } from 'vitest';
import { formatCount } from './format-count';

describe('formatCount', () => {
  it('uses M and K in English', () => {
    expect(formatCount(330_000_000, 'en')).toBe('330M');
    expect(formatCount(7_100_000, 'en')).toBe('7.1M');
    expect(formatCount(1_234, 'en')).toBe('1.2K');
    expect(formatCount(999, 'en')).toBe('999');
  });

  it('uses 亿 and 万 in Chinese', () => {
    expect(formatCount(330_000_000, 'zh-CN')).toBe('3.3亿');
    expect(formatCount(7_100_000, 'zh-CN')).toBe('710万');
    expect(formatCount(12_000, 'zh-CN')).toBe('1.2万');
    expect(formatCount(9_999, 'zh-CN')).toBe('9999');
  });

  it('never shows negatives or fractions', () => {
    expect(formatCount(-3, 'en')).toBe('0');
    expect(formatCount(2.7, 'en')).toBe('2');
  });
});
