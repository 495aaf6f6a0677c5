import type { DepartmentCode } from './departments';

/**
 * The seven goods categories of the seed plus 运输监管, in the order the portal's 监管入口 lists them.
 * `lead` is the 牵头单位 and `responsible` the 责任单位 (the manual, "涉及的监管部门和物品类别").
 * The manual names no lead for transport; we take 交通, the department of 运输监管.
 * `hotline` is the portal's 举报电话 for the category (seed screenshot of the portal).
 */
export const CATEGORIES = [
  {
    code: 'firearms',
    name: '枪支弹药',
    entryName: '枪支弹药',
    platformTitle: '福建省枪支弹药类“一体化”安全监管信息平台',
    lead: 'gongan',
    responsible: ['jingxin', 'gongan', 'caizheng', 'nongye', 'linye', 'gongshang', 'tiyu'],
    hotline: '0591-87093291',
  },
  {
    code: 'hazchem',
    name: '危险化学品',
    entryName: '危险化学品',
    platformTitle: '福建省危险化学品“一体化”安全监管信息平台',
    lead: 'anjian',
    responsible: ['jingxin', 'weiji', 'gongan', 'huanbao', 'zhujian', 'jiaotong', 'gongshang', 'zhijian', 'anjian'],
    hotline: '12350',
  },
  {
    code: 'explosives',
    name: '民爆物品',
    entryName: '民爆物品',
    platformTitle: '福建省民爆物品“一体化”安全监管信息平台',
    lead: 'jingxin',
    responsible: ['jingxin', 'gongan', 'zhujian', 'jiaotong', 'anjian', 'meijian'],
    hotline: '0591-87551269',
  },
  {
    code: 'bulk-gasoline',
    name: '散装汽油',
    entryName: '散装油',
    platformTitle: '福建省散装油“一体化”安全监管信息平台',
    lead: 'anjian',
    responsible: ['gongan', 'shangwu', 'gongshang', 'anjian'],
    hotline: '12350',
  },
  {
    code: 'radioactive',
    name: '放射性物品',
    entryName: '放射性物品',
    platformTitle: '福建省放射性物品“一体化”安全监管信息平台',
    lead: 'huanbao',
    responsible: ['weiji', 'gongan', 'huanbao', 'jiaotong', 'gongshang', 'anjian'],
    hotline: '12369',
  },
  {
    code: 'fireworks',
    name: '烟花爆竹',
    entryName: '烟花爆竹',
    platformTitle: '福建省烟花爆竹“一体化”安全监管信息平台',
    lead: 'anjian',
    responsible: ['gongan', 'jiaotong', 'gongshang', 'zhijian', 'anjian'],
    hotline: '12350',
  },
  {
    code: 'an-fertiliser',
    name: '硝酸铵复混肥',
    entryName: '硝酸铵复混肥',
    platformTitle: '福建省硝酸铵复混肥“一体化”安全监管信息平台',
    lead: 'jingxin',
    responsible: ['jingxin', 'gongan', 'nongye', 'gongshang', 'zhijian', 'anjian', 'gongxiaoshe'],
    hotline: '0591-87551269',
  },
  {
    code: 'transport',
    name: '运输监管',
    entryName: '运输监管',
    platformTitle: '福建省交通运输“一体化”安全监管信息平台',
    lead: 'jiaotong',
    responsible: ['jiaotong', 'gongan'],
    hotline: '12328',
  },
] as const satisfies readonly {
  code: string;
  name: string;
  entryName: string;
  platformTitle: string;
  lead: DepartmentCode;
  responsible: readonly DepartmentCode[];
  hotline: string;
}[];

export type CategoryCode = (typeof CATEGORIES)[number]['code'];
export type Category = (typeof CATEGORIES)[number];

export const CATEGORY_CODES = CATEGORIES.map((c) => c.code) as [CategoryCode, ...CategoryCode[]];

const byCode = new Map<string, Category>(CATEGORIES.map((c) => [c.code, c]));

export function isCategoryCode(code: string): code is CategoryCode {
  return byCode.has(code);
}

export function category(code: CategoryCode): Category {
  const c = byCode.get(code);
  if (!c) throw new Error(`unknown category ${code}`);
  return c;
}

/** The categories a department takes part in, as lead or responsible. */
export function categoriesOfDepartment(dept: DepartmentCode): CategoryCode[] {
  return CATEGORIES.filter((c) => c.lead === dept || (c.responsible as readonly string[]).includes(dept)).map(
    (c) => c.code,
  );
}
