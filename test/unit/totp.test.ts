import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, hotp, matchTotp, totpAt } from '../../functions/identity/totp';

// RFC 6238 appendix B: the SHA-1 secret is ASCII "12345678901234567890"; codes are the last 6 of the 8 digits.
const RFC_SECRET = base32Encode(Buffer.from('12345678901234567890'));

describe('TOTP (RFC 6238)', () => {
  it('matches the RFC test vectors', () => {
    expect(totpAt(RFC_SECRET, 59_000)).toBe('287082');
    expect(totpAt(RFC_SECRET, 1_111_111_109_000)).toBe('081804');
    expect(totpAt(RFC_SECRET, 1_234_567_890_000)).toBe('005924');
    expect(totpAt(RFC_SECRET, 2_000_000_000_000)).toBe('279037');
  });

  it('matches the RFC 4226 HOTP vectors', () => {
    const key = Buffer.from('12345678901234567890');
    expect([0, 1, 2, 9].map((c) => hotp(key, c))).toEqual(['755224', '287082', '359152', '520489']);
  });

  it('round-trips base32', () => {
    const b = Buffer.from([0, 1, 2, 250, 251, 255, 7]);
    expect(base32Decode(base32Encode(b))).toEqual(b);
  });

  it('accepts the neighbouring step for clock drift, and never a step already used', () => {
    const now = 1_800_000_000_000;
    const previous = totpAt(RFC_SECRET, now - 30_000);
    const step = matchTotp(RFC_SECRET, previous, now);
    expect(step).toBe(Math.floor(now / 30_000) - 1);
    expect(matchTotp(RFC_SECRET, previous, now, step!)).toBeNull();
    expect(matchTotp(RFC_SECRET, totpAt(RFC_SECRET, now - 90_000), now)).toBeNull();
  });
});
