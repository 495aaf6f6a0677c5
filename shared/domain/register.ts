import * as z from 'zod/mini';
import { CATEGORY_CODES } from '../reference/categories';
import { CERTIFICATE_TYPE_CODES } from '../reference/certificates';
import { REGISTRATION_STATUS_CODES, UNIT_TYPE_CODES } from '../reference/enterprise-options';
import { findRegion } from '../reference/regions';
import { isSegment, segmentKey } from '../reference/segments';
import { idCardGender, idCardSchema, isValidIdCard } from '../validation/idcard';
import { mobileSchema, phoneSchema } from '../validation/phone';
import { registrationNoSchema } from '../validation/registration-no';
import { usccSchema } from '../validation/uscc';

/**
 * The enterprise register as the seed's 新增企业 / 企业信息纠错 form has it, plus the licences (企业证书)
 * and 从业人员 with their certificates. The API validates with these and the web forms are driven by them,
 * so every constraint carries a Chinese message the user can act on, and every string a length limit
 * (nothing unbounded reaches DynamoDB's 400 KB item limit or a list cell).
 * Each entity has a plain object schema (`…Fields`, for .partial()/.pick() in edit forms) and the full
 * schema with its cross-field rules.
 */

type Ctx = z.core.$RefinementCtx;

function requiredText(label: string, max: number) {
  return z
    .string({ error: (iss) => (iss.input === undefined || iss.input === null ? `请填写${label}` : `${label}应为文字`) })
    .check(
      z.trim(),
      z.minLength(1, { error: `请填写${label}` }),
      z.maxLength(max, { error: `${label}不能超过${max}个字` }),
    );
}

function optionalText(label: string, max: number) {
  return z.optional(
    z.string({ error: `${label}应为文字` }).check(z.trim(), z.maxLength(max, { error: `${label}不能超过${max}个字` })),
  );
}

function isoDate(label: string) {
  return z.iso.date({ error: `${label}应为有效日期，格式如2017-09-18` });
}

/** Adds an issue on `field` when both dates are present and `to` is before `from`. */
function notBefore(ctx: Ctx, from: string | undefined, to: string | undefined, field: string, message: string) {
  if (from !== undefined && to !== undefined && to < from) ctx.addIssue({ code: 'custom', path: [field], message });
}

/** A (category, segment) pair: the 从业环节 the registration page asks for. */
export const SegmentRefFields = z.object({
  category: z.enum(CATEGORY_CODES, { error: '请选择物品类别' }),
  segment: z
    .string({ error: '请选择从业环节' })
    .check(z.minLength(1, { error: '请选择从业环节' }), z.maxLength(40, { error: '从业环节不能超过40个字符' })),
});

function segmentRule(v: { category: string; segment: string }, ctx: Ctx) {
  if (!isSegment(v.category, v.segment)) {
    ctx.addIssue({
      code: 'custom',
      path: ['segment'],
      message: `从业环节「${v.segment}」不属于所选物品类别，请重新选择`,
    });
  }
}

export const SegmentRef = SegmentRefFields.check(z.superRefine(segmentRule), z.meta({ id: 'SegmentRef' }));
export type SegmentRef = z.infer<typeof SegmentRef>;

/** 行政区划: a Fujian city or county code ('3505', '350503'); the province alone is too coarse for a unit. */
export const enterpriseRegionCode = z.string({ error: '请选择行政区划' }).check(
  z.trim(),
  z.minLength(1, { error: '请选择行政区划' }),
  z.maxLength(6, { error: '行政区划代码不能超过6位' }),
  z.superRefine((code, ctx) => {
    const r = findRegion(code);
    if (!r) ctx.addIssue({ code: 'custom', message: `行政区划「${code}」不是福建省的行政区划代码` });
    else if (r.level === 'province') ctx.addIssue({ code: 'custom', message: '行政区划请选择到市或县（区）' });
  }),
);

export const EnterpriseFields = z.object({
  name: requiredText('单位名称', 100),
  regionCode: enterpriseRegionCode,
  unitType: z.enum(UNIT_TYPE_CODES, { error: '请选择单位类型' }),
  registrationStatus: z.enum(REGISTRATION_STATUS_CODES, { error: '请选择登记状态' }),
  /** 工商注册号 of units registered before 三证合一. */
  registrationNo: z.optional(registrationNoSchema),
  creditCode: z.optional(usccSchema),
  /** 万人民币. */
  registeredCapital: z.optional(
    z
      .number({ error: '注册资本应为数字（单位：万人民币）' })
      .check(
        z.nonnegative({ error: '注册资本不能为负数' }),
        z.lte(100_000_000, { error: '注册资本不能超过100000000万人民币' }),
      ),
  ),
  legalRepresentative: requiredText('法定代表人(责任人)', 30),
  phone: z.optional(phoneSchema),
  registeredOn: z.optional(isoDate('注册时间')),
  approvedOn: z.optional(isoDate('核准日期')),
  businessTermFrom: z.optional(isoDate('经营期限自')),
  /** Absent = 长期 (no end date). */
  businessTermTo: z.optional(isoDate('经营期限至')),
  registrationAuthority: optionalText('登记机关', 60),
  address: requiredText('(住所)营业场所', 200),
  businessScope: optionalText('经营范围', 2000),
  segments: z
    .array(SegmentRef, { error: '请选择从业环节' })
    .check(z.minLength(1, { error: '请至少选择一个从业环节' }), z.maxLength(8, { error: '从业环节不能超过8个' })),
});

