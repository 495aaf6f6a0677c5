/**
 * The accounts context's Lambda: account administration for 系统管理员 and 部门管理员, and the portal's
 * public figure of opened regulator accounts (the Excel import is the account-sheets context's).
 */
import { regulatorCounts } from '../lib/accounts/counters';
import { createAccounts } from '../lib/accounts/create';
import { accountView } from '../lib/accounts/view';
import { defineHandler } from '../lib/handler';
import { listAccounts } from './list';
import { accountsManifest } from './manifest';
import { resetAccountPassword, setAccountEnabled } from './status';

export const handler = defineHandler(accountsManifest, ({ store, logger, now }) => ({
  routes: {
    getRegulatorCounts: async () => regulatorCounts(store),
    listAccounts: async ({ principal, query }) => listAccounts(store, principal, query),
    createAccount: async ({ principal, body, sourceIp, requestId }) => {
      const [outcome] = await createAccounts(store, [{ kind: 'regulator', ...body }], principal, now(), {
        pathOf: (_i, field) => `body.${field}`,
        audit: { sourceIp, requestId },
      });
      if (outcome?.status !== 'created' || !outcome.oneTimePassword) throw new Error('account not created');
      logger.info('account created', { accountId: outcome.account.accountId, by: principal.accountId });
      return {
        ...accountView(outcome.account),
        oneTimePassword: outcome.oneTimePassword,
        oneTimePasswordExpiresAt: new Date(outcome.account.initialPasswordExpiresAt!).toISOString(),
      };
    },
    disableAccount: async ({ principal, params, sourceIp, requestId }) =>
      setAccountEnabled(store, principal, params.accountId, false, now(), { sourceIp, requestId }),
    enableAccount: async ({ principal, params, sourceIp, requestId }) =>
      setAccountEnabled(store, principal, params.accountId, true, now(), { sourceIp, requestId }),
    resetAccountPassword: async ({ principal, params, sourceIp, requestId }) =>
      resetAccountPassword(store, principal, params.accountId, { sourceIp, requestId }),
  },
}));
