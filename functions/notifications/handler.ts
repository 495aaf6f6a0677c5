/**
 * The notifications context's Lambda: the caller's inbox (list, 标记已读, 全部标记已读) and the consumer
 * that turns ChangeRequestDecided events into messages for the requester.
 */
import { documents } from '../lib/clients/dynamodb';
import { config } from '../lib/config';
import { contextHandler } from '../lib/dispatch';
import { httpRoute } from '../lib/http/route';
import { createLogger } from '../lib/logger';
import { createStore, type Store } from '../store';
import { listInbox, markAllRead, markRead } from './inbox';
import * as routes from './manifest';
import { onChangeRequestDecided } from './on-change-decided';

const logger = createLogger('notifications');

let store: Store | undefined;
const storeOf = (): Store => (store ??= createStore(documents, config.tableName));

export const handler = contextHandler(
  routes.notificationsManifest,
  {
    routes: {
      listNotifications: httpRoute(
        routes.listNotifications,
        async ({ principal, query }) => listInbox(storeOf(), principal.accountId, query),
        logger,
      ),
      markNotificationRead: httpRoute(
        routes.markNotificationRead,
        async ({ principal, params, sourceIp, requestId }) =>
          markRead(storeOf(), principal, params.notificationId, { sourceIp, requestId }),
        logger,
      ),
      markAllNotificationsRead: httpRoute(
        routes.markAllNotificationsRead,
        async ({ principal, sourceIp, requestId }) => markAllRead(storeOf(), principal, { sourceIp, requestId }),
        logger,
      ),
    },
    consumers: {
      changeRequestDecided: async (event, log) => {
        await onChangeRequestDecided(storeOf(), event, log);
      },
    },
  },
  logger,
);
