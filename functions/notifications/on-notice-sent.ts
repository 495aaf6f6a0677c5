/**
 * NoticeSent → one message per account that must hear of it: each receiving department's inspectors covering
 * the enterprise (recipients.ts) — the same people who can open the notice.
 *
 * Idempotent the way ChangeRequestDecided is (on-change-decided.ts): each message's id is derived from the
 * notice (`ntc-…`, the same for every recipient, in the recipient's own partition) and its time is the
 * sending's, so a redelivery addresses the same items; each put is conditioned on absence with the unread
 * counter in its transaction, so a recipient already told is skipped and the counter doesn't move twice.
 */
import type { Logger } from '@aws-lambda-powertools/logger';
import type { NoticeSent } from '../../shared/events/notices';
import { department as departmentOf } from '../../shared/reference/departments';
import type { DeliveredEvent } from '../lib/dispatch';
import type { Store } from '../store';
import { deliverMessage } from './deliver';
import { departmentInspectors } from './recipients';

export const NOTICE_KIND = 'noticeSent';

/** The receiving departments' inspectors who cover the notice's enterprise (functions/notifications/recipients.ts). */
export async function noticeRecipients(store: Store, d: NoticeSent): Promise<string[]> {
  return departmentInspectors(store, d.receivers, { regionCode: d.regionCode, categories: d.categories });
}

export function messageOf(d: NoticeSent): { title: string; body: string } {
  const from = departmentOf(d.department).display;
  return {
    title: `收到${from}的通报`,
    body: `${from}就「${d.enterpriseName}」向本单位发出通报：${d.summary}`,
  };
}

/** Handle one delivery: how many messages it wrote and how many recipients already had theirs. */
export async function onNoticeSent(
  store: Store,
  event: Pick<DeliveredEvent<NoticeSent>, 'detail'>,
  logger: Pick<Logger, 'info'>,
): Promise<{ written: number; duplicate: number }> {
  const d = event.detail.data;
  const { title, body } = messageOf(d);
  const createdAt = new Date(d.sentAt).toISOString();
  const notificationId = d.noticeId;
  let written = 0;
  let duplicate = 0;
  for (const recipient of await noticeRecipients(store, d)) {
    const outcome = await deliverMessage(
      store,
      {
        recipient,
        notificationId,
        kind: NOTICE_KIND,
        title,
        body,
        subjectType: 'notice',
        subjectId: d.noticeId,
        createdAt,
      },
      { requestId: event.detail.eventId, details: { notice: d.noticeId } },
    );
    if (outcome === 'written') written++;
    else duplicate++;
  }
  logger.info('NoticeSent delivered', { eventId: event.detail.eventId, noticeId: d.noticeId, written, duplicate });
  return { written, duplicate };
}
