/**
 * Deterministic demo data: enterprises across every category × segment and every Fujian county, their
 * licences and 从业人员 with a realistic share of expired and soon-expiring documents, the regulator
 * accounts of each role, and enterprise logins. Pure: no I/O, no clock (`today` is an argument), no
 * Math.random — the same options give the same bytes on every machine, so the local stack, the tests and
 * the bench all see the same data and a re-run of the seed overwrites rather than duplicates.
 *
 * Each enterprise draws from its own PRNG stream (seed, 'enterprise', index), so enterprise #i does not
 * change when the personnel count does. `iterateDemoData` yields one enterprise bundle at a time, so a
 * bench can stream 6,000 enterprises × 17 people without holding 100,000 people in memory.
 */
import type { Enterprise, Licence, Person } from '../../shared/domain/register';
import {
  CATEGORIES,
  CATEGORY_CODES,
  categoriesOfDepartment,
  type CategoryCode,
} from '../../shared/reference/categories';
import { certificateType, type CertificateTypeCode } from '../../shared/reference/certificates';
import { DEPARTMENTS, department, type DepartmentCode } from '../../shared/reference/departments';
import type { UnitTypeCode } from '../../shared/reference/enterprise-options';
import { COUNTIES, PINGTAN_REGION_CODE, region, regionCode6, type Region } from '../../shared/reference/regions';
import type { RoleCode } from '../../shared/reference/roles';
import { ALL_SEGMENTS, segmentKey, type Segment } from '../../shared/reference/segments';
import { addDays, isIsoDate, isoToDays } from '../../shared/validation/dates';
import { generateIdCard } from '../../shared/validation/idcard';
import { generateLandline, generateMobile } from '../../shared/validation/phone';
import { generateRegistrationNo } from '../../shared/validation/registration-no';
import { generateUscc } from '../../shared/validation/uscc';
import { BRANDS, personName, streetAddress } from './names';
import { CERTIFICATE_FORMATS, COMPANY_UNIT_TYPES, PROFILES, type Profile, type SegmentKeyString } from './profiles';
import { chance, hashSeed, int, pad, pick, streamOf, weighted, type Rng } from './rng';

/** The seed the local stack uses (the year of the seed manual). */
export const DEMO_SEED = 2017;

export interface GenerateOptions {
  seed: number | string;
  /** How many enterprises; a few hundred for the local stack, 6,000 for the bench. */
  enterprises: number;
  /** Exactly this many 从业人员 per enterprise; default 3. */
  personnelPerEnterprise?: number;
  /** ISO date the expired / expiring mix is relative to. */
  today: string;
  /** How many of the first enterprises get a login; default 20. */
  accounts?: number;
  /**
   * After the `enterprises` drawn at random, add the few units needed so that every demo regulator below
   * province level (the README's city and county logins) finds rows in every unit list of their categories —
   * a demo where 泉州's 港口经营 list is empty shows nothing. Off for the bench and the small test seeds.
   */
  coverDemoJurisdictions?: boolean;
}

export type DemoEnterprise = Enterprise & { id: string };
export type DemoLicence = Licence & { id: string; enterpriseId: string };
export type DemoPerson = Person & { id: string; enterpriseId: string };

export interface DemoRegulator {
  /** The login (README: Demo data and accounts); the initial password is its last six digits. */
  mobile: string;
  name: string;
  department: DepartmentCode;
  /** '35' 省直, a city ('3505') or a county ('350583'): the prefix of what the account may see. */
  regionCode: string;
  categories: CategoryCode[];
  roles: RoleCode[];
}

export interface DemoEnterpriseAccount {
  /** The enterprise's 统一社会信用代码. */
  login: string;
  enterpriseId: string;
  /** 信息员: the person who registered the account (the seed's registration page). */
  informant: { name: string; idCardNo: string; mobile: string };
}

export interface DemoBundle {
  enterprise: DemoEnterprise;
  licences: DemoLicence[];
  personnel: DemoPerson[];
  account?: DemoEnterpriseAccount;
}

export interface DemoData {
  enterprises: DemoEnterprise[];
  licences: DemoLicence[];
  personnel: DemoPerson[];
  regulators: DemoRegulator[];
  enterpriseAccounts: DemoEnterpriseAccount[];
}

