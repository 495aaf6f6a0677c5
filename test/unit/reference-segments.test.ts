import { describe, expect, it } from 'vitest';
import { CATEGORIES, CATEGORY_CODES } from '../../shared/reference/categories';
import { isDepartmentCode } from '../../shared/reference/departments';
import {
  ALL_SEGMENTS,
  ENTERPRISE_UNIT_TYPES,
  PERSONNEL_CERTIFICATE_TYPES,
  REGISTRATION_STATUSES,
  SEGMENTS,
  certificateTypesFor,
  findSegment,
  isSegment,
  isSegmentRef,
  segment,
  segmentLabel,
  segmentsOf,
} from '../../shared/reference/segments';

/** The seed's "“一体化”平台涉及的从业单位" list, kinds as written (硝酸铵生产/销售单位 split in two). */
const SEED_UNIT_KINDS = [
  ...['枪支制造单位', '枪支配售单位', '营业性射击场', '射击竞技体育运动单位', '野生动物科研保护饲养单位', '护农狩猎队'],
  ...['危险化学品生产单位', '剧毒化学品生产单位', '易制爆化学品生产单位', '非药品易制毒生产单位', '硝酸铵生产单位'],
  ...['危险化学品储存单位', '港口经营单位', '危险化学品经营单位', '剧毒化学品经营单位', '易制爆化学品经营单位'],
  ...['非药品易制毒经营单位', '硝酸铵经营单位', '管道煤气', '瓶装煤气', '加气站', '危化品运输单位'],
  ...['危险化学品使用单位', '剧毒化学品使用单位', '易制爆化学品使用单位', '危险化学品处置单位'],
  ...['民爆物品生产单位', '硝酸铵销售单位', '民爆物品销售单位', '民爆物品运输单位', '营业性爆破作业单位'],
  ...['非营业性爆破作业单位', '其他爆破作业单位', '业主单位'],
  ...['放射性物品生产单位', '放射性物品经营单位', '放射性物品运输单位', '放射性物品使用单位', '放射性物品处置单位'],
  ...['烟花爆竹批发单位', '烟花爆竹零售单位', '烟花爆竹运输单位', '烟花爆竹燃放单位'],
  ...['硝酸铵复混肥生产单位', '硝酸铵复混肥销售单位', '加油站', '射钉器从业单位', '弩从业单位', '管制刀具从业单位'],
];

