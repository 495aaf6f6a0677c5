/**
 * The API's per-field problems (`details` of a 400/403/409, README: Architecture) placed where a form shows them: beside
 * its field (`body.mobile` → the 手机号码 field), in an import's row table (`rows[3].手机号码`), or — for a path
 * no field of the form owns — listed under the message on top.
 */
import { ApiError } from '$lib/api/client';

/** `body.categories.0` → `categories`; `query.mobile` → `mobile`; `rows[3].手机号码` → `rows`. */
export function fieldOf(path: string): string {
  const rest = path.replace(/^(body|query|path|params)\./, '');
  return /^[^.[]*/.exec(rest)?.[0] ?? rest;
}

/** The first message for each top-level field of the request. */
export function fieldErrors(e: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(e instanceof ApiError)) return out;
  for (const issue of e.details) out[fieldOf(issue.path)] ??= issue.message;
  return out;
}

/** The messages of `e` for fields the form does not have: shown with the message on top, so none is lost. */
export function otherIssues(e: unknown, fields: readonly string[]): string[] {
  if (!(e instanceof ApiError)) return [];
  const messages = e.details.filter((i) => !fields.includes(fieldOf(i.path))).map((i) => i.message);
  return [...new Set(messages)].filter((m) => m !== e.message);
}

/** One problem of an imported spreadsheet: its row (the header is row 1) and column, when the API names them. */
export interface RowIssue {
  row: number | null;
  column: string | null;
  message: string;
}

/** `rows[3].手机号码` → row 3, column 手机号码; any other path (the file itself) has neither. */
export function rowIssues(e: unknown): RowIssue[] {
  if (!(e instanceof ApiError)) return [];
  return e.details.map((i) => {
    const m = /^(?:body\.)?rows\[(\d+)\](?:\.(.+))?$/.exec(i.path);
    return m
      ? { row: Number(m[1]), column: m[2] ?? null, message: i.message }
      : { row: null, column: null, message: i.message };
  });
}

/**
 * The errors still worth showing: each field's message only while the field holds the value it was about (a
 * field being corrected loses its red at once). `checked` is the form as it was sent or checked.
 */
export function stillValid<F extends object>(
  errors: Partial<Record<keyof F & string, string>>,
  checked: F | null,
  form: F,
): Partial<Record<keyof F & string, string>> {
  if (!checked) return {};
  const out: Partial<Record<keyof F & string, string>> = {};
  for (const key of Object.keys(errors) as (keyof F & string)[]) {
    if (JSON.stringify(checked[key]) === JSON.stringify(form[key])) out[key] = errors[key];
  }
  return out;
}
