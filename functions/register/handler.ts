/** The register context's Lambda: unit lists, 查看, change requests and their review. */
import { linkAttachmentItems } from '../lib/attachments/link';
import type { Principal } from '../lib/auth/principal';
import { documents } from '../lib/clients/dynamodb';
import { eventBridge } from '../lib/clients/events';
import { config } from '../lib/config';
import { contextHandler } from '../lib/dispatch';
import { publishEvents } from '../lib/events';
import { httpRoute } from '../lib/http/route';
import { createLogger } from '../lib/logger';
import { createStore, type Store } from '../store';
import { approveChange, getChangeRequest, listChangeRequests, rejectChange, type Publish } from './decide';
import { enterpriseDetail, historyPage, personnelPage, visibleEnterprise } from './detail';
import { noNoticeLeft, takeNotices } from '../lib/accounts/enterprise-login';
import * as routes from './manifest';
import { submitChange } from './submit';
import { listUnits } from './units';

const logger = createLogger('register');

let store: Store | undefined;
const storeOf = (): Store => (store ??= createStore(documents, config.tableName));
const publish: Publish = (events) => publishEvents(eventBridge, config.eventBusName, events);
type Regulator = Extract<Principal, { kind: 'regulator' }>;
const ctxOf = (input: { requestId: string; sourceIp: string }) => ({
  requestId: input.requestId,
  sourceIp: input.sourceIp,
});

export const handler = contextHandler(
  routes.registerManifest,
  {
    routes: {
      listUnits: httpRoute(
        routes.listUnits,
        async ({ principal, params, query }) => listUnits(storeOf(), principal as Regulator, { ...params, ...query }),
        logger,
      ),
      getEnterprise: httpRoute(
        routes.getEnterprise,
        async ({ principal, params }) => enterpriseDetail(storeOf(), principal, params.enterpriseId),
        logger,
      ),
      getEnterpriseAccountNotice: httpRoute(
        routes.getEnterpriseAccountNotice,
        async ({ principal, params }) => {
          const e = await visibleEnterprise(storeOf(), principal, params.enterpriseId);
          const [notice] = await takeNotices(storeOf(), [e.enterpriseId]);
          if (!notice) throw noNoticeLeft();
          return {
            enterpriseId: e.enterpriseId,
            enterpriseName: notice.enterpriseName,
            login: notice.login,
            oneTimePassword: notice.oneTimePassword,
            oneTimePasswordExpiresAt: new Date(notice.passwordExpiresAt).toISOString(),
          };
        },
        logger,
      ),
      listEnterprisePersonnel: httpRoute(
        routes.listEnterprisePersonnel,
        async ({ principal, params, query }) => personnelPage(storeOf(), principal, params.enterpriseId, query),
        logger,
      ),
      listEnterpriseHistory: httpRoute(
        routes.listEnterpriseHistory,
        async ({ principal, params, query }) => historyPage(storeOf(), principal, params.enterpriseId, query),
        logger,
      ),
      submitChangeRequest: httpRoute(
        routes.submitChangeRequest,
        async (input) =>
          submitChange(storeOf(), input.principal, input.body, ctxOf(input), (p, ids, link) =>
            linkAttachmentItems(storeOf(), p, ids, link),
          ),
        logger,
      ),
      listChangeRequests: httpRoute(
        routes.listChangeRequests,
        async ({ principal, query }) => listChangeRequests(storeOf(), principal as Regulator, query),
        logger,
      ),
      getChangeRequest: httpRoute(
        routes.getChangeRequest,
        async ({ principal, params }) => getChangeRequest(storeOf(), principal, params.requestId),
        logger,
      ),
      approveChangeRequest: httpRoute(
        routes.approveChangeRequest,
        async (input) =>
          approveChange(
            storeOf(),
            input.principal as Regulator,
            input.params.requestId,
            input.body.version,
            ctxOf(input),
            publish,
          ),
        logger,
      ),
      rejectChangeRequest: httpRoute(
        routes.rejectChangeRequest,
        async (input) =>
          rejectChange(
            storeOf(),
            input.principal as Regulator,
            input.params.requestId,
            input.body.reason,
            ctxOf(input),
            publish,
          ),
        logger,
      ),
    },
  },
  logger,
);
