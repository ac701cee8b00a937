import { describe, expect, it } from 'vitest';
import { formatCount } from './format-count';

// Exact outputs of Node's ICU (CLDR 48); Spanish puts a no-break space before "M".
const NBSP = '\u00a0';

describe('formatCount', () => {
  it('uses M and K in English', () => {
    expect(formatCount(330_000_000, 'en')).toBe('330M');
    expect(formatCount(7_100_000, 'en')).toBe('7.1M');
    expect(formatCount(1_234, 'en')).toBe('1.2K');
    expect(formatCount(999, 'en')).toBe('999');
  });

  it('uses 亿 and 万 in Simplified Chinese', () => {
    expect(formatCount(330_000_000, 'zh-CN')).toBe('3.3亿');
    expect(formatCount(7_100_000, 'zh-CN')).toBe('710万');
    expect(formatCount(12_000, 'zh-CN')).toBe('1.2万');
    expect(formatCount(9_999, 'zh-CN')).toBe('9999');
  });

  it('uses 億 and 萬 in Traditional Chinese', () => {
    expect(formatCount(330_000_000, 'zh-TW')).toBe('3.3億');
    expect(formatCount(7_100_000, 'zh-TW')).toBe('710萬');
    expect(formatCount(12_000, 'zh-TW')).toBe('1.2萬');
    expect(formatCount(9_999, 'zh-TW')).toBe('9999');
  });

  it('uses 億 and 万 in Japanese', () => {
    expect(formatCount(330_000_000, 'ja')).toBe('3.3億');
    expect(formatCount(7_100_000, 'ja')).toBe('710万');
    expect(formatCount(12_000, 'ja')).toBe('1.2万');
    expect(formatCount(9_999, 'ja')).toBe('9999');
  });

  it('uses 억, 만 and 천 in Korean', () => {
    expect(formatCount(330_000_000, 'ko')).toBe('3.3억');
    expect(formatCount(7_100_000, 'ko')).toBe('710만');
    expect(formatCount(12_000, 'ko')).toBe('1.2만');
    expect(formatCount(1_234, 'ko')).toBe('1.2천');
    expect(formatCount(999, 'ko')).toBe('999');
  });

  it('uses M and mil with a decimal comma in Spanish', () => {
    expect(formatCount(330_000_000, 'es')).toBe(`330${NBSP}M`);
    expect(formatCount(7_100_000, 'es')).toBe(`7,1${NBSP}M`);
    expect(formatCount(12_000, 'es')).toBe(`12${NBSP}mil`);
    expect(formatCount(1_234, 'es')).toBe(`1,2${NBSP}mil`);
    expect(formatCount(999, 'es')).toBe('999');
  });

  it('never shows negatives or fractions', () => {
    expect(formatCount(-3, 'en')).toBe('0');
    expect(formatCount(2.7, 'en')).toBe('2');
    expect(formatCount(-3, 'ja')).toBe('0');
  });
});
