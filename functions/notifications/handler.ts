/**
 * The notifications context's Lambda: the caller's inbox (list, 标记已读, 全部标记已读) and the consumer
 * that turns ChangeRequestDecided events into messages for the requester.
 */
import { defineHandler } from '../lib/handler';
import { listInbox, markAllRead, markRead } from './inbox';
import { notificationsManifest } from './manifest';
import { onChangeRequestDecided } from './on-change-decided';
import { onNoticeSent } from './on-notice-sent';
import { onHazardEvent } from './on-hazard';
import { onWarningsRaised } from './on-warnings-raised';

export const handler = defineHandler(notificationsManifest, (deps) => ({
  routes: {
    listNotifications: async ({ principal, query }) => listInbox(deps.store, principal.accountId, query),
    markNotificationRead: async ({ principal, params, sourceIp, requestId }) =>
      markRead(deps.store, principal, params.notificationId, { sourceIp, requestId }),
    markAllNotificationsRead: async ({ principal, sourceIp, requestId }) =>
      markAllRead(deps.store, principal, { sourceIp, requestId }),
  },
  consumers: {
    changeRequestDecided: async (event, log) => onChangeRequestDecided(deps.store, event, log),
    noticeSent: async (event, log) => {
      await onNoticeSent(deps.store, event, log);
    },
    hazardEvents: async (event, log) => onHazardEvent(deps.store, event, log),
    warningsRaised: async (event, log) => onWarningsRaised(deps.store, event, log),
  },
}));
