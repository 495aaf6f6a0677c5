/**
 * 从业人员管理: the enterprise adds, edits and removes its own staff, with their certificates (人员资质).
 *
 * - A person's earliest certificate expiry is kept on the item (`earliestCertValidTo`), which puts it in the
 *   sparse `due` index the 人员资质预警 scan reads; a person without certificates has no entry there. Edits
 *   replace the whole item (a conditioned Put), so an entry that no longer applies goes with the old item.
 * - 身份证号 is unique within the enterprise: a claim item per number, in the same transaction
 *   (id-card-claims.ts).
 * - Adding and removing move 员工总数 (staff-count.ts); an edit doesn't.
 * - Every write carries `version` (optimistic locking): an edit or removal of a person changed since the list
 *   was read is refused, not merged.
 * - Removal deletes the person; the audit record keeps what was removed (who, when, the person's data).
 */
import { itemsOf } from '../lib/transactions';
import { randomUUID } from 'node:crypto';
import { createWriteTransaction, type EntityItem } from 'electrodb';
import type { Person } from '../../shared/domain/register';
import { isCategoryCode } from '../../shared/reference/categories';
import { certificateTypesFor, isCertificateTypeCode, certificateType } from '../../shared/reference/certificates';
import { actorOf, transactWithAudit, type AuditEntryInput, type AuditJson } from '../lib/audit';
import { badRequest, conflict, notFound } from '../lib/http/errors';
import { failedConditionIndex, isConditionFailure, type EnterpriseRecord } from '../lib/register/entry-writes';
import { categoriesOf } from '../lib/register/scope';
import type { Store } from '../store';
import { idCardClaims, idCardHolder } from './id-card-claims';
import { ownEnterprise, type EnterprisePrincipal, type RequestContext } from './own-enterprise';
import { writeStaffChange } from './staff-count';
import { StaffCertificatesChanged } from '../../shared/events/enterprise';
import { outboxItem } from '../lib/events/outbox';
import type { TransactItem } from '../lib/transactions';

/**
 * The event that lets 人员资质预警 follow a change of a person's certificates at once (the warnings context
 * re-grades that person), written in the change's own transaction; none when the certificates did not change.
 */
function certificatesChanged(
  store: Store,
  p: EnterprisePrincipal,
  x: { enterpriseId: string; personId: string },
  removed: boolean,
): TransactItem {
  return outboxItem(store, StaffCertificatesChanged, {
    enterpriseId: x.enterpriseId,
    personId: x.personId,
    removed,
    changedAt: new Date().toISOString(),
    by: { accountId: p.accountId, name: p.name.slice(0, 100) },
  });
}

export type PersonRecord = EntityItem<Store['personnel']>;

export const duplicateIdCard = () => conflict('该身份证号的人员已存在');
export const stalePerson = () => conflict('人员信息已被修改，请刷新后重试');
const missingPerson = () => notFound('人员不存在或已删除，请刷新后重试');

/** What the API shows of a person (the register's PersonView). */
export function personView(x: PersonRecord) {
  return {
    personId: x.personId,
    enterpriseId: x.enterpriseId,
    name: x.name,
    idCardNo: x.idCardNo,
    ...(x.gender ? { gender: x.gender } : {}),
    ...(x.mobile ? { mobile: x.mobile } : {}),
    ...(x.position ? { position: x.position } : {}),
    certificates: x.certificates.map((c) => ({ ...c })),
    ...(x.earliestCertValidTo ? { earliestCertValidTo: x.earliestCertValidTo } : {}),
    version: x.version,
  };
}

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
function auditedFields(x: Pick<PersonRecord, 'name' | 'idCardNo' | 'gender' | 'mobile' | 'position' | 'certificates'>) {
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

/**
 * Certificates must be of a type the enterprise's categories know (the select offers only those); a type the
 * person already holds stays allowed (old data, or a category the enterprise has since left).
 */
function assertCertificateTypes(e: EnterpriseRecord, person: Person, held: readonly string[] = []) {
  const allowed = new Set<string>(held);
  for (const c of categoriesOf(e.segments)) {
    if (isCategoryCode(c)) for (const t of certificateTypesFor(c)) allowed.add(t.code);
  }
  const wrong = person.certificates
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => !allowed.has(c.type))
    .map(({ c, i }) => ({
      path: `body.certificates.${i}.type`,
      message: `「${isCertificateTypeCode(c.type) ? certificateType(c.type).name : c.type}」不是本企业物品类别的人员证件类型`,
    }));
  if (wrong.length) throw badRequest(wrong[0]!.message, wrong);
}

function entry(
  p: EnterprisePrincipal,
  ctx: RequestContext,
  action: 'create' | 'update' | 'delete',
  person: { personId: string; name: string },
  details: Record<string, AuditJson>,
): AuditEntryInput {
  return {
    actor: actorOf(p),
    action: `enterprise.person.${action}`,
    object: { type: 'person', id: person.personId, label: person.name },
    outcome: 'success',
    sourceIp: ctx.sourceIp,
    requestId: ctx.requestId,
    details: { enterpriseId: p.enterpriseId, ...details },
  };
}

