/**
 * Characters no text field of this platform may carry, checked once for every request (parse.ts) instead of
 * in each schema: C0/C1 control characters (tab, line feed and carriage return excepted — addresses and
 * reasons may span lines), the Unicode direction overrides and isolates that make "txt.exe" display as
 * "exe.txt" (Trojan Source) and lone UTF-16 surrogates, which no valid text contains and which break
 * exports, hashes and other systems that read the data later.
 */
import type { FieldIssue } from '../../../shared/api/errors';

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const UNSAFE_TEXT_MESSAGE = '包含不允许的字符（控制字符、文字方向控制符或无效字符），请删除后重新输入';

export function isSafeText(s: string): boolean {
  return !UNSAFE.test(s) && !LONE_SURROGATE.test(s);
}

/** Every string (values and object keys) under `value` that is unsafe, with its path from `part`. */
export function unsafeTextIssues(part: string, value: unknown, limit = 20): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const walk = (v: unknown, path: string, depth: number): void => {
    if (issues.length >= limit || depth > 32) return;
    if (typeof v === 'string') {
      if (!isSafeText(v)) issues.push({ path, message: UNSAFE_TEXT_MESSAGE });
    } else if (Array.isArray(v)) {
      v.forEach((x, i) => walk(x, `${path}.${i}`, depth + 1));
    } else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (!isSafeText(k)) issues.push({ path, message: UNSAFE_TEXT_MESSAGE });
        else walk(x, `${path}.${k}`, depth + 1);
      }
    }
  };
  walk(value, part, 0);
  return issues;
}
