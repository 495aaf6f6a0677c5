/** The attachments context's Lambda: presigned uploads, their completion, views and presigned downloads. */
import { s3 } from '../lib/clients/s3';
import { documents } from '../lib/clients/dynamodb';
import { config } from '../lib/config';
import { contextHandler } from '../lib/dispatch';
import { httpRoute } from '../lib/http/route';
import { createLogger } from '../lib/logger';
import { createStore, type Store } from '../store';
import { attachmentView, loadReadable } from '../lib/attachments/access';
import { completeUpload } from './complete';
import { issueDownload } from './download';
import * as routes from './manifest';
import { issueUpload, type AttachmentDeps } from './presign';

const logger = createLogger('attachments');

let store: Store | undefined;
const storeOf = (): Store => (store ??= createStore(documents, config.tableName));
const deps = (): AttachmentDeps => ({ store: storeOf(), s3, bucket: config.bucketName });

export const handler = contextHandler(
  routes.attachmentsManifest,
  {
    routes: {
      requestAttachmentUpload: httpRoute(
        routes.requestAttachmentUpload,
        async ({ principal, body, sourceIp, requestId }) =>
          issueUpload(deps(), principal, body, { sourceIp, requestId }),
        logger,
      ),
      completeAttachmentUpload: httpRoute(
        routes.completeAttachmentUpload,
        async ({ principal, params, sourceIp, requestId }) =>
          completeUpload(deps(), principal, params.attachmentId, { sourceIp, requestId }),
        logger,
      ),
      getAttachment: httpRoute(
        routes.getAttachment,
        async ({ principal, params }) => attachmentView(await loadReadable(storeOf(), principal, params.attachmentId)),
        logger,
      ),
      downloadAttachment: httpRoute(
        routes.downloadAttachment,
        async ({ principal, params }) => issueDownload(deps(), principal, params.attachmentId),
        logger,
      ),
    },
  },
  logger,
);
