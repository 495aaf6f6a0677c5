/** Times as the platform's people read them: Beijing time (the API stores UTC), 2024-05-01 14:03:09. */

const TIME_ZONE = 'Asia/Shanghai';

function partsOf(d: Date): Record<string, string> {
  return Object.fromEntries(
    new Intl.DateTimeFormat('zh-CN', {
      timeZone: TIME_ZONE,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(d)
      .map((p) => [p.type, p.value]),
  );
}

/** '2024-05-01 14:03:09' in Beijing time, from an ISO timestamp; the text itself when it is not one. */
export function dateTimeText(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = partsOf(d);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

/** The Beijing calendar day of `at` (ms since the epoch), as YYYY-MM-DD. */
export function beijingDate(at: number): string {
  const p = partsOf(new Date(at));
  return `${p.year}-${p.month}-${p.day}`;
}

/** The ISO date `days` after `date` (negative: before). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
