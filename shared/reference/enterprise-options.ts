/**
 * The option lists of the seed's 新增企业 / 企业信息纠错 form. Stored as ascii codes (stable when a label
 * is reworded); shown and imported by their names, which are the seed's words (单位类型 国有企业,
 * 全民所有制 …; 登记状态 在管(开业)企业, 迁出 …) and the 工商 register's.
 */

/** 单位类型. */
export const ENTERPRISE_UNIT_TYPES = [
  { code: 'state-owned', name: '国有企业' },
  { code: 'collective', name: '集体企业' },
  { code: 'private', name: '私营企业' },
  { code: 'joint-stock', name: '股份有限公司' },
  { code: 'limited-liability', name: '有限责任公司' },
  { code: 'foreign-invested', name: '外商投资企业' },
  { code: 'hmt-invested', name: '港澳台投资企业' },
  { code: 'sole-proprietorship', name: '个人独资企业' },
  { code: 'partnership', name: '合伙企业' },
  { code: 'individual', name: '个体工商户' },
  { code: 'whole-people', name: '全民所有制' },
  { code: 'public-institution', name: '事业单位' },
  { code: 'government', name: '机关' },
  { code: 'social-organisation', name: '社会团体' },
  { code: 'other', name: '其他' },
] as const;

export type UnitTypeCode = (typeof ENTERPRISE_UNIT_TYPES)[number]['code'];
export const UNIT_TYPE_CODES = ENTERPRISE_UNIT_TYPES.map((t) => t.code) as [UnitTypeCode, ...UnitTypeCode[]];

/**
 * 登记状态. Only 在管(开业)企业 is supervised business as usual; the others stay in the register for history
 * (nothing is hard-deleted — README: The register and its changes). The seed's screenshots write the first one 在管(开业)企业.
 */
export const REGISTRATION_STATUSES = [
  { code: 'in-business', name: '在管(开业)企业', active: true },
  { code: 'moved-out', name: '迁出', active: false },
  { code: 'suspended', name: '停业', active: false },
  { code: 'revoked', name: '吊销', active: false },
  { code: 'deregistered', name: '注销', active: false },
] as const;

export type RegistrationStatusCode = (typeof REGISTRATION_STATUSES)[number]['code'];
export const REGISTRATION_STATUS_CODES = REGISTRATION_STATUSES.map((s) => s.code) as [
  RegistrationStatusCode,
  ...RegistrationStatusCode[],
];

const unitTypes = new Map<string, (typeof ENTERPRISE_UNIT_TYPES)[number]>(
  ENTERPRISE_UNIT_TYPES.map((t) => [t.code, t]),
);
const statuses = new Map<string, (typeof REGISTRATION_STATUSES)[number]>(REGISTRATION_STATUSES.map((s) => [s.code, s]));

export function isUnitTypeCode(code: string): code is UnitTypeCode {
  return unitTypes.has(code);
}

export function unitType(code: UnitTypeCode): (typeof ENTERPRISE_UNIT_TYPES)[number] {
  const t = unitTypes.get(code);
  if (!t) throw new Error(`unknown unit type ${code}`);
  return t;
}

export function isRegistrationStatusCode(code: string): code is RegistrationStatusCode {
  return statuses.has(code);
}

export function registrationStatus(code: RegistrationStatusCode): (typeof REGISTRATION_STATUSES)[number] {
  const s = statuses.get(code);
  if (!s) throw new Error(`unknown registration status ${code}`);
  return s;
}
