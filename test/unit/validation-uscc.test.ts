import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../functions/seed/rng';
import {
  USCC_CHARSET,
  generateUscc,
  orgCodeCheckChar,
  usccCheckChar,
  usccRegionCode,
  usccSchema,
  validateUscc,
} from '../../shared/validation/uscc';

/**
 * Published codes: 91350100M000100Y43 and 91110000802100433B (the brief's examples), and the three codes
 * shown in full in the seed's 民爆 unit list screenshots.
 */
const PUBLISHED = [
  '91350100M000100Y43',
  '91110000802100433B',
  '91350000158155897D',
  '91350000158142535J',
  '91350000158142113K',
];

function messageOf(s: string): string | undefined {
  const r = validateUscc(s);
  return r.ok ? undefined : r.message;
}

describe('统一社会信用代码 (GB 32100-2015)', () => {
  it.each(PUBLISHED)('accepts the published code %s', (code) => {
    expect(validateUscc(code)).toEqual({ ok: true });
  });

  it('computes both check characters of a published code', () => {
    expect(orgCodeCheckChar('M000100Y')).toBe('4');
    expect(usccCheckChar('91350100M000100Y4')).toBe('3');
    expect(orgCodeCheckChar('80210043')).toBe('3');
    expect(usccCheckChar('91110000802100433')).toBe('B');
  });

  it('asks for a code when empty and says the length when it is not 18', () => {
    expect(messageOf('')).toBe('请输入统一社会信用代码');
    // The seed's first list row lost a character in print: 17 characters.
    expect(messageOf('9135000158155897D')).toBe('统一社会信用代码长度应为18位，当前为17位');
    expect(messageOf('91350100M000100Y430')).toBe('统一社会信用代码长度应为18位，当前为19位');
  });

  it('names the illegal character, and why I O S V Z are not allowed', () => {
    expect(messageOf('91350100M000100I43')).toBe('统一社会信用代码含有非法字符「I」（代码中不使用字母I、O、S、V、Z）');
    expect(messageOf('91350100M000100O43')).toContain('「O」');
    expect(messageOf('91350100M00010-Y43')).toBe('统一社会信用代码含有非法字符「-」');
    expect(messageOf('91350100m000100Y43')).toBe('统一社会信用代码含有小写字母「m」，字母应为大写');
  });

  it('requires digits in the region part (characters 3–8)', () => {
    expect(messageOf('913501A0M000100Y43')).toBe('统一社会信用代码第3至8位（登记管理机关行政区划码）应为6位数字');
  });

  it('tells a wrong 组织机构代码 check apart from a wrong final check character', () => {
    expect(messageOf('91350100M000100Y53')).toBe('统一社会信用代码第9至17位（组织机构代码）校验位错误，请核对');
    expect(messageOf('91350100M000200Y43')).toBe('统一社会信用代码第9至17位（组织机构代码）校验位错误，请核对');
    expect(messageOf('91350100M000100Y44')).toBe('统一社会信用代码校验位（第18位）错误，请核对');
    expect(messageOf('92350100M000100Y43')).toBe('统一社会信用代码校验位（第18位）错误，请核对');
  });

  it.each(PUBLISHED)('rejects every single-character substitution of %s', (code) => {
    for (let i = 0; i < 18; i++) {
      for (const ch of USCC_CHARSET) {
        if (ch === code[i]) continue;
        const mutated = code.slice(0, i) + ch + code.slice(i + 1);
        expect(validateUscc(mutated).ok, mutated).toBe(false);
      }
    }
  });

  it.each(PUBLISHED)('rejects every transposition of two adjacent different characters of %s', (code) => {
    for (let i = 0; i < 17; i++) {
      if (code[i] === code[i + 1]) continue;
      const swapped = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2);
      expect(validateUscc(swapped).ok, swapped).toBe(false);
    }
  });

  it('generates valid codes carrying the requested region and registration kind', () => {
    const rng = mulberry32(7);
    for (let n = 0; n < 2000; n++) {
      const code = generateUscc(rng, { regionCode: '350503' });
      expect(validateUscc(code), code).toEqual({ ok: true });
      expect(usccRegionCode(code)).toBe('350503');
    }
    const individual = generateUscc(rng, { regionCode: '3505', kind: '2' });
    expect(individual.slice(0, 8)).toBe('92350500');
  });

  it('as a zod field, trims and upper-cases input and reports problems in Chinese', () => {
    expect(usccSchema.parse(' 91350100m000100y43 ')).toBe('91350100M000100Y43');
    const r = usccSchema.safeParse('91350100M000100Y44');
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe('统一社会信用代码校验位（第18位）错误，请核对');
    expect(usccSchema.safeParse(12).error?.issues[0]?.message).toBe('统一社会信用代码应为文字');
  });
});
