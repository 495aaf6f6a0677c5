/**
 * What each context declares it touches in the table (its manifest's `grants.table`, which the CDK turns
 * into LeadingKeys-limited policies) covers what its code touches: every `store.<entity>` reachable from
 * its handler through relative imports (other contexts excluded: the lint rule forbids importing them).
 * DynamoDB Local enforces no IAM, so without this a missing grant would first show as AccessDenied on AWS.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MANIFEST } from '../../functions/manifest';
import { matchesPattern, PARTITION_KEYS, type StoreEntity } from '../../functions/store/partition-keys';
import { SERVICE } from '../../functions/store/service-name';

const ROOT = path.resolve('functions');
const ENTITIES = Object.keys(PARTITION_KEYS) as StoreEntity[];
/**
 * Without comments (a comment naming `store.accounts` is no access) and without type-only imports (`import type …
 * from`: erased at build, it reaches no code — the dashboard reads warning counters through a module that takes the
 * `Warning` type from the writer).
 */
const code = (file: string) =>
  fs
    .readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:])\/\/.*$/gm, '$1')
    .replace(/^\s*(?:import|export)\s+type\s[^;]*?from\s*'[^']+';?/gm, '');

function reachable(entry: string): Set<string> {
  const seen = new Set<string>();
  const todo = [entry];
  while (todo.length) {
    const file = todo.pop()!;
    if (seen.has(file) || !fs.existsSync(file)) continue;
    seen.add(file);
    for (const m of code(file).matchAll(/(?:from|import)\s*\(?\s*'(\.[^']+)'/g)) {
      let target = path.resolve(path.dirname(file), m[1]!);
      if (!target.endsWith('.ts'))
        target = fs.existsSync(`${target}.ts`) ? `${target}.ts` : path.join(target, 'index.ts');
      // The store's own modules define entities; they touch nothing by themselves.
      if (target.startsWith(ROOT) && !target.startsWith(path.join(ROOT, 'store'))) todo.push(target);
    }
  }
  return seen;
}

function entitiesUsed(entry: string): Set<StoreEntity> {
  const used = new Set<StoreEntity>();
  for (const file of reachable(entry)) {
    for (const m of code(file).matchAll(/\b(?:store|storeOf\(\)|deps\.store)\??\.(\w+)\b/g)) {
      if ((ENTITIES as string[]).includes(m[1]!)) used.add(m[1] as StoreEntity);
    }
  }
  return used;
}

describe('table grants declared in the manifests', () => {
  for (const m of MANIFEST) {
    it(`${m.context}: declares every entity its code reaches`, () => {
      const declared = new Set([...(m.grants.table?.read ?? []), ...(m.grants.table?.write ?? [])]);
      const used = entitiesUsed(path.resolve(m.entry));
      // A context whose routes are all public never reads a session (functions/lib/http/route.ts).
      if (m.routes.every((r) => r.public)) {
        used.delete('sessions');
        used.delete('accounts');
      }
      expect([...used].filter((e) => !declared.has(e)).sort()).toEqual([]);
    });
  }

  it('covers entities a context defines outside the store (e.g. the enterprise’s 身份证号 claims) by its keys', () => {
    let found = 0;
    for (const m of MANIFEST) {
      const declared = [...(m.grants.table?.read ?? []), ...(m.grants.table?.write ?? [])];
      const patterns = declared.flatMap((e) => PARTITION_KEYS[e] as readonly string[]);
      for (const file of reachable(path.resolve(m.entry))) {
        const src = code(file);
        if (!src.includes('new Entity(')) continue;
        // The table partition key of each entity defined here, with a sample value.
        for (const pk of src.matchAll(/pk:\s*\{\s*field:\s*'pk',\s*composite:\s*\[([^\]]*)\]/g)) {
          const attrs = [...pk[1]!.matchAll(/'(\w+)'/g)].map((a) => a[1]!.toLowerCase());
          found++;
          const key = attrs.length ? `$${SERVICE}#${attrs.map((a) => `${a}_sample`).join('#')}` : `$${SERVICE}`;
          expect(
            patterns.some((p) => matchesPattern(key, p)),
            `${m.context}: ${path.relative(ROOT, file)} keys ${key}`,
          ).toBe(true);
        }
      }
    }
    expect(found).toBeGreaterThan(0);
  });

  it('the public platform context touches only its own schedule records', () => {
    const platform = MANIFEST.find((m) => m.context === 'platform')!;
    expect(platform.grants.table).toEqual({ write: ['scheduleRuns'] });
  });
});
