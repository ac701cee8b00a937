import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, lastCode, nextIp, sessionCookie, type TestApp } from '../../../test/test-app.js';
import { languageForTag, regionLanguage, suggestLanguage, SUPPORTED_LANGUAGES } from './languages.js';

describe('suggestLanguage', () => {
  it('follows the browser first, reading script and place for Chinese', () => {
    expect(suggestLanguage('US', 'zh-TW,zh;q=0.9,en;q=0.8')).toBe('zh-TW');
    expect(suggestLanguage('US', 'zh-Hant-HK')).toBe('zh-TW');
    expect(suggestLanguage('US', 'zh-HK')).toBe('zh-TW');
    expect(suggestLanguage('US', 'zh-MO')).toBe('zh-TW');
    expect(suggestLanguage('TW', 'zh-CN')).toBe('zh-CN');
    expect(suggestLanguage('US', 'zh-Hans-HK')).toBe('zh-CN');
    expect(suggestLanguage('US', 'ja-JP,ja;q=0.9')).toBe('ja');
    expect(suggestLanguage('US', 'ko-KR')).toBe('ko');
    expect(suggestLanguage('US', 'es-419,es;q=0.9')).toBe('es');
    expect(suggestLanguage('MX', 'en-US,en;q=0.9')).toBe('en');
  });

  it('takes a bare "zh" script from the region', () => {
    expect(suggestLanguage('TW', 'zh')).toBe('zh-TW');
    expect(suggestLanguage('HK', 'zh')).toBe('zh-TW');
    expect(suggestLanguage('CN', 'zh')).toBe('zh-CN');
    expect(suggestLanguage('US', 'zh')).toBe('zh-CN');
  });

  it('honours q-values and skips languages without a catalogue', () => {
    expect(suggestLanguage('US', 'en;q=0.5,ko;q=0.9')).toBe('ko');
    expect(suggestLanguage('CN', 'fr-FR,fr;q=0.9,es;q=0.8,en;q=0.7')).toBe('es');
    expect(suggestLanguage('JP', 'ja;q=0,en;q=0.5')).toBe('en');
    expect(suggestLanguage('JP', 'fr, *;q=0.5')).toBe('ja');
  });

  it('falls back to the region: TW/HK/MO, CN/SG, JP, KR and Spanish-speaking countries', () => {
    expect(suggestLanguage('TW')).toBe('zh-TW');
    expect(suggestLanguage('HK', '')).toBe('zh-TW');
    expect(suggestLanguage('MO', 'de')).toBe('zh-TW');
    expect(suggestLanguage('CN')).toBe('zh-CN');
    expect(suggestLanguage('SG')).toBe('zh-CN');
    expect(suggestLanguage('JP')).toBe('ja');
    expect(suggestLanguage('KR')).toBe('ko');
    for (const region of ['ES', 'MX', 'AR', 'CO', 'CL', 'PE', 'PR']) expect(suggestLanguage(region), region).toBe('es');
    expect(suggestLanguage('US')).toBe('en');
    expect(suggestLanguage('BR')).toBe('en');
    expect(suggestLanguage('')).toBe('en');
  });

  it('always answers with a supported language', () => {
    expect(languageForTag('fr')).toBeUndefined();
    expect(languageForTag('jv')).toBeUndefined();
    expect(languageForTag('yue-HK')).toBe('zh-TW');
    for (const region of ['TW', 'JP', 'KR', 'ES', 'FR', 'xx']) {
      expect(SUPPORTED_LANGUAGES).toContain(regionLanguage(region));
    }
  });
});

describe('languages over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const signUp = async (phone: string, headers: Record<string, string> = {}, language?: string) => {
    const ip = nextIp();
    const payload = language === undefined ? { phone } : { phone, language };
    const sent = await t.app.inject({ method: 'POST', url: '/api/auth/code', payload, headers, remoteAddress: ip });
    expect(sent.statusCode).toBe(202);
    const e164 = sent.json().phone as string;
    const sms = t.sms.recent(e164)[0]!.body;
    const verified = await t.app.inject({
      method: 'POST',
      url: '/api/auth/verify',
      payload: { phone: e164, code: lastCode(t.sms, e164) },
      headers,
      remoteAddress: ip,
    });
    expect(verified.statusCode).toBe(200);
    return { sms, language: verified.json().user.language as string, cookie: sessionCookie(verified) };
  };

  it('lists all six interface languages in /api/meta', async () => {
    const meta = await t.app.inject({ url: '/api/meta' });
    expect(meta.json().languages).toEqual(['en', 'zh-CN', 'zh-TW', 'ja', 'ko', 'es']);
  });

  it('suggests a new account language from the number and the browser, and texts the code in it', async () => {
    const taipei = await signUp('+886912345678');
    expect(taipei.language).toBe('zh-TW');
    expect(taipei.sms).toContain('驗證碼');

    const tokyo = await signUp('+819012345679');
    expect(tokyo.language).toBe('ja');
    expect(tokyo.sms).toContain('認証コード');

    const seoul = await signUp('+821023456789');
    expect(seoul.language).toBe('ko');
    expect(seoul.sms).toContain('인증번호');

    const mexico = await signUp('+525512345678');
    expect(mexico.language).toBe('es');
    expect(mexico.sms).toContain('código');

    const koreanInNewYork = await signUp('+12125550143', { 'accept-language': 'ko-KR,ko;q=0.9,en;q=0.5' });
    expect(koreanInNewYork.language).toBe('ko');

    // An explicit language for the text message wins over the guesses.
    const chosen = await signUp('+12125550144', {}, 'zh-TW');
    expect(chosen.sms).toContain('驗證碼');
  });

  it('lets an account choose any of the six languages and refuses others', async () => {
    const { cookie } = await signUp('+12125550145');
    const onboarded = await t.app.inject({ method: 'PATCH', url: '/api/me', payload: { handle: 'polyglot', displayName: 'Poly' }, headers: { cookie } });
    expect(onboarded.statusCode).toBe(200);
    for (const language of SUPPORTED_LANGUAGES) {
      const patched = await t.app.inject({ method: 'PATCH', url: '/api/me', payload: { language }, headers: { cookie } });
      expect(patched.statusCode, language).toBe(200);
      expect(patched.json().language).toBe(language);
    }
    for (const language of ['fr', 'zh', 'zh-tw', 'ja-JP']) {
      const refused = await t.app.inject({ method: 'PATCH', url: '/api/me', payload: { language }, headers: { cookie } });
      expect(refused.statusCode, language).toBe(400);
      expect(refused.json().error.code).toBe('language_invalid');
    }
  });
});
