import { describe, expect, it } from 'vitest';
import { getCountries } from 'libphonenumber-js';
import { countryOptions, filterCountries, flagEmoji, guessCountry, matchesCountry } from './countries';

describe('flagEmoji', () => {
  it('turns an ISO code into regional indicators', () => {
    expect(flagEmoji('US')).toBe('🇺🇸');
    expect(flagEmoji('cn')).toBe('🇨🇳');
    expect(flagEmoji('X1')).toBe('');
  });
});

describe('countryOptions', () => {
  it('covers every country calling code', () => {
    const options = countryOptions('en');
    expect(options).toHaveLength(getCountries().length);
    expect(new Set(options.map((o) => o.code)).size).toBe(options.length);
  });

  it('names countries in the UI language and sorts by that locale', () => {
    const en = countryOptions('en');
    const us = en.find((o) => o.code === 'US');
    expect(us).toMatchObject({ name: 'United States', callingCode: '1', flag: '🇺🇸' });
    const names = en.map((o) => o.name);
    expect(names).toEqual([...names].sort(new Intl.Collator('en').compare));
    expect(countryOptions('zh-CN').find((o) => o.code === 'CN')?.name).toBe('中国');
  });
});

describe('country search', () => {
  const options = countryOptions('en');
  it('matches by name, ISO code and calling code', () => {
    expect(filterCountries(options, 'japan').map((o) => o.code)).toEqual(['JP']);
    expect(filterCountries(options, 'gb').map((o) => o.code)).toContain('GB');
    const plus44 = filterCountries(options, '+44').map((o) => o.code);
    expect(plus44).toContain('GB');
    expect(plus44.every((c) => ['GB', 'GG', 'IM', 'JE'].includes(c))).toBe(true);
    expect(filterCountries(options, '86').map((o) => o.code)).toEqual(['CN']);
  });

  it('matches everything for an empty query', () => {
    const us = options.find((o) => o.code === 'US');
    expect(us && matchesCountry(us, '  ')).toBe(true);
  });
});

describe('guessCountry', () => {
  it('uses the region of the first usable browser language', () => {
    expect(guessCountry(['en-GB', 'en'])).toBe('GB');
    expect(guessCountry(['zh-CN'])).toBe('CN');
    expect(guessCountry(['zh-Hant-TW'])).toBe('TW');
  });

  it('falls back to the likely region, then US', () => {
    expect(guessCountry(['ja'])).toBe('JP');
    expect(guessCountry([])).toBe('US');
    expect(guessCountry(['not a tag!'])).toBe('US');
  });
});
