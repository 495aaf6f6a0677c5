import { CATEGORIES, isCategoryCode, type CategoryCode } from './categories';
import type { DepartmentCode } from './departments';

// The option lists the brief asks this module to export live in their own small modules; re-exported here.
export {
  CERTIFICATE_TYPE_CODES,
  PERSONNEL_CERTIFICATE_TYPES,
  certificateType,
  certificateTypesFor,
  isCertificateTypeCode,
} from './certificates';
export type { CertificateType, CertificateTypeCode } from './certificates';
export {
  ENTERPRISE_UNIT_TYPES,
  REGISTRATION_STATUSES,
  REGISTRATION_STATUS_CODES,
  UNIT_TYPE_CODES,
  isRegistrationStatusCode,
  isUnitTypeCode,
  registrationStatus,
  unitType,
} from './enterprise-options';
export type { RegistrationStatusCode, UnitTypeCode } from './enterprise-options';

/**
 * Business segments (环节) per category. Sources in the seed:
 *  - the unit lists of "“一体化”平台涉及的从业单位" → `unitTypes` (the seed's words, in its order);
 *  - the sub-platform menus (民爆: 生产监管 | 运输监管 | 销售监管 | 使用监管; 危化: 生产安全监管 | 储存监管 |
 *    运输监管 | 经营监管 | 使用监管 | 处置监管; 枪支: 生产安全监管 | 配售监管 | 使用监管 | 处置监管 | 射钉器监管 |
 *    管制刀具监管 | 弩监管) → `menuName` and the order of each list;
 *  - the list page "生产单位信息管理" with its licence column "民爆物品生产许可证" → `unitListTitle`,
 *    `licenceName` (the licence's full legal name; the seed's column abbreviates it).
 * Where the seed shows no screen (放射性, 烟花, 硝酸铵复混肥, 散装油, 运输 menus; 危化 港口经营) the words
 * follow the same pattern. `licenceDepartment` is the department that issues the licence, which the
 * demo data uses as 发证机关 and the warning scan can use to route a licence warning.
 * Codes are stable ascii slugs, unique within a category: they go into keys and URLs, never shown.
 */
export interface SegmentDef {
  code: string;
  /** The 环节 word: '生产', '经营', '加油站' … */
  name: string;
  /** The sub-platform menu entry: '生产监管'. */
  menuName: string;
  /** Title of the segment's unit list page: '生产单位信息管理'. */
  unitListTitle: string;
  /** The licence shown as a column of that list. */
  licenceName: string;
  licenceDepartment: DepartmentCode;
  /** The seed's kinds of unit under this segment. */
  unitTypes: readonly string[];
  /** '其他' for the seed's "(8) 其他" group (射钉器, 弩, 管制刀具), which the firearms platform supervises. */
  group?: '其他';
}

