/**
 * 首页 of an enterprise account: what it must do — its open hazards (整改时限, overdue ones flagged), its licences and
 * staff certificates expired or expiring within 90 days, its unread messages. Its own data only: the hazards of its
 * enterprise (ONE Query on gsi3), its licences and staff (its own partition, one Query each) and its inbox counter
 * (ONE GetItem), in parallel.
 */
import {
  ENTERPRISE_DASHBOARD_MAX,
  ENTERPRISE_DUE_WITHIN_DAYS,
  type EnterpriseDashboard,
} from '../../shared/api/dashboard';
import { certificateType, isCertificateTypeCode } from '../../shared/reference/certificates';
import { shanghaiToday } from '../../shared/reference/warnings';
import { isoToDays } from '../../shared/validation/dates';
import type { EnterpriseAccount } from '../lib/auth/principal';
import type { Store } from '../store';

type DueItem = EnterpriseDashboard['expiring']['items'][number];

const certificateTitle = (code: string): string => (isCertificateTypeCode(code) ? certificateType(code).name : code);

export async function enterpriseDashboard(
  store: Store,
  p: EnterpriseAccount,
  now: Date = new Date(),
): Promise<EnterpriseDashboard> {
  const enterpriseId = p.enterpriseId;
  const today = shanghaiToday(now);
  const [hazards, licences, staff, inbox] = await Promise.all([
    store.hazards.query
      .byEnterprise({ enterpriseId })
      .where((a, op) => op.ne(a.status, 'confirmed'))
      // One page (1 MB: hundreds of hazards); an enterprise with more is told there are more.
      .go({ pages: 1 }),
    store.licences.query.byEnterprise({ enterpriseId }).go({ pages: 'all' }),
    store.personnel.query.byEnterprise({ enterpriseId }).go({ pages: 'all', attributes: ['name', 'certificates'] }),
    store.inboxCounters.get({ recipient: p.accountId }).go(),
  ]);

  const open = hazards.data
    .map((h) => ({
      hazardId: h.hazardId,
      name: h.name,
      deadline: h.deadline,
      overdue: h.deadline < today,
      returned: h.status === 'issued' && h.returnedCount > 0,
      waiting: h.status === 'submitted',
    }))
    // What the enterprise must act on: not what waits for the regulator's 确认.
    .filter((h) => !h.waiting)
    .sort((a, b) => a.deadline.localeCompare(b.deadline))
    .map(({ waiting: _w, ...h }) => h);

  const todayDays = isoToDays(today);
  const daysLeft = (validTo: string) => isoToDays(validTo) - todayDays;
  const due: DueItem[] = [
    ...licences.data.map((l) => ({
      kind: 'licence' as const,
      title: l.licenceName,
      number: l.number,
      validTo: l.validTo,
      daysLeft: daysLeft(l.validTo),
    })),
    ...staff.data.flatMap((s) =>
      (s.certificates ?? []).map((c) => ({
        kind: 'personCert' as const,
        title: certificateTitle(c.type),
        number: c.number,
        personName: s.name,
        validTo: c.validTo,
        daysLeft: daysLeft(c.validTo),
      })),
    ),
  ]
    .filter((d) => d.daysLeft <= ENTERPRISE_DUE_WITHIN_DAYS)
    .sort((a, b) => a.daysLeft - b.daysLeft);

  return {
    asOf: now.toISOString(),
    today,
    hazards: {
      items: open.slice(0, ENTERPRISE_DASHBOARD_MAX),
      more: open.length > ENTERPRISE_DASHBOARD_MAX || hazards.cursor !== null,
    },
    expiring: { items: due.slice(0, ENTERPRISE_DASHBOARD_MAX), more: due.length > ENTERPRISE_DASHBOARD_MAX },
    unreadMessages: Math.max(0, inbox.data?.unread ?? 0),
  };
}
