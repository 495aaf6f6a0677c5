import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  GRADE_THRESHOLD_DAYS,
  gradeFor,
  shanghaiToday,
  WARNING_GRADE_LABELS,
  WARNING_KIND_LABELS,
} from '../../shared/reference/warnings';
import { regionLevels, warningIdOf } from '../../functions/lib/warnings/write';

describe('shanghaiToday: the calendar day in Asia/Shanghai (UTC+8), not UTC', () => {
  it('2026-12-06T15:59:59Z is still the 6th there; 16:00Z is the 7th', () => {
    expect(shanghaiToday(new Date('2026-12-06T15:59:59.999Z'))).toBe('2026-12-06');
    expect(shanghaiToday(new Date('2026-12-06T16:00:00Z'))).toBe('2026-12-07');
  });

  it('early morning in Shanghai is the previous day in UTC', () => {
    expect(shanghaiToday(new Date('2026-12-31T17:00:00Z'))).toBe('2027-01-01');
    expect(shanghaiToday(new Date('2027-01-01T00:00:00Z'))).toBe('2027-01-01');
  });
});

describe('gradeFor: grades by whole days left, at the boundaries', () => {
  const today = '2026-12-07';
  const at = (days: number) => gradeFor(addDays(today, days), today);

  it('yesterday is red (expired / overdue); today itself is still orange', () => {
    expect(at(-1)).toBe('red');
    expect(at(-400)).toBe('red');
    expect(at(0)).toBe('orange');
  });

  it('days 30/31, 60/61, 90/91 fall on the documented side', () => {
    expect(at(30)).toBe('orange');
    expect(at(31)).toBe('yellow');
    expect(at(60)).toBe('yellow');
    expect(at(61)).toBe('blue');
    expect(at(90)).toBe('blue');
    expect(at(91)).toBeUndefined();
  });

  it('the thresholds come from the one configurable place', () => {
    expect(GRADE_THRESHOLD_DAYS).toEqual({ orange: 30, yellow: 60, blue: 90 });
  });

  it('a due date crosses to red at Shanghai midnight, not UTC midnight', () => {
    const due = '2026-12-06';
    expect(gradeFor(due, shanghaiToday(new Date('2026-12-06T15:59:59Z')))).toBe('orange');
    expect(gradeFor(due, shanghaiToday(new Date('2026-12-06T16:00:00Z')))).toBe('red');
  });

  it('counts calendar days across months and leap years', () => {
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-12-07', 90)).toBe('2027-03-07');
  });

  it('refuses something that is not a day', () => {
    expect(() => gradeFor('2026-13-45x', today)).toThrow(RangeError);
  });
});

describe('labels and ids', () => {
  it('uses the manual’s words', () => {
    expect(WARNING_KIND_LABELS.personCert).toBe('人员资质预警');
    expect(WARNING_GRADE_LABELS.red).toBe('红色预警');
  });

  it('derives the warning id from its cause', () => {
    expect(warningIdOf('licence', 'ent-1/lic-2')).toBe('licence:ent-1/lic-2');
  });

  it('counts a county in its city and the province', () => {
    expect(regionLevels('350102')).toEqual(['350102', '3501', '35']);
    expect(regionLevels('35')).toEqual(['35']);
  });
});
