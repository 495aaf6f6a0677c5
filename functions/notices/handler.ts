/** The notices context's Lambda: 归口通报 (登记通报问题, 发出的通报, 收到的通报, 已读, 处理情况). */
import { defineHandler } from '../lib/handler';
import { listNotices } from './lists';
import { noticesManifest } from './manifest';
import { getNotice, markRead, replyToNotice } from './receipts';
import { sendNotice } from './send';

const ctxOf = (input: { requestId: string; sourceIp: string }) => ({
  requestId: input.requestId,
  sourceIp: input.sourceIp,
});

export const handler = defineHandler(noticesManifest, ({ store }) => ({
  routes: {
    sendNotice: async (input) => sendNotice(store, input.principal, input.body, ctxOf(input)),
    listSentNotices: async (input) => listNotices(store, input.principal, 'sent', input.query),
    listReceivedNotices: async (input) => listNotices(store, input.principal, 'recv', input.query),
    getNotice: async (input) => getNotice(store, input.principal, input.params.noticeId),
    markNoticeRead: async (input) => markRead(store, input.principal, input.params.noticeId, ctxOf(input)),
    replyToNotice: async (input) =>
      replyToNotice(store, input.principal, input.params.noticeId, input.body.reply, ctxOf(input)),
  },
}));
