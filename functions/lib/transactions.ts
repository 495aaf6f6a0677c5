/**
 * The items of a DynamoDB transaction, as domain modules collect them: from ElectroDB (`writeItems`) and
 * hand-built where ElectroDB can't express the write (counters' ADD, conditions on other items). One type
 * and one builder, so no module casts ElectroDB's params on its own.
 */
import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';

export type DocumentTransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];
type Params = { [param: string]: unknown };

/** One item of a TransactWriteItems request: as the DocumentClient takes it, or as ElectroDB builds it. */
export type TransactItem =
  DocumentTransactItem | { Put: Params } | { Update: Params } | { Delete: Params } | { ConditionCheck: Params };

/** DynamoDB's limit on items in one transaction. */
export const MAX_TRANSACT_ITEMS = 100;

/** ElectroDB's `createWriteTransaction(entities, fn)` as the items to send (with others) in one transaction. */
export function itemsOf(tx: { params(): { TransactItems?: readonly unknown[] | undefined } }): TransactItem[] {
  return (tx.params().TransactItems ?? []) as TransactItem[];
}

/** True when a transaction failed because one of its conditions did not hold. */
export function isConditionFailure(err: unknown): boolean {
  const e = err as { name?: string; CancellationReasons?: { Code?: string }[] };
  return (
    e.name === 'TransactionCanceledException' &&
    Boolean(e.CancellationReasons?.some((r) => r.Code === 'ConditionalCheckFailed'))
  );
}