export const SEGMENTS = {
  firearms: [
    {
      code: 'manufacture',
      name: '制造',
      menuName: '生产安全监管',
      unitListTitle: '制造单位信息管理',
      licenceName: '民用枪支弹药制造许可证',
      licenceDepartment: 'gongan',
      unitTypes: ['枪支制造单位'],
    },
    {
      code: 'distribution',
      name: '配售',
      menuName: '配售监管',
      unitListTitle: '配售单位信息管理',
      licenceName: '民用枪支弹药配售许可证',
      licenceDepartment: 'gongan',
      unitTypes: ['枪支配售单位'],
    },
    {
      code: 'use',
      name: '使用',
      menuName: '使用监管',
      unitListTitle: '使用单位信息管理',
      licenceName: '民用枪支持枪证',
      licenceDepartment: 'gongan',
      unitTypes: ['营业性射击场', '射击竞技体育运动单位', '野生动物科研保护饲养单位', '护农狩猎队'],
    },
    {
      // The seed's unit list names no disposal unit for firearms; its menu has 处置监管.
      code: 'disposal',
      name: '处置',
      menuName: '处置监管',
      unitListTitle: '处置单位信息管理',
      licenceName: '枪支弹药处置批准文件',
      licenceDepartment: 'gongan',
      unitTypes: ['枪支弹药处置单位'],
    },
    {
      code: 'nail-gun',
      name: '射钉器',
      menuName: '射钉器监管',
      unitListTitle: '射钉器从业单位信息管理',
      licenceName: '射钉器经营许可证',
      licenceDepartment: 'gongan',
      unitTypes: ['射钉器从业单位'],
      group: '其他',
    },
    {
      code: 'controlled-knife',
      name: '管制刀具',
      menuName: '管制刀具监管',
      unitListTitle: '管制刀具从业单位信息管理',
      licenceName: '管制刀具经营许可证',
      licenceDepartment: 'gongan',
      unitTypes: ['管制刀具从业单位'],
      group: '其他',
    },
    {
      code: 'crossbow',
      name: '弩',
      menuName: '弩监管',
      unitListTitle: '弩从业单位信息管理',
      licenceName: '弩制造销售许可证',
      licenceDepartment: 'gongan',
      unitTypes: ['弩从业单位'],
      group: '其他',
    },
  ],
  hazchem: [
    {
      code: 'production',
      name: '生产',
      menuName: '生产安全监管',
      unitListTitle: '生产单位信息管理',
      licenceName: '危险化学品安全生产许可证',
      licenceDepartment: 'anjian',
      unitTypes: [
        '危险化学品生产单位',
        '剧毒化学品生产单位',
        '易制爆化学品生产单位',
        '非药品易制毒生产单位',
        '硝酸铵生产单位',
      ],
    },
    {
      code: 'storage',
      name: '储存',
      menuName: '储存监管',
      unitListTitle: '储存单位信息管理',
      licenceName: '危险化学品经营许可证（带储存设施）',
      licenceDepartment: 'anjian',
      unitTypes: ['危险化学品储存单位'],
    },
    {
      code: 'port',
      name: '港口经营',
      menuName: '港口经营监管',
      unitListTitle: '港口经营单位信息管理',
      licenceName: '港口危险货物作业附证',
      licenceDepartment: 'jiaotong',
      unitTypes: ['港口经营单位'],
    },
    {
      code: 'transport',
      name: '运输',
      menuName: '运输监管',
      unitListTitle: '运输单位信息管理',
      licenceName: '道路运输经营许可证',
      licenceDepartment: 'jiaotong',
      unitTypes: ['危化品运输单位'],
    },
    {
      code: 'business',
      name: '经营',
      menuName: '经营监管',
      unitListTitle: '经营单位信息管理',
      licenceName: '危险化学品经营许可证',
      licenceDepartment: 'anjian',
      unitTypes: [
        '危险化学品经营单位',
        '剧毒化学品经营单位',
        '易制爆化学品经营单位',
        '非药品易制毒经营单位',
        '硝酸铵经营单位',
        '管道煤气',
        '瓶装煤气',
        '加气站',
      ],
    },
    {
      code: 'use',
      name: '使用',
      menuName: '使用监管',
      unitListTitle: '使用单位信息管理',
      licenceName: '危险化学品安全使用许可证',
      licenceDepartment: 'anjian',
      unitTypes: ['危险化学品使用单位', '剧毒化学品使用单位', '易制爆化学品使用单位'],
    },
    {
      code: 'disposal',
      name: '处置',
      menuName: '处置监管',
      unitListTitle: '处置单位信息管理',
      licenceName: '危险废物经营许可证',
      licenceDepartment: 'huanbao',
      unitTypes: ['危险化学品处置单位'],
    },
  ],
  explosives: [
    {
      code: 'production',
      name: '生产',
      menuName: '生产监管',
      unitListTitle: '生产单位信息管理',
      licenceName: '民用爆炸物品生产许可证',
      licenceDepartment: 'jingxin',
      // The seed writes "硝酸铵生产/销售单位"; the generator and forms need one segment per kind, so it is
      // split into a production and a sales kind.
      unitTypes: ['民爆物品生产单位', '硝酸铵生产单位'],
    },
    {
      code: 'transport',
      name: '运输',
      menuName: '运输监管',
      unitListTitle: '运输单位信息管理',
      licenceName: '道路运输经营许可证',
      licenceDepartment: 'jiaotong',
      unitTypes: ['民爆物品运输单位'],
    },
    {
      code: 'sales',
      name: '销售',
      menuName: '销售监管',
      unitListTitle: '销售单位信息管理',
      licenceName: '民用爆炸物品销售许可证',
      licenceDepartment: 'jingxin',
      unitTypes: ['民爆物品销售单位', '硝酸铵销售单位'],
    },
    {
      code: 'use',
      name: '使用',
      menuName: '使用监管',
      unitListTitle: '使用单位信息管理',
      licenceName: '爆破作业单位许可证',
      licenceDepartment: 'gongan',
      unitTypes: ['营业性爆破作业单位', '非营业性爆破作业单位', '其他爆破作业单位', '业主单位'],
    },
  ],
  'bulk-gasoline': [
    {
      code: 'filling-station',
      name: '加油站',
      menuName: '加油站监管',
      unitListTitle: '加油站信息管理',
      licenceName: '成品油零售经营批准证书',
      licenceDepartment: 'shangwu',
      unitTypes: ['加油站'],
    },
  ],
  radioactive: [
    {
      code: 'production',
      name: '生产',
      menuName: '生产监管',
      unitListTitle: '生产单位信息管理',
      licenceName: '辐射安全许可证',
      licenceDepartment: 'huanbao',
      unitTypes: ['放射性物品生产单位'],
    },
    {
      code: 'business',
      name: '经营',
      menuName: '经营监管',
      unitListTitle: '经营单位信息管理',
      licenceName: '辐射安全许可证',
      licenceDepartment: 'huanbao',
      unitTypes: ['放射性物品经营单位'],
    },
    {
      code: 'transport',
      name: '运输',
      menuName: '运输监管',
      unitListTitle: '运输单位信息管理',
      licenceName: '道路运输经营许可证',
      licenceDepartment: 'jiaotong',
      unitTypes: ['放射性物品运输单位'],
    },
    {
      code: 'use',
      name: '使用',
      menuName: '使用监管',
      unitListTitle: '使用单位信息管理',
      licenceName: '辐射安全许可证',
      licenceDepartment: 'huanbao',
      unitTypes: ['放射性物品使用单位'],
    },
    {
      code: 'disposal',
      name: '处置',
      menuName: '处置监管',
      unitListTitle: '处置单位信息管理',
      licenceName: '放射性固体废物处置许可证',
      licenceDepartment: 'huanbao',
      unitTypes: ['放射性物品处置单位'],
    },
  ],
  fireworks: [
    {
      code: 'wholesale',
      name: '批发',
      menuName: '批发监管',
      unitListTitle: '批发单位信息管理',
      licenceName: '烟花爆竹经营（批发）许可证',
      licenceDepartment: 'anjian',
      unitTypes: ['烟花爆竹批发单位'],
    },
    {
      code: 'retail',
      name: '零售',
      menuName: '零售监管',
      unitListTitle: '零售单位信息管理',
      licenceName: '烟花爆竹经营（零售）许可证',
      licenceDepartment: 'anjian',
      unitTypes: ['烟花爆竹零售单位'],
    },
    {
      code: 'transport',
      name: '运输',
      menuName: '运输监管',
      unitListTitle: '运输单位信息管理',
      licenceName: '道路运输经营许可证',
      licenceDepartment: 'jiaotong',
      unitTypes: ['烟花爆竹运输单位'],
    },
    {
      code: 'display',
      name: '燃放',
      menuName: '燃放监管',
      unitListTitle: '燃放单位信息管理',
      licenceName: '焰火燃放许可证',
      licenceDepartment: 'gongan',
      unitTypes: ['烟花爆竹燃放单位'],
    },
  ],
  'an-fertiliser': [
    {
      code: 'production',
      name: '生产',
      menuName: '生产监管',
      unitListTitle: '生产单位信息管理',
      licenceName: '全国工业产品生产许可证',
      licenceDepartment: 'zhijian',
      unitTypes: ['硝酸铵复混肥生产单位'],
    },
    {
      code: 'sales',
      name: '销售',
      menuName: '销售监管',
      unitListTitle: '销售单位信息管理',
      licenceName: '硝酸铵类复混肥销售备案凭证',
      licenceDepartment: 'gongxiaoshe',
      unitTypes: ['硝酸铵复混肥销售单位'],
    },
  ],
  transport: [
    {
      // The transport platform supervises the carriers of every category (the seed's 运输单位 kinds).
      code: 'transport',
      name: '运输',
      menuName: '运输监管',
      unitListTitle: '运输单位信息管理',
      licenceName: '道路运输经营许可证',
      licenceDepartment: 'jiaotong',
      unitTypes: ['危化品运输单位', '民爆物品运输单位', '放射性物品运输单位', '烟花爆竹运输单位'],
    },
  ],
} as const satisfies Record<CategoryCode, readonly SegmentDef[]>;

