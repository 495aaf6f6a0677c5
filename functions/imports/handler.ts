/**
 * The imports context's Lambda: the register import's routes (template, start, progress, report, recent
 * imports) and its two consumers (read the file, write a batch).
 */
import type { Logger } from '@aws-lambda-powertools/logger';
import type { z } from 'zod';
import { documents } from '../lib/clients/dynamodb';
import { eventBridge } from '../lib/clients/events';
import { s3 } from '../lib/clients/s3';
import { config } from '../lib/config';
import { contextHandler, type DomainEventEnvelope } from '../lib/dispatch';
import { publishEvents } from '../lib/events';
import { httpRoute } from '../lib/http/route';
import { createLogger } from '../lib/logger';
import { XLSX_CONTENT_TYPE } from '../lib/spreadsheet';
import { createStore, type Store } from '../store';
import { BatchRequested, IMPORTS_CONTEXT, ImportRequested, type Publish } from './events';
import { s3Files, type ImportFiles } from './files';
import { getImport, importAccountNotice, importReport, listImports } from './jobs';
import * as routes from './manifest';
import { readImport, runBatch, type ImportDeps } from './run';
import { startImport, type Regulator } from './start';
import { buildTemplate, TEMPLATE_FILENAME } from './template';

const logger = createLogger(IMPORTS_CONTEXT);

let store: Store | undefined;
const storeOf = (): Store => (store ??= createStore(documents, config.tableName));
let files: ImportFiles | undefined;
const filesOf = (): ImportFiles => (files ??= s3Files(s3, config.bucketName));
const publish: Publish = (detailType, detail) =>
  publishEvents(eventBridge, config.eventBusName, [{ context: IMPORTS_CONTEXT, detailType, detail }]);
const deps = (log: Logger): ImportDeps => ({ store: storeOf(), files: filesOf(), publish, logger: log });

let template: Promise<string> | undefined;
/** The template never changes within a deployment: built once per container. */
const templateBase64 = () => (template ??= buildTemplate().then((b) => b.toString('base64')));

/** A consumer of one detail shape: a detail that does not fit is logged and dropped (retrying can't fix it). */
const consumer =
  <S extends z.ZodType>(schema: S, run: (deps: ImportDeps, detail: z.output<S>) => Promise<void>) =>
  async (event: DomainEventEnvelope, log: Logger) => {
    const parsed = schema.safeParse(event.detail);
    if (!parsed.success) {
      log.error('import event dropped: unexpected detail', { issues: parsed.error.issues });
      return;
    }
    await run(deps(log), parsed.data);
  };

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
          const job = await startImport({ store: storeOf(), publish }, principal as Regulator, body.attachmentId, {
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
      readRegisterImport: consumer(ImportRequested, readImport),
      writeRegisterImportBatch: consumer(BatchRequested, runBatch),
    },
  },
  logger,
);
