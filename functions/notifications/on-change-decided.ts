/**
 * ChangeRequestDecided → one message in the requester's inbox. The message id comes from the event
 * (`chg-<requestId>-<status>`) and its time is the decision's, so a redelivered event — the outbox relay and
 * EventBridge both deliver at least once — addresses the very same item: the put is conditioned on its absence
 * and the unread counter moves in the same transaction, which makes a second delivery change nothing. Events
 * arriving out of order each land where their time sorts them. The detail was parsed with the event's contract
 * (shared/events/register.ts) before this runs (functions/lib/dispatch.ts).
 */
import type { Logger } from '@aws-lambda-powertools/logger';
import type { ChangeRequestDecided } from '../../shared/events/register';
import type { DeliveredEvent } from '../lib/dispatch';
import type { Store } from '../store';
import { deliverMessage } from './deliver';

export const CHANGE_KIND_NAMES = {
  create: '新增企业',
  remove: '删除企业',
  correct: '企业信息纠错',
  'correct-licence': '证书信息纠正',
} as const;

/** What an approval did, said at the end of the message. */
const APPROVED_EFFECT: Record<keyof typeof CHANGE_KIND_NAMES, string> = {
  create: '企业已录入平台',
  remove: '该企业已标记为删除（历史记录保留）',
  correct: '信息已更新',
  'correct-licence': '证书信息已更新',
};

export const NOTIFICATION_KIND = 'changeRequestDecided';

/** The message's id: one per request and outcome, whatever the number of deliveries. */
export const notificationIdOf = (d: Pick<ChangeRequestDecided, 'requestId' | 'status'>) =>
  `chg-${d.requestId}-${d.status}`;

/** 「企业信息纠错审核通过」 and 「您提交的「…」企业信息纠错已由…审核通过，信息已更新。」 */
export function messageOf(d: ChangeRequestDecided): { title: string; body: string } {
  const what = CHANGE_KIND_NAMES[d.kind];
  const by = d.decidedByName ? `由${d.decidedByName}` : '';
  if (d.status === 'approved') {
    return {
      title: `${what}审核通过`,
      body: `您提交的「${d.enterpriseName}」${what}已${by}审核通过，${APPROVED_EFFECT[d.kind]}。`,
    };
  }
  // The reviewer's words end the sentence: drop their own full stop so it isn't doubled.
  const reason = d.decisionReason?.replace(/[。.！!；;，,\s]+$/u, '');
  return {
    title: `${what}审核未通过`,
    body: `您提交的「${d.enterpriseName}」${what}已${by}审核未通过${reason ? `，原因：${reason}` : ''}。`,
  };
}

/** Handle one delivery. Returns what happened, for the log and the tests: `written` or `duplicate`. */
export async function onChangeRequestDecided(
  store: Store,
  event: Pick<DeliveredEvent<ChangeRequestDecided>, 'id' | 'detail'>,
  logger: Pick<Logger, 'info'>,
): Promise<'written' | 'duplicate'> {
  const d = event.detail.data;
  const notificationId = notificationIdOf(d);
  const { title, body } = messageOf(d);
  // Normalised to milliseconds so the API's handle (time + id) maps back to exactly this sort key.
  const createdAt = new Date(d.decidedAt).toISOString();
  const outcome = await deliverMessage(
    store,
    {
      recipient: d.requestedBy,
      notificationId,
      kind: NOTIFICATION_KIND,
      title,
      body,
      subjectType: 'changeRequest',
      subjectId: d.requestId,
      createdAt,
    },
    { requestId: event.detail.eventId, details: { changeRequest: d.requestId, status: d.status } },
  );
  if (outcome === 'duplicate') {
    logger.info('ChangeRequestDecided already delivered', { eventId: event.detail.eventId, notificationId });
    return 'duplicate';
  }
  logger.info('notification written', { eventId: event.detail.eventId, notificationId });
  return 'written';
}
