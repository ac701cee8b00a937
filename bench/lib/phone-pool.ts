import { type CountryCode, getExampleNumber, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/mobile/examples';

// Valid mobile numbers from many countries, each used once per run (the server
// enforces a 60 s gap between codes to one number).
const COUNTRIES: CountryCode[] = ['US', 'CN', 'GB', 'JP', 'BR', 'IN', 'NG', 'DE', 'FR', 'MX', 'KR', 'ES', 'ID', 'PH', 'VN', 'CA'];

/** `firstSuffix` keeps pools apart: two pools from different offsets never share a number. */
export function* phoneNumbers(firstSuffix = 0): Generator<string> {
  const bases = COUNTRIES.map((country) => getExampleNumber(country, examples)!.number as string);
  for (let suffix = firstSuffix; suffix < 10_000; suffix += 1) {
    for (const base of bases) {
      const candidate = `${base.slice(0, -4)}${String(suffix).padStart(4, '0')}`;
      if (parsePhoneNumberFromString(candidate)?.isValid()) yield candidate;
    }
  }
}
