/**
 * A context's access to the single table, derived from the entities its manifest declares
 * (functions/lib/wiring.ts `grants.table`) and their partition keys (functions/store/partition-keys.ts):
 *
 * - reads (GetItem, BatchGetItem, Query, ConditionCheckItem) and writes (PutItem, UpdateItem, DeleteItem,
 *   BatchWriteItem) on the table only where every partition key of the request matches the declared
 *   entities' patterns (`ForAllValues:StringLike` on `dynamodb:LeadingKeys`). TransactWriteItems and
 *   TransactGetItems need no action of their own: DynamoDB authorises each item by its own action and key.
 * - audit items are only ever put (records and the head, each conditionally, in the writer's transaction):
 *   PutItem alone on their keys, and for every function an explicit Deny of UpdateItem/DeleteItem/
 *   BatchWriteItem on them, which no other statement can override.
 * - Query on the indexes for contexts that read an entity with a secondary index. Index queries carry the
 *   index's own partition key, not the table's, so LeadingKeys (table keys) cannot limit them; they are
 *   reads, and nothing can be written through an index.
 * - no Scan for anyone: not granted, and explicitly denied. (A keyless request would also pass a
 *   `ForAllValues` condition vacuously — one more reason Scan is never in an Allow.)
 */
import { Effect, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { GrantsDef } from '../../functions/lib/wiring';
import { AUDIT_ENTITY, INDEXED_ENTITIES, PARTITION_KEYS, type StoreEntity } from '../../functions/store/partition-keys';

export const READ_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:ConditionCheckItem',
] as const;
export const WRITE_ACTIONS = [
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
] as const;
/** What no function may do to an audit item. */
export const AUDIT_DENIED_ACTIONS = ['dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'] as const;

const patternsOf = (entities: readonly StoreEntity[]): string[] =>
  [...new Set(entities.flatMap((e) => PARTITION_KEYS[e] as readonly string[]))].sort();

const leadingKeys = (entities: readonly StoreEntity[]) => ({
  'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': patternsOf(entities) },
});

export function tableStatements(table: ITable, grants: GrantsDef['table']): PolicyStatement[] {
  const indexes = `${table.tableArn}/index/*`;
  const statements = [
    new PolicyStatement({
      sid: 'NoScan',
      effect: Effect.DENY,
      actions: ['dynamodb:Scan'],
      resources: [table.tableArn, indexes],
    }),
    new PolicyStatement({
      sid: 'NoAuditRewrite',
      effect: Effect.DENY,
      actions: [...AUDIT_DENIED_ACTIONS],
      resources: [table.tableArn],
      conditions: { 'ForAnyValue:StringLike': { 'dynamodb:LeadingKeys': patternsOf([AUDIT_ENTITY]) } },
    }),
  ];
  const write = grants?.write ?? [];
  const read = [...new Set([...(grants?.read ?? []), ...write])];
  if (read.length) {
    statements.push(
      new PolicyStatement({ actions: [...READ_ACTIONS], resources: [table.tableArn], conditions: leadingKeys(read) }),
    );
  }
  if (read.some((e) => INDEXED_ENTITIES.includes(e))) {
    statements.push(new PolicyStatement({ actions: ['dynamodb:Query'], resources: [indexes] }));
  }
  const writable = write.filter((e) => e !== AUDIT_ENTITY);
  if (writable.length) {
    statements.push(
      new PolicyStatement({
        actions: [...WRITE_ACTIONS],
        resources: [table.tableArn],
        conditions: leadingKeys(writable),
      }),
    );
  }
  if (write.includes(AUDIT_ENTITY)) {
    statements.push(
      new PolicyStatement({
        actions: ['dynamodb:PutItem'],
        resources: [table.tableArn],
        conditions: leadingKeys([AUDIT_ENTITY]),
      }),
    );
  }
  return statements;
}