/** A segment code of category C (of any category when C is left open). */
export type SegmentCode<C extends CategoryCode = CategoryCode> = (typeof SEGMENTS)[C][number]['code'];

/** A segment with its category, as the helpers return it. */
export interface Segment extends SegmentDef {
  category: CategoryCode;
}

/** A (category, segment) pair as the register stores it. */
export interface SegmentRef {
  category: CategoryCode;
  segment: string;
}

/** Every segment of every category, categories in portal order, segments in menu order. */
export const ALL_SEGMENTS: readonly Segment[] = CATEGORIES.flatMap((c) =>
  (SEGMENTS[c.code] as readonly SegmentDef[]).map((s) => ({ ...s, category: c.code })),
);

const byKey = new Map(ALL_SEGMENTS.map((s) => [segmentKey(s.category, s.code), s]));

/** 'hazchem/business': one string for a pair, for map keys and index keys. */
export function segmentKey(category: string, code: string): string {
  return `${category}/${code}`;
}

export function segmentsOf(category: CategoryCode): readonly Segment[] {
  return ALL_SEGMENTS.filter((s) => s.category === category);
}

export function isSegment(category: string, code: string): boolean {
  return isCategoryCode(category) && byKey.has(segmentKey(category, code));
}

export function isSegmentRef(value: { category: string; segment: string }): value is SegmentRef {
  return isSegment(value.category, value.segment);
}

