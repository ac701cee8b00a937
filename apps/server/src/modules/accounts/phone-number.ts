import { type CountryCode, isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { badRequest } from '../../lib/errors.js';

export interface NormalizedPhone {
  /** E.164, the only form we store. */
  e164: string;
  /** The number's country, when the numbering plan tells one (+1 is shared). */
  country: CountryCode | null;
}

/**
 * Accepts "+14155552671", "+1 (415) 555-2671", or a national number with its
 * country ("13800138000" + "CN"). Uses the full metadata so numbers that cannot
 * exist (wrong length, unassigned prefix) are refused before any SMS is paid for.
 */
export function normalizePhone(input: string, country?: string): NormalizedPhone {
  const defaultCountry = country && isSupportedCountry(country.toUpperCase()) ? (country.toUpperCase() as CountryCode) : undefined;
  if (country && !defaultCountry) {
    throw badRequest('country_invalid', `Unknown country code "${country}".`);
  }
  const parsed = parsePhoneNumberFromString(input.trim(), defaultCountry);
  if (!parsed?.isValid()) {
    throw badRequest('phone_invalid', 'This is not a valid phone number. Check the country and the digits.');
  }
  return { e164: parsed.number, country: parsed.country ?? null };
}
