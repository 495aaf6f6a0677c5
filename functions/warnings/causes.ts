/**
 * What falls due, per kind, as the warnings kernel's input: a licence, each certificate of a person, an
 * overdue hazard → a `Cause` (its warning id, the grade it has today, the columns the lists show). Shared by
 * the nightly scan and the event consumers, so both grade a cause the same way.
 */
import type { EntityItem } from 'electrodb';
import { CATEGORIES, isCategoryCode, type CategoryCode } from '../../shared/reference/categories';
import { supervisingDepartment } from '../../shared/reference/segments';
import { gradeFor, type WarningDetail, type WarningGrade, type WarningKind } from '../../shared/reference/warnings';
import { warningIdOf } from '../lib/warnings/write';
import type { Store } from '../store';

export type LicenceItem = EntityItem<Store['licences']>;
export type PersonItem = EntityItem<Store['personnel']>;
export type HazardItem = EntityItem<Store['hazards']>;
export type EnterpriseItem = EntityItem<Store['enterprises']>;

export interface Cause {
  id: string;
  kind: WarningKind;
  sourceKey: string;
  dueDate: string;
  grade: WarningGrade;
  enterpriseId: string;
  regionCode: string;
  detail: WarningDetail;
  /** Known from the cause itself (a licence's category, a hazard's); else the enterprise's categories. */
  categories?: CategoryCode[];
  /** Known from the cause itself (a hazard copies it); else read from the register when raising. */
  enterpriseName?: string;
}

const categoriesOf = (list: readonly string[]): CategoryCode[] => [...new Set(list.filter(isCategoryCode))];

/** A licence → its warning cause, or nothing when it is more than 90 days from expiry. */
export function licenceCause(l: LicenceItem, today: string): Cause | undefined {
  const grade = gradeFor(l.validTo, today);
  if (!grade) return undefined;
  const sourceKey = `${l.enterpriseId}/${l.licenceId}`;
  return {
    id: warningIdOf('licence', sourceKey),
    kind: 'licence',
    sourceKey,
    dueDate: l.validTo,
    grade,
    enterpriseId: l.enterpriseId,
    regionCode: l.regionCode,
    categories: categoriesOf([l.category]),
    detail: {
      certificateType: l.licenceName,
      number: l.number,
      issuer: l.issuer,
      validFrom: l.validFrom,
      validTo: l.validTo,
      licenceId: l.licenceId,
      category: l.category,
      segment: l.segment,
    },
  };
}

/**
 * Whoever holds certificates that warn: a member of the staff (从业人员) or a warehouse's 保管员, whose item has the
 * same shape (functions/store/entities/warehouse-keeper.ts) and also carries its enterprise's name and categories.
 */
export type CertificateHolder = Pick<
  PersonItem,
  'enterpriseId' | 'personId' | 'regionCode' | 'name' | 'certificates'
> & {
  categories?: readonly string[];
  enterpriseName?: string;
};

/** The warning id prefix of one person's certificates (their warnings are `personCert:<ent>/<person>/<number>`). */
export const personSourcePrefix = (enterpriseId: string, personId: string) => `${enterpriseId}/${personId}/`;

/** A person → one cause per certificate within 90 days of expiry (or expired). */
export function personCauses(p: CertificateHolder, today: string): Cause[] {
  const out: Cause[] = [];
  for (const c of p.certificates ?? []) {
    const grade = gradeFor(c.validTo, today);
    if (!grade) continue;
    const sourceKey = `${personSourcePrefix(p.enterpriseId, p.personId)}${c.number}`;
    out.push({
      id: warningIdOf('personCert', sourceKey),
      kind: 'personCert',
      sourceKey,
      dueDate: c.validTo,
      grade,
      enterpriseId: p.enterpriseId,
      regionCode: p.regionCode,
      detail: {
        certificateType: c.type,
        number: c.number,
        issuer: c.issuer,
        validFrom: c.validFrom,
        validTo: c.validTo,
        personName: p.name,
        personId: p.personId,
      },
      ...(p.categories ? { categories: categoriesOf(p.categories) } : {}),
      ...(p.enterpriseName ? { enterpriseName: p.enterpriseName } : {}),
    });
  }
  return out;
}

/** An open hazard past its 整改时限 → a red warning; in time or 已整改 → nothing (hazards warn only when overdue). */
export function hazardCause(h: HazardItem, today: string): Cause | undefined {
  if (h.status === 'confirmed' || !(h.deadline < today)) return undefined;
  return {
    id: warningIdOf('hazard', h.hazardId),
    kind: 'hazard',
    sourceKey: h.hazardId,
    dueDate: h.deadline,
    grade: 'red',
    enterpriseId: h.enterpriseId,
    regionCode: h.regionCode,
    categories: categoriesOf([h.category]),
    enterpriseName: h.enterpriseName,
    detail: { hazardId: h.hazardId, hazardName: h.name, hazardDescription: h.problem, category: h.category },
  };
}

/** The regulators who must hear of a warning: the licence's supervising department, else the category's lead. */
export function responsibleDepartment(category: string, detail: WarningDetail): string {
  const bySegment = detail.segment ? supervisingDepartment(category, detail.segment) : undefined;
  return bySegment ?? CATEGORIES.find((c) => c.code === category)?.lead ?? 'anjian';
}

/** What the inbox says a warning is about. */
export function subjectOf(kind: WarningKind, d: WarningDetail): string {
  switch (kind) {
    case 'licence':
      return `${d.certificateType ?? '资质证书'}（编号 ${d.number ?? '-'}，有效期至 ${d.validTo ?? '-'}）`;
    case 'personCert':
      return `${d.personName ?? ''}的${d.certificateType ?? '证书'}（编号 ${d.number ?? '-'}，有效期至 ${d.validTo ?? '-'}）`;
    case 'hazard':
      return `隐患「${d.hazardName ?? d.hazardDescription ?? ''}」已超过整改时限`;
    case 'flow':
      return d.productName ?? '物品流向';
  }
}
