/**
 * Contracts of the audit context (等保2.0 level 3): the 审计管理员's view of the audit trail and the check
 * of its hash chains. Validated by the API, used by the web's audit screens.
 */
import * as z from 'zod/mini';
import { pageQueryFields } from './paging';
import { isIsoDate } from '../validation/dates';

/** Number of hash chains the audit trail is spread over (functions/lib/audit/chain.ts). */
export const AUDIT_SHARD_COUNT = 16;

/** A query may cover at most this many days (both ends included). */
export const AUDIT_MAX_SPAN_DAYS = 31;
/** Without dates, the last this many days (today included). */
export const AUDIT_DEFAULT_SPAN_DAYS = 7;
export const AUDIT_PAGE_MAX = 100;
export const AUDIT_PAGE_DEFAULT = 20;

/** Dotted action codes: `auth.login`, `enterprise.change.approve`; a prefix is one or more whole segments. */
export const ACTION_PATTERN = /^[a-z][a-zA-Z0-9-]*(\.[a-z][a-zA-Z0-9-]*)*$/;
export const OBJECT_TYPE_PATTERN = /^[a-z][a-zA-Z0-9-]*$/;

export const AUDIT_OUTCOMES = ['success', 'failure', 'denied'] as const;
export const AUDIT_OUTCOME_NAMES: Record<(typeof AUDIT_OUTCOMES)[number], string> = {
  success: '成功',
  failure: '失败',
  denied: '拒绝',
};
export const AUDIT_ACTOR_KINDS = ['regulator', 'enterprise', 'anonymous', 'system'] as const;

const DAY_MS = 86_400_000;
const daySpan = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS) + 1;

const dateField = (title: string) =>
  z
    .optional(z.string().check(z.refine(isIsoDate, { error: `「${title}」应为日期，格式为 YYYY-MM-DD` })))
    .check(z.meta({ title }));

export const AuditLogQuery = z
  .object({
    from: dateField('开始日期').check(z.describe('开始日期（含），北京时间；默认为结束日期前 6 天')),
    to: dateField('结束日期').check(z.describe('结束日期（含），北京时间；默认为今天')),
    action: z
      .optional(
        z
          .string()
          .check(
            z.trim(),
            z.maxLength(64),
            z.regex(ACTION_PATTERN, { error: '「操作类型」格式不正确，例如 auth 或 auth.login' }),
          ),
      )
      .check(
        z.meta({ title: '操作类型' }),
        z.describe('操作类型前缀，按整段匹配：auth 匹配 auth.login、auth.password.change'),
      ),
    accountId: z
      .optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(128)))
      .check(z.meta({ title: '账号编号' })),
    login: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(32))).check(z.meta({ title: '登录账号' })),
    outcome: z.optional(z.enum(AUDIT_OUTCOMES, { error: '「结果」应为 success、failure 或 denied' })),
    objectType: z
      .optional(
        z.string().check(z.trim(), z.maxLength(64), z.regex(OBJECT_TYPE_PATTERN, { error: '「对象类型」格式不正确' })),
      )
      .check(z.meta({ title: '对象类型' })),
    objectId: z
      .optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(128)))
      .check(z.meta({ title: '对象编号' })),
    ...pageQueryFields({ max: AUDIT_PAGE_MAX, fallback: AUDIT_PAGE_DEFAULT }),
  })
  .check(
    z.superRefine((q, ctx) => {
      if (q.from && q.to && isIsoDate(q.from) && isIsoDate(q.to)) {
        if (q.from > q.to) ctx.addIssue({ code: 'custom', path: ['from'], message: '开始日期不能晚于结束日期' });
        else if (daySpan(q.from, q.to) > AUDIT_MAX_SPAN_DAYS) {
          ctx.addIssue({ code: 'custom', path: ['to'], message: `查询时间范围不能超过 ${AUDIT_MAX_SPAN_DAYS} 天` });
        }
      }
      if (q.accountId && q.login) {
        ctx.addIssue({ code: 'custom', path: ['login'], message: '账号编号与登录账号只能填写一项' });
      }
      if (q.objectId && !q.objectType) {
        ctx.addIssue({ code: 'custom', path: ['objectId'], message: '按对象编号查询时须同时选择对象类型' });
      }
    }),
    z.meta({ id: 'AuditLogQuery' }),
  );
