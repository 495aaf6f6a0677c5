/**
 * The accounts context's Lambda: account administration for 系统管理员 and 部门管理员, and the portal's
 * public figure of opened regulator accounts (the Excel import is the account-sheets context's).
 */
import { documents } from '../lib/clients/dynamodb';
import { config } from '../lib/config';
import { contextHandler } from '../lib/dispatch';
import { httpRoute } from '../lib/http/route';
import { createLogger } from '../lib/logger';
import { createStore, type Store } from '../store';
import { regulatorCounts } from '../lib/accounts/counters';
import { createAccounts } from '../lib/accounts/create';
import { listAccounts } from './list';
import * as routes from './manifest';
import { resetAccountPassword, setAccountEnabled } from './status';
import { accountView } from '../lib/accounts/view';

const logger = createLogger('accounts');

let store: Store | undefined;
const storeOf = (): Store => (store ??= createStore(documents, config.tableName));

export const handler = contextHandler(
  routes.accountsManifest,
  {
    routes: {
      getRegulatorCounts: httpRoute(routes.getRegulatorCounts, async () => regulatorCounts(storeOf()), logger),
      listAccounts: httpRoute(
        routes.listAccounts,
        async ({ principal, query }) => listAccounts(storeOf(), principal, query),
        logger,
      ),
      createAccount: httpRoute(
        routes.createAccount,
        async ({ principal, body, sourceIp, requestId }) => {
          const [outcome] = await createAccounts(storeOf(), [{ kind: 'regulator', ...body }], principal, Date.now(), {
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
        logger,
      ),
      disableAccount: httpRoute(
        routes.disableAccount,
        async ({ principal, params, sourceIp, requestId }) =>
          setAccountEnabled(storeOf(), principal, params.accountId, false, Date.now(), { sourceIp, requestId }),
        logger,
      ),
      enableAccount: httpRoute(
        routes.enableAccount,
        async ({ principal, params, sourceIp, requestId }) =>
          setAccountEnabled(storeOf(), principal, params.accountId, true, Date.now(), { sourceIp, requestId }),
        logger,
      ),
      resetAccountPassword: httpRoute(
        routes.resetAccountPassword,
        async ({ principal, params, sourceIp, requestId }) =>
          resetAccountPassword(storeOf(), principal, params.accountId, { sourceIp, requestId }),
        logger,
      ),
    },
  },
  logger,
);
