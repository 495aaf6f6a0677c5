import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { createStore } from '../../functions/store';

/**
 * The Lambda bundles replace `jsonschema` with a no-op (functions/lib/clients/no-model-schema-check.ts), so
 * ElectroDB's check of each entity model against its schema happens here, with the real package, for every
 * entity of the store — a malformed model fails this test instead of passing silently in a function.
 */
describe('every entity model passes ElectroDB’s own schema check', () => {
  const store = createStore(DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'us-east-1' })), 'models');
  const names = Object.keys(store).filter((k) => k !== 'table' && k !== 'client');

  it('lists the entities', () => expect(names.length).toBeGreaterThan(20));

  // Reading a store property builds its entity (or, for the audit trail, its two entities), checking the model.
  it.each(names)('%s', (name) => {
    expect((store as unknown as Record<string, unknown>)[name]).toBeTruthy();
  });

  it('a malformed model is refused by the real check', async () => {
    const { Entity } = await import('electrodb');
    expect(
      () =>
        new Entity({
          model: { entity: 'broken', version: '1', service: 's' },
          attributes: { a: { type: 'no-such-type' as 'string' } },
          indexes: { byA: { pk: { field: 'pk', composite: ['a'] }, sk: { field: 'sk', composite: [] } } },
        }),
    ).toThrow();
  });
});
