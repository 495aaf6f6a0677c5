import type { CategoryCode } from './categories';
import type { DepartmentCode } from './departments';

/**
 * Certificates a 从业人员 holds (the seed's 人员资质预警 list: 证件类型 爆破作业人员资质, 驾驶证资质 …).
 * `categories` says which sub-platforms show and warn on it; `issuerDepartment` the department (or its
 * local office) that issues it; `validityYears` the usual term, which the demo data uses. Codes are ascii
 * slugs; names are the certificates' own names.
 */
export const PERSONNEL_CERTIFICATE_TYPES = [
  {
    code: 'blasting-operator',
    name: '爆破作业人员许可证',
    categories: ['explosives'],
    issuerDepartment: 'gongan',
    validityYears: 3,
  },
  {
    code: 'driving-licence',
    name: '驾驶证',
    categories: ['hazchem', 'explosives', 'radioactive', 'fireworks', 'bulk-gasoline', 'transport'],
    issuerDepartment: 'gongan',
    validityYears: 6,
  },
  {
    code: 'escort',
    name: '押运员证',
    categories: ['hazchem', 'explosives', 'radioactive', 'fireworks', 'transport'],
    issuerDepartment: 'jiaotong',
    validityYears: 6,
  },
  {
    code: 'dangerous-goods-driver',
    name: '道路危险货物运输从业资格证',
    categories: ['hazchem', 'explosives', 'radioactive', 'fireworks', 'bulk-gasoline', 'transport'],
    issuerDepartment: 'jiaotong',
    validityYears: 6,
  },
  {
    code: 'hazchem-safety-manager',
    name: '危险化学品安全管理人员安全生产知识和管理能力考核合格证',
    categories: ['hazchem', 'bulk-gasoline', 'an-fertiliser'],
    issuerDepartment: 'anjian',
    validityYears: 3,
  },
  {
    code: 'fireworks-safety-manager',
    name: '烟花爆竹经营单位安全生产管理人员安全生产知识和管理能力考核合格证',
    categories: ['fireworks'],
    issuerDepartment: 'anjian',
    validityYears: 3,
  },
  {
    code: 'special-operation',
    name: '特种作业操作证',
    categories: ['hazchem', 'explosives', 'fireworks', 'an-fertiliser', 'bulk-gasoline'],
    issuerDepartment: 'anjian',
    validityYears: 6,
  },
  {
    code: 'radiation-safety',
    name: '辐射安全与防护培训合格证',
    categories: ['radioactive'],
    issuerDepartment: 'huanbao',
    validityYears: 4,
  },
  {
    code: 'firearms-custodian',
    name: '枪支管理人员证',
    categories: ['firearms'],
    issuerDepartment: 'gongan',
    validityYears: 3,
  },
  {
    code: 'display-operator',
    name: '焰火燃放作业人员资格证',
    categories: ['fireworks'],
    issuerDepartment: 'gongan',
    validityYears: 3,
  },
] as const satisfies readonly {
  code: string;
  name: string;
  categories: readonly CategoryCode[];
  issuerDepartment: DepartmentCode;
  validityYears: number;
}[];

export type CertificateTypeCode = (typeof PERSONNEL_CERTIFICATE_TYPES)[number]['code'];
export type CertificateType = (typeof PERSONNEL_CERTIFICATE_TYPES)[number];

export const CERTIFICATE_TYPE_CODES = PERSONNEL_CERTIFICATE_TYPES.map((t) => t.code) as [
  CertificateTypeCode,
  ...CertificateTypeCode[],
];

const byCode = new Map<string, CertificateType>(PERSONNEL_CERTIFICATE_TYPES.map((t) => [t.code, t]));

export function isCertificateTypeCode(code: string): code is CertificateTypeCode {
  return byCode.has(code);
}

export function certificateType(code: CertificateTypeCode): CertificateType {
  const t = byCode.get(code);
  if (!t) throw new Error(`unknown certificate type ${code}`);
  return t;
}

/** The certificate types a category's personnel may hold. */
export function certificateTypesFor(category: CategoryCode): CertificateType[] {
  return PERSONNEL_CERTIFICATE_TYPES.filter((t) => (t.categories as readonly string[]).includes(category));
}
