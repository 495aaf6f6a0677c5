/**
 * Writing a register entry: the enterprise item, its list rows (one per segment, carrying the columns of
 * the regulator's list), its 统一社会信用代码 claim and the live counters — built here, once, as the items
 * of ONE transaction, for every path that changes the register (an approved change request, the bulk
 * import, an approved self-registration). The caller adds its own items (the request's decision, the
 * audit record) and sends them together, so the list, the counters and the entry can't disagree.
 *
 * Concurrency: the enterprise item is written only if its `version` (and `staffCount`, which the list
 * rows copy) are what the entry was read with; a writer that loses re-reads and rebuilds
 * (`isConditionFailure`). Staff changes move `staffCount` with ADD and condition on the version, so a
 * correction that rewrites the list rows and a new member of staff can't overwrite each other.
 */
import { itemsOf } from '../transactions';
import { createWriteTransaction, type EntityItem } from 'electrodb';
import { ENTERPRISE_FIELDS, type EnterpriseFieldName } from '../../../shared/domain/register-labels';
import type { TransactItem } from '../audit';
import { AppError } from '../http/errors';
import type { Store } from '../../store';
import { counterDeltas, type Counted } from './counters';

export type EnterpriseRecord = EntityItem<Store['enterprises']>;
export type LicenceRecord = EntityItem<Store['licences']>;
export type ListingRecord = EntityItem<Store['enterpriseListings']>;

/** The register fields a change request or an import sets: the form's fields (shared with the web). */
export const REGISTER_FIELDS: readonly RegisterField[] = ENTERPRISE_FIELDS;
// Every form field is an attribute of the stored entry (a compile error here otherwise).
export type RegisterField = EnterpriseFieldName & keyof EnterpriseRecord;
const _everyFieldStored: EnterpriseFieldName extends keyof EnterpriseRecord ? true : never = true;
void _everyFieldStored;
export type RegisterFields = Pick<EnterpriseRecord, 'name' | 'regionCode' | 'registrationStatus' | 'segments'> &
  Partial<Pick<EnterpriseRecord, RegisterField>>;

/** The list rows of an entry: one per segment, with that segment's licence number and expiry. */
export function listingsOf(e: EnterpriseRecord, licences: readonly LicenceRecord[]): ListingRecord[] {
  return e.segments.map((s) => {
    const licence = licences
      .filter((l) => l.category === s.category && l.segment === s.segment)
      .sort((a, b) => b.validTo.localeCompare(a.validTo))[0];
    return {
      enterpriseId: e.enterpriseId,
      category: s.category,
      segment: s.segment,
      regionCode: e.regionCode,
      name: e.name,
      registrationStatus: e.registrationStatus,
      staffCount: e.staffCount,
      removed: false,
      ...(e.creditCode ? { creditCode: e.creditCode } : {}),
      ...(e.unitType ? { unitType: e.unitType } : {}),
      ...(e.legalRepresentative ? { legalRepresentative: e.legalRepresentative } : {}),
      ...(e.phone ? { phone: e.phone } : {}),
      ...(licence ? { licenceNumber: licence.number, licenceValidTo: licence.validTo } : {}),
    };
  });
}

const counted = (e: EnterpriseRecord | null): Counted | null => (e && !e.removed ? e : null);
const segKey = (s: { category: string; segment: string }) => `${s.category}|${s.segment}`;

/** The counter updates between two states of an entry (ADD, creating a counter on first use). */
export function counterItems(store: Store, before: Counted | null, after: Counted | null): TransactItem[] {
  const deltas = counterDeltas(before, after);
  if (deltas.length === 0) return [];
  return itemsOf(
    createWriteTransaction({ counters: store.enterpriseCounters }, ({ counters }) =>
      deltas.map((d) =>
        counters
          .update(d.key)
          .add({ total: d.total, ...d.byStatus })
          .commit(),
      ),
    ),
  );
}

export type EntryChange =
  /**
   * A new entry (新增企业, an imported row, an approved registration of an unknown unit), with the items that
   * open its login (functions/lib/accounts/enterprise-login.ts `openEnterpriseLogin`) — every unit the
   * register adds gets its account in the entry's own transaction; a registration brings its own account.
   */
  | { kind: 'create'; after: EnterpriseRecord; licences?: readonly LicenceRecord[]; login?: readonly TransactItem[] }
  /** 企业信息纠错, or a licence change that moves the list's licence column. */
  | {
      kind: 'update';
      before: EnterpriseRecord;
      after: EnterpriseRecord;
      licences: readonly LicenceRecord[];
      /** The approved request: its pending marker on the entry is cleared in the same write. */
      decides?: string;
    }
  /** 删除企业: marked removed, kept for history; off the lists and the counters; its code released. */
  | { kind: 'remove'; before: EnterpriseRecord; decides?: string };

/** Build the new state of an existing entry from the fields a request sets (absent = cleared). */
export function withFields(before: EnterpriseRecord, fields: RegisterFields, now: string): EnterpriseRecord {
  const next: Record<string, unknown> = { ...before };
  for (const f of REGISTER_FIELDS) {
    const v = (fields as Record<string, unknown>)[f];
    if (v === undefined) delete next[f];
    else next[f] = v;
  }
  return { ...(next as EnterpriseRecord), version: before.version + 1, updatedAt: now };
}

