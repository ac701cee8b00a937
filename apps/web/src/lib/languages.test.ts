import { describe, expect, it } from 'vitest';
import { isLanguage, toSupportedLanguage } from './languages';

describe('toSupportedLanguage', () => {
  it('maps every Chinese tag to zh-CN and everything else to en', () => {
    expect(toSupportedLanguage('zh')).toBe('zh-CN');
    expect(toSupportedLanguage('zh-TW')).toBe('zh-CN');
    expect(toSupportedLanguage('ZH-hans-CN')).toBe('zh-CN');
    expect(toSupportedLanguage('en-GB')).toBe('en');
    expect(toSupportedLanguage('fr')).toBe('en');
    expect(toSupportedLanguage(undefined)).toBe('en');
  });

  it('recognises supported languages only', () => {
    expect(isLanguage('en')).toBe(true);
    expect(isLanguage('zh-CN')).toBe(true);
    expect(isLanguage('zh')).toBe(false);
  });
});
