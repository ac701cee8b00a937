import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import en from '../locales/en.json';
import zhCN from '../locales/zh-CN.json';
import { ApiError } from './api-error';
import { errorMessage } from './error-message';

const i18n = i18next.createInstance();
await i18n.init({
  resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
  lng: 'en',
  interpolation: { escapeValue: false },
});

const apiError = (code: string, status = 400, more: Partial<ConstructorParameters<typeof ApiError>[0]> = {}) =>
  new ApiError({ status, code, message: 'server text', ...more });

describe('errorMessage', () => {
  const t = i18n.getFixedT('en');
  const zh = i18n.getFixedT('zh-CN');

  it('shows the attempts left for a wrong code', () => {
    expect(errorMessage(t, apiError('code_invalid', 400, { extra: { attemptsLeft: 3 } }))).toContain('3');
    expect(errorMessage(zh, apiError('code_invalid', 400, { extra: { attemptsLeft: 3 } }))).toContain('3 次');
    expect(errorMessage(t, apiError('code_invalid'))).toBe(en.errors.code_invalid_plain);
  });

  it('shows the seconds to wait from retryAfter', () => {
    expect(errorMessage(t, apiError('rate_limited', 429, { retryAfter: 42 }))).toContain('42');
    expect(errorMessage(t, apiError('resend_too_soon', 429, { retryAfter: 17 }))).toContain('17');
    expect(errorMessage(t, apiError('rate_limited', 429))).toBe(en.errors.rate_limited_later);
  });

  it('uses the catalogue, never the server English, and falls back for unknown codes', () => {
    expect(errorMessage(zh, apiError('code_expired'))).toBe(zhCN.errors.code_expired);
    expect(errorMessage(t, apiError('something_new'))).toBe(en.errors.unknown_error);
    expect(errorMessage(t, apiError('something_new', 503))).toBe(en.errors.server_error);
    expect(errorMessage(t, new Error('boom'))).toBe(en.errors.unknown_error);
  });

  it('says in days when the region may change again', () => {
    expect(errorMessage(t, apiError('region_change_too_soon', 429, { retryAfter: 3 * 86_400 - 60 }))).toContain('3 days');
    expect(errorMessage(t, apiError('region_change_too_soon', 429, { retryAfter: 3600 }))).toContain('1 day');
    expect(errorMessage(zh, apiError('region_change_too_soon', 429, { retryAfter: 86_400 * 12 }))).toContain('12');
    expect(errorMessage(t, apiError('region_change_too_soon', 429))).toBe(en.errors.region_change_too_soon);
  });
});