/** Shares of documents already expired and expiring within 30 days (the warning lists must not be empty). */
export const EXPIRED_SHARE = 0.08;
export const EXPIRING_SHARE = 0.1;

/** Telephone area code and the one-character abbreviation licence numbers use, per city. */
const CITY_META: Record<string, { areaCode: string; abbr: string }> = {
  '3501': { areaCode: '0591', abbr: '榕' },
  '3502': { areaCode: '0592', abbr: '厦' },
  '3503': { areaCode: '0594', abbr: '莆' },
  '3504': { areaCode: '0598', abbr: '明' },
  '3505': { areaCode: '0595', abbr: '泉' },
  '3506': { areaCode: '0596', abbr: '漳' },
  '3507': { areaCode: '0599', abbr: '延' },
  '3508': { areaCode: '0597', abbr: '龙' },
  '3509': { areaCode: '0593', abbr: '宁' },
};

/** GB/T 2260 lists 金门县 (350527) under 泉州, but no unit on the Fujian register is there. */
const DEMO_COUNTIES = COUNTIES.filter((c) => c.code !== '350527');
const DEMO_COUNTIES_OF_CITY = new Map<string, Region[]>();
for (const c of DEMO_COUNTIES) {
  const list = DEMO_COUNTIES_OF_CITY.get(c.parentCode as string) ?? [];
  list.push(c);
  DEMO_COUNTIES_OF_CITY.set(c.parentCode as string, list);
}

function countiesOfCity(cityCode: string): Region[] {
  return DEMO_COUNTIES_OF_CITY.get(cityCode) ?? [];
}

const SEGMENT_WEIGHTS = ALL_SEGMENTS.map((s) => [s, profileOf(s).weight] as const);

function profileOf(s: { category: string; code: string }): Profile {
  return PROFILES[segmentKey(s.category, s.code) as SegmentKeyString];
}

function cityMeta(cityCode: string) {
  const m = CITY_META[cityCode];
  if (!m) throw new Error(`no demo metadata for city ${cityCode}`);
  return m;
}

/** The name a local body carries: '泉州市丰泽区', '晋江市', '安溪县', '泉州市'; 平潭 by its zone's name. */
function localName(r: Region): string {
  if (r.code === PINGTAN_REGION_CODE) return '平潭综合实验区';
  if (r.level !== 'county') return r.name;
  return r.name.endsWith('区') ? region(r.parentCode as string).name + r.name : r.name;
}

/** '永安' for 永安市, '丰泽' for 丰泽区: the county word inside a company name. */
function countyWord(r: Region): string {
  return r.name.length > 2 ? r.name.replace(/[市县区]$/, '') : r.name;
}

const LOCAL_OFFICE: Partial<Record<DepartmentCode, string>> = {
  anjian: '安全生产监督管理局',
  gongan: '公安局',
  jiaotong: '交通运输局',
  jingxin: '经济和信息化局',
  huanbao: '环境保护局',
  shangwu: '商务局',
  zhijian: '质量技术监督局',
  gongxiaoshe: '供销合作社联合社',
};

function issuerName(p: Profile, seg: Segment, home: Region): string {
  if ('nation' in p.issuer) return p.issuer.nation;
  if (p.issuer.level === 'province') return department(seg.licenceDepartment).name;
  const where = p.issuer.level === 'city' || home.level !== 'county' ? region(cityCodeOf(home)) : home;
  return localName(where) + (p.issuer.office ?? LOCAL_OFFICE[seg.licenceDepartment] ?? '人民政府');
}

function cityCodeOf(r: Region): string {
  return r.level === 'county' ? (r.parentCode as string) : r.code;
}

/**
 * Where the n-th document of a kind falls in the expired / expiring / valid mix: the fractional parts of
 * n·φ (plus a per-seed offset) are spread evenly over [0, 1), so the shares hold at 300 enterprises as at
 * 6,000 — plain random draws left a 300-enterprise demo with half the expired licences it should have.
 */
function mixPosition(state: RunState, kind: 'licence' | 'certificate'): number {
  const n = next(state, `mix:${kind}`);
  const x = n * 0.6180339887498949 + state.mixOffset;
  return x - Math.floor(x);
}

