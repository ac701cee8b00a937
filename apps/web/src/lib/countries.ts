import { getCountries, getCountryCallingCode, type CountryCode } from 'libphonenumber-js';

export interface CountryOption {
  code: CountryCode;
  name: string;
  callingCode: string;
  flag: string;
}

/** Flag emoji from an ISO 3166-1 alpha-2 code via regional indicator symbols. */
export function flagEmoji(iso: string): string {
  if (!/^[A-Za-z]{2}$/.test(iso)) return '';
  return String.fromCodePoint(...[...iso.toUpperCase()].map((c) => 0x1f1e6 + c.charCodeAt(0) - 65));
}

export function isCountryCode(value: string): value is CountryCode {
  return (getCountries() as string[]).includes(value);
}

/** Country name in the UI language; falls back to the code for regions ICU does not know. */
export function countryName(code: string, locale: string): string {
  try {
    const name = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' }).of(code);
    return name ?? code;
  } catch {
    return code;
  }
}

const cache = new Map<string, CountryOption[]>();

/** Every country with a calling code, named and sorted in the given locale. */
export function countryOptions(locale: string): CountryOption[] {
  const cached = cache.get(locale);
  if (cached) return cached;
  const collator = new Intl.Collator(locale);
  const options = getCountries()
    .map((code) => ({
      code,
      name: countryName(code, locale),
      callingCode: getCountryCallingCode(code),
      flag: flagEmoji(code),
    }))
    .sort((a, b) => collator.compare(a.name, b.name));
  cache.set(locale, options);
  return options;
}

/** Matches a country by name, ISO code or calling code ("+44", "44"). */
export function matchesCountry(option: CountryOption, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  const digits = q.replace(/^\+/, '');
  if (/^\d+$/.test(digits)) return option.callingCode.startsWith(digits);
  return option.name.toLowerCase().includes(q) || option.code.toLowerCase() === q;
}

export function filterCountries(options: CountryOption[], query: string): CountryOption[] {
  return options.filter((o) => matchesCountry(o, query));
}

/**
 * Guesses the user's country from their browser languages ("en-GB" → GB); a bare
 * language uses its most likely region ("ja" → JP). Falls back to US.
 */
export function guessCountry(languages: readonly string[]): CountryCode {
  for (const tag of languages) {
    try {
      const locale = new Intl.Locale(tag);
      const region = locale.region ?? locale.maximize().region;
      if (region && isCountryCode(region)) return region;
    } catch {
      // An invalid tag from the browser: try the next one.
    }
  }
  return 'US';
}
