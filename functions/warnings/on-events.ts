/**
 * Clearing at once on the events that remove a cause (issue 12 §2), instead of at the next night's scan: the
 * changed scope — one enterprise's licences, one person's certificates, one hazard — is reconciled with the
 * same decision the scan makes (reconcile.ts), so an event and a scan agree, and running either twice changes
 * nothing more (each write is conditioned on the state it moves from).
 */
import type { Logger } from '@aws-lambda-powertools/logger';
import type { StaffCertificatesChanged } from '../../shared/events/enterprise';
import type { HazardConfirmed } from '../../shared/events/hazards';
import type { ChangeRequestDecided } from '../../shared/events/register';
import { shanghaiToday, type WarningKind } from '../../shared/reference/warnings';
import type { DeliveredEvent } from '../lib/dispatch';
import { warningIdOf, type WarningActor } from '../lib/warnings/write';
import type { Store } from '../store';
import { licenceCause, personCauses, personSourcePrefix, type Cause } from './causes';
import { apply, clearWarning, plan, type ApplyContext, type OpenEntry, type Outcome } from './reconcile';

export interface Reconciled {
  raised: number;
  regraded: number;
  cleared: number;
}

/** An enterprise's OPEN warnings of one kind (optionally only those whose id starts so), from its own index. */
async function openOf(store: Store, enterpriseId: string, kind: WarningKind, idPrefix?: string) {
  const open = new Map<string, OpenEntry>();
  const q = store.warnings.query.byEnterprise({ enterpriseId });
  const { data } = await (idPrefix ? q.begins({ kind, warningId: idPrefix }) : q.begins({ kind })).go({ pages: 'all' });
  for (const w of data) {
    if (w.kind !== kind || w.status !== 'open') continue;
    if (idPrefix && !w.warningId.startsWith(idPrefix)) continue;
    open.set(w.warningId, w.dueDate ? { grade: w.grade, dueDate: w.dueDate } : { grade: w.grade });
  }
  return open;
}

async function reconcile(
  store: Store,
  kind: WarningKind,
  causes: Cause[],
  open: Map<string, OpenEntry>,
  clearReason: string,
  by?: WarningActor,
): Promise<Reconciled> {
  const out: Reconciled = { raised: 0, regraded: 0, cleared: 0 };
  const ctx: ApplyContext = {
    store,
    now: () => new Date().toISOString(),
    enterprise: async (enterpriseId) => (await store.enterprises.get({ enterpriseId }).go()).data ?? undefined,
    clearReason: () => clearReason,
    ...(by ? { by } : {}),
  };
  for (const a of plan(causes, open, kind).actions) {
    const o: Outcome = await apply(ctx, a);
    if (o !== 'none') out[o]++;
  }
  return out;
}

/**
 * An approved change of the register (证书信息纠正, 企业信息纠错, 删除企业, 新增企业): that enterprise's licences are
 * graded again — a renewed licence clears, a shortened one regrades; a removed enterprise's licence and staff
 * warnings all clear.
 */
export async function onChangeRequestDecided(
  store: Store,
  event: Pick<DeliveredEvent<ChangeRequestDecided>, 'detail'>,
  logger: Pick<Logger, 'info'>,
  now: Date = new Date(),
): Promise<Reconciled | undefined> {
  const d = event.detail.data;
  if (d.status !== 'approved') return undefined;
  const today = shanghaiToday(now);
  const { data: e } = await store.enterprises.get({ enterpriseId: d.enterpriseId }).go({ consistent: true });
  const reviewer = d.decidedByName ? `（审核人：${d.decidedByName}）` : '';
  if (!e || e.removed) {
    const out = await reconcile(
      store,
      'licence',
      [],
      await openOf(store, d.enterpriseId, 'licence'),
      `企业已删除${reviewer}`,
    );
    const staff = await reconcile(
      store,
      'personCert',
      [],
      await openOf(store, d.enterpriseId, 'personCert'),
      `企业已删除${reviewer}`,
    );
    out.cleared += staff.cleared;
    logger.info('change request → warnings of a removed enterprise cleared', { enterpriseId: d.enterpriseId, ...out });
    return out;
  }
  const { data: licences } = await store.licences.query
    .byEnterprise({ enterpriseId: d.enterpriseId })
    .go({ pages: 'all' });
  const causes = licences.flatMap((l) => licenceCause(l, today) ?? []);
  const out = await reconcile(
    store,
    'licence',
    causes,
    await openOf(store, d.enterpriseId, 'licence'),
    `证书信息已更新${reviewer}`,
  );
  logger.info('change request → licence warnings reconciled', { enterpriseId: d.enterpriseId, ...out });
  return out;
}

/** A person's certificates changed (or the person was removed): that person's warnings are graded again. */
export async function onStaffCertificatesChanged(
  store: Store,
  event: Pick<DeliveredEvent<StaffCertificatesChanged>, 'detail'>,
  logger: Pick<Logger, 'info'>,
  now: Date = new Date(),
): Promise<Reconciled> {
  const d = event.detail.data;
  const { data: person } = await store.personnel
    .get({ enterpriseId: d.enterpriseId, personId: d.personId })
    .go({ consistent: true });
  const causes = person ? personCauses(person, shanghaiToday(now)) : [];
  const prefix = warningIdOf('personCert', personSourcePrefix(d.enterpriseId, d.personId));
  const out = await reconcile(
    store,
    'personCert',
    causes,
    await openOf(store, d.enterpriseId, 'personCert', prefix),
    person ? '人员证书已更新' : '人员已删除',
    d.by?.accountId ? { accountId: d.by.accountId, name: d.by.name } : undefined,
  );
  logger.info('staff certificates → warnings reconciled', { personId: d.personId, ...out });
  return out;
}

/** 确认已整改: the hazard's overdue warning clears. */
export async function onHazardConfirmed(
  store: Store,
  event: Pick<DeliveredEvent<HazardConfirmed>, 'detail'>,
  logger: Pick<Logger, 'info'>,
): Promise<Outcome> {
  const d = event.detail.data;
  const outcome = await clearWarning(
    {
      store,
      now: () => new Date().toISOString(),
      enterprise: async () => undefined,
      clearReason: () => '隐患已确认整改',
    },
    warningIdOf('hazard', d.hazardId),
    d.confirmedByName ? `隐患已确认整改（确认人：${d.confirmedByName}）` : '隐患已确认整改',
  );
  logger.info('hazard confirmed → warning', { hazardId: d.hazardId, outcome });
  return outcome;
}