/** validFrom/validTo of a document with a term of `years`; `r` in [0, 1) picks expired / expiring / valid. */
function documentDates(rng: Rng, today: string, years: number, r: number): { validFrom: string; validTo: string } {
  const term = years * 365;
  const offset =
    r < EXPIRED_SHARE
      ? -int(rng, 1, 365)
      : r < EXPIRED_SHARE + EXPIRING_SHARE
        ? int(rng, 1, 29)
        : int(rng, 45, term - 30);
  const validTo = addDays(today, offset);
  return { validFrom: addDays(validTo, -term + 1), validTo };
}

function yearOf(iso: string): number {
  return Number(iso.slice(0, 4));
}

const CAPITALS = [50, 100, 200, 300, 500, 800, 1000, 1500, 2000, 3000, 5000, 8000, 10000, 20000, 50000];
const SUFFIX: Partial<Record<UnitTypeCode, readonly string[]>> = {
  'limited-liability': ['有限公司', '有限公司', '有限公司', '有限公司', '有限责任公司'],
  'joint-stock': ['股份有限公司'],
  'state-owned': ['有限公司', '公司', '集团有限公司'],
  collective: ['公司'],
  'whole-people': ['公司'],
  'sole-proprietorship': ['经营部', '商行'],
  individual: ['经营部'],
};

/** Mutable state of one run: sequences for licence and certificate numbers, and the uniqueness sets. */
interface RunState {
  seed: number | string;
  today: string;
  personnel: number;
  accounts: number;
  birthTo: string;
  mixOffset: number;
  seq: Map<string, number>;
  names: Set<string>;
  creditCodes: Set<string>;
}

function next(state: RunState, key: string): number {
  const n = (state.seq.get(key) ?? 0) + 1;
  state.seq.set(key, n);
  return n;
}

function companyName(rng: Rng, home: Region, trade: string, unitType: UnitTypeCode): string {
  const city = region(cityCodeOf(home));
  const brand = pick(rng, BRANDS);
  if (unitType === 'foreign-invested' || unitType === 'hmt-invested') {
    return `${brand}（${chance(rng, 0.5) ? '福建' : city.name.replace(/市$/, '')}）${trade}有限公司`;
  }
  const suffix = pick(rng, SUFFIX[unitType] ?? ['有限公司']);
  const local = localName(home);
  const pattern = int(rng, 0, 5);
  if (pattern === 0 && home.level === 'county' && home.code !== PINGTAN_REGION_CODE) {
    return `福建省${city.name}${countyWord(home)}${trade}${suffix}`; // 福建省三明市永安化工有限公司
  }
  const word = [local, '福建省', '福建', `福建省${city.name}`, city.name.replace(/市$/, ''), local][pattern] as string;
  return `${word}${brand}${trade}${suffix}`; // 泉州市丰泽区安达烟花爆竹批发有限公司
}

/** Name and 单位类型 of an enterprise, in the style its segment calls for. */
function nameAndType(rng: Rng, p: Profile, home: Region): { name: string; unitType: UnitTypeCode } {
  const local = localName(home);
  const city = region(cityCodeOf(home)).name.replace(/市$/, '');
  switch (p.style) {
    case 'shop': {
      const unitType = weighted(rng, p.unitTypes ?? COMPANY_UNIT_TYPES);
      const tail = pick(rng, ['零售点', '经营部', '商行', '店']);
      return { name: `${local}${pick(rng, BRANDS)}烟花爆竹${tail}`, unitType };
    }
    case 'station': {
      const r = rng();
      const brand = pick(rng, BRANDS);
      if (r < 0.4) {
        return { name: `中国石化销售有限公司福建${city}石油分公司${brand}加油站`, unitType: 'state-owned' };
      }
      if (r < 0.6) {
        return { name: `中国石油天然气股份有限公司福建${city}销售分公司${brand}加油站`, unitType: 'joint-stock' };
      }
      return {
        name: `${local}${brand}加油站`,
        unitType: weighted<UnitTypeCode>(rng, [
          ['private', 3],
          ['limited-liability', 3],
          ['individual', 1],
        ]),
      };
    }
    case 'firearms-user': {
      // The seed's kinds of user: 营业性射击场, 射击竞技体育运动单位, 野生动物科研保护饲养单位, 护农狩猎队.
      const kind = int(rng, 0, 3);
      if (kind === 0) return { name: `${local}${pick(rng, BRANDS)}射击俱乐部有限公司`, unitType: 'limited-liability' };
      if (kind === 1) return { name: `${local}射击运动管理中心`, unitType: 'public-institution' };
      if (kind === 2) return { name: `${local}野生动物救护繁育中心`, unitType: 'public-institution' };
      return { name: `${local}护农狩猎队`, unitType: 'other' };
    }
    case 'company': {
      const unitType = weighted(rng, p.unitTypes ?? COMPANY_UNIT_TYPES);
      return { name: companyName(rng, home, pick(rng, p.trades), unitType), unitType };
    }
  }
}

