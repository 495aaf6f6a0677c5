/**
 * Putting checked rows on the register: one transaction per row (the entry, its list rows, its 统一社会信用代码
 * claim, the live counters — `entryWriteItems` — plus its licence), so every unit's list rows and counters
 * hold together with it, and a failing row fails alone.
 *
 * Nothing twice: a row's enterprise id is derived from its code (`ent-i-<sha256 prefix>`), and the enterprise
 * and the claim are written only if absent. A row whose code is already on the register — under another id,
 * or put there by an earlier import — comes back `duplicate`. A row this same import already wrote (an
 * interrupted batch run again, an event delivered twice) comes back `created` again: its entry carries a
 * `createdAt` no earlier than the job's, which an earlier run's entries can't.
 *
 * Contention: every row of a segment moves the same province and city counters, so concurrent rows can cancel
 * each other (TransactionConflict). Rows are written a few at a time and a conflicted row is retried with a
 * jittered back-off.
 */
import { itemsOf } from '../lib/transactions';
import { createWriteTransaction } from 'electrodb';
import { createHash } from 'node:crypto';
import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Logger } from '@aws-lambda-powertools/logger';
import type { TransactItem } from '../lib/audit';
import {
  entryWriteItems,
  isConditionFailure,
  type EnterpriseRecord,
  type LicenceRecord,
} from '../lib/register/entry-writes';
import type { Store } from '../store';
import { openEnterpriseLogin } from '../lib/accounts/enterprise-login';
import { unitCodeOf, type ImportEntry } from './parse';

export type RowOutcome = { kind: 'created' } | { kind: 'duplicate' } | { kind: 'failed'; message: string };

export const WRITE_FAILED = '写入登记册失败，请稍后将该行重新导入';
/** Rows written at the same time: enough to keep a batch short, few enough that counters rarely conflict. */
export const WRITE_CONCURRENCY = 4;
const MAX_ATTEMPTS = 8;

const hashOf = (code: string) => createHash('sha256').update(code).digest('hex').slice(0, 24);

/** The id an imported unit gets: the same code always gives the same id. */
export const importedEnterpriseId = (code: string) => `ent-i-${hashOf(code)}`;
const importedLicenceId = (code: string) => `lic-i-${hashOf(code)}`;

/** The register records of a checked row, as of `now`. */
export function recordsOf(
  entry: ImportEntry,
  now: string,
): { enterprise: EnterpriseRecord; licences: LicenceRecord[] } {
  const code = unitCodeOf(entry.enterprise);
  const enterpriseId = importedEnterpriseId(code);
  const enterprise: EnterpriseRecord = {
    ...entry.enterprise,
    enterpriseId,
    segments: entry.enterprise.segments.map((s) => ({ category: s.category, segment: s.segment })),
    staffCount: 0,
    removed: false,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  const l = entry.licence;
  const licences: LicenceRecord[] = l
    ? [
        {
          licenceId: importedLicenceId(code),
          enterpriseId,
          category: l.category,
          segment: l.segment,
          regionCode: enterprise.regionCode,
          licenceName: l.licenceName,
          number: l.number,
          issuer: l.issuer,
          validFrom: l.validFrom,
          validTo: l.validTo,
          ...(l.scope ? { scope: l.scope } : {}),
          dueKind: 'licence',
          version: 1,
        },
      ]
    : [];
  return { enterprise, licences };
}

/**
 * The transaction of one row: the register entry (entryWriteItems) with its login (`login`, from
 * openEnterpriseLogin) and its licence (into the `due` index).
 */
export function rowItems(
  store: Store,
  entry: ImportEntry,
  now: string,
  login: readonly TransactItem[] = [],
): TransactItem[] {
  const { enterprise, licences } = recordsOf(entry, now);
  const licenceItems = licences.length
    ? itemsOf(
        createWriteTransaction({ licences: store.licences }, ({ licences: l }) =>
          licences.map((x) => l.create(x).commit()),
        ),
      )
    : [];
  return [...entryWriteItems(store, { kind: 'create', after: enterprise, licences, login }), ...licenceItems];
}

const RETRYABLE = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'InternalServerError',
  'TransactionConflictException',
]);

