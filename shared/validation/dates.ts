/**
 * Calendar arithmetic on ISO dates ('YYYY-MM-DD') as whole days since 1970-01-01, in UTC so that no
 * machine time zone can shift a date. Licences, certificates and birth dates are days, not instants.
 */
const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when y-m-d is a day on the calendar (no 2月30日). */
export function isRealDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  return m !== null && isRealDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** Days since 1970-01-01 of an ISO date; throws on anything else (a programming error, not user input). */
export function isoToDays(s: string): number {
  const m = ISO_DATE.exec(s);
  if (!m || !isRealDate(Number(m[1]), Number(m[2]), Number(m[3]))) throw new Error(`not an ISO date: ${s}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS;
}

export function daysToIso(days: number): string {
  return new Date(days * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  return daysToIso(isoToDays(iso) + days);
}

/** Today's date in China (UTC+8, no daylight saving), the calendar the platform's users live by. */
export function todayInChina(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
