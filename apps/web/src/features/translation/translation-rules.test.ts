import { describe, expect, it } from 'vitest';
import {
  baseLanguage,
  contentLanguageOfLocale,
  languageName,
  nativeLanguageName,
  providerBrand,
  shouldLabelLanguage,
  shouldOfferTranslation,
  textVersion,
  translationTarget,
  viewerReadLanguages,
} from './translation-rules';

describe('when a text gets a Translate button', () => {
  const offer = (language: string | null | undefined, readLanguages: string[], locale = 'en', enabled = true) =>
    shouldOfferTranslation({ enabled, language, readLanguages, locale });

  it('offers it for a language the viewer does not read', () => {
    expect(offer('zh', ['en'])).toBe(true);
    expect(offer('en', ['zh'], 'zh-CN')).toBe(true);
    expect(offer('ja', ['en', 'zh'])).toBe(true);
  });

  it('not for a language the viewer reads, whatever the tag looks like', () => {
    expect(offer('zh', ['en', 'zh'])).toBe(false);
    expect(offer('zh-Hant', ['zh'], 'en')).toBe(false);
    expect(offer('EN', ['en'])).toBe(false);
  });

  it('never into the interface language itself, even when the account did not list it', () => {
    expect(offer('en', ['zh'], 'en')).toBe(false);
    expect(offer('zh', ['en'], 'zh-TW')).toBe(false);
  });

  it('not when the language is unknown or translation is off', () => {
    expect(offer(null, ['en'])).toBe(false);
    expect(offer(undefined, ['en'])).toBe(false);
    expect(offer('und', ['en'])).toBe(false);
    expect(offer('zh', ['en'], 'en', false)).toBe(false);
  });

  it('compares a signed-out viewer with the interface language', () => {
    expect(offer('zh', [], 'en')).toBe(true);
    expect(offer('zh', [], 'zh-CN')).toBe(false);
    expect(offer('en', [], 'zh-CN')).toBe(true);
    expect(offer('ko', [], 'ko')).toBe(false);
  });

  it('labels cards the same way', () => {
    expect(shouldLabelLanguage('zh', ['en'], 'en')).toBe(true);
    expect(shouldLabelLanguage('en', ['en'], 'en')).toBe(false);
    expect(shouldLabelLanguage(null, ['en'], 'en')).toBe(false);
  });
});

describe('languages and targets', () => {
  it('reduces tags to their language', () => {
    expect(baseLanguage('zh-Hant-TW')).toBe('zh');
    expect(baseLanguage('EN_us')).toBe('en');
    expect(contentLanguageOfLocale('zh-CN')).toBe('zh');
    expect(contentLanguageOfLocale('')).toBe('en');
  });

  it('keeps the Chinese script in the target', () => {
    expect(translationTarget('zh-CN')).toBe('zh-CN');
    expect(translationTarget('zh-TW')).toBe('zh-TW');
    expect(translationTarget('zh-Hant-HK')).toBe('zh-TW');
    expect(translationTarget('en')).toBe('en');
    expect(translationTarget('es')).toBe('es');
    expect(translationTarget('ja')).toBe('ja');
  });

  it('always counts the interface language as read, without duplicates', () => {
    expect(viewerReadLanguages(['zh'], 'en').sort()).toEqual(['en', 'zh']);
    expect(viewerReadLanguages(['en', 'EN'], 'en')).toEqual(['en']);
    expect(viewerReadLanguages(undefined, 'zh-TW')).toEqual(['zh']);
  });
});

describe('language names', () => {
  it('names a language in the interface language', () => {
    expect(languageName('zh', 'en')).toBe('Chinese');
    expect(languageName('en', 'zh-CN')).toBe('英语');
    expect(languageName('ja', 'zh-TW')).toBe('日文');
    expect(languageName('es', 'es')).toBe('español');
  });

  it('falls back to the code for what it cannot name', () => {
    expect(languageName('qaa', 'en')).toBe('QAA');
    expect(languageName('not a tag!', 'en')).toBe('NOT A TAG!');
  });

  it('names a language in itself, capitalised as in a menu', () => {
    expect(nativeLanguageName('zh')).toBe('中文');
    expect(nativeLanguageName('es')).toBe('Español');
    expect(nativeLanguageName('fr')).toBe('Français');
    expect(nativeLanguageName('ko')).toBe('한국어');
    expect(nativeLanguageName('ja')).toBe('日本語');
  });

  it('keeps provider brands and describes the generic LLM provider', () => {
    expect(providerBrand('libretranslate')).toBe('LibreTranslate');
    expect(providerBrand('deepl')).toBe('DeepL');
    expect(providerBrand('openai')).toBeNull();
    expect(providerBrand('acme')).toBe('acme');
  });
});

describe('textVersion', () => {
  it('changes with the text and is stable for the same text', () => {
    expect(textVersion('你好 #交猫税')).toBe(textVersion('你好 #交猫税'));
    expect(textVersion('hello')).not.toBe(textVersion('hello!'));
    expect(textVersion('ab')).not.toBe(textVersion('ba'));
  });
});
