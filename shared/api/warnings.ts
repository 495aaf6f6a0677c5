/**
 * Contracts of 大数据预警's lists (issue 12 §3): the four lists with the seed's columns and filters, one warning with
 * its history (查看), 修改 of a licence's or a personnel certificate's dates (the warning clears with it), and
 * 关闭预警 of a flow warning with its mandatory 关闭理由. The web's forms validate with the same schemas.
 */
import * as z from 'zod/mini';
import { CATEGORY_CODES } from '../reference/categories';
import {
  FLOW_WARNING_TYPE_LABELS,
  WARNING_GRADE_LABELS,
  WARNING_KIND_LABELS,
  type FlowWarningType,
  type WarningGrade,
  type WarningKind,
} from '../reference/warnings';
import { isIsoDate } from '../validation/dates';
import { pageQueryFields } from './paging';

const keysOf = <K extends string>(o: Record<K, unknown>) => Object.keys(o) as [K, ...K[]];
export const WARNING_KIND_CODES = keysOf<WarningKind>(WARNING_KIND_LABELS);
export const WARNING_GRADE_CODES = keysOf<WarningGrade>(WARNING_GRADE_LABELS);
export const FLOW_WARNING_TYPE_CODES = keysOf<FlowWarningType>(FLOW_WARNING_TYPE_LABELS);

/** The kinds whose 修改 corrects a certificate's dates (the seed: 企业资质预警, 人员资质预警). */
export const FIXABLE_KINDS: readonly WarningKind[] = ['licence', 'personCert'];
/** The kind a regulator closes by hand with a reason (the seed: 物品流向预警 › 关闭预警). */
export const CLOSABLE_KINDS: readonly WarningKind[] = ['flow'];

/** What 修改 writes into the history (and the audit trail) as the reason the warning cleared. */
export const FIX_REASON = '证书有效期已修改';

/**
 * A warning in a URL: its id (`kind:sourceKey`, functions/lib/warnings/write.ts `warningIdOf`) holds '/' and a
 * certificate number's own characters, and an API Gateway HTTP API decodes `%2F` before it matches a route, so the
 * id can't travel percent-encoded as one path segment. The path carries it as base64url of its UTF-8 text instead.
 */
export const WARNING_REF_PATTERN = /^[A-Za-z0-9_-]{8,800}$/;

