/**
 * 登记通报问题: the caller's department (通报单位) tells other departments (接收通报单位) about a problem found at an
 * enterprise of the register it supervises. ONE transaction writes the notice, its list rows (发出的通报 of the
 * sender, 收到的通报 of each receiver, at each level of the enterprise's region), the link of its attachments,
 * the audit record and the `NoticeSent` event in the outbox — the notice can't exist unannounced, nor be
 * announced without existing.
 */
import { randomUUID } from 'node:crypto';
import { createWriteTransaction } from 'electrodb';
import type { NoticeInput } from '../../shared/api/notices';
import { NoticeSent } from '../../shared/events/notices';
import { actorOf, transactWithAudit } from '../lib/audit';
import { linkAttachmentItems } from '../lib/attachments/link';
import type { Regulator } from '../lib/auth/principal';
import { outboxItem } from '../lib/events/outbox';
import { badRequest, conflict, notFound } from '../lib/http/errors';
import { canSee, categoriesOf } from '../lib/register/scope';
import { isConditionFailure, itemsOf } from '../lib/transactions';
import type { Store } from '../store';
import { listKeysOf, rowReceipts, summaryOf, type NoticeRecord, type RequestContext } from './records';

export async function sendNotice(store: Store, p: Regulator, input: NoticeInput, ctx: RequestContext) {
  if (input.receivers.includes(p.department)) {
    const message = '接收通报单位不能是本单位';
    throw badRequest(message, [{ path: 'body.receivers', message }]);
  }
  const { data: e } = await store.enterprises.get({ enterpriseId: input.enterpriseId }).go({ consistent: true });
  const categories = e ? categoriesOf(e.segments) : [];
  // Only an enterprise on the register the sender supervises: out of scope reads as not there.
  if (!e || e.removed || !canSee(p, { enterpriseId: e.enterpriseId, regionCode: e.regionCode, categories })) {
    const message = '通报对象不存在或不在您的监管范围内';
    throw notFound(message);
  }
  const noticeId = `ntc-${randomUUID()}`;
  const at = new Date();
  const sentAt = at.toISOString();
  const notice: NoticeRecord = {
    noticeId,
    department: p.department,
    senderRegionCode: p.regionCode,
    enterpriseId: e.enterpriseId,
    enterpriseName: e.name,
    ...(e.creditCode ? { creditCode: e.creditCode } : {}),
    regionCode: e.regionCode,
    categories,
    description: input.description,
    result: input.result,
    attachmentIds: input.attachmentIds,
    receipts: input.receivers.map((department) => ({ department })),
    sentAt,
    sentById: p.accountId,
    sentByName: p.name,
    version: 1,
  };
  const summary = summaryOf(input.description);
  const attachmentItems = await linkAttachmentItems(store, p, input.attachmentIds, {
    enterpriseId: e.enterpriseId,
    regionCode: e.regionCode,
    categories,
    requestId: noticeId,
  });
  const items = () => [
    ...itemsOf(
      createWriteTransaction({ notices: store.notices, listings: store.noticeListings }, ({ notices, listings }) => [
        notices.create(notice).commit(),
        ...listKeysOf(notice).map(({ listKey }) =>
          listings
            .create({
              noticeId,
              listKey,
              sentAt,
              department: notice.department,
              enterpriseId: notice.enterpriseId,
              enterpriseName: notice.enterpriseName,
              regionCode: notice.regionCode,
              categories,
              summary,
              sentByName: notice.sentByName,
              receipts: rowReceipts(notice.receipts),
              read: false,
            })
            .commit(),
        ),
      ]),
    ),
    ...attachmentItems,
    outboxItem(
      store,
      NoticeSent,
      {
        noticeId,
        department: p.department,
        receivers: input.receivers,
        enterpriseId: e.enterpriseId,
        enterpriseName: e.name,
        regionCode: e.regionCode,
        categories,
        summary,
        sentBy: { accountId: p.accountId, name: p.name },
        sentAt,
      },
      at,
    ),
  ];
  try {
    await transactWithAudit(
      store,
      {
        actor: actorOf(p),
        action: 'notice.send',
        object: { type: 'notice', id: noticeId, label: e.name },
        outcome: 'success',
        sourceIp: ctx.sourceIp,
        requestId: ctx.requestId,
        details: { enterpriseId: e.enterpriseId, receivers: input.receivers, attachmentIds: input.attachmentIds },
      },
      items,
    );
  } catch (err) {
    // The only conditions that can fail are the attachments' (linked elsewhere meanwhile).
    if (isConditionFailure(err)) throw conflict('附件已被其他表单使用，请重新上传后再提交');
    throw err;
  }
  return { noticeId, sentAt };
}
