import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../functions/seed/rng';
import {
  generateIdCard,
  idCardBirthDate,
  idCardCheckChar,
  idCardGender,
  idCardSchema,
  validateIdCard,
} from '../../shared/validation/idcard';

const TODAY = '2025-06-01';
/** The example of GB 11643-1999 itself. */
const STANDARD_EXAMPLE = '11010519491231002X';

function messageOf(s: string, today = TODAY): string | undefined {
  const r = validateIdCard(s, today);
  return r.ok ? undefined : r.message;
}

describe('居民身份证号 (GB 11643-1999)', () => {
  it('accepts the standard’s own example and reads its birth date and sex', () => {
    expect(validateIdCard(STANDARD_EXAMPLE, TODAY)).toEqual({ ok: true });
    expect(idCardCheckChar('11010519491231002')).toBe('X');
    expect(idCardBirthDate(STANDARD_EXAMPLE)).toBe('1949-12-31');
    expect(idCardGender(STANDARD_EXAMPLE)).toBe('female');
  });

  it('rejects the standard’s other example, born 1880, as before 1900', () => {
    expect(messageOf('440524188001010014')).toBe('身份证号中的出生日期「18800101」早于1900年，请核对');
  });

  it('rejects the made-up number in the seed’s screenshot by its check digit', () => {
    expect(messageOf('350122199106066666')).toBe('身份证号校验位错误，请核对');
  });

  it('says what is wrong with length and characters', () => {
    expect(messageOf('')).toBe('请输入身份证号');
    expect(messageOf('11010519491231002')).toBe('身份证号长度应为18位，当前为17位');
    expect(messageOf('1101051949123100A2')).toBe('身份证号前17位应为数字，第17位是「A」');
    expect(messageOf('11010519491231002x')).toBe('身份证号最后一位「x」应为大写X');
    expect(messageOf('11010519491231002Y')).toBe('身份证号最后一位应为数字或X，不能是「Y」');
  });

  it('requires a province code in the first two digits and a plausible region', () => {
    expect(messageOf('00010519491231002X')).toBe('身份证号前两位「00」不是有效的省级行政区划代码');
    expect(messageOf('72010519491231002X')).toBe('身份证号前两位「72」不是有效的省级行政区划代码');
    expect(messageOf('35000519491231002X')).toBe('身份证号前6位「350005」不是有效的行政区划代码');
  });

  it('requires a real birth date between 1900 and today', () => {
    expect(messageOf('110105194902300020')).toBe('身份证号中的出生日期「19490230」无效');
    expect(messageOf('110105194913010020')).toBe('身份证号中的出生日期「19491301」无效');
    const born = generateIdCard(mulberry32(1), {
      regionCode: '350102',
      birthFrom: '2025-06-02',
      birthTo: '2025-06-02',
    });
    expect(messageOf(born)).toBe('身份证号中的出生日期「20250602」晚于今天，请核对');
    expect(messageOf(born, '2025-06-02')).toBeUndefined();
  });

  it('rejects a wrong check character', () => {
    expect(messageOf('110105194912310021')).toBe('身份证号校验位错误，请核对');
  });

  it('rejects every single-digit substitution in the first 17 digits', () => {
    for (let i = 0; i < 17; i++) {
      for (const d of '0123456789') {
        if (d === STANDARD_EXAMPLE[i]) continue;
        const mutated = STANDARD_EXAMPLE.slice(0, i) + d + STANDARD_EXAMPLE.slice(i + 1);
        expect(validateIdCard(mutated, TODAY).ok, mutated).toBe(false);
      }
    }
  });

  it('generates valid numbers of the requested region, birth range and sex', () => {
    const rng = mulberry32(11);
    for (let n = 0; n < 2000; n++) {
      const gender = n % 2 === 0 ? 'male' : 'female';
      const no = generateIdCard(rng, { regionCode: '350503', gender });
      expect(validateIdCard(no, TODAY), no).toEqual({ ok: true });
      expect(no.slice(0, 6)).toBe('350503');
      expect(idCardGender(no)).toBe(gender);
      expect(idCardBirthDate(no) >= '1960-01-01' && idCardBirthDate(no) <= '2000-12-31').toBe(true);
    }
  });

  it('as a zod field, trims, upper-cases a trailing x and reports problems in Chinese', () => {
    expect(idCardSchema.parse(' 11010519491231002x ')).toBe(STANDARD_EXAMPLE);
    expect(idCardSchema.safeParse('110105194912310021').error?.issues[0]?.message).toBe('身份证号校验位错误，请核对');
  });
});