export function findSegment(category: string, code: string): Segment | undefined {
  return byKey.get(segmentKey(category, code));
}

export function segment<C extends CategoryCode>(category: C, code: SegmentCode<C>): Segment {
  const s = byKey.get(segmentKey(category, code));
  if (!s) throw new Error(`unknown segment ${category}/${code}`);
  return s;
}

/** '危险化学品·经营': how a pair reads in a list or a select. */
export function segmentLabel(category: string, code: string): string {
  const s = findSegment(category, code);
  if (!s) throw new Error(`unknown segment ${category}/${code}`);
  const c = CATEGORIES.find((x) => x.code === s.category);
  return `${c?.name ?? category}·${s.name}`;
}

/**
 * The department answerable for a segment of a category: the one that licenses it (`licenceDepartment`).
 * Hazards take it as their default 督促整改责任单位 (issue 11 §1); the one place this mapping is decided.
 */
export function supervisingDepartment(category: string, code: string): DepartmentCode | undefined {
  return findSegment(category, code)?.licenceDepartment;
}

/**
 * The default 督促整改责任单位 of a hazard about an enterprise under `category`: the supervising department of
 * its first segment of that category, else the category's 牵头单位.
 */
export function defaultResponsibleDepartment(
  segments: readonly { category: string; segment: string }[],
  category: CategoryCode,
): DepartmentCode {
  const mine = segments.find((s) => s.category === category);
  return (
    (mine && supervisingDepartment(mine.category, mine.segment)) ?? CATEGORIES.find((c) => c.code === category)!.lead
  );
}