describe('segments (环节) per category', () => {
  it('gives every category at least one segment, with unique ascii codes', () => {
    for (const c of CATEGORY_CODES) {
      const list = segmentsOf(c);
      expect(list.length, c).toBeGreaterThan(0);
      expect(new Set(list.map((s) => s.code)).size, c).toBe(list.length);
      for (const s of list) expect(s.code).toMatch(/^[a-z][a-z-]*[a-z]$/);
    }
    expect(Object.keys(SEGMENTS).sort()).toEqual([...CATEGORY_CODES].sort());
  });

  it('carries the sub-platform menus of the seed', () => {
    expect(segmentsOf('explosives').map((s) => s.menuName)).toEqual(['生产监管', '运输监管', '销售监管', '使用监管']);
    expect(segmentsOf('hazchem').map((s) => s.name)).toEqual([
      '生产',
      '储存',
      '港口经营',
      '运输',
      '经营',
      '使用',
      '处置',
    ]);
    expect(segmentsOf('firearms').map((s) => s.menuName)).toEqual([
      '生产安全监管',
      '配售监管',
      '使用监管',
      '处置监管',
      '射钉器监管',
      '管制刀具监管',
      '弩监管',
    ]);
    expect(
      segmentsOf('firearms')
        .filter((s) => s.group === '其他')
        .map((s) => s.name),
    ).toEqual(['射钉器', '管制刀具', '弩']);
    expect(segmentsOf('fireworks').map((s) => s.name)).toEqual(['批发', '零售', '运输', '燃放']);
    expect(segmentsOf('an-fertiliser').map((s) => s.name)).toEqual(['生产', '销售']);
    expect(segmentsOf('bulk-gasoline').map((s) => s.name)).toEqual(['加油站']);
    expect(segmentsOf('transport').map((s) => s.name)).toEqual(['运输']);
  });

  it('names each list page, menu and licence, and a licence department that exists', () => {
    for (const s of ALL_SEGMENTS) {
      expect(s.unitListTitle).toMatch(/信息管理$/);
      expect(s.menuName).toMatch(/监管$/);
      expect(s.licenceName).toMatch(/(证|证书|文件|凭证)(（[^）]+）)?$/);
      expect(isDepartmentCode(s.licenceDepartment)).toBe(true);
      expect(s.unitTypes.length).toBeGreaterThan(0);
    }
    expect(segment('explosives', 'production')).toMatchObject({
      unitListTitle: '生产单位信息管理',
      licenceName: '民用爆炸物品生产许可证',
    });
    expect(segment('hazchem', 'business').licenceName).toBe('危险化学品经营许可证');
    expect(segment('bulk-gasoline', 'filling-station').licenceName).toBe('成品油零售经营批准证书');
    expect(segment('transport', 'transport').licenceName).toBe('道路运输经营许可证');
    expect(segment('explosives', 'use').licenceName).toBe('爆破作业单位许可证');
  });

  it('places every kind of unit of the seed list under some segment', () => {
    const kinds = new Set(ALL_SEGMENTS.flatMap((s) => s.unitTypes));
    for (const k of SEED_UNIT_KINDS) expect(kinds.has(k), k).toBe(true);
  });

  it('answers membership questions for (category, segment) pairs', () => {
    expect(isSegment('hazchem', 'port')).toBe(true);
    expect(isSegment('explosives', 'port')).toBe(false);
    expect(isSegment('nope', 'use')).toBe(false);
    expect(isSegmentRef({ category: 'fireworks', segment: 'display' })).toBe(true);
    expect(findSegment('fireworks', 'wholesale')?.name).toBe('批发');
    expect(findSegment('fireworks', 'production')).toBeUndefined();
    expect(segmentLabel('hazchem', 'business')).toBe('危险化学品·经营');
    expect(() => segment('hazchem', 'nope' as never)).toThrow();
  });
});

describe('register option lists', () => {
  it('offers the seed’s 单位类型 and 登记状态 words', () => {
    const unitTypes = ENTERPRISE_UNIT_TYPES.map((t) => t.name);
    for (const w of [
      '国有企业',
      '集体企业',
      '私营企业',
      '股份有限公司',
      '有限责任公司',
      '外商投资企业',
      '个体工商户',
      '事业单位',
      '全民所有制',
    ]) {
      expect(unitTypes).toContain(w);
    }
    expect(REGISTRATION_STATUSES.map((s) => s.name)).toEqual(['在管(开业)企业', '迁出', '停业', '吊销', '注销']);
    expect(REGISTRATION_STATUSES.filter((s) => s.active).map((s) => s.code)).toEqual(['in-business']);
  });

  it('lists personnel certificates with categories that exist, and one for every category but transport-only', () => {
    const names = PERSONNEL_CERTIFICATE_TYPES.map((t) => t.name);
    for (const w of [
      '爆破作业人员许可证',
      '驾驶证',
      '押运员证',
      '道路危险货物运输从业资格证',
      '特种作业操作证',
      '辐射安全与防护培训合格证',
      '枪支管理人员证',
    ]) {
      expect(names).toContain(w);
    }
    for (const t of PERSONNEL_CERTIFICATE_TYPES) {
      for (const c of t.categories) expect(CATEGORY_CODES).toContain(c);
    }
    for (const c of CATEGORIES) expect(certificateTypesFor(c.code).length, c.code).toBeGreaterThan(0);
    expect(certificateTypesFor('explosives').map((t) => t.code)).toContain('blasting-operator');
    expect(certificateTypesFor('transport').map((t) => t.code)).toEqual(
      expect.arrayContaining(['driving-licence', 'escort', 'dangerous-goods-driver']),
    );
  });
});
