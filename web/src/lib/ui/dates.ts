/** Dates as the platform writes them everywhere: yyyy-MM-dd. */

/** What was typed, with the dashes put in: `20240501` → `2024-05-01`; other characters dropped. */
export function formatDateInput(text: string): string {
  const digits = text.replace(/\D/g, '').slice(0, 8);
  if (digits.length <= 4) return digits;
  if (digits.length <= 6) return `${digits.slice(0, 4)}-${digits.slice(4)}`;
  return `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6)}`;
}

/** Why `value` is not a date of the calendar in yyyy-MM-dd within [min, max]; undefined when it is (or empty). */
export function dateProblem(value: string, min?: string, max?: string): string | undefined {
  if (value === '') return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return '请按 yyyy-MM-dd 填写日期，如 2024-05-01';
  const d = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value) return `「${value}」不是有效日期`;
  if (min && value < min) return `日期不能早于 ${min}`;
  if (max && value > max) return `日期不能晚于 ${max}`;
  return undefined;
}