/** 登记管理部门 and 机构类别 codes (characters 1–2 of the credit code) by 单位类型. */
function usccHead(unitType: UnitTypeCode): { department: string; kind: string } {
  if (unitType === 'public-institution') return { department: '1', kind: '2' };
  if (unitType === 'government') return { department: '1', kind: '1' };
  if (unitType === 'social-organisation') return { department: '5', kind: '1' };
  if (unitType === 'individual') return { department: '9', kind: '2' };
  return { department: '9', kind: '1' };
}

function registrationAuthority(unitType: UnitTypeCode, home: Region): string {
  if (unitType === 'public-institution') return `${localName(home)}机构编制委员会办公室`;
  if (unitType === 'social-organisation') return `${localName(home)}民政局`;
  return `${localName(home)}工商行政管理局`;
}

function registrationStatusFor(rng: Rng, mustBeActive: boolean): Enterprise['registrationStatus'] {
  if (mustBeActive) return 'in-business';
  return weighted<Enterprise['registrationStatus']>(rng, [
    ['in-business', 93],
    ['moved-out', 2],
    ['suspended', 2],
    ['revoked', 1.5],
    ['deregistered', 1.5],
  ]);
}

function makeEnterprise(
  state: RunState,
  i: number,
  forced?: { segment: Segment; county: Region },
): { enterprise: DemoEnterprise; segments: Segment[]; home: Region } {
  const rng = streamOf(state.seed, 'enterprise', i);
  // The first enterprises walk every segment and every county once, so even a small run covers them all.
  const primary =
    forced?.segment ?? (i < ALL_SEGMENTS.length ? (ALL_SEGMENTS[i] as Segment) : weighted(rng, SEGMENT_WEIGHTS));
  const county =
    forced?.county ??
    (i < DEMO_COUNTIES.length ? (DEMO_COUNTIES[(i * 37) % DEMO_COUNTIES.length] as Region) : pick(rng, DEMO_COUNTIES));
  const home = !forced && i >= DEMO_COUNTIES.length && chance(rng, 0.08) ? region(county.parentCode as string) : county;
  const p = profileOf(primary);

  const segments = [primary];
  for (const [key, probability] of p.also ?? []) {
    if (!chance(rng, probability)) continue;
    const s = ALL_SEGMENTS.find((x) => segmentKey(x.category, x.code) === key);
    if (s && !segments.includes(s)) segments.push(s);
  }

  let { name, unitType } = nameAndType(rng, p, home);
  // Names are unique, like on a real register: draw again, and in the rare last resort open a branch.
  for (let attempt = 0; attempt < 20 && state.names.has(name); attempt++) {
    ({ name, unitType } = nameAndType(rng, p, home));
  }
  const base = name;
  for (let branch = 1; state.names.has(name); branch++) name = `${base}第${branch}分公司`;
  state.names.add(name);

  const region6 = regionCode6(home.code);
  const head = usccHead(unitType);
  let creditCode = generateUscc(rng, { regionCode: region6, ...head });
  while (state.creditCodes.has(creditCode)) creditCode = generateUscc(rng, { regionCode: region6, ...head });
  state.creditCodes.add(creditCode);

  const todayDays = isoToDays(state.today);
  const registeredOn = addDays(state.today, -int(rng, 400, 365 * 32));
  const approvedOn = addDays(registeredOn, int(rng, 0, todayDays - 1 - isoToDays(registeredOn)));
  const termYears = pick(rng, [20, 30, 50]);
  const termTo = addDays(registeredOn, termYears * 365 - 1);
  const businessTermTo = chance(rng, 0.3) || termTo <= state.today ? undefined : termTo;
  const capital =
    unitType === 'individual'
      ? int(rng, 1, 50)
      : pick(rng, CAPITALS) + (chance(rng, 0.1) ? int(rng, 1, 999) / 1000 : 0);
  const cm = cityMeta(cityCodeOf(home));
  const legalGender = chance(rng, 0.8) ? 'male' : 'female';
  const industrial = ['production', 'manufacture', 'storage', 'use', 'disposal'].includes(primary.code);
  const zone = industrial && chance(rng, 0.5) ? pick(rng, ['经济开发区', '工业园区', '工业集中区']) : '';

  const enterprise: DemoEnterprise = {
    id: `ent-${pad(i + 1, 6)}`,
    name,
    regionCode: home.code,
    unitType,
    registrationStatus: registrationStatusFor(rng, i < state.accounts),
    // Only units registered with 工商 (credit code starting 9) had a 注册号 before 2015.
    registrationNo:
      head.department === '9' && registeredOn < '2015-10-01' && chance(rng, 0.4)
        ? generateRegistrationNo(rng, region6, unitType === 'individual')
        : undefined,
    creditCode,
    registeredCapital: unitType === 'public-institution' || unitType === 'other' ? undefined : capital,
    legalRepresentative: personName(rng, legalGender),
    phone: chance(rng, 0.65) ? generateLandline(rng, cm.areaCode) : generateMobile(rng),
    registeredOn,
    approvedOn,
    businessTermFrom: registeredOn,
    businessTermTo,
    registrationAuthority: registrationAuthority(unitType, home),
    address: `${localName(home)}${zone}${streetAddress(rng)}`,
    businessScope: pick(rng, p.scope),
    segments: segments.map((s) => ({ category: s.category, segment: s.code })),
  };
  // Optional fields that are absent are left out, not set to undefined, so the JSON is the same either way.
  for (const key of Object.keys(enterprise) as (keyof DemoEnterprise)[]) {
    if (enterprise[key] === undefined) delete enterprise[key];
  }
  return { enterprise, segments, home };
}

