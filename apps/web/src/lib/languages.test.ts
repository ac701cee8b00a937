import { describe, expect, it } from 'vitest';
import { isLanguage, LANGUAGES, toSupportedLanguage } from './languages';

describe('toSupportedLanguage', () => {
  it('maps Traditional Chinese tags and places to zh-TW, other Chinese to zh-CN', () => {
    for (const tag of ['zh-TW', 'zh-HK', 'zh-MO', 'zh-Hant', 'zh-Hant-HK', 'ZH-hant-US', 'zh_TW', 'yue', 'yue-Hant-HK']) {
      expect(toSupportedLanguage(tag), tag).toBe('zh-TW');
    }
    for (const tag of ['zh', 'zh-CN', 'ZH-hans-CN', 'zh-SG', 'zh-Hans-HK', 'zh-Hans-TW', 'yue-Hans']) {
      expect(toSupportedLanguage(tag), tag).toBe('zh-CN');
    }
  });

  it('maps Japanese, Korean and Spanish by language, whatever the region', () => {
    expect(toSupportedLanguage('ja')).toBe('ja');
    expect(toSupportedLanguage('ja-JP')).toBe('ja');
    expect(toSupportedLanguage('ko-KR')).toBe('ko');
    expect(toSupportedLanguage('KO')).toBe('ko');
    expect(toSupportedLanguage('es')).toBe('es');
    expect(toSupportedLanguage('es-419')).toBe('es');
    expect(toSupportedLanguage('es-MX')).toBe('es');
  });

  it('falls back to English for everything else', () => {
    expect(toSupportedLanguage('en-GB')).toBe('en');
    expect(toSupportedLanguage('fr')).toBe('en');
    // Prefix look-alikes are other languages: "jv" (Javanese), "kok" (Konkani), "est".
    expect(toSupportedLanguage('jv')).toBe('en');
    expect(toSupportedLanguage('kok')).toBe('en');
    expect(toSupportedLanguage('est')).toBe('en');
    expect(toSupportedLanguage('')).toBe('en');
    expect(toSupportedLanguage(undefined)).toBe('en');
    expect(toSupportedLanguage(null)).toBe('en');
  });

  it('always returns a supported language', () => {
    for (const tag of ['zh-TW', 'ja', 'xx-YY', '*']) expect(isLanguage(toSupportedLanguage(tag))).toBe(true);
  });
});

describe('isLanguage', () => {
  it('recognises the six supported languages only', () => {
    expect(LANGUAGES).toEqual(['en', 'zh-CN', 'zh-TW', 'ja', 'ko', 'es']);
    for (const language of LANGUAGES) expect(isLanguage(language)).toBe(true);
    expect(isLanguage('zh')).toBe(false);
    expect(isLanguage('zh-tw')).toBe(false);
    expect(isLanguage('ja-JP')).toBe(false);
    expect(isLanguage(undefined)).toBe(false);
  });
});
