import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, matchTotp, otpauthUrl, totpCode } from './totp.js';

// RFC 6238 appendix B, SHA-1 rows (8 digits there; the last 6 are ours).
const RFC_SECRET = Buffer.from('12345678901234567890', 'ascii');

describe('TOTP', () => {
  it('matches the RFC 6238 test vectors', () => {
    for (const [seconds, code] of [
      [59, '94287082'],
      [1111111109, '07081804'],
      [1111111111, '14050471'],
      [1234567890, '89005924'],
      [2000000000, '69279037'],
    ] as const) {
      expect(totpCode(RFC_SECRET, Math.floor(seconds / 30))).toBe(code.slice(2));
    }
  });

  it('accepts one step of drift either way, nothing further', () => {
    const now = new Date(1234567890_000);
    const step = Math.floor(1234567890 / 30);
    expect(matchTotp(RFC_SECRET, totpCode(RFC_SECRET, step), now)).toBe(step);
    expect(matchTotp(RFC_SECRET, totpCode(RFC_SECRET, step - 1), now)).toBe(step - 1);
    expect(matchTotp(RFC_SECRET, totpCode(RFC_SECRET, step + 1), now)).toBe(step + 1);
    expect(matchTotp(RFC_SECRET, totpCode(RFC_SECRET, step - 2), now)).toBeNull();
    expect(matchTotp(RFC_SECRET, 'abcdef', now)).toBeNull();
  });

  it('round-trips base32 and writes the key URI apps scan', () => {
    expect(base32Encode(Buffer.from('foobar'))).toBe('MZXW6YTBOI');
    expect(base32Decode('MZXW 6YTB OI').toString()).toBe('foobar');
    expect(otpauthUrl({ issuer: 'Qiao', account: 'ann', secret: Buffer.from('foobar') })).toBe(
      'otpauth://totp/Qiao%3Aann?secret=MZXW6YTBOI&issuer=Qiao&algorithm=SHA1&digits=6&period=30',
    );
  });
});