function isRetryable(err: unknown): boolean {
  const e = err as { name?: string; CancellationReasons?: { Code?: string }[] };
  if (e.name === 'TransactionCanceledException') {
    return Boolean(
      e.CancellationReasons?.some((r) => r.Code === 'TransactionConflict' || r.Code === 'ThrottlingError'),
    );
  }
  return RETRYABLE.has(e.name ?? '');
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Whether the entry under `enterpriseId` was written by the job created at `since` (see the module comment). */
const writtenSince = (e: Pick<EnterpriseRecord, 'createdAt'> | null | undefined, since: string) =>
  Boolean(e && e.createdAt >= since);

/**
 * What the register already says about a batch's rows, in two BatchGetItems: entries under the rows' ids, and
 * the claims of their codes. Rows it settles are not written (their transaction would only fail); the others'
 * transactions remain the guard, since another writer may come between.
 */
export async function alreadyThere(
  store: Store,
  entries: readonly ImportEntry[],
  since: string,
): Promise<Map<ImportEntry, RowOutcome>> {
  const known = new Map<ImportEntry, RowOutcome>();
  if (!entries.length) return known;
  const ids = [...new Set(entries.map((e) => importedEnterpriseId(unitCodeOf(e.enterprise))))];
  const codes = [...new Set(entries.flatMap((e) => (e.enterprise.creditCode ? [e.enterprise.creditCode] : [])))];
  const [found, claims] = await Promise.all([
    store.enterprises.get(ids.map((enterpriseId) => ({ enterpriseId }))).go(),
    codes.length ? store.creditCodeClaims.get(codes.map((creditCode) => ({ creditCode }))).go() : null,
  ]);
  const byId = new Map(found.data.map((e) => [e.enterpriseId, e]));
  const holder = new Map((claims?.data ?? []).map((c) => [c.creditCode, c.enterpriseId]));
  for (const entry of entries) {
    const id = importedEnterpriseId(unitCodeOf(entry.enterprise));
    const mine = byId.get(id);
    const code = entry.enterprise.creditCode;
    if (mine) known.set(entry, writtenSince(mine, since) ? { kind: 'created' } : { kind: 'duplicate' });
    else if (code && holder.has(code) && holder.get(code) !== id) known.set(entry, { kind: 'duplicate' });
  }
  return known;
}

/** Write one row (see the module comment); never throws for the row's own sake. */
export async function writeRow(
  store: Store,
  entry: ImportEntry,
  since: string,
  logger?: Logger,
  clock: () => Date = () => new Date(),
  batch?: string,
): Promise<RowOutcome> {
  for (let attempt = 1; ; attempt++) {
    try {
      const at = clock();
      // Its login opens with it; the one-time password waits in the import's 开通通知 (enterprise-login.ts).
      const login = batch
        ? await openEnterpriseLogin(store, recordsOf(entry, at.toISOString()).enterprise, batch, at.getTime())
        : [];
      const items = rowItems(store, entry, at.toISOString(), login);
      await store.client.send(
        new TransactWriteCommand({ TransactItems: items as NonNullable<TransactWriteCommandInput['TransactItems']> }),
      );
      return { kind: 'created' };
    } catch (err) {
      if (isConditionFailure(err)) {
        const id = importedEnterpriseId(unitCodeOf(entry.enterprise));
        const { data } = await store.enterprises.get({ enterpriseId: id }).go({ consistent: true });
        return writtenSince(data, since) ? { kind: 'created' } : { kind: 'duplicate' };
      }
      if (isRetryable(err) && attempt < MAX_ATTEMPTS) {
        await sleep(Math.random() * Math.min(500, 20 * 2 ** attempt));
        continue;
      }
      logger?.error('import row not written', { error: err as Error, enterpriseName: entry.enterprise.name });
      return { kind: 'failed', message: WRITE_FAILED };
    }
  }
}

/** Write rows `WRITE_CONCURRENCY` at a time; outcomes in the rows' order. */
export async function writeRows(
  store: Store,
  entries: readonly ImportEntry[],
  since: string,
  logger?: Logger,
  clock?: () => Date,
  /** `import:<importId>`: open each new unit's login, its notice under this batch. */
  batch?: string,
): Promise<RowOutcome[]> {
  const known = await alreadyThere(store, entries, since);
  const out: RowOutcome[] = new Array(entries.length);
  let next = 0;
  const worker = async () => {
    while (next < entries.length) {
      const i = next++;
      const entry = entries[i]!;
      out[i] = known.get(entry) ?? (await writeRow(store, entry, since, logger, clock, batch));
    }
  };
  await Promise.all(Array.from({ length: Math.min(WRITE_CONCURRENCY, entries.length) }, worker));
  return out;
}
