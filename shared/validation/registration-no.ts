import * as z from 'zod/mini';
import { randomInt, type Random } from './random';
import type { ValidationResult } from './uscc';

/**
 * 工商注册号: the business-licence number of units registered before 三证合一 (2015), still their login
 * when they have no 统一社会信用代码 (seed, 常见问题 2). 13 digits (before 2007) carry no check digit;
 * 15 digits (GS15-2006) end with an ISO 7064 MOD 11,10 check digit — the seed's 350000100028644 and
 * 350000100029565 both pass it.
 */
export function registrationNoCheckDigit(first14: string): string {
  let p = 10;
  for (const ch of first14) {
    const s = (p + Number(ch)) % 10 || 10;
    p = (s * 2) % 11;
  }
  return String((11 - p) % 10);
}

export function validateRegistrationNo(s: string): ValidationResult {
  if (s.length === 0) return { ok: false, message: '请输入注册号' };
  if (!/^\d+$/.test(s)) return { ok: false, message: '注册号应全部为数字' };
  if (s.length !== 13 && s.length !== 15) {
    return { ok: false, message: `注册号长度应为13位或15位，当前为${s.length}位` };
  }
  if (s.length === 15 && registrationNoCheckDigit(s.slice(0, 14)) !== s.charAt(14)) {
    return { ok: false, message: '注册号校验位（第15位）错误，请核对' };
  }
  return { ok: true };
}

/** A valid 15-digit number registered in the given 6-digit region; `individual` for 个体工商户 (7th digit 6). */
export function generateRegistrationNo(rng: Random, regionCode6: string, individual = false): string {
  let s = regionCode6 + (individual ? '6' : String(randomInt(rng, 0, 1)));
  for (let i = 0; i < 7; i++) s += String(randomInt(rng, 0, 9));
  return s + registrationNoCheckDigit(s);
}

export const registrationNoSchema = z.string({ error: '注册号应为文字' }).check(
  z.trim(),
  z.superRefine((value, ctx) => {
    const r = validateRegistrationNo(value);
    if (!r.ok) ctx.addIssue({ code: 'custom', message: r.message });
  }),
);
