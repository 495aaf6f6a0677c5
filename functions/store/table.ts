/**
 * The single table's shape, declared once. The CDK stack, the local stack and the integration tests
 * all build the table from this object, and the ElectroDB entities name the same attributes, so the
 * three can never disagree about a key.
 *
 * Every index uses generic attribute names and is overloaded by the entities (see docs/access-patterns.md).
 * `due` is sparse: only items that carry a deadline (licence expiry, certificate expiry, hazard
 * rectification deadline, expected receipt of a shipment) write `duepk`/`duesk`, so the daily warning scan
 * reads only what is due — its cost grows with the number of warnings, not with the register.
 */
import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';

export interface IndexDef {
  /** Index name as DynamoDB knows it (≥ 3 characters: DynamoDB Local rejects shorter ones). */
  name: string;
  pk: string;
  sk: string;
  /** Only some entities write this index's keys. */
  sparse: boolean;
  purpose: string;
}

export const TABLE = {
  partitionKey: 'pk',
  sortKey: 'sk',
  /** Epoch seconds; DynamoDB TTL removes sessions, delivered outbox events and other short-lived items. */
  ttlAttribute: 'expiresAt',
  /**
   * The table's change stream, read by the outbox relay (functions/lib/events/relay.ts): new images only — an
   * outbox INSERT carries the whole event, so the relay needs no read of its own.
   */
  streamViewType: 'NEW_IMAGE',
  indexes: [
    { name: 'gsi1', pk: 'gsi1pk', sk: 'gsi1sk', sparse: false, purpose: 'lists by category × segment × region prefix' },
    {
      name: 'gsi2',
      pk: 'gsi2pk',
      sk: 'gsi2sk',
      sparse: true,
      purpose: 'look-ups by natural key (信用代码, mobile, 身份证号)',
    },
    {
      name: 'gsi3',
      pk: 'gsi3pk',
      sk: 'gsi3sk',
      sparse: true,
      purpose: 'work queues: requests by reviewer scope and status',
    },
    { name: 'due', pk: 'duepk', sk: 'duesk', sparse: true, purpose: 'deadlines: what falls due, by kind and date' },
  ] as const satisfies readonly IndexDef[],
} as const;

export type IndexName = (typeof TABLE.indexes)[number]['name'];

/** CreateTable input for DynamoDB Local and tests: same keys, indexes and stream as the stack, on-demand. */
export function createTableInput(tableName: string): CreateTableCommandInput {
  const attrs = new Set<string>([TABLE.partitionKey, TABLE.sortKey]);
  for (const i of TABLE.indexes) {
    attrs.add(i.pk);
    attrs.add(i.sk);
  }
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    StreamSpecification: { StreamEnabled: true, StreamViewType: TABLE.streamViewType },
    AttributeDefinitions: [...attrs].map((name) => ({ AttributeName: name, AttributeType: 'S' })),
    KeySchema: [
      { AttributeName: TABLE.partitionKey, KeyType: 'HASH' },
      { AttributeName: TABLE.sortKey, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: TABLE.indexes.map((i) => ({
      IndexName: i.name,
      KeySchema: [
        { AttributeName: i.pk, KeyType: 'HASH' },
        { AttributeName: i.sk, KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    })),
  };
}
