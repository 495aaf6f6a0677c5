import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../functions/seed/rng';
import {
  generateLandline,
  generateMobile,
  isLandline,
  isMobile,
  mobileSchema,
  phoneSchema,
} from '../../shared/validation/phone';
import { generateRegistrationNo, validateRegistrationNo } from '../../shared/validation/registration-no';

describe('phone numbers', () => {
  it('accepts mainland mobiles 1[3-9] + 9 digits and nothing else', () => {
    for (const m of ['13900000001', '15960020580', '19912345678']) expect(isMobile(m), m).toBe(true);
    for (const m of ['12900000001', '1390000000', '139000000012', '+8613900000001', '139-0000-0001']) {
      expect(isMobile(m), m).toBe(false);
    }
    expect(mobileSchema.safeParse('12900000001').error?.issues[0]?.message).toBe(
      '手机号码应为1开头的11位数字（第二位为3至9）',
    );
    expect(mobileSchema.safeParse('').error?.issues[0]?.message).toBe('请输入手机号码');
  });

  it('accepts the seed’s landlines and mobiles as 联系电话, with a Chinese message otherwise', () => {
    for (const p of ['0591-87093291', '0591-87551269', '0595-2281234', '010-62345678-801', '13405922996']) {
      expect(phoneSchema.safeParse(p).success, p).toBe(true);
    }
    expect(isLandline('059187093291')).toBe(false);
    expect(phoneSchema.safeParse('12350').error?.issues[0]?.message).toBe(
      '联系电话应为11位手机号码，或带区号的固定电话，如0591-87093291',
    );
  });

  it('generates valid mobiles and landlines', () => {
    const rng = mulberry32(3);
    for (let n = 0; n < 500; n++) {
      expect(isMobile(generateMobile(rng))).toBe(true);
      expect(isLandline(generateLandline(rng, '0595'))).toBe(true);
    }
  });
});

describe('工商注册号', () => {
  it('accepts the seed’s 15-digit numbers, whose last digit is an ISO 7064 MOD 11,10 check', () => {
    expect(validateRegistrationNo('350000100028644')).toEqual({ ok: true });
    expect(validateRegistrationNo('350000100029565')).toEqual({ ok: true });
    expect(validateRegistrationNo('3500001000286')).toEqual({ ok: true });
  });

  it('rejects wrong length, non-digits and a wrong check digit in Chinese', () => {
    // The seed's second screenshot of the same number lost a digit: 14 digits.
    expect(validateRegistrationNo('35000100029565')).toEqual({
      ok: false,
      message: '注册号长度应为13位或15位，当前为14位',
    });
    expect(validateRegistrationNo('35000010002956A')).toEqual({ ok: false, message: '注册号应全部为数字' });
    expect(validateRegistrationNo('350000100029566')).toEqual({
      ok: false,
      message: '注册号校验位（第15位）错误，请核对',
    });
  });

  it('generates valid numbers of the region', () => {
    const rng = mulberry32(5);
    for (let n = 0; n < 500; n++) {
      const no = generateRegistrationNo(rng, '350503', n % 2 === 0);
      expect(validateRegistrationNo(no), no).toEqual({ ok: true });
      expect(no.startsWith('350503')).toBe(true);
    }
  });
});
