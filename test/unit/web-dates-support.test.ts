import { describe, expect, it } from 'vitest';
import { contactSupport, DEFAULT_SUPPORT_PHONE, supportPhoneFrom } from '../../shared/support';
import { dateProblem, formatDateInput } from '../../web/src/lib/ui/dates';
import { pagerText } from '../../web/src/lib/ui/pager';

describe('the one date field’s rules (yyyy-MM-dd whatever the browser’s locale)', () => {
  it('puts the dashes in as digits are typed', () => {
    expect(formatDateInput('20240501')).toBe('2024-05-01');
    expect(formatDateInput('2024-5')).toBe('2024-5');
    expect(formatDateInput('202405')).toBe('2024-05');
    expect(formatDateInput('05/01/2024')).toBe('0501-20-24');
  });
  it('accepts calendar dates only, within the bounds', () => {
    expect(dateProblem('')).toBeUndefined();
    expect(dateProblem('2024-02-29')).toBeUndefined();
    expect(dateProblem('2023-02-29')).toBe('「2023-02-29」不是有效日期');
    expect(dateProblem('05/01/2024')).toBe('请按 yyyy-MM-dd 填写日期，如 2024-05-01');
    expect(dateProblem('1900-01-01', '1949-10-01')).toBe('日期不能早于 1949-10-01');
  });
});

describe('the one pager’s words (the seed’s)', () => {
  it('says rows, total and pages when the total is known, only what is known otherwise', () => {
    expect(pagerText(1, 10, 23, 3)).toBe('显示第 1 到第 10 条记录，总共 23 条记录，总共 3 页');
    expect(pagerText(21, 3, 23, 3)).toBe('显示第 21 到第 23 条记录，总共 23 条记录，总共 3 页');
    expect(pagerText(1, 4, null, null)).toBe('显示第 1 到第 4 条记录');
    expect(pagerText(1, 0, 0, 1)).toBe('总共 0 条记录');
  });
});

describe('the support contact', () => {
  it('is the configured number when it looks like one, else the seed’s 客服电话', () => {
    expect(supportPhoneFrom('0591-88888888')).toBe('0591-88888888');
    expect(supportPhoneFrom(undefined)).toBe(DEFAULT_SUPPORT_PHONE);
    expect(supportPhoneFrom('<script>')).toBe(DEFAULT_SUPPORT_PHONE);
    expect(contactSupport('0591-87859196')).toBe('请联系技术支撑人员（客服电话：0591-87859196）');
  });
});
