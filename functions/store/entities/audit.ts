import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createConversions, createWriteTransaction, Entity } from 'electrodb';
import { SERVICE } from '../service-name';

/**
 * The audit trail (等保2.0 level 3): append-only records, hash-chained per shard (functions/lib/audit).
 *
 * - `auditRecord` — one event. Table key: pk = the chain shard, sk = its sequence number (zero-padded, so a
 *   Query in sk order walks the chain). Three overloaded GSIs serve the viewer without a Scan:
 *   gsi1 by day (Asia/Shanghai calendar day, sorted by time), gsi2 by actor (account id, else the login
 *   typed, else the actor kind), gsi3 by object (type + id, else the type alone). Every attribute is
 *   read-only and the entity is only reachable through `auditModel`, which offers reads and appends.
 * - `auditHead` — one per shard: the last sequence number and hash. Appending is one transaction: the head
 *   moves from seq n to n + 1 only if it still says n, and the record n + 1 is put only if absent.
 *   Heads live in their own partitions (`auditchain_NN`, records in `auditshard_NN`) so an IAM policy can
 *   deny UpdateItem/DeleteItem on the record partitions (`dynamodb:LeadingKeys`) without blocking appends.
 */

/** Shards are two digits in keys: up to 100 chains. */
const SHARD_PADDING = { length: 2, char: '0' } as const;
/** Sequence numbers are twelve digits in keys, so string order is numeric order. */
const SEQ_PADDING = { length: 12, char: '0' } as const;

export const auditRecordModel = (client: DynamoDBDocumentClient, table: string) =>
  new Entity(
    {
      model: { entity: 'auditRecord', version: '1', service: SERVICE },
      attributes: {
        auditShard: { type: 'number', required: true, readOnly: true, padding: SHARD_PADDING },
        seq: { type: 'number', required: true, readOnly: true, padding: SEQ_PADDING },
        /** ISO 8601 UTC, millisecond precision. */
        at: { type: 'string', required: true, readOnly: true },
        /** The Asia/Shanghai calendar day of `at` (YYYY-MM-DD): the viewer's day partition. */
        auditDay: { type: 'string', required: true, readOnly: true },
        actorKind: {
          type: ['regulator', 'enterprise', 'anonymous', 'system'] as const,
          required: true,
          readOnly: true,
        },
        actorAccountId: { type: 'string', readOnly: true },
        actorLogin: { type: 'string', readOnly: true },
        actorName: { type: 'string', readOnly: true },
        actorRoles: { type: 'list', items: { type: 'string' }, readOnly: true },
        /** `account:<id>`, else `login:<login>`, else the actor kind: the actor index partition. */
        actorKey: { type: 'string', required: true, readOnly: true },
        action: { type: 'string', required: true, readOnly: true },
        objectType: { type: 'string', required: true, readOnly: true },
        objectId: { type: 'string', readOnly: true },
        objectLabel: { type: 'string', readOnly: true },
        /** `<type>:<id>`, or the type alone when the object has no id: the object index partition. */
        objectRef: { type: 'string', required: true, readOnly: true },
        outcome: { type: ['success', 'failure', 'denied'] as const, required: true, readOnly: true },
        reason: { type: 'string', readOnly: true },
        sourceIp: { type: 'string', required: true, readOnly: true },
        requestId: { type: 'string', required: true, readOnly: true },
        /** Canonical JSON (sorted keys), redacted and size-capped; hashed as this exact string. */
        details: { type: 'string', readOnly: true },
        /** Hash of the record before this one in the shard (64 zeros for the first). */
        prevHash: { type: 'string', required: true, readOnly: true },
        /** `at` of the record before: tells an expired (TTL) predecessor from a deleted one. */
        prevAt: { type: 'string', readOnly: true },
        /** SHA-256 (hex) of the canonical serialisation of every field above and `expiresAt`. */
        hash: { type: 'string', required: true, readOnly: true },
        /** Epoch seconds for DynamoDB TTL; write time + 400 days (see functions/lib/audit/entry.ts). */
        expiresAt: { type: 'number', required: true, readOnly: true },
      },
      indexes: {
        byShard: {
          pk: { field: 'pk', composite: ['auditShard'] },
          sk: { field: 'sk', composite: ['seq'] },
        },
        byDay: {
          index: 'gsi1',
          pk: { field: 'gsi1pk', composite: ['auditDay'] },
          sk: { field: 'gsi1sk', composite: ['at'] },
        },
        byActor: {
          index: 'gsi2',
          pk: { field: 'gsi2pk', composite: ['actorKey'] },
          sk: { field: 'gsi2sk', composite: ['at'] },
        },
        byObject: {
          index: 'gsi3',
          pk: { field: 'gsi3pk', composite: ['objectRef'] },
          sk: { field: 'gsi3sk', composite: ['at'] },
        },
      },
    },
    { client, table },
  );

export const auditHeadModel = (client: DynamoDBDocumentClient, table: string) =>
  new Entity(
    {
      model: { entity: 'auditHead', version: '1', service: SERVICE },
      attributes: {
        /** The shard this head belongs to (named apart from `auditShard` so heads get their own partitions). */
        auditChain: { type: 'number', required: true, padding: SHARD_PADDING },
        /** Sequence number of the last record appended (0: none yet). */
        seq: { type: 'number', required: true },
        lastHash: { type: 'string', required: true },
        lastAt: { type: 'string', required: true },
      },
      indexes: {
        byChain: {
          pk: { field: 'pk', composite: ['auditChain'] },
          sk: { field: 'sk', composite: [] },
        },
      },
    },
    { client, table },
  );

export type AuditRecordEntity = ReturnType<typeof auditRecordModel>;
export type AuditHeadEntity = ReturnType<typeof auditHeadModel>;

/**
 * What the store exposes of the audit trail: records are read, or appended (put only if absent) together
 * with the conditional move of their shard's head — never changed or removed: no update, patch, upsert,
 * overwrite or delete of a record exists on any code path.
 */
/** A record's attributes as `create` takes them. */
export type AuditRecordItem = Parameters<AuditRecordEntity['create']>[0];

export const auditModel = (client: DynamoDBDocumentClient, table: string) => {
  const records = auditRecordModel(client, table);
  const heads = auditHeadModel(client, table);
  return Object.freeze({
    records: Object.freeze({
      get: records.get.bind(records) as AuditRecordEntity['get'],
      query: records.query,
      conversions: createConversions(records),
    }),
    heads: Object.freeze({
      get: heads.get.bind(heads) as AuditHeadEntity['get'],
    }),
    /**
     * The TransactWriteItems that append `items` to shard `auditChain`: the head moves from `expectedSeq`
     * (0: no head yet) to the last item's seq, and each record is put only if absent.
     */
    appendItems(
      head: { auditChain: number; expectedSeq: number; seq: number; lastHash: string; lastAt: string },
      items: readonly AuditRecordItem[],
    ) {
      const { expectedSeq, ...moved } = head;
      return createWriteTransaction({ heads, records }, (e) => [
        // A conditional Put of the whole head, not an Update: no role may UpdateItem or DeleteItem an audit
        // item (cdk/lib/table-access.ts), so appending needs PutItem only.
        e.heads
          .put(moved)
          .where((a, op) => (expectedSeq === 0 ? op.notExists(a.seq) : op.eq(a.seq, expectedSeq)))
          .commit(),
        ...items.map((item) => e.records.create(item).commit()),
      ]).params().TransactItems;
    },
  });
};

export type AuditModel = ReturnType<typeof auditModel>;
