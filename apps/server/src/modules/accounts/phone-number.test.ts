import { describe, expect, it } from 'vitest';
import { AppError } from '../../lib/errors.js';
import { normalizePhone } from './phone-number.js';

describe('normalizePhone', () => {
  it.each([
    ['+1 415 555 2671', undefined, '+14155552671', 'US'],
    ['(415) 555-2671', 'US', '+14155552671', 'US'],
    ['+86 138 0013 8000', undefined, '+8613800138000', 'CN'],
    ['13800138000', 'cn', '+8613800138000', 'CN'],
    ['+44 7400 123456', undefined, '+447400123456', 'GB'],
    ['+81 90-1234-5678', undefined, '+819012345678', 'JP'],
    ['+55 11 91234-5678', undefined, '+5511912345678', 'BR'],
    ['+234 802 123 4567', undefined, '+2348021234567', 'NG'],
    ['+91 98765 43210', undefined, '+919876543210', 'IN'],
  ])('%s (%s) → %s', (input, country, e164, expectedCountry) => {
    expect(normalizePhone(input, country)).toMatchObject({ e164, country: expectedCountry });
  });

  it.each(['', 'abc', '+1 555', '+86 138', '+999 12345678', '555-2671', '+1 415 555 2671 999'])('refuses %j', (input) => {
    expect(() => normalizePhone(input)).toThrow(AppError);
    try {
      normalizePhone(input);
    } catch (error) {
      expect((error as AppError).code).toBe('phone_invalid');
    }
  });

  // Regression (SMS pumping): premium-rate, toll-free, fixed-line and satellite numbers all got codes.
  it.each([
    ['+44 909 000 0000', 'premium rate'],
    ['+1 900 555 0123', 'premium rate'],
    ['+1 800 555 0123', 'toll free'],
    ['+44 20 7946 0000', 'fixed line'],
    ['+81 3 1234 5678', 'fixed line'],
    ['+881 6 1234 5678', 'satellite'],
    ['+870 772 345 678', 'satellite'],
  ])('refuses %s (%s): it cannot take an SMS', (input) => {
    expect(() => normalizePhone(input)).toThrow(expect.objectContaining({ code: 'phone_cannot_receive_sms' }));
  });
});