function makeLicences(state: RunState, i: number, e: DemoEnterprise, segments: Segment[], home: Region): DemoLicence[] {
  const rng = streamOf(state.seed, 'licence', i);
  const cityCode = cityCodeOf(home);
  return segments.map((seg, k) => {
    const p = profileOf(seg);
    const dates = documentDates(rng, state.today, p.licenceYears, mixPosition(state, 'licence'));
    const seq = next(state, `licence:${p.family ?? seg.licenceName}`);
    const licence: DemoLicence = {
      id: `lic-${pad(i + 1, 6)}-${k + 1}`,
      enterpriseId: e.id,
      category: seg.category,
      segment: seg.code,
      licenceName: seg.licenceName,
      number: p.licenceNo({ year: yearOf(dates.validFrom), seq, cityCode, abbr: cityMeta(cityCode).abbr }),
      issuer: issuerName(p, seg, home),
      ...dates,
    };
    if (p.licenceScope) licence.scope = pick(rng, p.licenceScope);
    return licence;
  });
}

const MOSTLY_MEN = new Set(['驾驶员', '押运员', '爆破员', '保管员', '装卸管理人员', '卸油员', '燃放作业人员']);

function makePersonnel(state: RunState, i: number, e: DemoEnterprise, segments: Segment[], home: Region): DemoPerson[] {
  const rng = streamOf(state.seed, 'personnel', i);
  const cityCode = cityCodeOf(home);
  const cityName = region(cityCode).name;
  const sameCity = countiesOfCity(cityCode);
  const people: DemoPerson[] = [];
  for (let j = 0; j < state.personnel; j++) {
    const p = profileOf(pick(rng, segments));
    const [position, certs] = weighted(
      rng,
      p.staff.map(([pos, c, w]) => [[pos, c] as const, w] as const),
    );
    const gender = chance(rng, MOSTLY_MEN.has(position) ? 0.9 : 0.6) ? 'male' : 'female';
    const origin = chance(rng, 0.85) ? pick(rng, sameCity) : pick(rng, DEMO_COUNTIES);
    const idCardNo = generateIdCard(rng, { regionCode: origin.code, birthTo: state.birthTo, gender });
    people.push({
      id: `per-${pad(i + 1, 6)}-${pad(j + 1, 3)}`,
      enterpriseId: e.id,
      name: personName(rng, gender),
      idCardNo,
      gender,
      mobile: generateMobile(rng),
      position,
      certificates: certs.map((type: CertificateTypeCode) => {
        const years = type === 'driving-licence' ? pick(rng, [6, 10]) : certificateType(type).validityYears;
        const dates = documentDates(rng, state.today, years, mixPosition(state, 'certificate'));
        const fmt = CERTIFICATE_FORMATS[type];
        const seq = next(state, `cert:${type}`);
        return {
          type,
          number: fmt.number({ idCardNo, cityCode, year: yearOf(dates.validFrom), seq }),
          issuer: fmt.issuer(cityName),
          ...dates,
        };
      }),
    });
  }
  return people;
}

