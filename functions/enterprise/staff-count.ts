/**
 * 员工总数 follows the staff: a write that adds or removes people moves `staffCount` by ADD on the enterprise
 * AND on every one of its list rows (they copy it for the regulators' 员工总数 column), in the same
 * transaction as the people themselves and their audit records.
 *
 * The register's writers (an approved correction, removal, import) rewrite the entry and its list rows
 * conditioned on the entry's `version` and `staffCount` as they read them (functions/register/entry-writes.ts).
 * A staff change is not a register change, so it leaves `version` alone but is written only if `version` is
 * still the one it read: a correction that changed the segments — and so which list rows exist — since then
 * makes it fail, and it reads the entry again and rebuilds. Two staff changes never block each other: ADD
 * commutes, and neither touches `version` (a TransactionConflict between them is retried by the audit writer).
 */
import { itemsOf } from '../lib/transactions';
import { createWriteTransaction } from 'electrodb';
import { transactWithAudit, type AuditEntryInput, type TransactItem } from '../lib/audit';
import { conflict } from '../lib/http/errors';
import { failedConditionIndex, isConditionFailure, type EnterpriseRecord } from '../lib/register/entry-writes';
import type { Store } from '../store';
import { ownEnterprise } from './own-enterprise';

/** Re-reads after a register change got in between; more in a row means the entry is being changed right now. */
const MAX_ATTEMPTS = 5;

/** The items that move the staff count by `delta` on the entry and its list rows, if the entry is still as read. */
export function staffCountItems(store: Store, e: EnterpriseRecord, delta: number): TransactItem[] {
  if (delta === 0) return [];
  return itemsOf(
    createWriteTransaction(
      { enterprises: store.enterprises, listings: store.enterpriseListings },
      ({ enterprises, listings }) => [
        enterprises
          .patch({ enterpriseId: e.enterpriseId })
          .add({ staffCount: delta })
          .where((a, op) => `${op.eq(a.version, e.version)} AND ${op.eq(a.removed, false)}`)
          .commit(),
        // patch: only rows that exist — a row deleted by a correction since the read fails the write too.
        ...e.segments.map((s) =>
          listings
            .patch({ enterpriseId: e.enterpriseId, category: s.category, segment: s.segment })
            .add({ staffCount: delta })
            .commit(),
        ),
      ],
    ),
  );
}

export interface StaffWrite {
  /** The caller's items (people, claims), first in the transaction. */
  own: TransactItem[];
  /** How many people the write adds (negative: removes). */
  delta: number;
  audit: AuditEntryInput[];
}

/**
 * Commit a staff change built from the entry as it stands: read it, build, write — and again from the read
 * when a register change moved the entry in between. A failed condition of the caller's own items is handed
 * to `ownFailed` (its index among them), which throws the caller's error.
 */
export async function writeStaffChange(
  store: Store,
  enterpriseId: string,
  build: (e: EnterpriseRecord) => StaffWrite | Promise<StaffWrite>,
  ownFailed: (index: number) => Error,
): Promise<EnterpriseRecord> {
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const e = await ownEnterprise(store, enterpriseId);
    const { own, delta, audit } = await build(e);
    try {
      await transactWithAudit(store, audit, [...own, ...staffCountItems(store, e, delta)]);
      return e;
    } catch (err) {
      if (!isConditionFailure(err)) throw err;
      const i = failedConditionIndex(err);
      if (i >= 0 && i < own.length) throw ownFailed(i);
      // The entry (or one of its list rows) changed since the read: read it again.
    }
  }
  throw conflict('企业信息正在变更，请稍后重试');
}
