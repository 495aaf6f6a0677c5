/**
 * How the register's fields are named and shown — the labels of the seed's 新增企业 / 企业信息纠错 form and
 * the 企业证书 table — in one place, for the review's before/after table (built by the API) and the screens.
 */
import {
  isRegistrationStatusCode,
  isUnitTypeCode,
  registrationStatus,
  unitType,
} from '../reference/enterprise-options';
import { findRegion, regionName } from '../reference/regions';
import { segmentLabel } from '../reference/segments';

export const ENTERPRISE_FIELD_LABELS = {
  name: '单位名称',
  regionCode: '行政区划',
  unitType: '单位类型',
  registrationStatus: '登记状态',
  registrationNo: '注册号',
  creditCode: '统一社会信用代码',
  registeredCapital: '注册资本',
  legalRepresentative: '法定代表人(责任人)',
  phone: '联系电话',
  registeredOn: '注册时间',
  approvedOn: '核准日期',
  businessTermFrom: '经营期限自',
  businessTermTo: '经营期限至',
  registrationAuthority: '登记机关',
  address: '(住所)营业场所',
  businessScope: '经营范围',
  segments: '从业环节',
  attachmentIds: '营业执照附件',
} as const;
export type EnterpriseFieldName = keyof typeof ENTERPRISE_FIELD_LABELS;

/**
 * Every field of the 新增企业 / 企业信息纠错 form, in the seed's order: what a change request sets, what the
 * form edits and what the before/after table compares — one list for the API and the web.
 */
export const ENTERPRISE_FIELDS = Object.keys(ENTERPRISE_FIELD_LABELS) as readonly EnterpriseFieldName[];

export const LICENCE_FIELD_LABELS = {
  licenceName: '证书名称',
  number: '证书编号',
  issuer: '发证机关',
  validFrom: '有效起始日期',
  validTo: '有效截止日期',
  scope: '从业范围',
} as const;

/** A field's value as the screens show it ('' → null: not filled). */
export function displayValue(field: string, value: unknown): string | null {
  if (value === undefined || value === null || value === '') return null;
  switch (field) {
    case 'regionCode':
      return findRegion(String(value)) ? regionName(String(value)) : String(value);
    case 'unitType':
      return isUnitTypeCode(String(value)) ? unitType(value as never).name : String(value);
    case 'registrationStatus':
      return isRegistrationStatusCode(String(value)) ? registrationStatus(value as never).name : String(value);
    case 'registeredCapital':
      return `${String(value)} 万人民币`;
    case 'segments':
      return (value as { category: string; segment: string }[])
        .map((s) => segmentLabel(s.category, s.segment))
        .join('、');
    case 'attachmentIds':
      return (value as string[]).length ? `${(value as string[]).length} 个附件` : null;
    default:
      return String(value);
  }
}

export interface FieldChange {
  field: string;
  label: string;
  before: string | null;
  after: string | null;
}

/**
 * The fields that differ between two states, in the form's order; with one side null (新增/删除) every
 * filled field of the other.
 */
export function fieldChanges(
  labels: Readonly<Record<string, string>>,
  before: Readonly<Record<string, unknown>> | null,
  after: Readonly<Record<string, unknown>> | null,
): FieldChange[] {
  const out: FieldChange[] = [];
  for (const [field, label] of Object.entries(labels)) {
    const b = before ? displayValue(field, before[field]) : null;
    const a = after ? displayValue(field, after[field]) : null;
    const same = JSON.stringify(before?.[field] ?? null) === JSON.stringify(after?.[field] ?? null);
    if ((before && after && same) || (b === null && a === null)) continue;
    out.push({ field, label, before: b, after: a });
  }
  return out;
}
