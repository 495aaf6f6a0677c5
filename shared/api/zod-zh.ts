/**
 * Chinese messages for zod's built-in checks, phrased for the person filling in the form, and naming the
 * field when its schema carries a `title` (`.meta({ title: '单位名称' })`). Installed once by the API's
 * request parsing and by the web forms, so both say the same thing about the same mistake.
 * Refinements with their own message (credit-code check digit, 身份证号 …) keep it.
 */
import * as z from 'zod/mini';

type Issue = z.core.$ZodRawIssue;

const TYPE_WORDS: Record<string, string> = {
  string: '文本',
  number: '数字',
  int: '整数',
  boolean: '是/否',
  array: '列表',
  object: '对象',
  date: '日期',
  bigint: '整数',
};

function titleOf(iss: Issue): string | undefined {
  const schema = (iss as { schema?: z.ZodMiniType }).schema ?? (iss.inst as z.ZodMiniType | undefined);
  const meta = schema ? z.globalRegistry.get(schema) : undefined;
  return typeof meta?.title === 'string' ? meta.title : undefined;
}

const FORMAT_WORDS: Record<string, string> = {
  date: '日期，格式为 YYYY-MM-DD',
  datetime: '时间，格式为 ISO 8601',
  email: '电子邮箱',
  url: '网址',
  uuid: '编号',
  regex: '格式',
};

function describe(iss: Issue): string | undefined {
  switch (iss.code) {
    case 'invalid_type':
      if (iss.input === undefined || iss.input === null) return '为必填项';
      return `应为${TYPE_WORDS[iss.expected] ?? iss.expected}`;
    case 'too_small':
      if (iss.origin === 'string') return Number(iss.minimum) <= 1 ? '不能为空' : `至少 ${iss.minimum} 个字符`;
      if (iss.origin === 'array' || iss.origin === 'set') return `至少选择 ${iss.minimum} 项`;
      return `不能小于 ${iss.minimum}`;
    case 'too_big':
      if (iss.origin === 'string') return `不能超过 ${iss.maximum} 个字符`;
      if (iss.origin === 'array' || iss.origin === 'set') return `最多 ${iss.maximum} 项`;
      return `不能大于 ${iss.maximum}`;
    case 'invalid_format': {
      const f = (iss as { format?: string }).format ?? 'regex';
      return f === 'regex' ? '格式不正确' : `格式不正确，应为${FORMAT_WORDS[f] ?? f}`;
    }
    case 'invalid_value':
      return '不是可选的值';
    case 'unrecognized_keys':
      return `包含不认识的字段：${(iss as { keys: string[] }).keys.join('、')}`;
    case 'not_multiple_of':
      return '数值不符合要求';
    case 'invalid_union':
      return '格式不正确';
    default:
      return undefined;
  }
}

export function chineseErrorMap(iss: Issue): string | undefined {
  const what = describe(iss);
  if (!what) return undefined;
  const title = titleOf(iss);
  return title ? `「${title}」${what}` : what;
}

let installed = false;
/** Make zod speak Chinese; idempotent. */
export function installChineseErrors(): void {
  if (installed) return;
  z.config({ customError: chineseErrorMap });
  installed = true;
}
