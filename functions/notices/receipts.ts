/**
 * What a receiving department does with a notice: it is read when one of its regulators opens it (the first
 * opening is kept — who and when — and 发出的通报 shows it), and it may answer with its 处理情况.
 *
 * Each change rewrites the notice's receipts and every list row's copy in ONE transaction, conditioned on the
 * notice's version: two departments acting at once can't overwrite each other's receipt — the second finds the
 * version moved, reads again and applies its change to the fresh receipts.
 */
import { createWriteTransaction } from 'electrodb';
import { actorOf, transactWithAudit } from '../lib/audit';
import type { Regulator } from '../lib/auth/principal';
import { conflict, forbidden } from '../lib/http/errors';
import { regulatorSees } from '../lib/scope';
import { isConditionFailure, itemsOf } from '../lib/transactions';
import type { Store } from '../store';
import {
  listKeysOf,
  loadVisible,
  noticeView,
  rowReceipts,
  type NoticeRecord,
  type RequestContext,
  type StoredReceipt,
} from './records';

const ATTEMPTS = 3;

/** The notice's detail, as the caller stands to it. Reading it changes nothing (opening marks it: `markRead`). */
export async function getNotice(store: Store, p: Regulator, noticeId: string) {
  const { notice, standing } = await loadVisible(store, p, noticeId);
  return noticeView(notice, standing);
}

/** The caller's own department's receipt, when it is a receiver that sees the notice. */
function ownReceipt(p: Regulator, n: NoticeRecord): StoredReceipt | undefined {
  const r = n.receipts.find((x) => x.department === p.department);
  return r && regulatorSees(p, { regionCode: n.regionCode, categories: n.categories, department: r.department })
    ? r
    : undefined;
}

const readBy = (p: Regulator, at: string): Partial<StoredReceipt> => ({
  readAt: at,
  readByAccountId: p.accountId,
  readByName: p.name,
});

/** 已读 for the caller's department (once: a second opening changes nothing). Answers the detail. */
export async function markRead(store: Store, p: Regulator, noticeId: string, ctx: RequestContext) {
  return changeReceipt(store, p, noticeId, ctx, 'notice.read', (r, at) => (r.readAt ? undefined : readBy(p, at)));
}

/** 处理情况: the caller's department's answer (a later answer replaces it; the audit trail keeps each). */
export async function replyToNotice(store: Store, p: Regulator, noticeId: string, reply: string, ctx: RequestContext) {
  return changeReceipt(store, p, noticeId, ctx, 'notice.reply', (r, at) => ({
    ...(r.readAt ? {} : readBy(p, at)),
    reply,
    repliedAt: at,
    repliedByAccountId: p.accountId,
    repliedByName: p.name,
  }));
}

async function changeReceipt(
  store: Store,
  p: Regulator,
  noticeId: string,
  ctx: RequestContext,
  action: 'notice.read' | 'notice.reply',
  change: (r: StoredReceipt, at: string) => Partial<StoredReceipt> | undefined,
) {
  for (let attempt = 1; ; attempt++) {
    const { notice, standing } = await loadVisible(store, p, noticeId);
    const own = ownReceipt(p, notice);
    if (!own) {
      // The sender's own department sees the notice but is no receiver of it.
      if (action === 'notice.read') return noticeView(notice, standing);
      throw forbidden('只有接收通报单位可以回复处理情况');
    }
    const at = new Date().toISOString();
    const patch = change(own, at);
    if (!patch) return noticeView(notice, standing);
    const receipts = notice.receipts.map((r) => (r.department === p.department ? { ...r, ...patch } : r));
    const rows = rowReceipts(receipts);
    const items = itemsOf(
      createWriteTransaction({ notices: store.notices, listings: store.noticeListings }, ({ notices, listings }) => [
        notices
          .patch({ noticeId })
          .set({ receipts })
          .add({ version: 1 })
          .where((a, op) => op.eq(a.version, notice.version))
          .commit(),
        ...listKeysOf(notice).map(({ listKey, receiver }) =>
          listings
            .patch({ noticeId, listKey })
            .set(receiver === p.department ? { receipts: rows, read: true } : { receipts: rows })
            .commit(),
        ),
      ]),
    );
    try {
      await transactWithAudit(
        store,
        {
          actor: actorOf(p),
          action,
          object: { type: 'notice', id: noticeId, label: notice.enterpriseName },
          outcome: 'success',
          sourceIp: ctx.sourceIp,
          requestId: ctx.requestId,
          details: {
            department: p.department,
            ...(action === 'notice.reply' ? { before: own.reply ?? null, after: patch.reply ?? null } : {}),
          },
        },
        items,
      );
      return noticeView({ ...notice, receipts, version: notice.version + 1 }, 'receiver');
    } catch (err) {
      // Another department's change came first: read again and apply ours on top of it.
      if (isConditionFailure(err) && attempt < ATTEMPTS) continue;
      if (isConditionFailure(err)) throw conflict('通报正被其他单位处理，请稍后重试');
      throw err;
    }
  }
}
