/**
 * Contracts of enterprise self-registration (the seed's 立即注册 → 账号注册 / 账户审核 / 注册完成) and of its
 * review by the 审核人员 of the matching category and jurisdiction.
 */
import * as z from 'zod/mini';
import { pageQueryFields } from './paging';
import { SegmentRef, enterpriseRegionCode } from '../domain/register';
import { CATEGORY_CODES } from '../reference/categories';
import { idCardSchema } from '../validation/idcard';
import { mobileSchema, phoneSchema } from '../validation/phone';
import { PASSWORD_MAX_LENGTH } from '../auth/password-policy';

const text = (title: string, max: number) =>
  z
    .string({ error: `请填写${title}` })
    .check(
      z.trim(),
      z.minLength(1, { error: `请填写${title}` }),
      z.maxLength(max, { error: `${title}不能超过 ${max} 个字` }),
      z.meta({ title }),
    );

export const RegistrationLookupQuery = z
  .object({
    code: z
      .string()
      .check(
        z.trim(),
        z.minLength(1, { error: '请输入统一社会信用代码或注册号' }),
        z.maxLength(20),
        z.meta({ title: '统一社会信用代码/注册号' }),
      ),
  })
  .check(z.meta({ id: 'RegistrationLookupQuery' }));

export const RegistrationLookupResponse = z
  .object({
    /** On the register already: the applicant claims it. */
    found: z.boolean(),
    name: z.optional(z.string()),
    regionCode: z.optional(z.string()),
    /** An account already exists for it: log in instead. */
    alreadyRegistered: z.boolean(),
    /** An application for it is waiting for review. */
    pending: z.boolean(),
  })
  .check(z.meta({ id: 'RegistrationLookupResponse' }));

export const NewUnitFields = z.object({
  name: text('单位名称', 100),
  address: text('(住所)营业场所', 200),
  legalRepresentative: text('法定代表人(责任人)', 30),
  phone: phoneSchema.check(z.meta({ title: '联系电话' })),
});

export const RegistrationRequest = z
  .object({
    /** 有营业执照企业/事业单位 (true) or 无营业执照分支机构/个体商户 (false). */
    hasLicence: z.boolean({ error: '请选择注册的企业类型' }),
    /** 统一社会信用代码 or 注册号 (with a licence). */
    code: z
      .optional(z.string().check(z.trim(), z.toUpperCase(), z.maxLength(20)))
      .check(z.meta({ title: '统一社会信用代码/注册号' })),
    /** The unit's details, when it is not on the register yet (always without a licence). */
    unit: z.optional(NewUnitFields),
    regionCode: enterpriseRegionCode.check(z.meta({ title: '企业行政区划' })),
    segments: z
      .array(SegmentRef)
      .check(z.minLength(1, { error: '请至少选择一个从业环节' }), z.maxLength(20, { error: '从业环节不能超过20个' })),
    informant: z.object({
      name: text('信息员姓名', 30),
      idCardNo: idCardSchema.check(z.meta({ title: '信息员身份证号' })),
      mobile: mobileSchema.check(z.meta({ title: '信息员手机号' })),
    }),
    password: z
      .string()
      .check(
        z.minLength(1, { error: '请设置登录密码' }),
        z.maxLength(PASSWORD_MAX_LENGTH * 2),
        z.meta({ title: '登录密码' }),
      ),
    declaration: z.literal(true, { error: '请确认“资料真实合法，如有不符，愿承担责任！”' }),
    captchaId: z.string().check(z.minLength(1, { error: '请刷新验证码' }), z.maxLength(64)),
    captcha: z
      .string()
      .check(z.trim(), z.minLength(1, { error: '请输入验证码' }), z.maxLength(8), z.meta({ title: '验证码' })),
  })
  .check(z.meta({ id: 'RegistrationRequest' }));
export type RegistrationRequest = z.infer<typeof RegistrationRequest>;

export const REGISTRATION_STATUSES = ['pending', 'approved', 'rejected'] as const;

export const RegistrationSubmitted = z
  .object({
    requestId: z.string(),
    status: z.literal('pending'),
    /** The account to log in with once approved. */
    login: z.string(),
    message: z.string(),
  })
  .check(z.meta({ id: 'RegistrationSubmitted' }));

export const RegistrationReviewItem = z
  .object({
    requestId: z.string(),
    status: z.enum(REGISTRATION_STATUSES),
    unitName: z.string(),
    code: z.optional(z.string()),
    hasLicence: z.boolean(),
    /** The unit is on the register already (claimed), or new. */
    onRegister: z.boolean(),
    /** A new unit's details as the applicant gave them. */
    unit: z.optional(z.partial(z.object({ address: z.string(), legalRepresentative: z.string(), phone: z.string() }))),
    regionCode: z.string(),
    regionName: z.string(),
    segments: z.array(z.object({ category: z.string(), segment: z.string() })),
    informant: z.object({ name: z.string(), mobile: z.string(), idCardNo: z.string() }),
    login: z.string(),
    submittedAt: z.string(),
    decidedAt: z.optional(z.string()),
    decidedBy: z.optional(z.string()),
    reason: z.optional(z.string()),
  })
  .check(z.meta({ id: 'RegistrationReviewItem' }));

export const RegistrationReviewQuery = z
  .object({
    status: z._default(
      z.enum(REGISTRATION_STATUSES, { error: '「状态」应为 pending、approved 或 rejected' }),
      'pending',
    ),
    category: z.optional(z.enum(CATEGORY_CODES)).check(z.meta({ title: '物品类别' })),
    ...pageQueryFields({ max: 100, fallback: 20 }),
  })
  .check(z.meta({ id: 'RegistrationReviewQuery' }));

export const RegistrationReviewPage = z
  .object({ items: z.array(RegistrationReviewItem), cursor: z.nullable(z.string()) })
  .check(z.meta({ id: 'RegistrationReviewPage' }));

export const RegistrationRejectRequest = z
  .object({ reason: text('拒绝原因', 200) })
  .check(z.meta({ id: 'RegistrationRejectRequest' }));

export const RegistrationDecision = z
  .object({ requestId: z.string(), status: z.enum(REGISTRATION_STATUSES), login: z.string() })
  .check(z.meta({ id: 'RegistrationDecision' }));
