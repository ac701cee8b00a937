import { type CountryCode, isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { badRequest } from '../../lib/errors.js';

export interface NormalizedPhone {
  /** E.164, the only form we store. */
  e164: string;
  /** The number's country, when the numbering plan tells one (+1 is shared). */
  country: CountryCode | null;
  /** The country calling code without +, e.g. "44" (budgets count SMS per calling code). */
  countryCallingCode: string;
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
  // SMS pumping: premium-rate, toll-free, shared-cost, fixed-line and satellite numbers earn
  // their operators money per message (or receive none); codes go to numbers that take SMS.
  const type = parsed.getType();
  if (!type || !SMS_TYPES.has(type) || SATELLITE_CODES.has(parsed.countryCallingCode)) {
    throw badRequest('phone_cannot_receive_sms', 'This number cannot receive text messages. Use a mobile number.');
  }
  return { e164: parsed.number, country: parsed.country ?? null, countryCallingCode: parsed.countryCallingCode };
}

/** Number types that receive SMS (libphonenumber's getType): mobiles, numbers that may be mobiles (+1), VoIP. */
const SMS_TYPES: ReadonlySet<string> = new Set(['MOBILE', 'FIXED_LINE_OR_MOBILE', 'VOIP']);
/** Satellite and international networks (Inmarsat, Iridium, Thuraya, …): costly to reach, a pumping favourite. */
const SATELLITE_CODES: ReadonlySet<string> = new Set(['870', '881', '882', '883']);