/** Neither code given (a rule across two fields, so the web's form also checks it before the others pass). */
export const CODE_REQUIRED = '请填写统一社会信用代码；尚未三证合一的单位请填写注册号';

function enterpriseRules(e: z.infer<typeof EnterpriseFields>, ctx: Ctx) {
  if (e.creditCode === undefined && e.registrationNo === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['creditCode'],
      message: CODE_REQUIRED,
    });
  }
  notBefore(ctx, e.businessTermFrom, e.businessTermTo, 'businessTermTo', '经营期限至不能早于经营期限自');
  notBefore(ctx, e.registeredOn, e.approvedOn, 'approvedOn', '核准日期不能早于注册时间');
  const seen = new Set<string>();
  e.segments.forEach((s, i) => {
    const key = segmentKey(s.category, s.segment);
    if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['segments', i], message: '从业环节重复，请删除重复项' });
    seen.add(key);
  });
}

export const Enterprise = EnterpriseFields.check(z.superRefine(enterpriseRules), z.meta({ id: 'Enterprise' }));
export type Enterprise = z.infer<typeof Enterprise>;

/** 企业证书: the licence of one segment (the list column, 企业资质预警). */
export const LicenceFields = z.object({
  ...SegmentRefFields.shape,
  licenceName: requiredText('证书名称', 60),
  number: requiredText('证书编号', 60),
  issuer: requiredText('发证机关', 60),
  validFrom: isoDate('有效起始日期'),
  validTo: isoDate('有效截止日期'),
  /** 从业范围. */
  scope: optionalText('从业范围', 500),
});

export const Licence = LicenceFields.check(
  z.superRefine((l, ctx) => {
    segmentRule(l, ctx);
    notBefore(ctx, l.validFrom, l.validTo, 'validTo', '有效截止日期不能早于有效起始日期');
  }),
  z.meta({ id: 'Licence' }),
);
export type Licence = z.infer<typeof Licence>;

export const GENDERS = [
  { code: 'male', name: '男' },
  { code: 'female', name: '女' },
] as const;
export type Gender = (typeof GENDERS)[number]['code'];

/** A 从业人员's certificate (人员资质预警 watches validTo). */
export const CertificateFields = z.object({
  type: z.enum(CERTIFICATE_TYPE_CODES, { error: '请选择证件类型' }),
  number: requiredText('证件编号', 50),
  issuer: requiredText('发证机关', 60),
  validFrom: isoDate('有效起始日期'),
  validTo: isoDate('有效截止日期'),
});

export const Certificate = CertificateFields.check(
  z.superRefine((c, ctx) => {
    notBefore(ctx, c.validFrom, c.validTo, 'validTo', '有效截止日期不能早于有效起始日期');
  }),
  z.meta({ id: 'Certificate' }),
);
export type Certificate = z.infer<typeof Certificate>;

/** 从业人员. */
export const PersonFields = z.object({
  name: requiredText('姓名', 30),
  idCardNo: idCardSchema,
  gender: z.enum(['male', 'female'], { error: '请选择性别' }),
  mobile: mobileSchema,
  /** 岗位: 爆破员, 驾驶员, 押运员, 安全管理人员 … */
  position: requiredText('岗位', 30),
  certificates: z
    .array(Certificate, { error: '证件信息格式不正确' })
    .check(z.maxLength(20, { error: '证件不能超过20个' })),
});

export const Person = PersonFields.check(
  z.superRefine((p, ctx) => {
    // The 17th digit of a 身份证号 encodes the holder's sex: a mismatch means one of the two is mistyped.
    if (isValidIdCard(p.idCardNo) && idCardGender(p.idCardNo) !== p.gender) {
      ctx.addIssue({ code: 'custom', path: ['gender'], message: '性别与身份证号不符，请核对' });
    }
  }),
  z.meta({ id: 'Person' }),
);
export type Person = z.infer<typeof Person>;
