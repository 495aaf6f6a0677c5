/** The register context's Lambda: unit lists, 查看, 开通通知, change requests and their review. */
import { noNoticeLeft, takeNotices } from '../lib/accounts/enterprise-login';
import { linkAttachmentItems } from '../lib/attachments/link';
import { defineHandler } from '../lib/handler';
import { approveChange, getChangeRequest, listChangeRequests, rejectChange } from './decide';
import { enterpriseDetail, historyPage, personnelPage, visibleEnterprise } from './detail';
import { registerManifest } from './manifest';
import { submitChange } from './submit';
import { listUnits } from './units';

const ctxOf = (input: { requestId: string; sourceIp: string }) => ({
  requestId: input.requestId,
  sourceIp: input.sourceIp,
});

export const handler = defineHandler(registerManifest, ({ store }) => ({
  routes: {
    listUnits: async ({ principal, params, query }) => listUnits(store, principal, { ...params, ...query }),
    getEnterprise: async ({ principal, params }) => enterpriseDetail(store, principal, params.enterpriseId),
    getEnterpriseAccountNotice: async ({ principal, params }) => {
      const e = await visibleEnterprise(store, principal, params.enterpriseId);
      const [notice] = await takeNotices(store, [e.enterpriseId]);
      if (!notice) throw noNoticeLeft();
      return {
        enterpriseId: e.enterpriseId,
        enterpriseName: notice.enterpriseName,
        login: notice.login,
        oneTimePassword: notice.oneTimePassword,
        oneTimePasswordExpiresAt: new Date(notice.passwordExpiresAt).toISOString(),
      };
    },
    listEnterprisePersonnel: async ({ principal, params, query }) =>
      personnelPage(store, principal, params.enterpriseId, query),
    listEnterpriseHistory: async ({ principal, params, query }) =>
      historyPage(store, principal, params.enterpriseId, query),
    submitChangeRequest: async (input) =>
      submitChange(store, input.principal, input.body, ctxOf(input), (p, ids, link) =>
        linkAttachmentItems(store, p, ids, link),
      ),
    listChangeRequests: async ({ principal, query }) => listChangeRequests(store, principal, query),
    getChangeRequest: async ({ principal, params }) => getChangeRequest(store, principal, params.requestId),
    approveChangeRequest: async (input) =>
      approveChange(store, input.principal, input.params.requestId, input.body.version, ctxOf(input)),
    rejectChangeRequest: async (input) =>
      rejectChange(store, input.principal, input.params.requestId, input.body.reason, ctxOf(input)),
  },
}));
