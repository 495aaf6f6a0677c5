/**
 * Traceability codes a 台账 line may carry (DOMAIN-FACTS "Codes for traceability"), checked the same way on the
 * server and in the forms:
 * - 雷管编码 (GA 441): 13 characters — 2 enterprise digits, 1 year digit, 2 month, 2 day, 1 feature character,
 *   5 serial digits; the month/day must be a real date;
 * - 放射源编码: 12 characters — producer 2, year 2, nuclide 2, serial 5, category 1 (Ⅰ–Ⅴ类: 1–5);
 * - 箱码 (a detonator box or case, a 烟花爆竹 箱码) and other codes: 6–40 letters, digits or '-'. A box's items
 *   are linked to it by its `packed` custody event.
 */
import type { CategoryCode } from './categories';
import { isRealDate } from '../validation/dates';

export type CodeKind = 'detonator' | 'detonatorBox' | 'fireworksBox' | 'radioactiveSource' | 'other';

export const CODE_KIND_LABELS: Record<CodeKind, string> = {
  detonator: '雷管编码',
  detonatorBox: '雷管箱码',
  fireworksBox: '烟花爆竹箱码',
  radioactiveSource: '放射源编码',
  other: '物品编码',
};

const DETONATOR = /^(\d{2})(\d)(\d{2})(\d{2})([0-9A-Z])(\d{5})$/;
const RADIOACTIVE = /^[0-9A-Z]{2}\d{2}[0-9A-Z]{2}\d{5}[1-5]$/;
const GENERIC = /^[0-9A-Za-z-]{6,40}$/;

/** A GA 441 detonator shell code: the shape and a real manufacture month/day (any leap year allowed for 02-29). */
export function isDetonatorCode(code: string): boolean {
  const m = DETONATOR.exec(code);
  if (!m) return false;
  return isRealDate(2000, Number(m[3]), Number(m[4]));
}

export function isRadioactiveSourceCode(code: string): boolean {
  return RADIOACTIVE.test(code);
}

/** What kind of code `code` is on a line of `category`, or the Chinese reason it is not a valid code. */
export function classifyCode(code: string, category: CategoryCode): { kind: CodeKind } | { error: string } {
  if (category === 'explosives') {
    if (code.length === 13) {
      return isDetonatorCode(code)
        ? { kind: 'detonator' }
        : { error: `雷管编码 ${code} 不符合 GA 441 规则（企业代码2位、年1位、月2位、日2位、特征码1位、流水号5位）` };
    }
    return GENERIC.test(code) ? { kind: 'detonatorBox' } : { error: `箱码 ${code} 格式不正确` };
  }
  if (category === 'radioactive') {
    return isRadioactiveSourceCode(code)
      ? { kind: 'radioactiveSource' }
      : { error: `放射源编码 ${code} 应为12位（生产单位2位、年份2位、核素2位、流水号5位、类别1位）` };
  }
  if (!GENERIC.test(code)) return { error: `编码 ${code} 格式不正确（6–40位字母、数字或“-”）` };
  return { kind: category === 'fireworks' ? 'fireworksBox' : 'other' };
}
