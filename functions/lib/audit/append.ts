/**
 * Appending to the audit trail.
 *
 * Each shard's head item holds { seq, lastHash, lastAt } of its last record. Appending k records is one
 * DynamoDB transaction:
 *   - Put head (the whole item, never an Update: no role may update an audit item): seq n → n + k,
 *     lastHash, lastAt — only if seq is still n (`attribute_not_exists` for a new shard);
 *   - Put record n + 1 … n + k — only if absent — each with prevHash = the hash before it and
 *     hash = SHA-256(canonical(prevHash, seq, shard, entry …)).
 * Two writers that read the same head can't both commit: one gets TransactionCanceled
 * (ConditionalCheckFailed on the head, or TransactionConflict), re-reads the head and tries again. So the
 * chain never forks and never loses a link, and because every shard has its own head no single item
 * carries the writes of the whole platform.
 *
 * Recording a change together with its audit record (they commit or fail together):
 *
 *   await transactWithAudit(
 *     store,
 *     { ...auditFrom(input), action: 'account.disable', object: { type: 'account', id, label: login },
 *       outcome: 'success', details: { before: { disabled: false }, after: { disabled: true } } },
 *     () => createWriteTransaction({ accounts: store.accounts }, ({ accounts }) => [
 *       accounts.patch({ accountId: id }).set({ disabled: true }).add({ version: 1 })
 *         .where((a, op) => op.eq(a.version, version)).commit(),
 *     ]).params().TransactItems!,
 *   );
 *
 * The retry contract: the caller's items are rebuilt (the function is called again) and the whole
 * transaction is retried while the failure is the audit head's (ConditionalCheckFailed on the head) or a
 * TransactionConflict; a failed condition of the caller's own items is rethrown at once — the original
 * TransactionCanceledException, whose CancellationReasons[i] for i < number of caller items are the
 * caller's. Callers that send the transaction themselves use `auditRecord` + `withAuditRetry`.
 */
import { randomUUID } from 'node:crypto';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { AppError } from '../http/errors';
import {
  chain,
  GENESIS_HASH,
  publicRecord,
  sha256Hex,
  shardOf,
  toItem,
  type AuditRecord,
  type AuditStore,
  type ChainedRecord,
} from './chain';
import { normaliseEntry, type AuditEntryInput } from './entry';

/** A TransactWriteItems item as the DocumentClient's TransactWriteCommand takes it. */
import { MAX_TRANSACT_ITEMS, type DocumentTransactItem, type TransactItem } from '../transactions';

export type { DocumentTransactItem, TransactItem };
export { MAX_TRANSACT_ITEMS };
type Params = { [param: string]: unknown };

export interface AuditWriteOptions {
  /** The clock; `at` defaults to it and `expiresAt` counts from it. */
  now?: () => Date;
  /** Append to this shard instead of the one the first entry's requestId hashes to. */
  shard?: number;
  /** Attempts before giving up with 503 (default 30; conflicts are rare outside of bursts). */
  maxAttempts?: number;
  /** Backoff between attempts: full jitter on base·2^attempt, capped. */
  backoff?: { baseMs: number; capMs: number };
}

export interface AuditWrite {
  shard: number;
  /** The records this write appends if its transaction commits, in order. */
  records: AuditRecord[];
  /** Put these into the transaction: the head's put first, then one put per record. */
  items: DocumentTransactItem[];
}

/** Thrown when the head stayed contended through every attempt: the request may be retried later. */
export class AuditContentionError extends AppError {
  constructor() {
    super(503, 'SERVICE_UNAVAILABLE', '系统繁忙，请稍后再试');
    this.name = 'AuditContentionError';
  }
}

const DEFAULT_ATTEMPTS = 30;
const DEFAULT_BACKOFF = { baseMs: 10, capMs: 250 };
const HEAD_ENTITY = 'auditHead';
const RECORD_ENTITY = 'auditRecord';

/**
 * Build the transaction items that append `entries` (one or several, all to one shard) after the shard's
 * current head. Reads the head (one consistent GetItem); writes nothing. Put `items` into your own
 * TransactWriteItems — see `transactWithAudit` for the retry that must go with it.
 */
export async function auditRecord(
  store: AuditStore,
  entries: AuditEntryInput | readonly AuditEntryInput[],
  options: AuditWriteOptions = {},
): Promise<AuditWrite> {
  const list: readonly AuditEntryInput[] = Array.isArray(entries) ? entries : [entries as AuditEntryInput];
  if (list.length === 0) throw new Error('audit: nothing to record');
  const now = (options.now ?? (() => new Date()))();
  const normalised = list.map((e) => normaliseEntry(e, now, sha256Hex));
  const shard = options.shard ?? shardOf(normalised[0]!.requestId);
  if (!Number.isInteger(shard) || shard < 0 || shard > 99) throw new Error(`audit: bad shard ${shard}`);

  const { data: head } = await store.audit.heads.get({ auditChain: shard }).go({ consistent: true });
  const expectedSeq = head?.seq ?? 0;
  const records: ChainedRecord[] = [];
  let prev = head ? { seq: head.seq, hash: head.lastHash, at: head.lastAt } : { seq: 0, hash: GENESIS_HASH };
  for (const entry of normalised) {
    const r = chain(entry, shard, prev, now);
    records.push(r);
    prev = { seq: r.seq, hash: r.hash, at: r.at };
  }
  const last = records[records.length - 1]!;

  const [headPut, ...puts] = store.audit.appendItems(
    { auditChain: shard, expectedSeq, seq: last.seq, lastHash: last.hash, lastAt: last.at },
    records.map(toItem),
  ) as { Put?: Params }[];
  // ALL_OLD puts the existing item into a cancellation reason, so `isAuditConflict` can tell which
  // failed conditions are the audit trail's and which are the caller's.
  const items = [
    { Put: { ...headPut!.Put!, ReturnValuesOnConditionCheckFailure: 'ALL_OLD' } },
    ...puts.map((p) => ({ Put: { ...p.Put!, ReturnValuesOnConditionCheckFailure: 'ALL_OLD' } })),
  ] as DocumentTransactItem[];
  return { shard, records: records.map(publicRecord), items };
}

