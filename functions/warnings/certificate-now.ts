/**
 * The certificate a 企业资质预警 or 人员资质预警 is about, as it stands now: 查看 shows it, 修改 starts from it (at its
 * version). A licence is found by the id the warning recorded; a person's certificate by its number (and type), the
 * person being a member of the staff (`personnel`) or a warehouse's 保管员 (`warehouseKeepers`, a `kpr-` id: the
 * scan raises theirs too).
 */
import type { WarningDetail as CauseDetail } from '../../shared/reference/warnings';
import { findKeeper, isKeeperId, type KeeperRecord } from '../lib/register/keepers';
import type { PersonRecord } from '../lib/register/people';
import type { Store } from '../store';
import type { Warning } from './warning-view';

/** Whose certificate a personnel warning is about, as read now. */
export type CertificateHolder = { kind: 'person'; record: PersonRecord } | { kind: 'keeper'; record: KeeperRecord };

/** The certificate a licence or personnel warning is about, as it stands now; undefined when it is gone. */
export async function certificateNow(
  store: Store,
  w: Warning,
): Promise<{ view: { validFrom: string; validTo: string; version: number }; holder?: CertificateHolder } | undefined> {
  const d = w.detail;
  if (w.kind === 'licence' && d.licenceId) {
    const { data: l } = await store.licences
      .get({ enterpriseId: w.enterpriseId, licenceId: d.licenceId })
      .go({ consistent: true });
    return l ? { view: { validFrom: l.validFrom, validTo: l.validTo, version: l.version } } : undefined;
  }
  if (w.kind === 'personCert' && d.personId) {
    const holder = await holderOf(store, w.enterpriseId, d.personId);
    const c = holder ? certificateOf(holder.record, d) : undefined;
    return holder && c
      ? { view: { validFrom: c.validFrom, validTo: c.validTo, version: holder.record.version }, holder }
      : undefined;
  }
  return undefined;
}

async function holderOf(store: Store, enterpriseId: string, personId: string): Promise<CertificateHolder | undefined> {
  if (isKeeperId(personId)) {
    const record = await findKeeper(store, enterpriseId, personId);
    return record ? { kind: 'keeper', record } : undefined;
  }
  const { data: record } = await store.personnel.get({ enterpriseId, personId }).go({ consistent: true });
  return record ? { kind: 'person', record } : undefined;
}

/** The holder's certificate a warning names: by number, and by type where the warning recorded one. */
export function certificateOf(holder: Pick<PersonRecord, 'certificates'>, d: CauseDetail) {
  const byNumber = holder.certificates.filter((c) => c.number === d.number);
  return byNumber.find((c) => c.type === d.certificateType) ?? byNumber[0];
}
