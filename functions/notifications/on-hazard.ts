/**
 * Hazard events → inbox messages (issue 11 §7): 下发 (HazardIssued), 退回 (HazardReturned) and 确认 (HazardConfirmed)
 * to the enterprise's account(s); 整改情况 (RectificationSubmitted) to the sending department's officers — enabled
 * 检查人员 of that department working in the hazard's category whose jurisdiction covers the enterprise.
 *
 * Idempotent as the ChangeRequestDecided consumer is: each message's id is derived from the hazard, the event and
 * its round (`round` numbers the loop), its time is the event's, and it is created only if absent with the unread
 * counter in the same transaction — a redelivered event changes nothing, an out-of-order one lands where its time
 * sorts it. Each recipient is its own transaction, so a redelivery after a partial failure completes the rest.
 */
import type { Logger } from '@aws-lambda-powertools/logger';
import type {
  HazardConfirmed,
  HazardIssued,
  HazardReturned,
  RectificationSubmitted,
} from '../../shared/events/hazards';
import { department } from '../../shared/reference/departments';
import { loginOfEntry } from '../lib/accounts/entry-login';
import type { DeliveredEvent } from '../lib/dispatch';
import type { Store } from '../store';
import { deliverMessage } from './deliver';

type HazardEvent = HazardIssued | RectificationSubmitted | HazardReturned | HazardConfirmed;
export type HazardEventKind = 'HazardIssued' | 'RectificationSubmitted' | 'HazardReturned' | 'HazardConfirmed';

interface Message {
  kind: string;
  title: string;
  body: string;
  at: string;
}

/** What each event says, in the inbox's words. */
export function hazardMessageOf(type: HazardEventKind, d: HazardEvent): Message {
  const from = department(d.sendingDepartment).display;
  switch (type) {
    case 'HazardIssued':
      return {
        kind: 'hazardIssued',
        title: '监管部门下发隐患',
        body: `${from}下发隐患「${d.name}」，请于 ${d.deadline} 前完成整改并提交整改情况。`,
        at: (d as HazardIssued).issuedAt,
      };
    case 'HazardReturned': {
      const r = d as HazardReturned;
      const reason = r.reason.replace(/[。.！!；;，,\s]+$/u, '');
      return {
        kind: 'hazardReturned',
        title: '隐患整改被退回',
        body: `隐患「${d.name}」的整改情况被退回，原因：${reason}。新的整改时限：${d.deadline}。`,
        at: r.returnedAt,
      };
    }
    case 'HazardConfirmed':
      return {
        kind: 'hazardConfirmed',
        title: '隐患已确认整改',
        body: `隐患「${d.name}」的整改情况已${(d as HazardConfirmed).confirmedByName ? `由${(d as HazardConfirmed).confirmedByName}` : ''}确认，状态为已整改。`,
        at: (d as HazardConfirmed).confirmedAt,
      };
    case 'RectificationSubmitted':
      return {
        kind: 'rectificationSubmitted',
        title: '企业已提交整改情况',
        body: `${d.enterpriseName}已提交隐患「${d.name}」的整改情况，请到待确认隐患信息中确认或退回。`,
        at: (d as RectificationSubmitted).submittedAt,
      };
  }
}

/** The message's id: one per hazard, event and round (and recipient: it is their partition). */
export const hazardNotificationId = (type: HazardEventKind, d: Pick<HazardEvent, 'hazardId' | 'round'>) =>
  `${d.hazardId}-${type === 'HazardIssued' ? 'i' : type === 'RectificationSubmitted' ? 's' : type === 'HazardReturned' ? 'r' : 'c'}${d.round}`;

/** The enterprise's enabled account(s): its login is its 统一社会信用代码, else its 注册号. */
export async function enterpriseRecipients(store: Store, enterpriseId: string): Promise<string[]> {
  const { data: e } = await store.enterprises.get({ enterpriseId }).go();
  const login = e ? loginOfEntry(e) : undefined;
  if (!login) return [];
  const { data } = await store.accounts.query.byLogin({ login }).go();
  return data
    .filter((a) => a.kind === 'enterprise' && a.enterpriseId === enterpriseId && !a.disabled)
    .map((a) => a.accountId);
}

/** '350583' → '35', '3505', '350583': the jurisdictions that cover a region. */
const coveringJurisdictions = (regionCode: string): string[] =>
  [2, 4, 6].filter((n) => n <= regionCode.length).map((n) => regionCode.slice(0, n));

/** The sending department's enabled 检查人员 of the category whose jurisdiction covers the region (province, city, county). */
async function officerRecipients(store: Store, d: HazardEvent): Promise<string[]> {
  const found = await Promise.all(
    coveringJurisdictions(d.regionCode).map((regionCode) =>
      store.accounts.query.byDepartment({ department: d.sendingDepartment, regionCode }).go({ pages: 'all' }),
    ),
  );
  return found
    .flatMap((r) => r.data)
    .filter(
      (a) =>
        a.kind === 'regulator' &&
        !a.disabled &&
        (a.roles ?? []).includes('inspector') &&
        (a.categories ?? []).includes(d.category),
    )
    .map((a) => a.accountId);
}

/** Handle one delivery: how many messages it wrote and how many were there already. */
export async function onHazardEvent(
  store: Store,
  event: Pick<DeliveredEvent<HazardEvent>, 'detail' | 'detail-type'>,
  logger: Pick<Logger, 'info'>,
): Promise<{ written: number; duplicates: number }> {
  const type = event['detail-type'] as HazardEventKind;
  const d = event.detail.data;
  const message = hazardMessageOf(type, d);
  const recipients =
    type === 'RectificationSubmitted'
      ? await officerRecipients(store, d)
      : await enterpriseRecipients(store, d.enterpriseId);
  const notificationId = hazardNotificationId(type, d);
  const createdAt = new Date(message.at).toISOString();
  let written = 0;
  let duplicates = 0;
  for (const recipient of recipients) {
    const outcome = await deliverMessage(
      store,
      {
        recipient,
        notificationId,
        kind: message.kind,
        title: message.title,
        body: message.body,
        subjectType: 'hazard',
        subjectId: d.hazardId,
        createdAt,
      },
      { requestId: `${event.detail.eventId}-${recipient}`, details: { hazard: d.hazardId, event: type } },
    );
    if (outcome === 'written') written++;
    else duplicates++;
  }
  logger.info('hazard event → inbox', { eventId: event.detail.eventId, type, notificationId, written, duplicates });
  return { written, duplicates };
}
