/**
 * An account's inbox: its messages (one partition, sorted by time) and its unread counter (an item of the
 * same partition, moved with ADD in the transaction that writes or marks a message). The recipient is
 * always the caller's own account id, so no caller can address another's messages — another account's
 * message id simply isn't in the caller's partition (404).
 */
import { withCursor } from '../lib/paging';
import { itemsOf } from '../lib/transactions';
import { createWriteTransaction, type EntityItem } from 'electrodb';
import { READ_ALL_MAX, type NotificationQuery, type NotificationView } from '../../shared/api/notifications';
import { actorOf, MAX_TRANSACT_ITEMS, transactWithAudit, type TransactItem } from '../lib/audit';
import type { Principal } from '../lib/auth/principal';
import { notFound } from '../lib/http/errors';
import type { Store } from '../store';

type Notification = EntityItem<Store['notifications']>;

export interface RequestMeta {
  sourceIp: string;
  requestId: string;
}

/** The latest instant a JS Date can hold: a larger time in a handle is not a message of ours. */
const MAX_DATE_MS = 8.64e15;

/** The API's handle of a message: its time (base-36 ms) and id, which together are its sort key. */
export const refOf = (n: Pick<Notification, 'createdAt' | 'notificationId'>): string =>
  `${Date.parse(n.createdAt).toString(36)}.${n.notificationId}`;

function keyOf(recipient: string, ref: string) {
  const dot = ref.indexOf('.');
  const ms = parseInt(ref.slice(0, dot), 36);
  // A handle no message could have: the same answer as a message that isn't there.
  if (dot < 1 || !Number.isFinite(ms) || ms > MAX_DATE_MS) throw notFound('消息不存在');
  return { recipient, createdAt: new Date(ms).toISOString(), notificationId: ref.slice(dot + 1) };
}

export function viewOf(n: Notification): NotificationView {
  return {
    notificationId: refOf(n),
    kind: n.kind,
    title: n.title,
    body: n.body,
    ...(n.subjectType ? { subjectType: n.subjectType } : {}),
    ...(n.subjectId ? { subjectId: n.subjectId } : {}),
    ...(n.subjectCategory ? { subjectCategory: n.subjectCategory } : {}),
    read: n.read,
    createdAt: n.createdAt,
  };
}

/** Requests one unread-only page may spend skipping read messages before it answers with what it has. */
const UNREAD_PAGE_READS = 3;

async function unreadCount(store: Store, recipient: string, consistent = false): Promise<number> {
  const { data } = await store.inboxCounters.get({ recipient }).go({ consistent });
  // Never shown below zero, whatever a counter might have come to.
  return Math.max(0, data?.unread ?? 0);
}

/**
 * Newest first, with the unread count: one Query and one GetItem, in parallel. Only unread: the same
 * Query filtered on `read`, continued (a few requests at most) while the page is short, so the page
 * isn't mostly empty when read messages come first.
 */
export async function listInbox(store: Store, recipient: string, q: NotificationQuery) {
  const query = () => store.notifications.query.byRecipient({ recipient });
  const page = async (): Promise<{ data: Notification[]; cursor: string | null }> => {
    if (!q.unreadOnly) {
      return query().go({ limit: q.limit, cursor: q.cursor ?? null, order: 'desc' });
    }
    const data: Notification[] = [];
    let cursor: string | null = q.cursor ?? null;
    for (let reads = 0; reads < UNREAD_PAGE_READS && data.length < q.limit; reads++) {
      // Limit = what is still missing, so the cursor never skips an unread message this page didn't return.
      const r = await query()
        .where((a, op) => op.eq(a.read, false))
        .go({ limit: q.limit - data.length, cursor, order: 'desc' });
      data.push(...r.data);
      cursor = r.cursor ?? null;
      if (!cursor) break;
    }
    return { data, cursor };
  };
  const [p, unread] = await withCursor(q.cursor, () => Promise.all([page(), unreadCount(store, recipient)]));
  return { items: p.data.map(viewOf), cursor: p.cursor ?? null, unread };
}

