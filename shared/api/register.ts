/**
 * Contracts of the register (单位信息管理): a regulator's unit list per category × segment, within their
 * jurisdiction, with the seed's columns and filters.
 */
import * as z from 'zod/mini';
import { pageQueryFields } from './paging';
import { CATEGORY_CODES } from '../reference/categories';
import { REGISTRATION_STATUS_CODES } from '../reference/enterprise-options';
import { Enterprise, Licence } from '../domain/register';

export const UnitListParams = z.object({
  category: z.enum(CATEGORY_CODES, { error: '物品类别不正确' }),
  segment: z.string().check(z.regex(/^[a-z][a-z-]{1,30}$/, { error: '环节不正确' })),
});

export const UnitListQuery = z
  .object({
    /** 行政区划: a region code within the caller's jurisdiction (prefix); default: the whole jurisdiction. */
    region: z
      .optional(z.string().check(z.regex(/^35(\d{2}){0,2}$/, { error: '「行政区划」应为福建省的区划代码' })))
      .check(z.meta({ title: '行政区划' })),
    name: z
      .optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(50, { error: '「单位名称」不能超过 50 个字' })))
      .check(z.meta({ title: '单位名称' })),
    creditCode: z
      .optional(z.string().check(z.trim(), z.toUpperCase(), z.maxLength(18, { error: '「统一社会信用代码」为 18 位' })))
      .check(z.meta({ title: '统一社会信用代码' })),
    status: z
      .optional(z.enum(REGISTRATION_STATUS_CODES, { error: '「登记状态」不是可选的值' }))
      .check(z.meta({ title: '登记状态' })),
    ...pageQueryFields({ max: 100, fallback: 10 }),
    /** desc: read the index backwards, from its end (the pager's 末页); the rows come last first. */
    order: z
      ._default(z.enum(['asc', 'desc'], { error: '「排序」应为 asc 或 desc' }), 'asc')
      .check(z.meta({ title: '排序' })),
  })
  .check(z.meta({ id: 'UnitListQuery' }));

export const UnitListItem = z
  .object({
    enterpriseId: z.string(),
    regionCode: z.string(),
    regionName: z.string(),
    name: z.string(),
    creditCode: z.optional(z.string()),
    registrationStatus: z.string(),
    licenceNumber: z.optional(z.string()),
    unitType: z.optional(z.string()),
    legalRepresentative: z.optional(z.string()),
    phone: z.optional(z.string()),
    staffCount: z.number().check(z.int()),
    /** Expiry of the segment's licence: the 预警 column marks it when expired or within 30 days. */
    licenceValidTo: z.optional(z.string()),
  })
  .check(z.meta({ id: 'UnitListItem' }));

export const UnitListPage = z
  .object({
    items: z.array(UnitListItem),
    cursor: z.nullable(z.string()),
    /** 总共 N 条记录 from the live counters; null when a name or code filter makes it unknown. */
    total: z.nullable(z.number().check(z.int())),
  })
  .check(z.meta({ id: 'UnitListPage' }));

// ---------------------------------------------------------------------------------------------------------
// Detail view, change requests (新增企业 / 删除企业 / 企业信息纠错 / 证书信息纠正) and their review.
// ---------------------------------------------------------------------------------------------------------

const id = (label: string, prefix: string) =>
  z
    .string({ error: `${label}不正确` })
    .check(z.regex(new RegExp(`^${prefix}[\\w-]{1,60}$`), { error: `${label}不正确` }), z.meta({ title: label }));

export const EnterpriseIdParams = z.object({ enterpriseId: id('企业编号', 'ent-') });
export const ChangeRequestIdParams = z.object({ requestId: id('申请编号', 'chg-') });

const attachmentIds = z
  .optional(
    z.array(id('附件编号', 'att-'), { error: '附件格式不正确' }).check(z.maxLength(5, { error: '附件不能超过5个' })),
  )
  .check(z.meta({ title: '营业执照附件' }));

const version = (label = '版本号') =>
  z.number({ error: `缺少${label}，请刷新页面后重试` }).check(z.int(), z.gte(1, { error: `${label}不正确` }));

const opt = z.optional(z.string());
const segmentRefs = z.array(z.object({ category: z.string(), segment: z.string() }));

/**
 * The register entry as a regulator or its own enterprise sees it. Looser than the form (`Enterprise`):
 * entries that came from the old systems or a self-registration may lack fields the form now requires.
 */