interface CancellationReason {
  Code?: string;
  Item?: Record<string, unknown>;
}

const reasonsOf = (err: unknown): CancellationReason[] | undefined =>
  (err as { name?: string } | null)?.name === 'TransactionCanceledException'
    ? ((err as { CancellationReasons?: CancellationReason[] }).CancellationReasons ?? [])
    : undefined;

/** The entity name in a cancellation reason's Item (raw AttributeValues, or already plain). */
const entityOf = (item: Record<string, unknown> | undefined): unknown => {
  const v = item?.['__edb_e__'];
  return v && typeof v === 'object' && 'S' in v ? (v as { S: unknown }).S : v;
};

const failedOn = (r: CancellationReason, entity: string): boolean =>
  r.Code === 'ConditionalCheckFailed' && entityOf(r.Item) === entity;

/**
 * True when a transaction failed because another writer moved an audit head first (or a transaction
 * conflict) and nothing else's condition failed: retry the whole transaction with a fresh `auditRecord`.
 * (The head's and the records' items come back in the cancellation reasons — ALL_OLD — which is how they
 * are told apart from the caller's.)
 */
export function isAuditConflict(err: unknown): boolean {
  if (err instanceof AuditHeadMoved) return true;
  const reasons = reasonsOf(err);
  if (!reasons) return false;
  const callerConditionFailed = reasons.some(
    (r) => r.Code === 'ConditionalCheckFailed' && !failedOn(r, HEAD_ENTITY) && !failedOn(r, RECORD_ENTITY),
  );
  if (callerConditionFailed) return false;
  return reasons.some((r) => failedOn(r, HEAD_ENTITY) || r.Code === 'TransactionConflict');
}

/** Raised by `transactWithAudit`, which knows where its head item sits in the transaction. */
class AuditHeadMoved extends Error {
  constructor(cause: unknown) {
    super('audit head moved', { cause });
    this.name = 'AuditHeadMoved';
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Run `attempt` until it succeeds or fails with something other than an audit conflict; between tries wait
 * a jittered, growing delay. After `maxAttempts` conflicts throw AuditContentionError (503).
 */
export async function withAuditRetry<T>(
  attempt: (n: number) => Promise<T>,
  options: Pick<AuditWriteOptions, 'maxAttempts' | 'backoff'> = {},
): Promise<T> {
  const max = options.maxAttempts ?? DEFAULT_ATTEMPTS;
  const { baseMs, capMs } = options.backoff ?? DEFAULT_BACKOFF;
  for (let n = 1; ; n++) {
    try {
      return await attempt(n);
    } catch (err) {
      if (!isAuditConflict(err)) throw err;
      if (n >= max) throw new AuditContentionError();
      await sleep(Math.random() * Math.min(capMs, baseMs * 2 ** n));
    }
  }
}

/**
 * Commit the caller's items and the audit records of `entries` in one transaction, retrying on audit
 * head contention (see the module comment for the contract). `items` may be a function, called again on
 * every attempt, when they must be rebuilt after a re-read. Returns the records written.
 */
export async function transactWithAudit(
  store: AuditStore,
  entries: AuditEntryInput | readonly AuditEntryInput[],
  items: readonly TransactItem[] | ((attempt: number) => readonly TransactItem[] | Promise<readonly TransactItem[]>),
  options: AuditWriteOptions = {},
): Promise<AuditRecord[]> {
  return withAuditRetry(async (n) => {
    const mine = typeof items === 'function' ? await items(n) : items;
    const audit = await auditRecord(store, entries, options);
    const all = [...mine, ...audit.items];
    if (all.length > MAX_TRANSACT_ITEMS) {
      throw new Error(`audit: ${all.length} items exceed the transaction limit of ${MAX_TRANSACT_ITEMS}`);
    }
    try {
      // A fresh token per attempt: the SDK's own retries of this attempt are idempotent (no double append).
      await store.client.send(
        new TransactWriteCommand({ TransactItems: all as DocumentTransactItem[], ClientRequestToken: randomUUID() }),
      );
    } catch (err) {
      const reasons = reasonsOf(err);
      const callerFailed = reasons?.slice(0, mine.length).some((r) => r.Code === 'ConditionalCheckFailed');
      if (reasons && !callerFailed && reasons[mine.length]?.Code === 'ConditionalCheckFailed') {
        throw new AuditHeadMoved(err);
      }
      throw err;
    }
    return audit.records;
  }, options);
}

/**
 * Append an event that changes nothing else (a failed login, a denied request) as its own transaction.
 */
export async function appendAudit(
  store: AuditStore,
  entry: AuditEntryInput,
  options: AuditWriteOptions = {},
): Promise<AuditRecord> {
  const [record] = await transactWithAudit(store, entry, [], options);
  return record!;
}