/** The transaction items of one change to the register (without the caller's own items). */
export function entryWriteItems(store: Store, change: EntryChange): TransactItem[] {
  const before = change.kind === 'create' ? null : change.before;
  const after = change.kind === 'remove' ? null : change.after;
  const items: TransactItem[] = itemsOf(
    createWriteTransaction(
      {
        enterprises: store.enterprises,
        listings: store.enterpriseListings,
        claims: store.creditCodeClaims,
      },
      ({ enterprises, listings, claims }) => {
        const out = [];
        if (change.kind === 'create') {
          out.push(enterprises.create(change.after).commit());
        } else {
          const b = change.before;
          const decides = change.decides;
          // Written only as read: same version and staff count, and still waiting on the request being decided.
          const guard = (
            x: { version: unknown; staffCount: unknown; pendingRequestId: unknown },
            op: { eq: (attr: never, value: unknown) => string },
          ) =>
            [
              op.eq(x.version as never, b.version),
              op.eq(x.staffCount as never, b.staffCount),
              ...(decides ? [op.eq(x.pendingRequestId as never, decides)] : []),
            ].join(' AND ');
          if (change.kind === 'remove') {
            out.push(
              enterprises
                .patch({ enterpriseId: b.enterpriseId })
                .set({ removed: true, updatedAt: new Date().toISOString() })
                .remove(decides ? ['pendingRequestId'] : [])
                .add({ version: 1 })
                .where(guard)
                .commit(),
            );
          } else {
            const a = change.after;
            const set: Record<string, unknown> = { updatedAt: a.updatedAt };
            const cleared: string[] = decides ? ['pendingRequestId'] : [];
            for (const f of REGISTER_FIELDS) {
              if ((a as Record<string, unknown>)[f] === undefined) {
                if ((b as Record<string, unknown>)[f] !== undefined) cleared.push(f);
              } else set[f] = (a as Record<string, unknown>)[f];
            }
            let patch = enterprises
              .patch({ enterpriseId: b.enterpriseId })
              .set(set as Partial<EnterpriseRecord>)
              .add({ version: 1 });
            if (cleared.length) patch = patch.remove(cleared as never);
            out.push(
              patch
                .where((a, op) => `${op.eq(a.version, b.version)} AND ${op.eq(a.staffCount, b.staffCount)}`)
                .commit(),
            );
          }
        }
        // List rows: rewrite the current segments' rows, delete those of segments left.
        const keep = after ? listingsOf(after, change.kind === 'remove' ? [] : (change.licences ?? [])) : [];
        const keepKeys = new Set(keep.map(segKey));
        for (const l of keep) out.push(listings.put(l).commit());
        for (const s of before?.removed ? [] : (before?.segments ?? [])) {
          if (!keepKeys.has(segKey(s))) {
            out.push(
              listings
                .delete({ enterpriseId: before!.enterpriseId, category: s.category, segment: s.segment })
                .commit(),
            );
          }
        }
        // The 统一社会信用代码 claim follows the code: one holder per code on the register.
        const oldCode = before && !before.removed ? before.creditCode : undefined;
        const newCode = after?.creditCode;
        if (oldCode !== newCode) {
          if (oldCode) {
            out.push(
              claims
                .delete({ creditCode: oldCode })
                .where((c, op) => op.eq(c.enterpriseId, before!.enterpriseId))
                .commit(),
            );
          }
          if (newCode) out.push(claims.create({ creditCode: newCode, enterpriseId: after!.enterpriseId }).commit());
        }
        return out;
      },
    ),
  );
  const login = change.kind === 'create' ? (change.login ?? []) : [];
  return [...items, ...counterItems(store, counted(before), counted(after)), ...login];
}

/** The register entry as it stands: the enterprise and its licences (consistent reads, run together). */
export async function loadEntry(
  store: Store,
  enterpriseId: string,
): Promise<{ enterprise: EnterpriseRecord; licences: LicenceRecord[] } | null> {
  const [e, l] = await Promise.all([
    store.enterprises.get({ enterpriseId }).go({ consistent: true }),
    store.licences.query.byEnterprise({ enterpriseId }).go({ consistent: true, pages: 'all' }),
  ]);
  return e.data ? { enterprise: e.data, licences: l.data } : null;
}

// Kept here for the register's callers; it lives with the transaction helpers (contexts that don't write the
// register use it without importing the register's writer).
export { isConditionFailure } from '../transactions';

/** The index, among the caller's items, of the first failed condition (-1 if none). */
export function failedConditionIndex(err: unknown): number {
  const reasons = (err as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [];
  return reasons.findIndex((r) => r.Code === 'ConditionalCheckFailed');
}

export const duplicateCode = (code: string) =>
  new AppError(409, 'CONFLICT', `统一社会信用代码「${code}」的单位已在登记册中，请勿重复新增`);