function makeAccount(state: RunState, i: number, e: DemoEnterprise, home: Region): DemoEnterpriseAccount {
  const rng = streamOf(state.seed, 'informant', i);
  const gender = chance(rng, 0.5) ? 'male' : 'female';
  const origin = home.level === 'county' ? home : pick(rng, countiesOfCity(home.code));
  return {
    login: e.creditCode as string,
    enterpriseId: e.id,
    informant: {
      name: personName(rng, gender),
      idCardNo: generateIdCard(rng, { regionCode: origin.code, birthTo: state.birthTo, gender }),
      mobile: generateMobile(rng),
    },
  };
}

function checkOptions(o: GenerateOptions): void {
  if (!isIsoDate(o.today)) throw new Error(`today must be an ISO date (YYYY-MM-DD): ${o.today}`);
  if (!Number.isInteger(o.enterprises) || o.enterprises < 0 || o.enterprises > 1_000_000) {
    throw new Error(`enterprises must be an integer in 0…1000000: ${o.enterprises}`);
  }
  const per = o.personnelPerEnterprise ?? 3;
  if (!Number.isInteger(per) || per < 0 || per > 999) {
    throw new Error(`personnelPerEnterprise must be an integer in 0…999: ${per}`);
  }
}

/** One bundle per enterprise, in id order. Holds only the name/credit-code sets across bundles. */
export function* iterateDemoData(options: GenerateOptions): Generator<DemoBundle, void, undefined> {
  checkOptions(options);
  // People are adults: born 1960–2000, and at least 18 on `today`.
  const adult = addDays(options.today, -18 * 366);
  const state: RunState = {
    seed: options.seed,
    today: options.today,
    personnel: options.personnelPerEnterprise ?? 3,
    accounts: options.accounts ?? 20,
    birthTo: adult < '2000-12-31' ? adult : '2000-12-31',
    mixOffset: hashSeed(options.seed, 'mix') / 4294967296,
    seq: new Map(),
    names: new Set(),
    creditCodes: new Set(),
  };
  /** `category/segment@regionPrefix` of every unit so far, at province, city and county level. */
  const listed = new Set<string>();
  const bundleOf = (i: number, forced?: { segment: Segment; county: Region }): DemoBundle => {
    const { enterprise, segments, home } = makeEnterprise(state, i, forced);
    for (const s of segments) {
      for (const prefix of ['35', home.code.slice(0, 4), home.code]) listed.add(`${s.category}/${s.code}@${prefix}`);
    }
    const bundle: DemoBundle = {
      enterprise,
      licences: makeLicences(state, i, enterprise, segments, home),
      personnel: makePersonnel(state, i, enterprise, segments, home),
    };
    if (i < state.accounts) bundle.account = makeAccount(state, i, enterprise, home);
    return bundle;
  };
  let i = 0;
  for (; i < options.enterprises; i++) yield bundleOf(i);
  if (!options.coverDemoJurisdictions) return;
  for (const { regionCode, category } of demoJurisdictions(options.seed)) {
    for (const segment of ALL_SEGMENTS.filter((s) => s.category === category)) {
      if (listed.has(`${category}/${segment.code}@${regionCode}`)) continue;
      const counties =
        regionCode.length === 6 ? DEMO_COUNTIES.filter((c) => c.code === regionCode) : countiesOfCity(regionCode);
      const county = counties[next(state, `cover:${regionCode}`) % counties.length];
      if (county) yield bundleOf(i++, { segment, county });
    }
  }
}

