/**
 * The imports context's Lambda: the register import's routes (template, start, progress, report, recent
 * imports) and its two consumers (read the file, write a batch).
 */
import type { Logger } from '@aws-lambda-powertools/logger';
import type { RegisterImportBatchRequested, RegisterImportRequested } from '../../shared/events/imports';
import { documents } from '../lib/clients/dynamodb';
import { s3 } from '../lib/clients/s3';
import { config } from '../lib/config';
import { contextHandler, type DeliveredEvent } from '../lib/dispatch';
import { httpRoute } from '../lib/http/route';
import { createLogger } from '../lib/logger';
import { XLSX_CONTENT_TYPE } from '../lib/spreadsheet';
import { createStore, type Store } from '../store';
import { s3Files, type ImportFiles } from './files';
import { getImport, importAccountNotice, importReport, listImports } from './jobs';
import * as routes from './manifest';
import { readImport, runBatch, type ImportDeps } from './run';
import { startImport, type Regulator } from './start';
import { buildTemplate, TEMPLATE_FILENAME } from './template';

const logger = createLogger(routes.IMPORTS_CONTEXT);

let store: Store | undefined;
const storeOf = (): Store => (store ??= createStore(documents, config.tableName));
let files: ImportFiles | undefined;
const filesOf = (): ImportFiles => (files ??= s3Files(s3, config.bucketName));
const deps = (log: Logger): ImportDeps => ({ store: storeOf(), files: filesOf(), logger: log });

let template: Promise<string> | undefined;
/** The template never changes within a deployment: built once per container. */
const templateBase64 = () => (template ??= buildTemplate().then((b) => b.toString('base64')));

export const handler = contextHandler(
  routes.importsManifest,
  {
    routes: {
      getRegisterImportTemplate: httpRoute(
        routes.getRegisterImportTemplate,
        async () => ({
          filename: TEMPLATE_FILENAME,
          contentType: XLSX_CONTENT_TYPE,
          contentBase64: await templateBase64(),
        }),
        logger,
      ),
      startRegisterImport: httpRoute(
        routes.startRegisterImport,
        async ({ principal, body, sourceIp, requestId }) => {
          const job = await startImport({ store: storeOf() }, principal as Regulator, body.attachmentId, {
            sourceIp,
            requestId,
          });
          logger.info('register import requested', { importId: job.importId, by: principal.accountId });
          return job;
        },
        logger,
      ),
      listRegisterImports: httpRoute(
        routes.listRegisterImports,
        async ({ principal, query }) => listImports(storeOf(), principal as Regulator, query),
        logger,
      ),
      getRegisterImport: httpRoute(
        routes.getRegisterImport,
        async ({ principal, params }) => getImport(storeOf(), principal as Regulator, params.importId),
        logger,
      ),
      getRegisterImportReport: httpRoute(
        routes.getRegisterImportReport,
        async ({ principal, params }) => importReport(storeOf(), filesOf(), principal as Regulator, params.importId),
        logger,
      ),
      getRegisterImportAccountNotice: httpRoute(
        routes.getRegisterImportAccountNotice,
        async ({ principal, params }) => importAccountNotice(storeOf(), principal as Regulator, params.importId),
        logger,
      ),
    },
    consumers: {
      readRegisterImport: (event: DeliveredEvent<RegisterImportRequested>, log) =>
        readImport(deps(log), event.detail.data),
      writeRegisterImportBatch: (event: DeliveredEvent<RegisterImportBatchRequested>, log) =>
        runBatch(deps(log), event.detail.data),
    },
  },
  logger,
);
