/** The attachments context's Lambda: presigned uploads, their completion, views and presigned downloads. */
import { attachmentView, loadReadable } from '../lib/attachments/access';
import { s3 } from '../lib/clients/s3';
import { config } from '../lib/config';
import { defineHandler } from '../lib/handler';
import { completeUpload } from './complete';
import { issueDownload } from './download';
import { attachmentsManifest } from './manifest';
import { issueUpload, type AttachmentDeps } from './presign';

export const handler = defineHandler(attachmentsManifest, ({ store }) => {
  const deps = (): AttachmentDeps => ({ store, s3, bucket: config.bucketName });
  return {
    routes: {
      requestAttachmentUpload: async ({ principal, body, sourceIp, requestId }) =>
        issueUpload(deps(), principal, body, { sourceIp, requestId }),
      completeAttachmentUpload: async ({ principal, params, sourceIp, requestId }) =>
        completeUpload(deps(), principal, params.attachmentId, { sourceIp, requestId }),
      getAttachment: async ({ principal, params }) =>
        attachmentView(await loadReadable(store, principal, params.attachmentId)),
      downloadAttachment: async ({ principal, params }) => issueDownload(deps(), principal, params.attachmentId),
    },
  };
});
