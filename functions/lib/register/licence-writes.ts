/**
 * A change to one licence (企业资质) of a register entry: the licence itself, conditioned on the version it was
 * read at, and the entry's change through the register's one writer (entry-writes.ts: its list rows show the
 * segment's licence number and expiry). Two paths write it: an approved 证书信息纠正 (functions/register/decide.ts)
 * and a regulator's 修改 of an expiring licence under 大数据预警 (functions/warnings/certificate-fix.ts).
 */
import { createWriteTransaction } from 'electrodb';
import type { TransactItem } from '../audit';
import { itemsOf } from '../transactions';
import type { Store } from '../../store';
import type { EnterpriseRecord, EntryChange, LicenceRecord } from './entry-writes';

/** The licence fields a change may set; `scope` absent = cleared. */
export type LicenceFields = Pick<LicenceRecord, 'licenceName' | 'number' | 'issuer' | 'validFrom' | 'validTo'> &
  Partial<Pick<LicenceRecord, 'scope'>>;

/**
 * The licence's update (if still at `licence.version`) and the entry change that goes with it: the caller adds
 * `entryWriteItems(store, change)` (with its own `decides`, if any) and its own items, in one transaction.
 */
export function licenceChange(
  store: Store,
  entry: EnterpriseRecord,
  licences: readonly LicenceRecord[],
  licence: LicenceRecord,
  fields: LicenceFields,
  now: string,
): { licenceItems: TransactItem[]; change: Extract<EntryChange, { kind: 'update' }>; updated: LicenceRecord } {
  const updated: LicenceRecord = { ...licence, ...fields, version: licence.version + 1 };
  if (!fields.scope) delete updated.scope;
  const licenceItems = itemsOf(
    createWriteTransaction({ licences: store.licences }, ({ licences: l }) => {
      let patch = l
        .patch({ enterpriseId: licence.enterpriseId, licenceId: licence.licenceId })
        .set({
          licenceName: fields.licenceName,
          number: fields.number,
          issuer: fields.issuer,
          validFrom: fields.validFrom,
          validTo: fields.validTo,
          ...(fields.scope ? { scope: fields.scope } : {}),
        })
        .add({ version: 1 });
      if (!fields.scope && licence.scope) patch = patch.remove(['scope']);
      return [patch.where((a, op) => op.eq(a.version, licence.version)).commit()];
    }),
  );
  return {
    licenceItems,
    change: {
      kind: 'update',
      before: entry,
      after: { ...entry, version: entry.version + 1, updatedAt: now },
      licences: licences.map((l) => (l.licenceId === licence.licenceId ? updated : l)),
    },
    updated,
  };
}
