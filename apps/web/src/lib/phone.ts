import { AsYouType, isPossiblePhoneNumber, isValidPhoneNumber, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

/** Keeps what a person may type into a phone field: digits, one leading +, spacing. */
export function cleanPhoneInput(raw: string): string {
  const trimmed = raw.replace(/[^\d+\s()\-.]/g, '');
  const plus = trimmed.trimStart().startsWith('+');
  return (plus ? '+' : '') + trimmed.replace(/\+/g, '');
}

export interface FormattedPhone {
  /** Display text formatted as the user types. */
  text: string;
  /** Country detected from an international number ("+44 …"), if any. */
  detectedCountry: CountryCode | undefined;
}

export function formatPhoneAsYouType(raw: string, country: CountryCode): FormattedPhone {
  const cleaned = cleanPhoneInput(raw);
  const formatter = new AsYouType(country);
  const text = formatter.input(cleaned);
  const detected = cleaned.startsWith('+') ? formatter.getCountry() : undefined;
  return { text, detectedCountry: detected };
}

/**
 * Whether the number has a plausible length for the country. Only a hint for enabling
 * the button: the server decides what it accepts.
 */
export function isPlausiblePhone(text: string, country: CountryCode): boolean {
  const digits = text.replace(/\D/g, '');
  if (digits.length < 4) return false;
  return isPossiblePhoneNumber(text, country);
}

export function looksValidPhone(text: string, country: CountryCode): boolean {
  return isValidPhoneNumber(text, country);
}

/** The E.164 form if the client can parse it, so the server gets one canonical shape. */
export function toE164(text: string, country: CountryCode): string | undefined {
  return parsePhoneNumberFromString(text, country)?.number;
}

/** "+14155552671" → "+1 415 555 2671" for showing where a code went. */
export function formatInternational(e164: string): string {
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}
