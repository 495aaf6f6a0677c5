import { describe, expect, it } from 'vitest';
import { CATEGORIES, categoriesOfDepartment, category, isCategoryCode } from '../../shared/reference/categories';
import { DEPARTMENTS, type Department } from '../../shared/reference/departments';

/** DESIGN §2, copied verbatim: the table the reference data must match. */
const DESIGN_TABLE = `
| 枪支弹药 firearms & ammunition | 公安 | 经委、公安、财政、农厅、林业、工商、体育 |
| 危险化学品 (含剧毒、硝酸铵) | 安监 | 经信、卫计、公安、环保、住建、交通、工商、质监、安监 |
| 民爆物品 civil explosives | 经信 | 经信、公安、住建、交通、安监、煤监 |
| 放射性物品 radioactive | 环保 | 卫计、公安、环保、交通、工商、安监 |
| 烟花爆竹 fireworks | 安监 | 公安、交通、工商、质监、安监 |
| 硝酸铵复混肥 AN compound fertiliser | 经信 | 经信、公安、农业、工商、质监、安监、供销社 |
| 散装汽油 bulk gasoline | 安监 | 公安、商务、工商、安监 |
| 运输监管 transport (cross-cutting; the seed names no lead — take 交通) | 交通 | 交通、公安 |
`;

/** A department by any word the seed uses for it: its short name or an alias (经委 = 经信, 农厅 = 农业). */
function departmentByWord(word: string): Department {
  const d = DEPARTMENTS.find((x) => x.short === word || (x.aliases as readonly string[]).includes(word));
  if (!d) throw new Error(`no department is called ${word}`);
  return d;
}

const rows = DESIGN_TABLE.trim()
  .split('\n')
  .map((line) => line.split('|').map((cell) => cell.trim()))
  .map(([, name, lead, responsible]) => ({
    name: (name as string).split(' ')[0] as string,
    lead: lead as string,
    responsible: (responsible as string).split('、'),
  }));

describe('categories and departments match DESIGN §2', () => {
  it('has exactly the eight categories of the table, in the portal order', () => {
    expect(CATEGORIES.map((c) => c.name).sort()).toEqual(rows.map((r) => r.name).sort());
    expect(CATEGORIES.map((c) => c.code)).toEqual([
      'firearms',
      'hazchem',
      'explosives',
      'bulk-gasoline',
      'radioactive',
      'fireworks',
      'an-fertiliser',
      'transport',
    ]);
  });

  it.each(rows)('$name has the lead and the responsible departments of the table, in its order', (row) => {
    // Prepare
    const c = CATEGORIES.find((x) => x.name === row.name);

    // Assess
    expect(c).toBeDefined();
    expect(c?.lead).toBe(departmentByWord(row.lead).code);
    expect(c?.responsible).toEqual(row.responsible.map((w) => departmentByWord(w).code));
  });

  it('has the 16 departments of the seed, each named once, each taking part in some category', () => {
    expect(DEPARTMENTS).toHaveLength(16);
    expect(new Set(DEPARTMENTS.map((d) => d.code)).size).toBe(16);
    expect(new Set(DEPARTMENTS.map((d) => d.short)).size).toBe(16);
    const named = new Set(rows.flatMap((r) => [r.lead, ...r.responsible]).map((w) => departmentByWord(w).code));
    expect([...named].sort()).toEqual(DEPARTMENTS.map((d) => d.code).sort());
    for (const d of DEPARTMENTS) expect(categoriesOfDepartment(d.code).length).toBeGreaterThan(0);
  });

  it('looks categories up by code and rejects unknown codes', () => {
    expect(category('hazchem').name).toBe('危险化学品');
    expect(isCategoryCode('transport')).toBe(true);
    expect(isCategoryCode('危险化学品')).toBe(false);
  });
});