const cancellationReasons = (err: unknown): { Code?: string }[] | undefined =>
  (err as { name?: string } | null)?.name === 'TransactionCanceledException'
    ? ((err as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [])
    : undefined;

/** The patches that mark `messages` read (each only if still unread) and the counter's ADD −n. */
function markItems(store: Store, recipient: string, messages: readonly Notification[]): TransactItem[] {
  return itemsOf(
    createWriteTransaction(
      { notifications: store.notifications, counters: store.inboxCounters },
      ({ notifications, counters }) => [
        ...messages.map((m) =>
          notifications
            .patch({ recipient, createdAt: m.createdAt, notificationId: m.notificationId })
            .set({ read: true })
            .where((a, op) => op.eq(a.read, false))
            .commit(),
        ),
        counters.update({ recipient }).add({ unread: -messages.length }).commit(),
      ],
    ),
  );
}

/** 标记已读. Already read (or read meanwhile by another tab): 200, nothing changes. */
export async function markRead(store: Store, principal: Principal, ref: string, meta: RequestMeta) {
  const key = keyOf(principal.accountId, ref);
  const { data } = await store.notifications.get(key).go({ consistent: true });
  if (!data) throw notFound('消息不存在');
  if (data.read) return { notificationId: ref, read: true as const, changed: false };
  try {
    await transactWithAudit(
      store,
      {
        actor: actorOf(principal),
        action: 'notification.read',
        object: { type: 'notification', id: data.notificationId, label: data.title },
        outcome: 'success',
        ...meta,
      },
      markItems(store, principal.accountId, [data]),
    );
  } catch (err) {
    if (cancellationReasons(err)?.[0]?.Code === 'ConditionalCheckFailed') {
      return { notificationId: ref, read: true as const, changed: false };
    }
    throw err;
  }
  return { notificationId: ref, read: true as const, changed: true };
}

/** A transaction's room for message patches: the counter's ADD and the audit head and record take 3. */
const BATCH = MAX_TRANSACT_ITEMS - 3;
/** Pages of the inbox read-all may look through for unread messages (the counter says when to stop). */
const READ_ALL_PAGES = 10;

/**
 * 全部标记已读: the newest unread messages, at most READ_ALL_MAX, in transactions of at most 100 items.
 * The counter says how many there are, so an inbox with none costs one GetItem and the search stops as
 * soon as they are found. Returns how many this request marked.
 */
export async function markAllRead(store: Store, principal: Principal, meta: RequestMeta): Promise<{ count: number }> {
  const recipient = principal.accountId;
  const wanted = Math.min(READ_ALL_MAX, await unreadCount(store, recipient, true));
  if (wanted === 0) return { count: 0 };
  const found: Notification[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < READ_ALL_PAGES && found.length < wanted; pages++) {
    const r: { data: Notification[]; cursor: string | null } = await store.notifications.query
      .byRecipient({ recipient })
      .where((a, op) => op.eq(a.read, false))
      .go({ limit: READ_ALL_MAX, cursor, order: 'desc' });
    found.push(...r.data);
    cursor = r.cursor ?? null;
    if (!cursor) break;
  }
  const unread = found.slice(0, wanted);
  let count = 0;
  for (let i = 0; i < unread.length; i += BATCH) {
    count += await markBatch(store, principal, unread.slice(i, i + BATCH), meta);
  }
  return { count };
}

/**
 * One transaction over a batch. A message marked read meanwhile (another tab) cancels it: those are left
 * out and the rest tried again, so the counter moves by exactly the messages this request changed.
 */
async function markBatch(
  store: Store,
  principal: Principal,
  batch: readonly Notification[],
  meta: RequestMeta,
): Promise<number> {
  let pending = [...batch];
  for (let attempt = 1; attempt <= 3 && pending.length; attempt++) {
    try {
      await transactWithAudit(
        store,
        {
          actor: actorOf(principal),
          action: 'notification.read-all',
          object: { type: 'notification', label: `${pending.length} 条消息` },
          outcome: 'success',
          ...meta,
          details: { count: pending.length },
        },
        markItems(store, principal.accountId, pending),
      );
      return pending.length;
    } catch (err) {
      const reasons = cancellationReasons(err);
      const stale = new Set(
        (reasons ?? []).flatMap((r, i) => (i < pending.length && r.Code === 'ConditionalCheckFailed' ? [i] : [])),
      );
      if (stale.size === 0) throw err;
      pending = pending.filter((_, i) => !stale.has(i));
    }
  }
  return 0;
}
