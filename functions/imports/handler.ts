/**
 * The imports context's Lambda: the register import's routes (template, start, progress, report, 开通通知,
 * recent imports) and its two consumers (read the file, write a batch).
 */
import type { Logger } from '@aws-lambda-powertools/logger';
import { s3 } from '../lib/clients/s3';
import { config } from '../lib/config';
import { defineHandler } from '../lib/handler';
import { templateDownload } from '../lib/spreadsheet';
import { s3Files, type ImportFiles } from './files';
import { getImport, importAccountNotice, importReport, listImports } from './jobs';
import { importsManifest } from './manifest';
import { readImport, runBatch, type ImportDeps } from './run';
import { startImport } from './start';
import { buildTemplate, TEMPLATE_FILENAME } from './template';

export const handler = defineHandler(importsManifest, ({ store, logger }) => {
  let files: ImportFiles | undefined;
  const filesOf = (): ImportFiles => (files ??= s3Files(s3, config.bucketName));
  const deps = (log: Logger): ImportDeps => ({ store, files: filesOf(), logger: log });
  return {
    routes: {
      getRegisterImportTemplate: templateDownload(TEMPLATE_FILENAME, buildTemplate),
      startRegisterImport: async ({ principal, body, sourceIp, requestId }) => {
        const job = await startImport({ store }, principal, body.attachmentId, { sourceIp, requestId });
        logger.info('register import requested', { importId: job.importId, by: principal.accountId });
        return job;
      },
      listRegisterImports: async ({ principal, query }) => listImports(store, principal, query),
      getRegisterImport: async ({ principal, params }) => getImport(store, principal, params.importId),
      getRegisterImportReport: async ({ principal, params }) =>
        importReport(store, filesOf(), principal, params.importId),
      getRegisterImportAccountNotice: async ({ principal, params }) =>
        importAccountNotice(store, principal, params.importId),
    },
    consumers: {
      readRegisterImport: (event, log) => readImport(deps(log), event.detail.data),
      writeRegisterImportBatch: (event, log) => runBatch(deps(log), event.detail.data),
    },
  };
});
