/**
 * A 从业人员 as the store holds it, built in one place for every writer: the enterprise's own 从业人员管理
 * (functions/enterprise/personnel.ts) and a regulator's 修改 of an expiring certificate under 大数据预警
 * (functions/warnings/certificate-fix.ts). The earliest certificate expiry is kept on the item
 * (`earliestCertValidTo`), which puts the person in the sparse `due` index the 人员资质预警 scan reads; an edit
 * replaces the whole item, conditioned on the version it was read at, so an index entry that no longer applies
 * goes with the old item.
 */
import { createWriteTransaction, type EntityItem } from 'electrodb';
import type { Person } from '../../../shared/domain/register';
import type { AuditJson, TransactItem } from '../audit';
import { itemsOf } from '../transactions';
import type { Store } from '../../store';
import type { EnterpriseRecord } from './entry-writes';

export type PersonRecord = EntityItem<Store['personnel']>;

/** The stored person: the form's fields, the enterprise's region, and the earliest expiry for the `due` index. */
export function personRecord(e: EnterpriseRecord, personId: string, person: Person, version: number): PersonRecord {
  const earliest = person.certificates.map((c) => c.validTo).sort()[0];
  return {
    personId,
    enterpriseId: e.enterpriseId,
    regionCode: e.regionCode,
    name: person.name,
    idCardNo: person.idCardNo,
    gender: person.gender,
    mobile: person.mobile,
    position: person.position,
    certificates: person.certificates.map((c) => ({ ...c })),
    ...(earliest ? { earliestCertValidTo: earliest } : {}),
    version,
  };
}

/** The fields an audit record keeps of a person (before/after). */
export function personAuditFields(
  x: Pick<PersonRecord, 'name' | 'idCardNo' | 'gender' | 'mobile' | 'position' | 'certificates'>,
) {
  return {
    name: x.name,
    idCardNo: x.idCardNo,
    gender: x.gender ?? null,
    mobile: x.mobile ?? null,
    position: x.position ?? null,
    // Keys in a fixed order: DynamoDB keeps no order within a map, and before/after are compared as text.
    certificates: x.certificates.map((c) => ({
      type: c.type,
      number: c.number,
      issuer: c.issuer,
      validFrom: c.validFrom,
      validTo: c.validTo,
    })),
  } as AuditJson;
}

/** The whole person replaced by `next`, only if it is still at `cur`'s version. */
export function personReplaceItems(
  store: Store,
  cur: Pick<PersonRecord, 'version'>,
  next: PersonRecord,
): TransactItem[] {
  return itemsOf(
    createWriteTransaction({ personnel: store.personnel }, ({ personnel }) => [
      personnel
        .put(next)
        .where((a, op) => op.eq(a.version, cur.version))
        .commit(),
    ]),
  );
}
