/**
 * Contracts of the register (单位信息管理): a regulator's unit list per category × segment, within their
 * jurisdiction, with the seed's columns and filters.
 */
import { z } from 'zod';
import { CATEGORY_CODES } from '../reference/categories';
import { REGISTRATION_STATUS_CODES } from '../reference/enterprise-options';
import { Enterprise, Licence } from '../domain/register';

export const UnitListParams = z.object({
  category: z.enum(CATEGORY_CODES, { error: '物品类别不正确' }),
  segment: z.string().regex(/^[a-z][a-z-]{1,30}$/, { error: '环节不正确' }),
});

export const UnitListQuery = z
  .object({
    /** 行政区划: a region code within the caller's jurisdiction (prefix); default: the whole jurisdiction. */
    region: z
      .string()
      .regex(/^35(\d{2}){0,2}$/, { error: '「行政区划」应为福建省的区划代码' })
      .optional()
      .meta({ title: '行政区划' }),
    name: z
      .string()
      .trim()
      .min(1)
      .max(50, { error: '「单位名称」不能超过 50 个字' })
      .optional()
      .meta({ title: '单位名称' }),
    creditCode: z
      .string()
      .trim()
      .toUpperCase()
      .max(18, { error: '「统一社会信用代码」为 18 位' })
      .optional()
      .meta({ title: '统一社会信用代码' }),
    status: z
      .enum(REGISTRATION_STATUS_CODES, { error: '「登记状态」不是可选的值' })
      .optional()
      .meta({ title: '登记状态' }),
    cursor: z.string().max(2048, { error: '翻页标记无效，请重新查询' }).optional(),
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .max(100, { error: '每页最多 100 条' })
      .default(10)
      .meta({ title: '每页条数' }),
    /** desc: read the index backwards, from its end (the pager's 末页); the rows come last first. */
    order: z.enum(['asc', 'desc'], { error: '「排序」应为 asc 或 desc' }).default('asc').meta({ title: '排序' }),
  })
  .meta({ id: 'UnitListQuery' });

export const UnitListItem = z
  .object({
    enterpriseId: z.string(),
    regionCode: z.string(),
    regionName: z.string(),
    name: z.string(),
    creditCode: z.string().optional(),
    registrationStatus: z.string(),
    licenceNumber: z.string().optional(),
    unitType: z.string().optional(),
    legalRepresentative: z.string().optional(),
    phone: z.string().optional(),
    staffCount: z.number().int(),
    /** Expiry of the segment's licence: the 预警 column marks it when expired or within 30 days. */
    licenceValidTo: z.string().optional(),
  })
  .meta({ id: 'UnitListItem' });

export const UnitListPage = z
  .object({
    items: z.array(UnitListItem),
    cursor: z.string().nullable(),
    /** 总共 N 条记录 from the live counters; null when a name or code filter makes it unknown. */
    total: z.number().int().nullable(),
  })
  .meta({ id: 'UnitListPage' });

// ---------------------------------------------------------------------------------------------------------
// Detail view, change requests (新增企业 / 删除企业 / 企业信息纠错 / 证书信息纠正) and their review.
// ---------------------------------------------------------------------------------------------------------

const id = (label: string, prefix: string) =>
  z
    .string({ error: `${label}不正确` })
    .regex(new RegExp(`^${prefix}[\\w-]{1,60}$`), { error: `${label}不正确` })
    .meta({ title: label });

export const EnterpriseIdParams = z.object({ enterpriseId: id('企业编号', 'ent-') });
export const ChangeRequestIdParams = z.object({ requestId: id('申请编号', 'chg-') });

const attachmentIds = z
  .array(id('附件编号', 'att-'), { error: '附件格式不正确' })
  .max(5, { error: '附件不能超过5个' })
  .optional()
  .meta({ title: '营业执照附件' });

const version = (label = '版本号') =>
  z
    .number({ error: `缺少${label}，请刷新页面后重试` })
    .int()
    .min(1, { error: `${label}不正确` });

const opt = z.string().optional();
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
    registeredCapital: z.number().optional(),
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
    staffCount: z.number().int(),
    removed: z.boolean(),
    version: z.number().int(),
    attachmentIds: z.array(z.string()).optional(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'EnterpriseView' });
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
    version: z.number().int(),
  })
  .meta({ id: 'LicenceView' });
export type LicenceView = z.infer<typeof LicenceView>;