/** Below province level, each demo regulator's jurisdiction × category: the lists `coverDemoJurisdictions` fills. */
function demoJurisdictions(seed: number | string): { regionCode: string; category: CategoryCode }[] {
  const seen = new Set<string>();
  const out: { regionCode: string; category: CategoryCode }[] = [];
  for (const r of demoRegulators(seed)) {
    if (r.regionCode.length < 4 || !r.roles.some((x) => x === 'inspector' || x === 'reviewer')) continue;
    for (const category of r.categories) {
      const key = `${r.regionCode}/${category}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ regionCode: r.regionCode, category });
    }
  }
  return out;
}

/**
 * The regulator accounts: for each category an inspector and a reviewer of its lead department at
 * province level; a province-level inspector of every other department (so the portal's "监管人员开通数量"
 * has a row for each); city (泉州 3505, 三明 3504) and county inspectors; department admins; and the three
 * separated admins (三员分立). Mobiles are 139 0000 00NN, easy to type at a demo.
 */
export function demoRegulators(seed: number | string): DemoRegulator[] {
  const specs: Omit<DemoRegulator, 'mobile' | 'name'>[] = [];
  for (const c of CATEGORIES) {
    specs.push({ department: c.lead, regionCode: '35', categories: [c.code], roles: ['inspector'] });
    specs.push({ department: c.lead, regionCode: '35', categories: [c.code], roles: ['reviewer'] });
  }
  const leads = new Set<string>(CATEGORIES.map((c) => c.lead));
  for (const d of DEPARTMENTS) {
    if (leads.has(d.code)) continue;
    specs.push({
      department: d.code,
      regionCode: '35',
      categories: categoriesOfDepartment(d.code),
      roles: ['inspector'],
    });
  }
  for (const city of ['3505', '3504']) {
    specs.push({
      department: 'anjian',
      regionCode: city,
      categories: categoriesOfDepartment('anjian'),
      roles: ['inspector'],
    });
    specs.push({
      department: 'gongan',
      regionCode: city,
      categories: categoriesOfDepartment('gongan'),
      roles: ['inspector'],
    });
    specs.push({
      department: 'anjian',
      regionCode: city,
      categories: categoriesOfDepartment('anjian'),
      roles: ['reviewer'],
    });
  }
  specs.push({
    department: 'anjian',
    regionCode: '350583',
    categories: ['hazchem', 'fireworks'],
    roles: ['inspector'],
  });
  specs.push({
    department: 'gongan',
    regionCode: '350481',
    categories: ['explosives', 'firearms'],
    roles: ['inspector'],
  });
  specs.push({
    department: 'anjian',
    regionCode: '35',
    categories: categoriesOfDepartment('anjian'),
    roles: ['dept-admin'],
  });
  specs.push({
    department: 'gongan',
    regionCode: '3505',
    categories: categoriesOfDepartment('gongan'),
    roles: ['dept-admin'],
  });
  // The platform's own administrators sit with 省安委办 (in 安监). They administer every sub-platform, so
  // they hold every category; what they may do there is limited by role, not by category.
  for (const admin of ['sys-admin', 'sec-admin', 'audit-admin'] as const) {
    specs.push({ department: 'anjian', regionCode: '35', categories: [...CATEGORY_CODES], roles: [admin] });
  }
  const rng = streamOf(seed, 'regulators');
  return specs.map((s, n) => ({
    mobile: `139${pad(n + 1, 8)}`,
    name: personName(rng, chance(rng, 0.7) ? 'male' : 'female'),
    ...s,
  }));
}

/** Everything at once: for the local stack and tests. For 100,000 people, stream with iterateDemoData. */
export function generateDemoData(options: GenerateOptions): DemoData {
  const data: DemoData = { enterprises: [], licences: [], personnel: [], regulators: [], enterpriseAccounts: [] };
  for (const b of iterateDemoData(options)) {
    data.enterprises.push(b.enterprise);
    data.licences.push(...b.licences);
    data.personnel.push(...b.personnel);
    if (b.account) data.enterpriseAccounts.push(b.account);
  }
  data.regulators = demoRegulators(options.seed);
  return data;
}
