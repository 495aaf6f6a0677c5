/**
 * One-time passwords: what a new account (opened by an administrator, an import or the register) and a
 * reset get instead of a password anyone could derive from the login. Random (crypto), readable aloud and
 * from paper — no 0/O, 1/l/I, and grouped by hyphens — and within the password policy (upper, lower, digit
 * and the hyphen as symbol), so the person could even keep it; they must change it at first sign-in, and
 * it opens nothing after ONE_TIME_PASSWORD_TTL_MS.
 */
import { randomInt } from 'node:crypto';
import { passwordProblem } from '../../../shared/auth/password-policy';
import { hashPassword, SCRYPT_PARAMS } from './password';

export const ONE_TIME_PASSWORD_TTL_MS = 72 * 3600_000;

const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const LOWER = 'abcdefghjkmnpqrstuvwxyz';
const DIGITS = '23456789';
const ALL = UPPER + LOWER + DIGITS;

const pick = (set: string) => set[randomInt(set.length)]!;

/** 12 random characters (≈ 68 bits) in three groups of four: `Kx7m-Pq3r-Zt9w`. */
export function newOneTimePassword(login: string): string {
  for (;;) {
    const chars = Array.from({ length: 12 }, () => pick(ALL));
    // One of each class at random places, so the policy's three classes always hold.
    const places = new Set<number>();
    while (places.size < 3) places.add(randomInt(12));
    [...places].forEach((at, i) => (chars[at] = pick([UPPER, LOWER, DIGITS][i]!)));
    const password = [chars.slice(0, 4), chars.slice(4, 8), chars.slice(8)].map((g) => g.join('')).join('-');
    if (!passwordProblem(password, login)) return password;
  }
}

/**
 * scrypt's cost is there for passwords people choose (guessable); a one-time password has ~68 random bits,
 * which no cost factor makes any safer to guess — so it is hashed cheaply (N=2^10, ~1 ms), which lets an
 * import open thousands of logins without minutes of hashing. The parameters travel in the stored string
 * (password.ts), so verifying needs nothing special; sign-in pads a cheap check to the full cost
 * (`isCheapHash`) so the time of an answer doesn't tell which logins hold a fresh one-time password.
 */
export const ONE_TIME_HASH_PARAMS = { ...SCRYPT_PARAMS, N: 2 ** 10 } as const;

export const hashOneTimePassword = (password: string): Promise<string> => hashPassword(password, ONE_TIME_HASH_PARAMS);

/** True for a stored hash cheaper than a chosen password's (a one-time password's). */
export function isCheapHash(stored: string): boolean {
  const n = Number(stored.split('$')[1]);
  return Number.isFinite(n) && n < SCRYPT_PARAMS.N;
}
