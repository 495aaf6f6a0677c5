import {
  NotificationMarked,
  NotificationPage,
  NotificationQuery,
  NotificationRefParams,
  NotificationsMarked,
} from '../../shared/api/notifications';
import { ChangeRequestDecided } from '../../shared/events/register';
import { NoticeSent } from '../../shared/events/notices';
import { HazardConfirmed, HazardIssued, HazardReturned, RectificationSubmitted } from '../../shared/events/hazards';
import { defineContext, defineRoute } from '../lib/wiring';
import { WarningsRaised } from '../../shared/events/warnings';

/**
 * The in-app inbox (消息): every signed-in account reads and marks its own messages, which consumers of
 * domain events write. The inbox is always the caller's (its account id is the partition), so there is no
 * other scope to check.
 */
const ANY_ACCOUNT = { kind: 'any' } as const;

export const listNotifications = defineRoute({
  operationId: 'listNotifications',
  method: 'GET',
  path: '/api/notifications',
  public: false,
  access: ANY_ACCOUNT,
  readOnly: true,
  summary: '消息：本账号的消息，从新到旧，及未读条数',
  tags: ['notifications'],
  query: NotificationQuery,
  response: NotificationPage,
});

export const markNotificationRead = defineRoute({
  operationId: 'markNotificationRead',
  method: 'POST',
  path: '/api/notifications/{notificationId}/read',
  public: false,
  access: ANY_ACCOUNT,
  summary: '消息：标记已读（已读的再标记不改变什么）',
  tags: ['notifications'],
  params: NotificationRefParams,
  response: NotificationMarked,
});

export const markAllNotificationsRead = defineRoute({
  operationId: 'markAllNotificationsRead',
  method: 'POST',
  path: '/api/notifications/read-all',
  public: false,
  access: ANY_ACCOUNT,
  summary: '消息：全部标记已读（每次最多 100 条，返回标记的条数）',
  tags: ['notifications'],
  response: NotificationsMarked,
});

export const notificationsManifest = defineContext({
  context: 'notifications',
  entry: 'functions/notifications/handler.ts',
  description: 'the in-app inbox: messages written from domain events, read and marked by their account',
  routes: [listNotifications, markNotificationRead, markAllNotificationsRead],
  subscriptions: [
    {
      name: 'changeRequestDecided',
      events: [ChangeRequestDecided],
      description: '变更申请（新增企业、删除企业、企业信息纠错、证书信息纠正）审核后，通知提交人',
    },
    {
      name: 'noticeSent',
      events: [NoticeSent],
      description: '归口通报发出后，通知各接收单位辖区、类别覆盖该企业的检查人员',
    },
    {
      name: 'hazardEvents',
      events: [HazardIssued, RectificationSubmitted, HazardReturned, HazardConfirmed],
      description: '隐患下发、退回、确认通知企业；企业提交整改情况通知隐患发送单位覆盖该企业的检查人员',
    },
    {
      name: 'warningsRaised',
      events: [WarningsRaised],
      description: '预警扫描新增红色、橙色预警：通知企业及牵头监管部门的检查人员；一次超过 10 条则合并为一条预警日报',
    },
  ],
  schedules: [],
  grants: {
    table: { write: ['notifications', 'inboxCounters', 'sessions', 'audit'], read: ['accounts', 'enterprises'] },
  },
});
