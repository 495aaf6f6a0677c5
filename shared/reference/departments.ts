/**
 * The 16 provincial departments that supervise hazardous goods (seed: "16个监管部门").
 * `short` is the word the seed's tables and category list use (经信, 公安 …); `aliases` are the other
 * words the seed uses for the same department (the firearms list says 经委, the radioactive one 卫计).
 */
export const DEPARTMENTS = [
  {
    code: 'jingxin',
    short: '经信',
    name: '福建省经济和信息化委员会',
    display: '福建省经信委',
    aliases: ['经委', '经信委'],
  },
  { code: 'gongan', short: '公安', name: '福建省公安厅', display: '福建省公安厅', aliases: [] },
  { code: 'caizheng', short: '财政', name: '福建省财政厅', display: '福建省财政厅', aliases: [] },
  { code: 'nongye', short: '农业', name: '福建省农业厅', display: '福建省农业厅', aliases: ['农厅'] },
  { code: 'linye', short: '林业', name: '福建省林业厅', display: '福建省林业厅', aliases: [] },
  { code: 'gongshang', short: '工商', name: '福建省工商行政管理局', display: '福建省工商局', aliases: [] },
  { code: 'tiyu', short: '体育', name: '福建省体育局', display: '福建省体育局', aliases: [] },
  { code: 'anjian', short: '安监', name: '福建省安全生产监督管理局', display: '福建省安监局', aliases: [] },
  { code: 'weiji', short: '卫计', name: '福建省卫生和计划生育委员会', display: '福建省卫计委', aliases: [] },
  { code: 'huanbao', short: '环保', name: '福建省环境保护厅', display: '福建省环保厅', aliases: [] },
  { code: 'zhujian', short: '住建', name: '福建省住房和城乡建设厅', display: '福建省住建厅', aliases: [] },
  { code: 'jiaotong', short: '交通', name: '福建省交通运输厅', display: '福建省交通运输厅', aliases: [] },
  { code: 'zhijian', short: '质监', name: '福建省质量技术监督局', display: '福建省质监局', aliases: [] },
  { code: 'meijian', short: '煤监', name: '福建煤矿安全监察局', display: '福建煤监局', aliases: [] },
  { code: 'shangwu', short: '商务', name: '福建省商务厅', display: '福建省商务厅', aliases: [] },
  { code: 'gongxiaoshe', short: '供销社', name: '福建省供销合作社联合社', display: '福建省供销社', aliases: [] },
] as const;

export type DepartmentCode = (typeof DEPARTMENTS)[number]['code'];
export type Department = (typeof DEPARTMENTS)[number];

export const DEPARTMENT_CODES = DEPARTMENTS.map((d) => d.code) as [DepartmentCode, ...DepartmentCode[]];

const byCode = new Map<string, Department>(DEPARTMENTS.map((d) => [d.code, d]));

export function department(code: DepartmentCode): Department {
  const d = byCode.get(code);
  if (!d) throw new Error(`unknown department ${code}`);
  return d;
}

export function isDepartmentCode(code: string): code is DepartmentCode {
  return byCode.has(code);
}
