import { describe, expect, it } from 'vitest';
import { hashOneTimePassword, isCheapHash, newOneTimePassword } from '../../functions/lib/auth/one-time-password';
import { hashPassword, verifyPassword } from '../../functions/lib/auth/password';
import { passwordProblem } from '../../shared/auth/password-policy';

describe('one-time passwords', () => {
  it('are random, readable (no 0/O, 1/l/I) and within the password policy', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const p = newOneTimePassword('13900000001');
      expect(p).toMatch(/^[A-HJ-NP-Za-km-z2-9]{4}-[A-HJ-NP-Za-km-z2-9]{4}-[A-HJ-NP-Za-km-z2-9]{4}$/);
      expect(passwordProblem(p, '13900000001')).toBeNull();
      seen.add(p);
    }
    expect(seen.size).toBe(2000);
  });

  it('are hashed cheaply (they carry ~68 random bits), and the cheap hash is recognised for padding', async () => {
    const p = newOneTimePassword('91350102845197810R');
    const cheap = await hashOneTimePassword(p);
    expect(await verifyPassword(p, cheap)).toBe(true);
    expect(await verifyPassword('Wrong#2026', cheap)).toBe(false);
    expect(isCheapHash(cheap)).toBe(true);
    expect(isCheapHash(await hashPassword('Chosen#2026'))).toBe(false);
  });
});
