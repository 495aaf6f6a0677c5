import { describe, expect, it } from 'vitest';
import { addQuantities, productKeyOf, subtractQuantities } from '../../functions/lib/ledger/movements';
import { classifyCode, isDetonatorCode } from '../../shared/reference/codes';

describe('traceability codes', () => {
  it('GA 441 detonator shell codes: 13 characters, a real month and day', () => {
    // enterprise 35 | year 6 | month 12 | day 31 | feature A | serial 00001
    expect(isDetonatorCode('3561231A00001')).toBe(true);
    expect(isDetonatorCode('3561301A00001')).toBe(false); // month 13
    expect(isDetonatorCode('3560230A00001')).toBe(false); // 02-30
    expect(isDetonatorCode('3560229A00001')).toBe(true); // 02-29 exists in some year
    expect(isDetonatorCode('356123A100001')).toBe(false); // serial not 5 digits
    expect(isDetonatorCode('356123100001')).toBe(false); // 12 characters
  });

  it('classifies by category and says why a code is refused', () => {
    expect(classifyCode('3561231A00001', 'explosives')).toEqual({ kind: 'detonator' });
    expect(classifyCode('BOX-2026-0001', 'explosives')).toEqual({ kind: 'detonatorBox' });
    expect(classifyCode('3561331A00001', 'explosives')).toMatchObject({ error: expect.stringContaining('GA 441') });
    expect(classifyCode('CN26CS000011', 'radioactive')).toEqual({ kind: 'radioactiveSource' });
    expect(classifyCode('CN26CS000019', 'radioactive')).toMatchObject({ error: expect.stringContaining('12位') });
    expect(classifyCode('FW-000001', 'fireworks')).toEqual({ kind: 'fireworksBox' });
    expect(classifyCode('短', 'hazchem')).toMatchObject({ error: expect.any(String) });
  });

  it('quantities add and subtract in thousandths, and products key by category and name', () => {
    expect(addQuantities(0.1, 0.2)).toBe(0.3);
    expect(subtractQuantities(15.015, 0.015)).toBe(15);
    expect(productKeyOf('hazchem', '  氨水  溶液 ')).toBe('hazchem:氨水 溶液');
  });
});
