/**
 * Sending a TransactWriteItems: with a fresh idempotency token per attempt (so the SDK's own retries of a
 * lost response can't apply it twice), retried with jittered backoff while DynamoDB cancels it only for a
 * TransactionConflict — another transaction holding one of its items, e.g. two account creations moving
 * the same counter at once. A failed condition is the caller's business: the error is rethrown as is.
 */
import { randomUUID } from 'node:crypto';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { MAX_TRANSACT_ITEMS, type DocumentTransactItem, type TransactItem } from '../transactions';
import { AppError } from '../http/errors';
import { transactWithAudit, type AuditEntryInput } from '../audit';
import type { Store } from '../../store';

export type { TransactItem } from '../transactions';

export { MAX_TRANSACT_ITEMS } from '../transactions';

/** The per-item reason codes of a cancelled transaction; undefined for any other error. */
export function cancellationCodes(err: unknown): string[] | undefined {
  if ((err as { name?: string } | null)?.name !== 'TransactionCanceledException') return undefined;
  return ((err as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? []).map(
    (r) => r.Code ?? 'None',
  );
}

/** True when only contention (not a condition) cancelled it: trying again may succeed. */
export function isContention(err: unknown): boolean {
  const name = (err as { name?: string } | null)?.name;
  if (name === 'TransactionConflictException' || name === 'TransactionInProgressException') return true;
  const codes = cancellationCodes(err);
  return Boolean(codes?.includes('TransactionConflict') && !codes.includes('ConditionalCheckFailed'));
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface TransactOptions {
  /** Attempts in all while contended (default 12). */
  attempts?: number;
  /** Full-jitter backoff base and cap, ms. */
  backoff?: { baseMs: number; capMs: number };
  /** The audit record that commits with these items (its chain retries are the audit module's). */
  audit?: AuditEntryInput;
}

export async function transact(
  store: Pick<Store, 'client' | 'table'> & Partial<Pick<Store, 'audit'>>,
  items: readonly TransactItem[],
  options: TransactOptions = {},
): Promise<void> {
  if (items.length === 0) return;
  if (options.audit) {
    if (!store.audit) throw new Error('an audited transaction needs the store with its audit entity');
    await transactWithAudit({ client: store.client, audit: store.audit }, options.audit, items);
    return;
  }
  if (items.length > MAX_TRANSACT_ITEMS) throw new Error(`transaction of ${items.length} items`);
  const attempts = options.attempts ?? 12;
  const { baseMs, capMs } = options.backoff ?? { baseMs: 15, capMs: 400 };
  for (let n = 1; ; n++) {
    try {
      await store.client.send(
        new TransactWriteCommand({
          TransactItems: [...items] as DocumentTransactItem[],
          ClientRequestToken: randomUUID(),
        }),
      );
      return;
    } catch (err) {
      if (!isContention(err)) throw err;
      if (n >= attempts) throw new AppError(503, 'SERVICE_UNAVAILABLE', '系统繁忙，请稍后再试');
      await sleep(Math.random() * Math.min(capMs, baseMs * 2 ** n));
    }
  }
}
