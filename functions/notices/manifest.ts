import {
  NoticeIdParams,
  NoticeInput,
  NoticePage,
  NoticeQuery,
  NoticeReplyInput,
  NoticeSentView,
  NoticeView,
} from '../../shared/api/notices';
import { NoticeSent } from '../../shared/events/notices';
import { defineContext, defineRoute } from '../lib/wiring';

/**
 * 归口通报 (检查通报管理 › 归口通报管理): a department's notices about enterprises to other departments — 登记通报问题,
 * 发出的通报, 收到的通报, 已读 on opening, 处理情况. Inspection business, as every 检查通报管理 route: 检查人员
 * holding no admin role (三员分立). Scope: the sending and the receiving departments, within
 * a jurisdiction covering the enterprise (functions/notices/records.ts `standingOf`); anyone else 404.
 */
const INSPECTORS = { kind: 'regulator', roles: ['inspector'], business: true } as const;

export const sendNotice = defineRoute({
  operationId: 'sendNotice',
  method: 'POST',
  path: '/api/notices',
  public: false,
  access: INSPECTORS,
  summary: '登记通报问题：本单位向其他单位发出通报（通报对象为本辖区登记在册的企业）',
  tags: ['notices'],
  body: NoticeInput,
  response: NoticeSentView,
  successStatus: 201,
});

export const listSentNotices = defineRoute({
  operationId: 'listSentNotices',
  method: 'GET',
  path: '/api/notices/sent',
  public: false,
  access: INSPECTORS,
  readOnly: true,
  summary: '发出的通报：本单位本辖区发出的通报，从新到旧，含各接收单位的未读/已读',
  tags: ['notices'],
  query: NoticeQuery,
  response: NoticePage,
});

export const listReceivedNotices = defineRoute({
  operationId: 'listReceivedNotices',
  method: 'GET',
  path: '/api/notices/received',
  public: false,
  access: INSPECTORS,
  readOnly: true,
  summary: '收到的通报：本单位本辖区收到的通报，从新到旧（可只看未读）',
  tags: ['notices'],
  query: NoticeQuery,
  response: NoticePage,
});

export const getNotice = defineRoute({
  operationId: 'getNotice',
  method: 'GET',
  path: '/api/notices/{noticeId}',
  public: false,
  access: INSPECTORS,
  readOnly: true,
  summary: '通报详情（打开即由接收单位标记已读：POST …/read）',
  tags: ['notices'],
  params: NoticeIdParams,
  response: NoticeView,
});

export const markNoticeRead = defineRoute({
  operationId: 'markNoticeRead',
  method: 'POST',
  path: '/api/notices/{noticeId}/read',
  public: false,
  access: INSPECTORS,
  summary: '收到的通报：打开即标记本单位已读（只记第一次：何人何时）',
  tags: ['notices'],
  params: NoticeIdParams,
  response: NoticeView,
});

export const replyToNotice = defineRoute({
  operationId: 'replyToNotice',
  method: 'POST',
  path: '/api/notices/{noticeId}/reply',
  public: false,
  access: INSPECTORS,
  summary: '收到的通报：回复处理情况（再次回复则更新）',
  tags: ['notices'],
  params: NoticeIdParams,
  body: NoticeReplyInput,
  response: NoticeView,
});

export const noticesManifest = defineContext({
  context: 'notices',
  entry: 'functions/notices/handler.ts',
  description: '归口通报: notices between departments about an enterprise, their 已读 and 处理情况',
  routes: [sendNotice, listSentNotices, listReceivedNotices, getNotice, markNoticeRead, replyToNotice],
  subscriptions: [],
  schedules: [],
  publishes: [NoticeSent],
  grants: {
    table: {
      write: ['notices', 'noticeListings', 'attachments', 'outboxEvents', 'sessions', 'audit'],
      read: ['enterprises', 'accounts'],
    },
  },
});
