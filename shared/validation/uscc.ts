import { z } from 'zod';
import { randomChar, randomInt, type Random } from './random';

/**
 * 统一社会信用代码 (GB 32100-2015). 18 characters:
 *   1     登记管理部门代码 (9 = 工商/市场监管 …)
 *   2     机构类别代码 (1 = 企业 …)
 *   3–8   登记管理机关行政区划码 (GB/T 2260)
 *   9–17  主体标识码 = 组织机构代码 (GB 11714: 8 body characters + its own check character)
 *   18    校验码 over the first 17
 * Enterprises log in with it (README: Demo data and accounts), so a typo must be caught at the form with a message that says
 * which part is wrong, not "invalid".
 */

/** The 31 characters of GB 32100 in value order: digits, then letters without I O S V Z. */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
/** GB 11714 weights of the 8 body characters of an 组织机构代码. */
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

export type ValidationResult = { ok: true } | { ok: false; message: string };

/** The 18th character for a 17-character prefix drawn from USCC_CHARSET. */
export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARSET.indexOf(first17.charAt(i)) * (WEIGHTS[i] as number);
  return USCC_CHARSET.charAt((31 - (sum % 31)) % 31);
}

/**
 * The check character of an 组织机构代码 body (8 characters, digits or capital letters; a letter counts as
 * its alphabet value A=10 … Z=35). 11 − (Σ mod 11), where 10 is written X and 11 is written 0.
 */
export function orgCodeCheckChar(body8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += charValue(body8.charAt(i)) * (ORG_WEIGHTS[i] as number);
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

function charValue(ch: string): number {
  const code = ch.charCodeAt(0);
  return code <= 57 ? code - 48 : code - 55;
}

/** Validates a 统一社会信用代码 exactly as typed (no trimming, no case folding: the schema does that). */
export function validateUscc(s: string): ValidationResult {
  if (s.length === 0) return { ok: false, message: '请输入统一社会信用代码' };
  if (s.length !== 18) return { ok: false, message: `统一社会信用代码长度应为18位，当前为${s.length}位` };
  for (const ch of s) {
    if (/[a-z]/.test(ch)) return { ok: false, message: `统一社会信用代码含有小写字母「${ch}」，字母应为大写` };
    if (!USCC_CHARSET.includes(ch)) {
      const hint = /[IOSVZ]/.test(ch) ? '（代码中不使用字母I、O、S、V、Z）' : '';
      return { ok: false, message: `统一社会信用代码含有非法字符「${ch}」${hint}` };
    }
  }
  if (!/^\d{6}$/.test(s.slice(2, 8))) {
    return { ok: false, message: '统一社会信用代码第3至8位（登记管理机关行政区划码）应为6位数字' };
  }
  if (orgCodeCheckChar(s.slice(8, 16)) !== s.charAt(16)) {
    return { ok: false, message: '统一社会信用代码第9至17位（组织机构代码）校验位错误，请核对' };
  }
  if (usccCheckChar(s.slice(0, 17)) !== s.charAt(17)) {
    return { ok: false, message: '统一社会信用代码校验位（第18位）错误，请核对' };
  }
  return { ok: true };
}

export function isValidUscc(s: string): boolean {
  return validateUscc(s).ok;
}

/** The 登记管理机关行政区划码 (characters 3–8) of a code. */
export function usccRegionCode(s: string): string {
  return s.slice(2, 8);
}

export interface GenerateUsccOptions {
  /** GB/T 2260 code of the registering authority: 2, 4 or 6 digits, padded with zeros to 6. Default 350000. */
  regionCode?: string;
  /** 登记管理部门代码, default '9' (工商). */
  department?: string;
  /** 机构类别代码, default '1' (企业); '2' 个体工商户, '3' 农民专业合作社. */
  kind?: string;
  /** Share of codes with a new-style 'MA…' 主体标识码 rather than a legacy 8-digit one; default 0.4. */
  newStyleShare?: number;
}

/**
 * A valid 统一社会信用代码 whose region part is the given region: legacy codes carry the old numeric
 * 组织机构代码, codes issued since 2015 an 'MA' one, as real Fujian codes do.
 */
export function generateUscc(rng: Random, options: GenerateUsccOptions = {}): string {
  const region = (options.regionCode ?? '35').padEnd(6, '0');
  if (!/^\d{6}$/.test(region)) throw new Error(`regionCode must be 2, 4 or 6 digits: ${options.regionCode}`);
  const head = (options.department ?? '9') + (options.kind ?? '1');
  let body: string;
  if (rng() < (options.newStyleShare ?? 0.4)) {
    body = 'MA' + String(randomInt(rng, 0, 9));
    for (let i = 0; i < 5; i++) body += randomChar(rng, USCC_CHARSET);
  } else {
    body = String(randomInt(rng, 1, 9));
    for (let i = 0; i < 7; i++) body += String(randomInt(rng, 0, 9));
  }
  const first17 = head + region + body + orgCodeCheckChar(body);
  return first17 + usccCheckChar(first17);
}

/**
 * Form/API field: trims and upper-cases what the user typed, then validates. Messages are the ones of
 * validateUscc, so the API and the form say the same thing.
 */
export const usccSchema = z
  .string({ error: '统一社会信用代码应为文字' })
  .trim()
  .toUpperCase()
  .superRefine((value, ctx) => {
    const r = validateUscc(value);
    if (!r.ok) ctx.addIssue({ code: 'custom', message: r.message });
  });
