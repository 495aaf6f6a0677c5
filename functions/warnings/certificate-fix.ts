/**
 * 修改 (企业资质预警, 人员资质预警): the regulator corrects a certificate's 有效起始日期 / 有效截止日期 to what the
 * certificate really says (the seed: "将证书有效日期按照实际情况修改为未过期的日期，修改过的预警信息就会消失"), in ONE
 * transaction with the audit record and the warning's end:
 *
 * - a licence through the register's one writer (licence-writes.ts + entry-writes.ts), so the unit list's licence
 *   columns and the entry's version follow; a person by replacing their item as the enterprise's own 从业人员管理
 *   does (people.ts), a warehouse's 保管员 likewise (keepers.ts), so the `due` index follows the earliest expiry;
 * - the warning clears (reason 「证书有效期已修改」, by the regulator) when the new 有效截止日期 is beyond the warning
 *   horizon; a date still within it regrades the warning to what the new date says (e.g. 红 → 黄), so a list never
 *   shows a grade the certificate no longer has, nor hides one it still has.
 *
 * Version-conditioned: the form carries the certificate's version as read; a change in between (the enterprise,
 * another regulator, an approved 证书信息纠正) is a 409. A write that loses a race with the scan re-reads and retries.
 */
import type { CertificateFixInput, WarningDetail } from '../../shared/api/warnings';
import { FIX_REASON } from '../../shared/api/warnings';
import { gradeFor, shanghaiToday } from '../../shared/reference/warnings';
import type { Person } from '../../shared/domain/register';
import type { CategoryCode } from '../../shared/reference/categories';
import { actorOf, transactWithAudit, type AuditEntryInput, type AuditJson, type TransactItem } from '../lib/audit';
import type { Regulator } from '../lib/auth/principal';
import { badRequest, conflict } from '../lib/http/errors';
import { entryWriteItems, isConditionFailure, loadEntry } from '../lib/register/entry-writes';
import { keeperReplaceItems, keeperWithCertificates } from '../lib/register/keepers';
import { licenceChange } from '../lib/register/licence-writes';
import { personAuditFields, personRecord, personReplaceItems } from '../lib/register/people';
import { endWarningItems, regradeWarningItems } from '../lib/warnings/write';
import type { Store } from '../store';
import { getWarningDetail } from './lists';
import { certificateNow, certificateOf } from './certificate-now';
import { visibleWarning, type Warning } from './warning-view';

const ATTEMPTS = 3;

const stale = () => conflict('证书信息已被修改，请关闭后重新打开「修改」');
const gone = () => conflict('该证书已不存在（企业已删除或更换了证书），请刷新列表');

export interface RequestMeta {
  requestId: string;
  sourceIp: string;
}

export async function fixCertificate(
  store: Store,
  p: Regulator,
  warningId: string | undefined,
  input: CertificateFixInput,
  meta: RequestMeta,
  clock: () => Date = () => new Date(),
): Promise<WarningDetail> {
  for (let attempt = 1; ; attempt++) {
    const w = await visibleWarning(store, p, warningId);
    if (w.kind !== 'licence' && w.kind !== 'personCert') {
      throw badRequest('只有企业资质预警和人员资质预警可以修改证书有效期');
    }
    if (w.status !== 'open') throw conflict('该预警已消除，请刷新列表');
    const now = clock();
    const today = shanghaiToday(now);
    if (input.validTo < today) {
      const message = `「有效截止日期」${input.validTo} 已过期：请按证书填写实际的、未过期的有效截止日期`;
      throw badRequest(message, [{ path: 'body.validTo', message }]);
    }
    const at = now.toISOString();
    const change = w.kind === 'licence' ? await licenceItems(store, w, input, at) : await personItems(store, w, input);
    const items = [...change.items, ...warningItems(store, p, w, input, today, at)];
    const audit: AuditEntryInput = {
      actor: actorOf(p),
      action: `warning.${w.kind}.fix`,
      object: change.object,
      outcome: 'success',
      sourceIp: meta.sourceIp,
      requestId: meta.requestId,
      details: {
        warningId: w.warningId,
        before: change.before,
        after: change.after,
      },
    };
    try {
      await transactWithAudit(store, audit, items);
    } catch (err) {
      if (!isConditionFailure(err)) throw err;
      // The certificate, the entry or the warning moved since the read: read again (a stale form is then a 409).
      if (attempt >= ATTEMPTS) throw conflict('证书或预警信息正在变动，请稍后重试');
      continue;
    }
    return getWarningDetail(store, p, w.warningId);
  }
}

