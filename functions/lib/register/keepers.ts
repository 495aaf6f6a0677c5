/**
 * A warehouse's 保管员 as a certificate holder, for whoever reads or corrects their certificates outside 仓库管理:
 * 人员资质预警's 查看 and 修改 (functions/warnings/certificate-now.ts, certificate-fix.ts). A keeper is stored apart
 * from the staff (functions/store/entities/warehouse-keeper.ts: keyed by enterprise, warehouse and `kpr-` id) but
 * warns under the same source key `enterpriseId/personId/number`, which names no warehouse: so a keeper is found
 * by a Query of the enterprise's keepers (one partition, a handful of items), never a Scan.
 *
 * Like a person's, an edit replaces the whole item at the version it was read at, recomputing the earliest expiry
 * that puts the keeper in the `due` index the scan reads.
 */
import { createWriteTransaction, type EntityItem } from 'electrodb';
import type { TransactItem } from '../audit';
import { itemsOf } from '../transactions';
import type { Store } from '../../store';

export type KeeperRecord = EntityItem<Store['warehouseKeepers']>;
type Certificate = KeeperRecord['certificates'][number];

/** Keepers' ids start so (functions/ledger/warehouses.ts mints them); staff ids never do. */
export const KEEPER_ID_PREFIX = 'kpr-';
export const isKeeperId = (personId: string) => personId.startsWith(KEEPER_ID_PREFIX);

/** The enterprise's keeper of that id, read consistently; undefined when gone. */
export async function findKeeper(
  store: Store,
  enterpriseId: string,
  personId: string,
): Promise<KeeperRecord | undefined> {
  let cursor: string | null = null;
  do {
    const page: { data: KeeperRecord[]; cursor: string | null } = await store.warehouseKeepers.query
      .byWarehouse({ enterpriseId })
      .where((a, op) => op.eq(a.personId, personId))
      .go({ cursor, consistent: true });
    if (page.data[0]) return page.data[0];
    cursor = page.cursor;
  } while (cursor);
  return undefined;
}

/** The keeper with these certificates, one version on, the `due` index following the earliest expiry. */
export function keeperWithCertificates(cur: KeeperRecord, certificates: readonly Certificate[]): KeeperRecord {
  const next: KeeperRecord = { ...cur, certificates: certificates.map((c) => ({ ...c })), version: cur.version + 1 };
  // Both are derived: the index attribute follows `earliestCertValidTo`, absent when no certificate is left.
  delete next.earliestCertValidTo;
  delete next.dueKind;
  const earliest = certificates.map((c) => c.validTo).sort()[0];
  if (earliest) next.earliestCertValidTo = earliest;
  return next;
}

/** The whole keeper replaced by `next`, only if it is still at `cur`'s version. */
export function keeperReplaceItems(
  store: Store,
  cur: Pick<KeeperRecord, 'version'>,
  next: KeeperRecord,
): TransactItem[] {
  return itemsOf(
    createWriteTransaction({ k: store.warehouseKeepers }, ({ k }) => [
      k
        .put(next)
        .where((a, op) => op.eq(a.version, cur.version))
        .commit(),
    ]),
  );
}
