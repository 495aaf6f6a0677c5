import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * docs/access-patterns.md is the map of the single table: it must name every entity the store defines and
 * promise no access the code doesn't have (a collection query, an index no entity uses).
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const doc = readFileSync(path.join(ROOT, 'docs/access-patterns.md'), 'utf8');
const entityDir = path.join(ROOT, 'functions/store/entities');
const sources = readdirSync(entityDir).map((f) => readFileSync(path.join(entityDir, f), 'utf8'));
const entities = sources.flatMap((s) => [...s.matchAll(/entity: '(\w+)'/g)].map((m) => m[1]!));

/** The words of the doc's first column (entity) in its pattern tables. */
const documented = new Set(
  doc
    .split('\n')
    .filter((l) => l.startsWith('| ') && !/^\|\s*-/.test(l))
    .flatMap((l) => l.split('|')[1]!.split(/[^A-Za-z]+/))
    .filter(Boolean),
);

describe('the access-pattern map', () => {
  it('names every entity of the store', () => {
    expect(entities.length).toBeGreaterThan(20);
    expect(entities.filter((e) => !documented.has(e))).toEqual([]);
  });

  it('promises no collection query (the store defines no ElectroDB service to run one)', () => {
    expect(doc).not.toMatch(/collections\.\w+\(/);
  });

  it('describes each index an entity uses, and none that no entity uses', () => {
    const used = new Set(sources.flatMap((s) => [...s.matchAll(/index: '(\w+)'/g)].map((m) => m[1]!)));
    for (const index of used) expect(doc, index).toContain(`| \`${index}\``);
    for (const m of doc.matchAll(/^\| `(gsi\d|due)`/gm)) expect(used.has(m[1]!), m[1]).toBe(true);
  });
});