export function warningRefOf(warningId: string): string {
  let bin = '';
  for (const b of new TextEncoder().encode(warningId)) bin += String.fromCharCode(b);
  return btoa(bin).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

/** The warning id a path's ref names; undefined for anything that isn't one (the route answers 404). */
export function warningIdOfRef(ref: string): string | undefined {
  if (!WARNING_REF_PATTERN.test(ref)) return undefined;
  try {
    const bin = atob(ref.replaceAll('-', '+').replaceAll('_', '/'));
    const id = new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
    return /^(licence|personCert|hazard|flow):\S/.test(id) && warningRefOf(id) === ref ? id : undefined;
  } catch {
    return undefined;
  }
}

const optionalText = (label: string, max: number) =>
  z
    .optional(
      z
        .string()
        .check(
          z.trim(),
          z.minLength(1, { error: `请填写${label}` }),
          z.maxLength(max, { error: `「${label}」不能超过 ${max} 个字` }),
        ),
    )
    .check(z.meta({ title: label }));

const version = z.number({ error: '缺少版本号，请刷新页面后重试' }).check(z.int(), z.gte(1, { error: '版本号不正确' }));

export const WarningKindParams = z.object({
  kind: z.enum(WARNING_KIND_CODES, { error: '预警类型不正确' }).check(z.meta({ title: '预警类型' })),
});

export const WarningRefParams = z.object({
  warningRef: z
    .string({ error: '预警编号不正确' })
    .check(z.regex(WARNING_REF_PATTERN, { error: '预警编号不正确' }), z.meta({ title: '预警编号' })),
});

/**
 * A list's filters (the seed's 行政区划, 企业名称, 人员姓名, 证件编号, and the 预警状态 the 首页's counts open). The category
 * is the platform's unless named; one the account lacks is a 403.
 */
export const WarningListQuery = z
  .object({
    category: z
      .optional(z.enum(CATEGORY_CODES, { error: '「物品类别」不是可选的值' }))
      .check(z.meta({ title: '物品类别' })),
    /** 行政区划: a region code within the caller's jurisdiction (prefix); default: the whole jurisdiction. */
    region: z
      .optional(z.string().check(z.regex(/^35(\d{2}){0,2}$/, { error: '「行政区划」应为福建省的区划代码' })))
      .check(z.meta({ title: '行政区划' })),
    enterpriseName: optionalText('企业名称', 50),
    personName: optionalText('人员姓名', 20),
    certificateNumber: optionalText('证件编号', 50),
    grade: z
      .optional(z.enum(WARNING_GRADE_CODES, { error: '「预警状态」不是可选的值' }))
      .check(z.meta({ title: '预警状态' })),
    flowType: z
      .optional(z.enum(FLOW_WARNING_TYPE_CODES, { error: '「预警类型」不是可选的值' }))
      .check(z.meta({ title: '预警类型' })),
    ...pageQueryFields({ max: 50, fallback: 10 }),
  })
  .check(z.meta({ id: 'WarningListQuery' }));
export type WarningListQuery = z.output<typeof WarningListQuery>;

/** One row of a list: the columns of its kind (absent where they don't apply). */
const listFields = {
  warningId: z.string(),
  /** The id as the item routes take it (`warningRefOf`). */
  ref: z.string(),
  kind: z.enum(WARNING_KIND_CODES),
  grade: z.enum(WARNING_GRADE_CODES),
  flowType: z.optional(z.enum(FLOW_WARNING_TYPE_CODES)),
  regionCode: z.string(),
  regionName: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  /** The day the grade counts from: the certificate's 有效截止日期, the hazard's 整改期限. */
  dueDate: z.optional(z.string()),
  /** 产生预警日期 (ISO instant). */
  raisedAt: z.string(),
  /** 证书类型 / 证件类型, by name. */
  certificateType: z.optional(z.string()),
  certificateNumber: z.optional(z.string()),
  issuer: z.optional(z.string()),
  validFrom: z.optional(z.string()),
  validTo: z.optional(z.string()),
  personName: z.optional(z.string()),
  hazardDescription: z.optional(z.string()),
  warehouseName: z.optional(z.string()),
  productName: z.optional(z.string()),
  systemQuantity: z.optional(z.number()),
  actualQuantity: z.optional(z.number()),
  unit: z.optional(z.string()),
  version: z.number(),
};

export const WarningListItem = z.object(listFields).check(z.meta({ id: 'WarningListItem' }));
export type WarningListItem = z.infer<typeof WarningListItem>;

export const WarningPage = z
  .object({
    items: z.array(WarningListItem),
    cursor: z.nullable(z.string()),
    /** 总共 N 条记录 from the warning counters; null when a text filter makes it unknown. */
    total: z.nullable(z.number().check(z.int())),
  })
  .check(z.meta({ id: 'WarningPage' }));
export type WarningPage = z.infer<typeof WarningPage>;

const actor = z.object({ accountId: z.string(), name: z.string() });

export const WARNING_STEP_NAMES = {
  raised: '产生预警',
  regraded: '预警等级变化',
  cleared: '预警消除',
  closed: '关闭预警',
} as const;

export const WarningStepView = z
  .object({
    step: z.enum(['raised', 'regraded', 'cleared', 'closed']),
    at: z.string(),
    grade: z.optional(z.enum(WARNING_GRADE_CODES)),
    reason: z.optional(z.string()),
    by: z.optional(actor),
  })
  .check(z.meta({ id: 'WarningStepView' }));
export type WarningStepView = z.infer<typeof WarningStepView>;

export const WarningDetail = z
  .object({
    ...listFields,
    status: z.enum(['open', 'cleared', 'closed']),
    categories: z.array(z.string()),
    clearedAt: z.optional(z.string()),
    clearedBy: z.optional(actor),
    clearReason: z.optional(z.string()),
    /** The certificate as it stands now (修改's form starts from it, at its version). */
    certificate: z.optional(z.object({ validFrom: z.string(), validTo: z.string(), version: z.number() })),
    /** 查看: raised, regraded, cleared / closed, oldest first. */
    history: z.array(WarningStepView),
    /** Whether the caller may 修改 the certificate now (licence / personnel warnings, open, an inspector). */
    canFix: z.boolean(),
    /** Whether the caller may 关闭预警 now (flow warnings, open, an inspector). */
    canClose: z.boolean(),
  })
  .check(z.meta({ id: 'WarningDetail' }));
export type WarningDetail = z.infer<typeof WarningDetail>;

const day = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .check(z.refine(isIsoDate, { error: `「${label}」应为日期，格式为 YYYY-MM-DD` }), z.meta({ title: label }));

/**
 * 修改: the certificate's 有效起始日期 / 有效截止日期 as they really are, at the version the form was opened with. The
 * end must not be before the start; whether it is still expired is the server's to say (today in China).
 */
export const CertificateFixInput = z
  .object({ validFrom: day('有效起始日期'), validTo: day('有效截止日期'), version })
  .check(
    z.superRefine((v, ctx) => {
      if (isIsoDate(v.validFrom) && isIsoDate(v.validTo) && v.validFrom > v.validTo) {
        ctx.addIssue({ code: 'custom', path: ['validTo'], message: '「有效截止日期」不能早于「有效起始日期」' });
      }
    }),
    z.meta({ id: 'CertificateFixInput' }),
  );
export type CertificateFixInput = z.output<typeof CertificateFixInput>;

/** 关闭预警: the mandatory 关闭理由, at the version of the warning the dialog showed. */
export const WarningCloseInput = z
  .object({
    reason: z
      .string({ error: '请填写关闭理由' })
      .check(
        z.trim(),
        z.minLength(2, { error: '请填写关闭理由（至少 2 个字）' }),
        z.maxLength(500, { error: '「关闭理由」不能超过 500 个字' }),
        z.meta({ title: '关闭理由' }),
      ),
    version,
  })
  .check(z.meta({ id: 'WarningCloseInput' }));
export type WarningCloseInput = z.output<typeof WarningCloseInput>;
