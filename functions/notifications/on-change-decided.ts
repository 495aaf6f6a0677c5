/**
 * ChangeRequestDecided → one message in the requester's inbox. The message id comes from the event
 * (`chg-<requestId>-<status>`) and its time is the decision's, so a redelivered event addresses the very
 * same item: the put is conditioned on its absence and the unread counter moves in the same transaction,
 * which makes a second delivery change nothing. Events arriving out of order each land where their time
 * sorts them.
 */
import type { Logger } from '@aws-lambda-powertools/logger';
import { createWriteTransaction } from 'electrodb';
import * as z from 'zod/mini';
import { SYSTEM_ACTOR, transactWithAudit, type TransactItem } from '../lib/audit';
import type { DomainEventEnvelope } from '../lib/dispatch';
import type { Store } from '../store';

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

const text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));

/**
 * The detail the register context publishes (functions/register/decide.ts); anything else is not ours to
 * guess at. Limits are generous — they only keep a message a sane size, a real decision never meets them —
 * and the request id keeps to the characters the API's message handle allows, so every message written can
 * also be marked read.
 */
export const ChangeRequestDecidedDetail = z.object({
  requestId: z.string().check(z.regex(/^[\w-]{1,100}$/)),
  kind: z.enum(['create', 'remove', 'correct', 'correct-licence']),
  status: z.enum(['approved', 'rejected']),
  enterpriseId: text(120),
  enterpriseName: text(500),
  requestedBy: text(128),
  /** Empty when the publisher did not know the reviewer's name: the message then names nobody. */
  decidedByName: z.string().check(z.trim(), z.maxLength(100)),
  decisionReason: z.optional(z.string().check(z.trim(), z.maxLength(2000))),
  decidedAt: z.iso.datetime({ offset: true }),
});
export type ChangeRequestDecidedDetail = z.infer<typeof ChangeRequestDecidedDetail>;

export const NOTIFICATION_KIND = 'changeRequestDecided';

/** The message's id: one per request and outcome, whatever the number of deliveries. */
export const notificationIdOf = (d: Pick<ChangeRequestDecidedDetail, 'requestId' | 'status'>) =>
  `chg-${d.requestId}-${d.status}`;

/** 「企业信息纠错审核通过」 and 「您提交的「…」企业信息纠错已由…审核通过，信息已更新。」 */
export function messageOf(d: ChangeRequestDecidedDetail): { title: string; body: string } {
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

const isCancellation = (err: unknown) => (err as { name?: string } | null)?.name === 'TransactionCanceledException';
const firstReason = (err: unknown) =>
  (err as { CancellationReasons?: { Code?: string }[] }).CancellationReasons?.[0]?.Code;

/**
 * Handle one delivery. Returns what happened, for the log and the tests: `written`, `duplicate` (already
 * delivered), or `dropped` (malformed: logged, never retried — retrying can't make it well-formed).
 */
export async function onChangeRequestDecided(
  store: Store,
  event: Pick<DomainEventEnvelope, 'id' | 'detail'>,
  logger: Pick<Logger, 'info' | 'warn'>,
): Promise<'written' | 'duplicate' | 'dropped'> {
  const parsed = ChangeRequestDecidedDetail.safeParse(event.detail);
  if (!parsed.success) {
    logger.warn('malformed ChangeRequestDecided dropped', {
      eventId: event.id,
      issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
    });
    return 'dropped';
  }
  const d = parsed.data;
  const notificationId = notificationIdOf(d);
  const { title, body } = messageOf(d);
  // Normalised to milliseconds so the API's handle (time + id) maps back to exactly this sort key.
  const createdAt = new Date(d.decidedAt).toISOString();
  const items = createWriteTransaction(
    { notifications: store.notifications, counters: store.inboxCounters },
    ({ notifications, counters }) => [
      notifications
        .create({
          recipient: d.requestedBy,
          notificationId,
          kind: NOTIFICATION_KIND,
          title,
          body,
          subjectType: 'changeRequest',
          subjectId: d.requestId,
          read: false,
          createdAt,
        })
        .commit(),
      counters.update({ recipient: d.requestedBy }).add({ unread: 1 }).commit(),
    ],
  ).params().TransactItems as TransactItem[];
  try {
    await transactWithAudit(
      store,
      {
        actor: { ...SYSTEM_ACTOR, name: '系统（消息通知）' },
        action: 'notification.deliver',
        object: { type: 'notification', id: notificationId, label: title },
        outcome: 'success',
        sourceIp: '-',
        requestId: event.id,
        details: { recipient: d.requestedBy, changeRequest: d.requestId, status: d.status },
      },
      items,
    );
  } catch (err) {
    // The message is there already (this event, delivered again): done, and the counter did not move.
    if (isCancellation(err) && firstReason(err) === 'ConditionalCheckFailed') {
      logger.info('ChangeRequestDecided already delivered', { eventId: event.id, notificationId });
      return 'duplicate';
    }
    throw err;
  }
  logger.info('notification written', { eventId: event.id, notificationId });
  return 'written';
}