export type AuditLogQuery = z.output<typeof AuditLogQuery>;

export const AuditLogItem = z
  .object({
    shard: z.number().check(z.int()),
    seq: z.number().check(z.int(), z.describe('本链内的序号，连续递增')),
    at: z.iso.datetime().check(z.describe('发生时间，UTC')),
    actor: z.object({
      kind: z.enum(AUDIT_ACTOR_KINDS),
      accountId: z.optional(z.string()),
      login: z.optional(z.string()),
      name: z.optional(z.string()),
      roles: z.optional(z.array(z.string())),
    }),
    action: z.string().check(z.describe('操作类型，如 auth.login')),
    object: z.object({ type: z.string(), id: z.optional(z.string()), label: z.optional(z.string()) }),
    outcome: z.enum(AUDIT_OUTCOMES),
    reason: z.optional(z.string()),
    sourceIp: z.string(),
    requestId: z.string(),
    details: z.optional(z.unknown()).check(z.describe('变更前后等补充信息（敏感字段已隐去）')),
    prevHash: z.string(),
    hash: z.string(),
  })
  .check(z.meta({ id: 'AuditLogItem' }));
export type AuditLogItem = z.infer<typeof AuditLogItem>;

export const AuditLogsResponse = z
  .object({
    items: z.array(AuditLogItem).check(z.describe('按时间从新到旧')),
    cursor: z.nullable(z.string()).check(z.describe('下一页的翻页标记；null 表示没有更多')),
  })
  .check(z.meta({ id: 'AuditLogsResponse' }));
export type AuditLogsResponse = z.infer<typeof AuditLogsResponse>;

export const AuditVerifyQuery = z
  .object({
    shard: z
      .optional(
        z.coerce
          .number({ error: '「链编号」应为数字' })
          .check(
            z.int({ error: '「链编号」应为整数' }),
            z.gte(0, { error: '「链编号」不能小于 0' }),
            z.lte(AUDIT_SHARD_COUNT - 1, { error: `「链编号」不能大于 ${AUDIT_SHARD_COUNT - 1}` }),
          ),
      )
      .check(z.describe('只校验这一条链；默认校验全部')),
  })
  .check(z.meta({ id: 'AuditVerifyQuery' }));
export type AuditVerifyQuery = z.output<typeof AuditVerifyQuery>;

export const AuditChainStatus = z
  .object({
    shard: z.number().check(z.int()),
    ok: z.boolean(),
    records: z.number().check(z.int(), z.describe('已校验的记录数')),
    headSeq: z.number().check(z.int(), z.describe('链头序号（已写入的最后一条）')),
    firstSeq: z.nullable(z.number().check(z.int())),
    lastSeq: z.nullable(z.number().check(z.int())),
    brokenAt: z
      .optional(
        z.object({
          seq: z.number().check(z.int()),
          problem: z.enum(['hash', 'link', 'missing', 'index', 'head', 'anchor']),
          expected: z.nullable(z.string()),
          actual: z.nullable(z.string()),
        }),
      )
      .check(
        z.describe(
          '第一处断链：hash 记录被改动，link 前后不衔接，missing 记录缺失，index 索引被移动，head 链头不符，anchor 与表外锚定的链头不符（链尾被改写）',
        ),
      ),
  })
  .check(z.meta({ id: 'AuditChainStatus' }));
export type AuditChainStatus = z.infer<typeof AuditChainStatus>;

export const AuditVerifyResponse = z
  .object({
    ok: z.boolean(),
    checkedAt: z.iso.datetime(),
    shards: z.array(AuditChainStatus),
  })
  .check(z.meta({ id: 'AuditVerifyResponse' }));
export type AuditVerifyResponse = z.infer<typeof AuditVerifyResponse>;

/** Days from `from` to `to`, both included (ISO dates). */
export const auditDaySpan = daySpan;