export const EnterpriseView = z
  .object({
    enterpriseId: z.string(),
    name: z.string(),
    regionCode: z.string(),
    regionName: z.string(),
    unitType: opt,
    registrationStatus: z.string(),
    registrationNo: opt,
    creditCode: opt,
    registeredCapital: z.optional(z.number()),
    legalRepresentative: opt,
    phone: opt,
    registeredOn: opt,
    approvedOn: opt,
    businessTermFrom: opt,
    businessTermTo: opt,
    registrationAuthority: opt,
    address: opt,
    businessScope: opt,
    segments: segmentRefs,
    staffCount: z.number().check(z.int()),
    removed: z.boolean(),
    version: z.number().check(z.int()),
    attachmentIds: z.optional(z.array(z.string())),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .check(z.meta({ id: 'EnterpriseView' }));
export type EnterpriseView = z.infer<typeof EnterpriseView>;

export const LicenceView = z
  .object({
    licenceId: z.string(),
    category: z.string(),
    segment: z.string(),
    licenceName: z.string(),
    number: z.string(),
    issuer: z.string(),
    validFrom: z.string(),
    validTo: z.string(),
    scope: opt,
    version: z.number().check(z.int()),
  })
  .check(z.meta({ id: 'LicenceView' }));
export type LicenceView = z.infer<typeof LicenceView>;

export const ProductView = z
  .object({ productId: z.string(), category: z.string(), name: z.string(), createdAt: z.string() })
  .check(z.meta({ id: 'ProductView' }));

/** 查看: the enterprise with its licences and products (staff and history page separately). */
export const EnterpriseDetail = z
  .object({
    enterprise: EnterpriseView,
    licences: z.array(LicenceView),
    products: z.array(ProductView),
    /** A change request of this enterprise waiting for review, if any. */
    pendingRequestId: z.optional(z.string()),
  })
  .check(z.meta({ id: 'EnterpriseDetail' }));
export type EnterpriseDetail = z.infer<typeof EnterpriseDetail>;

export const PageQuery = z.object(pageQueryFields({ max: 100, fallback: 10 }));

export const PersonView = z
  .object({
    personId: z.string(),
    enterpriseId: z.string(),
    name: z.string(),
    idCardNo: z.string(),
    gender: opt,
    mobile: opt,
    position: opt,
    certificates: z.array(
      z.object({
        type: z.string(),
        number: z.string(),
        issuer: z.string(),
        validFrom: z.string(),
        validTo: z.string(),
      }),
    ),
    earliestCertValidTo: opt,
    version: z.number().check(z.int()),
  })
  .check(z.meta({ id: 'PersonView' }));
export type PersonView = z.infer<typeof PersonView>;

export const PersonPage = z
  .object({ items: z.array(PersonView), cursor: z.nullable(z.string()), total: z.number().check(z.int()) })
  .check(z.meta({ id: 'PersonPage' }));

/** 新增企业 / 删除企业 / 企业信息纠错 / 证书信息纠正. */
export const ChangeRequestInput = z
  .discriminatedUnion(
    'kind',
    [
      z.object({
        kind: z.literal('create'),
        /** The sub-platform it was filed from: its 审核人员 decide. */
        category: z.enum(CATEGORY_CODES, { error: '物品类别不正确' }),
        enterprise: Enterprise,
        attachmentIds,
      }),
      z.object({
        kind: z.literal('remove'),
        category: z.enum(CATEGORY_CODES, { error: '物品类别不正确' }),
        enterpriseId: id('企业编号', 'ent-'),
        baseVersion: version(),
        reason: z
          .string({ error: '请输入删除该企业的原因' })
          .check(
            z.trim(),
            z.minLength(2, { error: '请输入删除该企业的原因' }),
            z.maxLength(200, { error: '删除原因不能超过200个字' }),
          ),
      }),
      z.object({
        kind: z.literal('correct'),
        /** The sub-platform (regulator); absent for an enterprise's own correction (all its categories). */
        category: z.optional(z.enum(CATEGORY_CODES, { error: '物品类别不正确' })),
        enterpriseId: id('企业编号', 'ent-'),
        baseVersion: version(),
        enterprise: Enterprise,
        attachmentIds,
      }),
      z.object({
        kind: z.literal('correct-licence'),
        enterpriseId: id('企业编号', 'ent-'),
        licenceId: z.string().check(z.minLength(1), z.maxLength(80, { error: '证书编号不正确' })),
        baseVersion: version(),
        licence: Licence,
      }),
    ],
    { error: '请求类型不正确' },
  )
  .check(z.meta({ id: 'ChangeRequestInput' }));
export type ChangeRequestInput = z.infer<typeof ChangeRequestInput>;

export const CHANGE_KIND_NAMES = {
  create: '新增企业',
  remove: '删除企业',
  correct: '企业信息纠错',
  'correct-licence': '证书信息纠正',
} as const;
export const CHANGE_STATUS_NAMES = { pending: '待审核', approved: '已同意', rejected: '已拒绝' } as const;

/** The seed's messages after 保存. */
export const CHANGE_SUBMITTED_MESSAGES = {
  create: '您新增的企业信息已提交审核，审核通过后会展示该企业，请耐心等待！',
  remove: '删除企业的申请已提交审核，审核通过后该企业将会从系统中删除。',
  correct: '企业信息纠错需审核通过才能显示，请耐心等待！',
  'correct-licence': '证书信息纠正需审核通过才能显示，请耐心等待！',
} as const;

export const ChangeRequestSubmitted = z
  .object({
    requestId: z.string(),
    enterpriseId: z.string(),
    status: z.literal('pending'),
    message: z.string(),
  })
  .check(z.meta({ id: 'ChangeRequestSubmitted' }));

/** One changed field: label as the form shows it, values as displayed text. */
export const FieldChange = z
  .object({ field: z.string(), label: z.string(), before: z.nullable(z.string()), after: z.nullable(z.string()) })
  .check(z.meta({ id: 'FieldChange' }));
export type FieldChange = z.infer<typeof FieldChange>;

export const ChangeRequestView = z
  .object({
    requestId: z.string(),
    kind: z.enum(['create', 'remove', 'correct', 'correct-licence']),
    status: z.enum(['pending', 'approved', 'rejected']),
    enterpriseId: z.string(),
    enterpriseName: z.string(),
    regionCode: z.string(),
    regionName: z.string(),
    categories: z.array(z.string()),
    licenceId: z.optional(z.string()),
    /** 证书信息纠正: which certificate, as it was before the change (its name and number). */
    licence: z.optional(z.object({ name: z.string(), number: z.string() })),
    reason: z.optional(z.string()),
    requesterKind: z.enum(['regulator', 'enterprise']),
    requesterName: z.string(),
    submittedAt: z.string(),
    decidedAt: z.optional(z.string()),
    decidedByName: z.optional(z.string()),
    decisionReason: z.optional(z.string()),
    attachmentIds: z.optional(z.array(z.string())),
    /** Before/after, field by field (only changed fields for 纠错; every filled field for 新增/删除). */
    changes: z.array(FieldChange),
    version: z.number().check(z.int()),
  })
  .check(z.meta({ id: 'ChangeRequestView' }));
export type ChangeRequestView = z.infer<typeof ChangeRequestView>;

export const ChangeRequestQueueQuery = z
  .extend(PageQuery, {
    status: z._default(z.enum(['pending', 'approved', 'rejected'], { error: '状态不正确' }), 'pending'),
    category: z.optional(z.enum(CATEGORY_CODES, { error: '物品类别不正确' })),
  })
  .check(z.meta({ id: 'ChangeRequestQueueQuery' }));

export const ChangeRequestPage = z
  .object({ items: z.array(ChangeRequestView), cursor: z.nullable(z.string()) })
  .check(z.meta({ id: 'ChangeRequestPage' }));

export const ChangeDecisionInput = z
  .object({ version: z.optional(version('申请版本号')) })
  .check(z.meta({ id: 'ChangeDecisionInput' }));

export const ChangeRejectInput = z
  .object({
    reason: z
      .string({ error: '请填写拒绝原因' })
      .check(
        z.trim(),
        z.minLength(2, { error: '请填写拒绝原因' }),
        z.maxLength(200, { error: '拒绝原因不能超过200个字' }),
      ),
  })
  .check(z.meta({ id: 'ChangeRejectInput' }));

export const ChangeDecision = z
  .object({ requestId: z.string(), status: z.enum(['approved', 'rejected']), enterpriseId: z.string() })
  .check(z.meta({ id: 'ChangeDecision' }));