export const ProductView = z
  .object({ productId: z.string(), category: z.string(), name: z.string(), createdAt: z.string() })
  .meta({ id: 'ProductView' });

/** 查看: the enterprise with its licences and products (staff and history page separately). */
export const EnterpriseDetail = z
  .object({
    enterprise: EnterpriseView,
    licences: z.array(LicenceView),
    products: z.array(ProductView),
    /** A change request of this enterprise waiting for review, if any. */
    pendingRequestId: z.string().optional(),
  })
  .meta({ id: 'EnterpriseDetail' });
export type EnterpriseDetail = z.infer<typeof EnterpriseDetail>;

export const PageQuery = z.object({
  cursor: z.string().max(2048, { error: '翻页标记无效，请重新查询' }).optional(),
  limit: z.coerce.number().int().min(1).max(100, { error: '每页最多 100 条' }).default(10).meta({ title: '每页条数' }),
});

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
    version: z.number().int(),
  })
  .meta({ id: 'PersonView' });
export type PersonView = z.infer<typeof PersonView>;

export const PersonPage = z
  .object({ items: z.array(PersonView), cursor: z.string().nullable(), total: z.number().int() })
  .meta({ id: 'PersonPage' });

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
          .trim()
          .min(2, { error: '请输入删除该企业的原因' })
          .max(200, { error: '删除原因不能超过200个字' }),
      }),
      z.object({
        kind: z.literal('correct'),
        /** The sub-platform (regulator); absent for an enterprise's own correction (all its categories). */
        category: z.enum(CATEGORY_CODES, { error: '物品类别不正确' }).optional(),
        enterpriseId: id('企业编号', 'ent-'),
        baseVersion: version(),
        enterprise: Enterprise,
        attachmentIds,
      }),
      z.object({
        kind: z.literal('correct-licence'),
        enterpriseId: id('企业编号', 'ent-'),
        licenceId: z.string().min(1).max(80, { error: '证书编号不正确' }),
        baseVersion: version(),
        licence: Licence,
      }),
    ],
    { error: '请求类型不正确' },
  )
  .meta({ id: 'ChangeRequestInput' });
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
  .meta({ id: 'ChangeRequestSubmitted' });

/** One changed field: label as the form shows it, values as displayed text. */
export const FieldChange = z
  .object({ field: z.string(), label: z.string(), before: z.string().nullable(), after: z.string().nullable() })
  .meta({ id: 'FieldChange' });
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
    licenceId: z.string().optional(),
    /** 证书信息纠正: which certificate, as it was before the change (its name and number). */
    licence: z.object({ name: z.string(), number: z.string() }).optional(),
    reason: z.string().optional(),
    requesterKind: z.enum(['regulator', 'enterprise']),
    requesterName: z.string(),
    submittedAt: z.string(),
    decidedAt: z.string().optional(),
    decidedByName: z.string().optional(),
    decisionReason: z.string().optional(),
    attachmentIds: z.array(z.string()).optional(),
    /** Before/after, field by field (only changed fields for 纠错; every filled field for 新增/删除). */
    changes: z.array(FieldChange),
    version: z.number().int(),
  })
  .meta({ id: 'ChangeRequestView' });
export type ChangeRequestView = z.infer<typeof ChangeRequestView>;

export const ChangeRequestQueueQuery = PageQuery.extend({
  status: z.enum(['pending', 'approved', 'rejected'], { error: '状态不正确' }).default('pending'),
  category: z.enum(CATEGORY_CODES, { error: '物品类别不正确' }).optional(),
}).meta({ id: 'ChangeRequestQueueQuery' });

export const ChangeRequestPage = z
  .object({ items: z.array(ChangeRequestView), cursor: z.string().nullable() })
  .meta({ id: 'ChangeRequestPage' });

export const ChangeDecisionInput = z
  .object({ version: version('申请版本号').optional() })
  .meta({ id: 'ChangeDecisionInput' });

export const ChangeRejectInput = z
  .object({
    reason: z
      .string({ error: '请填写拒绝原因' })
      .trim()
      .min(2, { error: '请填写拒绝原因' })
      .max(200, { error: '拒绝原因不能超过200个字' }),
  })
  .meta({ id: 'ChangeRejectInput' });

export const ChangeDecision = z
  .object({ requestId: z.string(), status: z.enum(['approved', 'rejected']), enterpriseId: z.string() })
  .meta({ id: 'ChangeDecision' });
