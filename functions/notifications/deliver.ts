/**
 * Putting one message in one inbox, the way every consumer of this context does it: the message (created only if
 * its id is new), the recipient's unread counter and the audit record, in one transaction. Delivery is at least
 * once, so a message id is derived from the event (README: How an event flows); the same event delivered again
 * finds its message there and writes nothing — 'duplicate' — and the counter does not move.
 */
import { createWriteTransaction } from 'electrodb';
import { SYSTEM_ACTOR, transactWithAudit } from '../lib/audit';
import { itemsOf } from '../lib/transactions';
import type { Store } from '../store';

export interface InboxMessage {
  recipient: string;
  notificationId: string;
  kind: string;
  title: string;
  body: string;
  /** What the message is about, for its 查看 link. */
  subjectType: string;
  subjectId: string;
  /** The category platform of the object's page, for objects that live in one (an inspection task). */
  subjectCategory?: string;
  /** ISO time, normalised to milliseconds so the API's handle (time + id) maps back to exactly this sort key. */
  createdAt: string;
}

const isCancellation = (err: unknown) => (err as { name?: string } | null)?.name === 'TransactionCanceledException';
const firstReason = (err: unknown) =>
  (err as { CancellationReasons?: { Code?: string }[] }).CancellationReasons?.[0]?.Code;

export async function deliverMessage(
  store: Store,
  m: InboxMessage,
  /** The audit record's request id (the outbox event's, the same on every delivery) and what it notes. */
  audit: { requestId: string; details: Record<string, unknown> },
): Promise<'written' | 'duplicate'> {
  const items = itemsOf(
    createWriteTransaction(
      { notifications: store.notifications, counters: store.inboxCounters },
      ({ notifications, counters }) => [
        notifications.create({ ...m, read: false }).commit(),
        counters.update({ recipient: m.recipient }).add({ unread: 1 }).commit(),
      ],
    ),
  );
  try {
    await transactWithAudit(
      store,
      {
        actor: { ...SYSTEM_ACTOR, name: '系统（消息通知）' },
        action: 'notification.deliver',
        object: { type: 'notification', id: m.notificationId, label: m.title },
        outcome: 'success',
        sourceIp: '-',
        requestId: audit.requestId.slice(0, 128),
        details: { recipient: m.recipient, ...audit.details },
      },
      items,
    );
    return 'written';
  } catch (err) {
    // The message is there already (this event, delivered again): done, and the counter did not move.
    if (isCancellation(err) && firstReason(err) === 'ConditionalCheckFailed') return 'duplicate';
    throw err;
  }
}
