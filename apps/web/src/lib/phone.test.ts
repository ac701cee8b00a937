import { describe, expect, it } from 'vitest';
import { cleanPhoneInput, formatInternational, formatPhoneAsYouType, isPlausiblePhone, toE164 } from './phone';

describe('phone helpers', () => {
  it('formats as the user types', () => {
    expect(formatPhoneAsYouType('4155552671', 'US').text).toBe('(415) 555-2671');
    expect(formatPhoneAsYouType('13800138000', 'CN').text).toBe('138 0013 8000');
  });

  it('detects the country of an international number', () => {
    const result = formatPhoneAsYouType('+442079460958', 'US');
    expect(result.detectedCountry).toBe('GB');
    expect(result.text).toBe('+44 20 7946 0958');
    expect(formatPhoneAsYouType('4155552671', 'US').detectedCountry).toBeUndefined();
  });

  it('strips characters nobody types into a phone number', () => {
    expect(cleanPhoneInput('abc+1 (415) 555-2671x')).toBe('+1 (415) 555-2671');
    expect(cleanPhoneInput('41+5')).toBe('415');
  });

  it('judges plausibility by length only', () => {
    expect(isPlausiblePhone('415555', 'US')).toBe(false);
    expect(isPlausiblePhone('(415) 555-2671', 'US')).toBe(true);
    expect(isPlausiblePhone('138 0013 8000', 'CN')).toBe(true);
    expect(isPlausiblePhone('', 'US')).toBe(false);
  });

  it('converts to E.164 and back to a readable form', () => {
    expect(toE164('(415) 555-2671', 'US')).toBe('+14155552671');
    expect(toE164('+44 20 7946 0958', 'US')).toBe('+442079460958');
    expect(formatInternational('+14155552671')).toBe('+1 415 555 2671');
  });
});