/** 新增: the person, their 身份证号 claim, 员工总数 +1 and the audit record, in one transaction. */
export async function addPerson(store: Store, p: EnterprisePrincipal, person: Person, ctx: RequestContext) {
  const enterpriseId = p.enterpriseId;
  if (await idCardHolder(store, enterpriseId, person.idCardNo)) throw duplicateIdCard();
  const personId = `psn-${randomUUID().replaceAll('-', '')}`;
  const claims = idCardClaims(store);
  let written: PersonRecord | undefined;
  await writeStaffChange(
    store,
    enterpriseId,
    (e) => {
      assertCertificateTypes(e, person);
      const record = personRecord(e, personId, person, 1);
      written = record;
      const own = itemsOf(
        createWriteTransaction({ claims, personnel: store.personnel }, ({ claims, personnel }) => [
          claims.create({ enterpriseId, idCardNo: person.idCardNo, personId }).commit(),
          personnel.create(record).commit(),
        ]),
      );
      if (record.certificates.length) own.push(certificatesChanged(store, p, record, false));
      return { own, delta: 1, audit: [entry(p, ctx, 'create', record, { after: auditedFields(record) })] };
    },
    (i) => (i === 0 ? duplicateIdCard() : conflict('人员编号冲突，请重新提交')),
  );
  return personView(written!);
}

/** 编辑: the whole person replaced, at the version the form was opened with; the claim follows the number. */
export async function updatePerson(
  store: Store,
  p: EnterprisePrincipal,
  personId: string,
  input: { person: Person; version: number },
  ctx: RequestContext,
) {
  const enterpriseId = p.enterpriseId;
  const e = await ownEnterprise(store, enterpriseId);
  const { data: cur } = await store.personnel.get({ enterpriseId, personId }).go({ consistent: true });
  if (!cur) throw missingPerson();
  if (cur.version !== input.version) throw stalePerson();
  const { person } = input;
  assertCertificateTypes(
    e,
    person,
    cur.certificates.map((c) => c.type),
  );
  const renumbered = person.idCardNo !== cur.idCardNo;
  if (renumbered) {
    const holder = await idCardHolder(store, enterpriseId, person.idCardNo);
    if (holder && holder !== personId) throw duplicateIdCard();
  }
  const next = personRecord(e, personId, person, cur.version + 1);
  const before = auditedFields(cur);
  const after = auditedFields(next);
  // Nothing changed (保存 pressed on an untouched form): nothing to write or record.
  if (JSON.stringify(before) === JSON.stringify(after)) return personView(cur);

  const claims = idCardClaims(store);
  const own = itemsOf(
    createWriteTransaction({ claims, personnel: store.personnel }, ({ claims, personnel }) => [
      personnel
        .put(next)
        .where((a, op) => op.eq(a.version, cur.version))
        .commit(),
      // The claim of the number the person has now: written even when unchanged, so people from before claims get one.
      claims
        .put({ enterpriseId, idCardNo: person.idCardNo, personId })
        .where((c, op) => `${op.notExists(c.personId)} OR ${op.eq(c.personId, personId)}`)
        .commit(),
      ...(renumbered
        ? [
            claims
              .delete({ enterpriseId, idCardNo: cur.idCardNo })
              .where((c, op) => `${op.notExists(c.personId)} OR ${op.eq(c.personId, personId)}`)
              .commit(),
          ]
        : []),
    ]),
  );
  const certs = (x: PersonRecord) =>
    JSON.stringify(x.certificates.map((c) => [c.type, c.number, c.issuer, c.validFrom, c.validTo]));
  if (certs(cur) !== certs(next)) {
    own.push(certificatesChanged(store, p, next, false));
  }
  try {
    await transactWithAudit(store, entry(p, ctx, 'update', next, { before, after }), own);
  } catch (err) {
    if (!isConditionFailure(err)) throw err;
    throw failedConditionIndex(err) === 1 ? duplicateIdCard() : stalePerson();
  }
  return personView(next);
}

/**
 * 删除 of the checked rows: all of them or none — each at the version the list showed — with their claims,
 * 员工总数 −n and one audit record per person, in one transaction.
 */
export async function deletePersonnel(
  store: Store,
  p: EnterprisePrincipal,
  items: readonly { personId: string; version: number }[],
  ctx: RequestContext,
) {
  const enterpriseId = p.enterpriseId;
  await ownEnterprise(store, enterpriseId);
  const { data: found } = await store.personnel
    .get(items.map((i) => ({ enterpriseId, personId: i.personId })))
    .go({ consistent: true });
  const byId = new Map(found.map((x) => [x.personId, x]));
  const people = items.map((i) => {
    const x = byId.get(i.personId);
    if (!x) throw missingPerson();
    if (x.version !== i.version) throw stalePerson();
    return x;
  });
  const claims = idCardClaims(store);
  // One delete per number: two old records with one number would otherwise name the same claim twice.
  const claimHolders = new Map<string, string[]>();
  for (const x of people) claimHolders.set(x.idCardNo, [...(claimHolders.get(x.idCardNo) ?? []), x.personId]);
  const own = itemsOf(
    createWriteTransaction({ claims, personnel: store.personnel }, ({ claims, personnel }) => [
      ...people.map((x) =>
        personnel
          .delete({ enterpriseId, personId: x.personId })
          .where((a, op) => op.eq(a.version, x.version))
          .commit(),
      ),
      ...[...claimHolders].map(([idCardNo, holders]) =>
        claims
          .delete({ enterpriseId, idCardNo })
          .where((c, op) => [op.notExists(c.personId), ...holders.map((h) => op.eq(c.personId, h))].join(' OR '))
          .commit(),
      ),
    ]),
  );
  for (const x of people) if (x.certificates.length) own.push(certificatesChanged(store, p, x, true));
  await writeStaffChange(
    store,
    enterpriseId,
    () => ({
      own,
      delta: -people.length,
      audit: people.map((x) => entry(p, ctx, 'delete', x, { before: auditedFields(x) })),
    }),
    () => stalePerson(),
  );
  return { deleted: people.map((x) => x.personId) };
}
