import * as z from 'zod/mini';
import { isRealDate, todayInChina } from './dates';
import { randomInt, type Random } from './random';
import type { ValidationResult } from './uscc';

/**
 * 居民身份证号 (GB 11643-1999), 18 characters:
 *   1–6    address code (GB/T 2260 county where it was first issued)
 *   7–14   birth date YYYYMMDD
 *   15–17  sequence; the 17th is odd for men, even for women
 *   18     check character, ISO 7064 MOD 11-2, written '10X98765432'[Σ mod 11]
 * Personnel certificates and the enterprise informant carry it; the warning lists show it, so a wrong one
 * must be stopped at entry with a message that says what to fix.
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/**
 * First two digits of the address code: the provinces, autonomous regions and municipalities of
 * GB/T 2260 (11–15, 21–23, 31–37, 41–46, 50–54, 61–65), plus 71 台湾, 81 香港, 82 澳门.
 */
export const ID_PROVINCE_CODES: ReadonlySet<string> = new Set([
  ...['11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37'],
  ...['41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65'],
  ...['71', '81', '82'],
]);

export function idCardCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17.charAt(i)) * (WEIGHTS[i] as number);
  return CHECK_CHARS.charAt(sum % 11);
}

/**
 * Validates a 身份证号 as typed. `today` (ISO date, default today in China) bounds the birth date; pass it
 * for reproducible results.
 */
export function validateIdCard(s: string, today: string = todayInChina()): ValidationResult {
  if (s.length === 0) return { ok: false, message: '请输入身份证号' };
  if (s.length !== 18) return { ok: false, message: `身份证号长度应为18位，当前为${s.length}位` };
  for (let i = 0; i < 17; i++) {
    const ch = s.charAt(i);
    if (ch < '0' || ch > '9') return { ok: false, message: `身份证号前17位应为数字，第${i + 1}位是「${ch}」` };
  }
  const last = s.charAt(17);
  if (last === 'x') return { ok: false, message: '身份证号最后一位「x」应为大写X' };
  if (!/[0-9X]/.test(last)) return { ok: false, message: `身份证号最后一位应为数字或X，不能是「${last}」` };
  if (!ID_PROVINCE_CODES.has(s.slice(0, 2))) {
    return { ok: false, message: `身份证号前两位「${s.slice(0, 2)}」不是有效的省级行政区划代码` };
  }
  if (s.slice(2, 4) === '00' && s.slice(4, 6) !== '00') {
    return { ok: false, message: `身份证号前6位「${s.slice(0, 6)}」不是有效的行政区划代码` };
  }
  const y = Number(s.slice(6, 10));
  const m = Number(s.slice(10, 12));
  const d = Number(s.slice(12, 14));
  const birth = `${s.slice(6, 10)}-${s.slice(10, 12)}-${s.slice(12, 14)}`;
  if (!isRealDate(y, m, d)) return { ok: false, message: `身份证号中的出生日期「${s.slice(6, 14)}」无效` };
  if (y < 1900) return { ok: false, message: `身份证号中的出生日期「${s.slice(6, 14)}」早于1900年，请核对` };
  if (birth > today) return { ok: false, message: `身份证号中的出生日期「${s.slice(6, 14)}」晚于今天，请核对` };
  if (idCardCheckChar(s.slice(0, 17)) !== last) return { ok: false, message: '身份证号校验位错误，请核对' };
  return { ok: true };
}

export function isValidIdCard(s: string, today?: string): boolean {
  return validateIdCard(s, today).ok;
}

/** Birth date (ISO) of a valid number. */
export function idCardBirthDate(s: string): string {
  return `${s.slice(6, 10)}-${s.slice(10, 12)}-${s.slice(12, 14)}`;
}

/** Gender of a valid number, by the parity of its 17th digit. */
export function idCardGender(s: string): 'male' | 'female' {
  return Number(s.charAt(16)) % 2 === 1 ? 'male' : 'female';
}

export interface GenerateIdCardOptions {
  /** 6-digit GB/T 2260 address code. */
  regionCode: string;
  /** Birth date range, ISO, inclusive. Default 1960-01-01 … 2000-12-31. */
  birthFrom?: string;
  birthTo?: string;
  gender?: 'male' | 'female';
}

/** A valid 身份证号 born in the range, of the given gender (random when absent). */
export function generateIdCard(rng: Random, options: GenerateIdCardOptions): string {
  if (!/^\d{6}$/.test(options.regionCode)) throw new Error(`regionCode must be 6 digits: ${options.regionCode}`);
  const from = Date.parse(`${options.birthFrom ?? '1960-01-01'}T00:00:00Z`);
  const to = Date.parse(`${options.birthTo ?? '2000-12-31'}T00:00:00Z`);
  const day = randomInt(rng, 0, Math.round((to - from) / 86_400_000));
  const birth = new Date(from + day * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');
  const gender = options.gender ?? (rng() < 0.5 ? 'male' : 'female');
  const seq2 = String(randomInt(rng, 0, 99)).padStart(2, '0');
  const sexDigit = 2 * randomInt(rng, 0, 4) + (gender === 'male' ? 1 : 0);
  const first17 = options.regionCode + birth + seq2 + String(sexDigit);
  return first17 + idCardCheckChar(first17);
}

/** Form/API field: trims, upper-cases a trailing x, validates against today in China. */
export const idCardSchema = z.string({ error: '身份证号应为文字' }).check(
  z.trim(),
  z.toUpperCase(),
  z.superRefine((value, ctx) => {
    const r = validateIdCard(value);
    if (!r.ok) ctx.addIssue({ code: 'custom', message: r.message });
  }),
);
