import { describe, expect, it } from 'vitest';
import { addWorkingDays, nextDay, publicationDueDate, shanghaiDay } from '../../functions/inspections/working-days';

/** 一公开 within 20 working days: Monday–Friday on the Asia/Shanghai calendar. */
describe('working days', () => {
  it('counts Monday to Friday only, the start day not included', () => {
    expect(addWorkingDays('2026-03-02', 1)).toBe('2026-03-03'); // Mon → Tue
    expect(addWorkingDays('2026-03-06', 1)).toBe('2026-03-09'); // Fri → Mon
    expect(addWorkingDays('2026-03-07', 1)).toBe('2026-03-09'); // Sat → Mon
    expect(addWorkingDays('2026-03-02', 20)).toBe('2026-03-30'); // four whole weeks
    expect(addWorkingDays('2026-12-31', 2)).toBe('2027-01-04'); // across a year
  });

  it('takes the day of the completion in Asia/Shanghai, not UTC', () => {
    // 17:30 UTC on Friday is 01:30 on Saturday in Shanghai.
    expect(shanghaiDay('2026-03-06T17:30:00.000Z')).toBe('2026-03-07');
    expect(publicationDueDate('2026-03-06T17:30:00.000Z')).toBe(addWorkingDays('2026-03-07', 20));
    expect(publicationDueDate('2026-03-06T09:00:00.000Z')).toBe('2026-04-03');
  });

  it('steps one calendar day, across months', () => {
    expect(nextDay('2026-02-28')).toBe('2026-03-01');
    expect(() => addWorkingDays('2026-3-1', 1)).toThrow(RangeError);
  });
});
