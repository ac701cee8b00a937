import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/config.js';
import { ConfigError } from '../../config/env-values.js';
import { isSameLanguage, normaliseSource, normaliseTarget } from './target-language.js';

const translation = (env: Record<string, string>) => loadConfig({ NODE_ENV: 'test', ...env }).translation;

describe('translation config', () => {
  it('is off without settings; two variables turn a provider on', () => {
    expect(translation({}).providers).toEqual([]);
    expect(translation({ LIBRETRANSLATE_URL: 'http://localhost:5000/' })).toMatchObject({
      providers: ['libretranslate'],
      libretranslate: { url: 'http://localhost:5000', apiKey: '' },
      timeoutMs: 8000,
      ratePerMinute: 30,
    });
    expect(translation({ OPENAI_BASE_URL: 'http://localhost:11434/v1', OPENAI_MODEL: 'qwen2.5:7b' })).toMatchObject({
      providers: ['openai'],
      openai: { baseUrl: 'http://localhost:11434/v1', apiKey: '', model: 'qwen2.5:7b' },
    });
    expect(translation({ OPENAI_BASE_URL: 'http://localhost:8080/v1' }).openai?.model).toBe('gpt-4o-mini');
  });

  it('defaults to every configured provider in the order libretranslate, deepl, openai; TRANSLATE_PROVIDERS reorders', () => {
    const all = { LIBRETRANSLATE_URL: 'http://lt', DEEPL_API_KEY: 'k', OPENAI_BASE_URL: 'http://llm/v1' };
    expect(translation(all).providers).toEqual(['libretranslate', 'deepl', 'openai']);
    expect(translation({ ...all, TRANSLATE_PROVIDERS: 'openai, LibreTranslate' }).providers).toEqual(['openai', 'libretranslate']);
    expect(() => translation({ ...all, TRANSLATE_PROVIDERS: 'google' })).toThrow(ConfigError);
    expect(() => translation({ TRANSLATE_PROVIDERS: 'deepl' })).toThrow(/needs DEEPL_API_KEY/);
    expect(() => translation({ ...all, TRANSLATE_TIMEOUT_MS: '0' })).toThrow(ConfigError);
  });

  it("picks DeepL's free or paid API host from the key", () => {
    expect(translation({ DEEPL_API_KEY: 'abc:fx' }).deepl?.apiUrl).toBe('https://api-free.deepl.com');
    expect(translation({ DEEPL_API_KEY: 'abc' }).deepl?.apiUrl).toBe('https://api.deepl.com');
    expect(translation({ DEEPL_API_KEY: 'abc', DEEPL_API_URL: 'http://127.0.0.1:9/' }).deepl?.apiUrl).toBe('http://127.0.0.1:9');
  });
});

describe('target languages', () => {
  it('reduces UI locales to content languages; Traditional Chinese is its own target', () => {
    expect(['zh-CN', 'zh', 'zh-Hans', 'zh_SG'].map(normaliseTarget)).toEqual(['zh', 'zh', 'zh', 'zh']);
    expect(['zh-TW', 'zh-HK', 'zh-Hant', 'zh-Hant-TW'].map(normaliseTarget)).toEqual(['zh-Hant', 'zh-Hant', 'zh-Hant', 'zh-Hant']);
    expect(['en-US', 'EN', 'pt-BR', 'es-419', 'ja', 'ko'].map(normaliseTarget)).toEqual(['en', 'en', 'pt', 'es', 'ja', 'ko']);
    expect(['xx', 'klingon', ''].map(normaliseTarget)).toEqual([null, null, null]);
  });

  it('compares a stored or detected source with the target', () => {
    expect(isSameLanguage('zh', 'zh')).toBe(true);
    expect(isSameLanguage('zh', 'zh-Hant')).toBe(false);
    expect(isSameLanguage(normaliseSource('zt'), 'zh-Hant')).toBe(true);
    expect(isSameLanguage(normaliseSource('ZH'), 'zh')).toBe(true);
    expect(isSameLanguage(null, 'en')).toBe(false);
  });
});
