/**
 * The certificate a 企业资质预警 or 人员资质预警 is about, as it stands now: 查看 shows it, 修改 starts from it (at its
 * version). A licence is found by the id the warning recorded; a person's certificate by its number (and type).
 */
import type { WarningDetail as CauseDetail } from '../../shared/reference/warnings';
import type { PersonRecord } from '../lib/register/people';
import type { Store } from '../store';
import type { Warning } from './warning-view';

/** The certificate a licence or personnel warning is about, as it stands now; undefined when it is gone. */
export async function certificateNow(
  store: Store,
  w: Warning,
): Promise<{ view: { validFrom: string; validTo: string; version: number }; person?: PersonRecord } | undefined> {
  const d = w.detail;
  if (w.kind === 'licence' && d.licenceId) {
    const { data: l } = await store.licences
      .get({ enterpriseId: w.enterpriseId, licenceId: d.licenceId })
      .go({ consistent: true });
    return l ? { view: { validFrom: l.validFrom, validTo: l.validTo, version: l.version } } : undefined;
  }
  if (w.kind === 'personCert' && d.personId) {
    const { data: person } = await store.personnel
      .get({ enterpriseId: w.enterpriseId, personId: d.personId })
      .go({ consistent: true });
    const c = person ? certificateOf(person, d) : undefined;
    return person && c
      ? { view: { validFrom: c.validFrom, validTo: c.validTo, version: person.version }, person }
      : undefined;
  }
  return undefined;
}

/** The person's certificate a warning names: by number, and by type where the warning recorded one. */
export function certificateOf(person: PersonRecord, d: CauseDetail) {
  const byNumber = person.certificates.filter((c) => c.number === d.number);
  return byNumber.find((c) => c.type === d.certificateType) ?? byNumber[0];
}
