import { z } from 'zod';
import { randomChar, randomInt, type Random } from './random';

/**
 * Phone numbers. A regulator logs in with a mainland mobile (README: Demo data and accounts); an enterprise's 联系电话 is a
 * mobile or a landline written the way the seed writes them ('0591-87093291').
 */

/** 11 digits, 1 then 3–9: every mainland mobile segment (13x … 19x). */
export const MOBILE_PATTERN = /^1[3-9]\d{9}$/;
/** Area code 0 + 2–3 digits, hyphen, 7–8 digit number, optional extension: 0591-87093291, 010-12345678-801. */
export const LANDLINE_PATTERN = /^0\d{2,3}-[2-9]\d{6,7}(-\d{1,6})?$/;

export function isMobile(s: string): boolean {
  return MOBILE_PATTERN.test(s);
}

export function isLandline(s: string): boolean {
  return LANDLINE_PATTERN.test(s);
}

export const mobileSchema = z
  .string({ error: '手机号码应为文字' })
  .trim()
  .min(1, { error: '请输入手机号码' })
  .regex(MOBILE_PATTERN, { error: '手机号码应为1开头的11位数字（第二位为3至9）' });

export const phoneSchema = z
  .string({ error: '联系电话应为文字' })
  .trim()
  .min(1, { error: '请输入联系电话' })
  .max(20, { error: '联系电话不能超过20个字符' })
  .refine((s) => isMobile(s) || isLandline(s), {
    error: '联系电话应为11位手机号码，或带区号的固定电话，如0591-87093291',
  });

/** Real mobile network prefixes (三大运营商), so demo numbers look like ones people have. */
const MOBILE_PREFIXES = [
  ...['130', '131', '132', '133', '134', '135', '136', '137', '138', '139'],
  ...['150', '151', '152', '153', '155', '156', '157', '158', '159'],
  ...['166', '173', '176', '177', '178', '180', '181', '182', '183', '184'],
  ...['185', '186', '187', '188', '189', '191', '198', '199'],
];

export function generateMobile(rng: Random): string {
  let s = MOBILE_PREFIXES[randomInt(rng, 0, MOBILE_PREFIXES.length - 1)] as string;
  for (let i = 0; i < 8; i++) s += randomChar(rng, '0123456789');
  return s;
}

/** A landline in the given area code (e.g. '0595'): 8-digit local numbers as in Fujian's cities. */
export function generateLandline(rng: Random, areaCode: string): string {
  let s = `${areaCode}-${randomInt(rng, 2, 8)}`;
  for (let i = 0; i < 7; i++) s += randomChar(rng, '0123456789');
  return s;
}
