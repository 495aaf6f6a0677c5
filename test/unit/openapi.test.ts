import { describe, expect, it } from 'vitest';
import { MANIFEST } from '../../functions/manifest';
import { buildOpenApi } from '../../functions/platform/openapi';

/** The generated document must describe the schemas, not just name them. */
describe('the OpenAPI document', () => {
  const doc = buildOpenApi(MANIFEST, 'test') as { components: { schemas: Record<string, Record<string, unknown>> } };
  const schemas = doc.components.schemas;

  it('defines every named schema by its content, never as a reference to itself', () => {
    const selfRefs = Object.entries(schemas).filter(([id, s]) => s.$ref === `#/components/schemas/${id}`);
    expect(selfRefs.map(([id]) => id)).toEqual([]);
    expect(schemas.ChangeRequestInput).toHaveProperty('oneOf');
    expect(schemas.UnitListPage).toMatchObject({ type: 'object' });
  });

  it('resolves every reference to a defined schema', () => {
    const refs = [...JSON.stringify(doc).matchAll(/"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(20);
    expect([...new Set(refs)].filter((id) => !(id in schemas))).toEqual([]);
  });
});
