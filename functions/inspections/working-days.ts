/**
 * Working days for 一公开 (results published within 20 working days of the inspection, 国办发〔2015〕58号):
 * Monday to Friday on the Asia/Shanghai calendar (UTC+8, no DST). No holiday calendar: the State Council's
 * adjusted days change every year and are published late; counting them as working days only makes the
 * deadline come earlier, never later, so the rule is still kept.
 */

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** The Asia/Shanghai calendar day (yyyy-MM-dd) of an instant. */
export function shanghaiDay(at: Date | string | number): string {
  const ms = typeof at === 'number' ? at : typeof at === 'string' ? Date.parse(at) : at.getTime();
  return new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

const isWeekday = (d: Date) => d.getUTCDay() !== 0 && d.getUTCDay() !== 6;

/** The day `n` working days after `day` (yyyy-MM-dd; `day` itself does not count). */
export function addWorkingDays(day: string, n: number): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new RangeError(`not a day: ${day}`);
  const d = new Date(`${day}T00:00:00Z`);
  for (let left = n; left > 0;) {
    d.setUTCDate(d.getUTCDate() + 1);
    if (isWeekday(d)) left--;
  }
  return d.toISOString().slice(0, 10);
}

/** The calendar day after `day` (yyyy-MM-dd). */
export function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** How long a completed inspection may wait before its result is public. */
export const PUBLICATION_WORKING_DAYS = 20;

/** The last day a result completed at `completedAt` may be published. */
export function publicationDueDate(completedAt: string): string {
  return addWorkingDays(shanghaiDay(completedAt), PUBLICATION_WORKING_DAYS);
}
