/**
 * The account sheets context's Lambda: the account import template and the Excel import of regulator accounts.
 */
import { defineHandler } from '../lib/handler';
import { templateDownload } from '../lib/spreadsheet';
import { importAccounts } from './import';
import { accountSheetsManifest } from './manifest';
import { buildTemplate, TEMPLATE_FILENAME } from './spreadsheet';

export const handler = defineHandler(accountSheetsManifest, ({ store, logger, now }) => ({
  routes: {
    getAccountImportTemplate: templateDownload(TEMPLATE_FILENAME, buildTemplate),
    importAccounts: async ({ principal, body, sourceIp, requestId }) => {
      const result = await importAccounts(store, principal, body, now(), { audit: { sourceIp, requestId } });
      logger.info('accounts imported', {
        by: principal.accountId,
        created: result.created,
        existing: result.existing,
        pending: result.pending,
      });
      return result;
    },
  },
}));
