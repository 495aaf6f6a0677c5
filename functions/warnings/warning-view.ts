/**
 * Who sees a warning and how it reads in 大数据预警's API. One place for the lists' scope rule: a warning is seen
 * by a regulator whose jurisdiction covers its region and who is granted one of its categories (`regulatorSees`;
 * warnings belong to no department — every department supervising the category clears them); anyone else reads
 * "not found". Acting on one (修改, 关闭预警) is for the 检查人员 who do business (the routes admit no one else).
 */
import type { EntityItem } from 'electrodb';
import type { WarningListItem } from '../../shared/api/warnings';
import { warningRefOf } from '../../shared/api/warnings';
import { certificateType, isCertificateTypeCode } from '../../shared/reference/certificates';
import { findRegion } from '../../shared/reference/regions';
import { doesBusiness } from '../../shared/reference/roles';
import type { Regulator } from '../lib/auth/principal';
import { notFound } from '../lib/http/errors';
import { regulatorSees } from '../lib/scope';
import type { Warning } from '../lib/warnings/write';
import type { Store } from '../store';

export type WarningListingRecord = EntityItem<Store['warningListings']>;
export type { Warning };

export const NOT_FOUND = '预警信息不存在或不在您的监管范围内';

export function seesWarning(p: Regulator, w: Pick<Warning, 'regionCode' | 'categories'>): boolean {
  return regulatorSees(p, { regionCode: w.regionCode, categories: w.categories });
}

/** An inspector who does business may act on what they see (the route checks it first; this is for the view). */
export function mayAct(p: Regulator): boolean {
  return (p.roles as string[]).includes('inspector') && doesBusiness(p.roles);
}

/** The warning if `p` may see it, read consistently (a write is built on it); 404 otherwise. */
export async function visibleWarning(store: Store, p: Regulator, warningId: string | undefined): Promise<Warning> {
  const w = warningId ? (await store.warnings.get({ warningId }).go({ consistent: true })).data : null;
  if (!w || !seesWarning(p, w)) throw notFound(NOT_FOUND);
  return w;
}

/** 证书类型 by name: a personnel certificate's type code becomes its name; a licence's name is one already. */
function typeName(t: string | undefined): string | undefined {
  return t && isCertificateTypeCode(t) ? certificateType(t).name : t;
}

/** A list row (or the warning itself, for 查看) as the list shows it. */
export function listItemOf(
  w: Pick<
    WarningListingRecord,
    | 'warningId'
    | 'kind'
    | 'grade'
    | 'flowType'
    | 'regionCode'
    | 'enterpriseId'
    | 'enterpriseName'
    | 'dueDate'
    | 'raisedAt'
    | 'detail'
    | 'version'
  >,
): WarningListItem {
  const d = w.detail;
  const opt = <K extends string, V>(key: K, v: V | undefined) =>
    v === undefined ? {} : ({ [key]: v } as Record<K, V>);
  return {
    warningId: w.warningId,
    ref: warningRefOf(w.warningId),
    kind: w.kind,
    grade: w.grade,
    ...opt('flowType', w.flowType),
    regionCode: w.regionCode,
    regionName: findRegion(w.regionCode)?.fullName ?? w.regionCode,
    enterpriseId: w.enterpriseId,
    enterpriseName: w.enterpriseName,
    ...opt('dueDate', w.dueDate),
    raisedAt: w.raisedAt,
    ...opt('certificateType', typeName(d.certificateType)),
    ...opt('certificateNumber', d.number),
    ...opt('issuer', d.issuer),
    ...opt('validFrom', d.validFrom),
    ...opt('validTo', d.validTo),
    ...opt('personName', d.personName),
    ...opt('hazardDescription', d.hazardDescription),
    ...opt('warehouseName', d.warehouseName),
    ...opt('productName', d.productName),
    ...opt('systemQuantity', d.systemQuantity),
    ...opt('actualQuantity', d.actualQuantity),
    ...opt('unit', d.unit),
    version: w.version,
  };
}
