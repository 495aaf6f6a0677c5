/**
 * Demo data of 执法人员 and 专家库 (issue 10 §2): for each category, 12–18 experts in its lead department's
 * 专家库 — spread over 省直, the cities and a few counties, from the institutes, universities and firms that
 * sit on Fujian's expert panels; about one in eight disabled, some with 回避 — and a few 回避 declared by
 * the demo inspectors on enterprises of their own jurisdiction. Deterministic (ids derived from the seed),
 * written straight into the table like the rest of the demo data.
 */
import { createHash } from 'node:crypto';
import { CATEGORIES, type CategoryCode } from '../../shared/reference/categories';
import { CITIES } from '../../shared/reference/regions';
import { segmentKey, segmentsOf } from '../../shared/reference/segments';
import type { EntityItem } from 'electrodb';
import type { Store } from '../store';
import type { DemoData, DemoEnterprise, DemoRegulator } from './generate';
import { personName } from './names';
import { chance, chars, int, pick, streamOf, type Rng } from './rng';

const EMPLOYERS = [
  '福建省安全生产科学研究院',
  '福州大学化学学院',
  '福州大学环境与安全工程学院',
  '厦门大学化学化工学院',
  '华侨大学化工学院',
  '福建师范大学化学与材料学院',
  '福建省化学工业科学技术研究所',
  '福建省特种设备检验研究院',
  '福建省辐射环境监督站',
  '福建省爆破工程技术协会',
  '福建省烟花爆竹质量监督检验中心',
  '中国石化福建炼油化工有限公司',
  '福建省港航管理局',
  '福建警察学院',
  '福建省交通规划设计院',
  '福建省农业科学院土壤肥料研究所',
];

const REGIONS = ['35', '35', ...CITIES.map((c) => c.code), '3505', '3504', '350583', '350582', '350481'];

const idOf = (...parts: string[]) => createHash('sha256').update(parts.join(':')).digest('hex').slice(0, 32);

/** 139 and eight digits, never the 13900000xxx block of the demo logins. */
function expertPhone(rng: Rng): string {
  return `139${int(rng, 1, 9)}${chars(rng, '0123456789', 7)}`;
}

const categoriesOfEnterprise = (e: DemoEnterprise) => [...new Set(e.segments.map((s) => s.category as string))];

/** Enterprises a regulator sees in `categories` within `region`, in a stable order. */
function enterprisesIn(data: DemoData, region: string, categories: readonly string[]): DemoEnterprise[] {
  return data.enterprises.filter(
    (e) => e.regionCode.startsWith(region) && categoriesOfEnterprise(e).some((c) => categories.includes(c)),
  );
}

const REASONS = [
  '配偶在该企业任职',
  '近亲属为该企业股东',
  '本人曾在该企业任职，离职未满三年',
  '曾为该企业编制安全评价报告',
  '与该企业负责人存在利害关系',
];

type ExpertItem = EntityItem<Store['experts']>;
type ExpertConflictItem = EntityItem<Store['expertConflicts']>;
type OfficerConflictItem = EntityItem<Store['officerConflicts']>;

export function demoOfficersData(data: DemoData, seed: number | string, now: string) {
  const rng = streamOf(seed, 'experts');
  const experts: ExpertItem[] = [];
  const expertConflicts: ExpertConflictItem[] = [];
  const conflict = (e: DemoEnterprise, reason: string, by: { id: string; name: string }) => ({
    enterpriseId: e.id,
    enterpriseName: e.name,
    ...(e.creditCode ? { creditCode: e.creditCode } : {}),
    enterpriseRegionCode: e.regionCode,
    reason,
    declaredById: by.id,
    declaredByName: by.name,
    declaredAt: now,
  });
  for (const c of CATEGORIES) {
    const n = int(rng, 12, 18);
    for (let i = 0; i < n; i++) {
      const regionCode = i < 3 ? '35' : i < 6 ? '3505' : pick(rng, REGIONS);
      const segs = segmentsOf(c.code as CategoryCode);
      const chosen = [...new Set([pick(rng, segs), pick(rng, segs)])].map((s) => segmentKey(c.code, s.code));
      const expertId = `exp-${idOf(String(seed), c.code, String(i))}`;
      const x: ExpertItem = {
        expertId,
        department: c.lead,
        regionCode,
        name: personName(rng, chance(rng, 0.7) ? 'male' : 'female'),
        categories: [c.code],
        segments: chosen,
        employer: pick(rng, EMPLOYERS),
        phone: expertPhone(rng),
        disabled: i % 8 === 7,
        conflictCount: 0,
        createdById: 'system:seed',
        createdByName: '系统初始化',
        createdAt: now,
        updatedAt: now,
        version: 1,
      };
      if (i % 4 === 1) {
        const near = enterprisesIn(data, regionCode, [c.code]);
        if (near.length) {
          const e = pick(rng, near);
          expertConflicts.push({
            expertId,
            ...conflict(e, pick(rng, REASONS), { id: 'system:seed', name: '系统初始化' }),
          });
          x.conflictCount = 1;
        }
      }
      experts.push(x);
    }
  }
  return { experts, expertConflicts };
}

/** Two 回避 for each demo inspector who has enterprises in sight (the README's logins among them). */
export function demoOfficerConflicts(data: DemoData, seed: number | string, now: string): OfficerConflictItem[] {
  const rng = streamOf(seed, 'officer-conflicts');
  const out: OfficerConflictItem[] = [];
  const inspectors = data.regulators.filter((r: DemoRegulator) => r.roles.includes('inspector'));
  for (const r of inspectors) {
    const near = enterprisesIn(data, r.regionCode, r.categories);
    const picked = new Set<DemoEnterprise>();
    for (let k = 0; k < 2 && near.length > picked.size; k++) picked.add(pick(rng, near));
    for (const e of picked) {
      out.push({
        officerId: `reg-${r.mobile}`,
        enterpriseId: e.id,
        enterpriseName: e.name,
        ...(e.creditCode ? { creditCode: e.creditCode } : {}),
        enterpriseRegionCode: e.regionCode,
        reason: pick(rng, REASONS),
        declaredById: `reg-${r.mobile}`,
        declaredByName: r.name,
        declaredAt: now,
      });
    }
  }
  return out;
}

/** Write the officers' demo data (after the accounts and the register). */
export async function writeOfficersDemo(store: Store, data: DemoData, seed: number | string): Promise<void> {
  const now = new Date().toISOString();
  const { experts, expertConflicts } = demoOfficersData(data, seed, now);
  const officerConflicts = demoOfficerConflicts(data, seed, now);
  const tallies = new Map<string, string[]>();
  for (const c of officerConflicts) tallies.set(c.officerId, [...(tallies.get(c.officerId) ?? []), c.enterpriseId]);
  await store.experts.put(experts).go();
  await store.expertConflicts.put(expertConflicts).go();
  await store.officerConflicts.put(officerConflicts).go();
  await store.officerConflictTallies
    .put([...tallies].map(([officerId, enterpriseIds]) => ({ officerId, count: enterpriseIds.length, enterpriseIds })))
    .go();
}
