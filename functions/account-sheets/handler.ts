/**
 * The account sheets context's Lambda: the account import template and the Excel import of regulator accounts.
 */
import { documents } from '../lib/clients/dynamodb';
import { config } from '../lib/config';
import { contextHandler } from '../lib/dispatch';
import { httpRoute } from '../lib/http/route';
import { createLogger } from '../lib/logger';
import { createStore, type Store } from '../store';
import { importAccounts } from './import';
import * as routes from './manifest';
import { buildTemplate, TEMPLATE_FILENAME, XLSX_CONTENT_TYPE } from './spreadsheet';

const logger = createLogger('account-sheets');

let store: Store | undefined;
const storeOf = (): Store => (store ??= createStore(documents, config.tableName));

let template: Promise<string> | undefined;
/** The template never changes within a deployment: built once per container. */
const templateBase64 = () => (template ??= buildTemplate().then((b) => b.toString('base64')));

export const handler = contextHandler(
  routes.accountSheetsManifest,
  {
    routes: {
      getAccountImportTemplate: httpRoute(
        routes.getAccountImportTemplate,
        async () => ({
          filename: TEMPLATE_FILENAME,
          contentType: XLSX_CONTENT_TYPE,
          contentBase64: await templateBase64(),
        }),
        logger,
      ),
      importAccounts: httpRoute(
        routes.importAccounts,
        async ({ principal, body, sourceIp, requestId }) => {
          const result = await importAccounts(storeOf(), principal, body, Date.now(), {
            audit: { sourceIp, requestId },
          });
          logger.info('accounts imported', {
            by: principal.accountId,
            created: result.created,
            existing: result.existing,
            pending: result.pending,
          });
          return result;
        },
        logger,
      ),
    },
  },
  logger,
);