interface CertificateChange {
  items: TransactItem[];
  object: AuditEntryInput['object'];
  before: AuditJson;
  after: AuditJson;
}

async function licenceItems(
  store: Store,
  w: Warning,
  input: CertificateFixInput,
  now: string,
): Promise<CertificateChange> {
  const found = await loadEntry(store, w.enterpriseId);
  if (!found || found.enterprise.removed) throw gone();
  const licence = found.licences.find((l) => l.licenceId === w.detail.licenceId);
  if (!licence) throw gone();
  if (licence.version !== input.version) throw stale();
  const { scope, ...rest } = licence;
  const { licenceItems: own, change } = licenceChange(
    store,
    found.enterprise,
    found.licences,
    licence,
    {
      licenceName: rest.licenceName,
      number: rest.number,
      issuer: rest.issuer,
      validFrom: input.validFrom,
      validTo: input.validTo,
      ...(scope ? { scope } : {}),
    },
    now,
  );
  return {
    items: [...own, ...entryWriteItems(store, change)],
    object: { type: 'licence', id: licence.licenceId, label: `${found.enterprise.name} ${licence.number}` },
    before: { validFrom: licence.validFrom, validTo: licence.validTo },
    after: { validFrom: input.validFrom, validTo: input.validTo },
  };
}

async function personItems(store: Store, w: Warning, input: CertificateFixInput): Promise<CertificateChange> {
  const [{ data: e }, now] = await Promise.all([
    store.enterprises.get({ enterpriseId: w.enterpriseId }).go({ consistent: true }),
    certificateNow(store, w),
  ]);
  const holder = now?.holder;
  if (!e || e.removed || !holder) throw gone();
  if (holder.record.version !== input.version) throw stale();
  const target = certificateOf(holder.record, w.detail)!;
  const certificates = holder.record.certificates.map((c) =>
    c === target ? { ...c, validFrom: input.validFrom, validTo: input.validTo } : c,
  );
  if (holder.kind === 'keeper') {
    // A warehouse's 保管员: their own item, in the same whole-item, version-conditioned way.
    const cur = holder.record;
    const next = keeperWithCertificates(cur, certificates);
    return {
      items: keeperReplaceItems(store, cur, next),
      object: { type: 'warehouseKeeper', id: cur.personId, label: `${cur.warehouseName} ${cur.name}` },
      before: personAuditFields(cur),
      after: personAuditFields(next),
    };
  }
  const cur = holder.record;
  const person = {
    name: cur.name,
    idCardNo: cur.idCardNo,
    gender: cur.gender,
    mobile: cur.mobile,
    position: cur.position,
    certificates,
  } as Person;
  const next = personRecord(e, cur.personId, person, cur.version + 1);
  return {
    items: personReplaceItems(store, cur, next),
    object: { type: 'person', id: cur.personId, label: cur.name },
    before: personAuditFields(cur),
    after: personAuditFields(next),
  };
}

/** The warning's end (the new date is beyond the horizon) or its regrade to what the new date says. */
function warningItems(
  store: Store,
  p: Regulator,
  w: Warning,
  input: CertificateFixInput,
  today: string,
  now: string,
): TransactItem[] {
  const grade = gradeFor(input.validTo, today);
  if (!grade) {
    return endWarningItems(store, w, { status: 'cleared', reason: FIX_REASON, by: actorRef(p) }, now);
  }
  return regradeWarningItems(
    store,
    { grade: w.grade, ...(w.dueDate ? { dueDate: w.dueDate } : {}) },
    {
      kind: w.kind,
      sourceKey: w.sourceKey,
      grade,
      regionCode: w.regionCode,
      categories: w.categories as CategoryCode[],
      enterpriseId: w.enterpriseId,
      enterpriseName: w.enterpriseName,
      dueDate: input.validTo,
      detail: { ...w.detail, validFrom: input.validFrom, validTo: input.validTo },
    },
    now,
    `${FIX_REASON}（${p.name}）`,
  );
}

const actorRef = (p: Regulator) => ({ accountId: p.accountId, name: p.name });
