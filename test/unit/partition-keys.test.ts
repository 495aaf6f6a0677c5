import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { createStore } from '../../functions/store';
import { auditHeadModel, auditRecordModel } from '../../functions/store/entities/audit';
import {
  INDEXED_ENTITIES,
  matchesPattern,
  PARTITION_KEYS,
  type StoreEntity,
} from '../../functions/store/partition-keys';

// Keys are built offline: the client is never called.
const documents = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'us-east-1' }));
const store = createStore(documents, 'keys');

interface KeyedEntity {
  schema: { indexes: Record<string, { index?: string; pk: { composite: string[] }; sk?: { composite: string[] } }> };
  get(key: Record<string, unknown>): { params(): { Key: { pk: string } } };
}

/** The table partition key ElectroDB writes for an item of `entity`, with ids as the code makes them. */
function partitionKeyOf(name: string, entity: KeyedEntity): string {
  const primary = Object.values(entity.schema.indexes).find((i) => !i.index)!;
  const sample = (attr: string): unknown => {
    if (attr === 'auditShard' || attr === 'auditChain' || attr === 'seq') return 3;
    if (attr === 'requestId') return name.startsWith('registration') ? 'reg-Abc123' : 'chg-Abc123';
    if (attr === 'expertId') return 'exp-0123456789abcdef0123456789abcdef';
    if (attr === 'checklistId') return 'ckl-Abc123';
    if (attr === 'version') return 3;
    if (attr === 'noticeId') return 'ntc-Abc123';
    if (attr === 'hazardId') return 'hz-0123456789abcdef0123456789abcdef';
    if (attr === 'shipmentId') return 'shp-0123456789abcdef01234567';
    if (attr === 'runId') return 'wsr-Abc123';
    if (attr === 'waybillId') return 'wb-0123456789abcdef0123456789abcdef';
    return `Sample-${attr}`;
  };
  const composite = [...primary.pk.composite, ...(primary.sk?.composite ?? [])];
  return entity.get(Object.fromEntries(composite.map((a) => [a, sample(a)]))).params().Key.pk;
}

const entities: [StoreEntity, KeyedEntity][] = Object.entries(store)
  .filter(([k]) => k !== 'table' && k !== 'client' && k !== 'audit')
  .map(([k, v]) => [k as StoreEntity, v as unknown as KeyedEntity]);

describe('partition-key patterns for IAM LeadingKeys', () => {
  it('has a pattern for every entity of the store, and only those', () => {
    const names = [...entities.map(([k]) => k), 'audit'].sort();
    expect(Object.keys(PARTITION_KEYS).sort()).toEqual(names);
  });

  it('matches the partition key ElectroDB builds for each entity', () => {
    for (const [name, entity] of entities) {
      const pk = partitionKeyOf(name, entity);
      expect(
        PARTITION_KEYS[name].some((p) => matchesPattern(pk, p)),
        `${name}: ${pk} vs ${PARTITION_KEYS[name].join(', ')}`,
      ).toBe(true);
    }
    const record = partitionKeyOf('auditRecord', auditRecordModel(documents, 'keys') as unknown as KeyedEntity);
    const head = partitionKeyOf('auditHead', auditHeadModel(documents, 'keys') as unknown as KeyedEntity);
    expect(record).toBe('$hazmat#auditshard_03');
    expect(head).toBe('$hazmat#auditchain_03');
    for (const pk of [record, head]) expect(PARTITION_KEYS.audit.some((p) => matchesPattern(pk, p))).toBe(true);
  });

  it('keeps change requests and registrations apart, and audit items apart from everything else', () => {
    const change = partitionKeyOf('changeRequests', store.changeRequests as unknown as KeyedEntity);
    const registration = partitionKeyOf('registrations', store.registrations as unknown as KeyedEntity);
    expect(PARTITION_KEYS.registrations.some((p) => matchesPattern(change, p))).toBe(false);
    expect(PARTITION_KEYS.changeRequests.some((p) => matchesPattern(registration, p))).toBe(false);
    for (const [name, entity] of entities) {
      const pk = partitionKeyOf(name, entity);
      expect(
        PARTITION_KEYS.audit.some((p) => matchesPattern(pk, p)),
        name,
      ).toBe(false);
    }
  });

  it('lists exactly the entities that have a secondary index (they may Query the indexes)', () => {
    const indexed = entities.filter(([, e]) => Object.values(e.schema.indexes).some((i) => i.index)).map(([k]) => k);
    // The audit records are read by day, actor and object (gsi1–3).
    expect([...INDEXED_ENTITIES].sort()).toEqual([...indexed, 'audit'].sort());
  });
});
