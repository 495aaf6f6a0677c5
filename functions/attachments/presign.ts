/**
 * Issuing an upload: the attachment item (pending, expiring in a day) and its audit record in one
 * transaction, and a presigned POST that lets the browser put exactly that object into S3 — this key, this
 * content type, 1 byte to 20 MiB, for 10 minutes. The file itself never passes through a function.
 */
import { itemsOf } from '../lib/transactions';
import { createWriteTransaction } from 'electrodb';
import type { S3Client } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import type { FieldIssue } from '../../shared/api/errors';
import { AttachmentUploadRequest, type AttachmentUpload } from '../../shared/api/attachments';
import { installChineseErrors } from '../../shared/api/zod-zh';
import { actorOf, transactWithAudit } from '../lib/audit';
import type { Principal } from '../lib/auth/principal';
import { validationFailed } from '../lib/http/errors';
import type { Store } from '../store';
import {
  keyPrefixOf,
  newAttachmentId,
  objectKeyOf,
  ownerOf,
  PENDING_TTL_SECONDS,
  UPLOAD_EXPIRES_SECONDS,
  uploadConditions,
} from './policy';

installChineseErrors();

/** What the attachment functions need besides the caller: the table, S3 and the bucket. */
export interface AttachmentDeps {
  store: Store;
  s3: S3Client;
  bucket: string;
}

export interface RequestContext {
  sourceIp: string;
  requestId: string;
}

/**
 * The route's contract has checked the request already; it is checked again here because this function is
 * the one entry point (other contexts and tests call it directly), and it must refuse before anything is
 * written or signed.
 */
function checked(input: unknown): AttachmentUploadRequest {
  const r = AttachmentUploadRequest.safeParse(input);
  if (r.success) return r.data;
  const issues: FieldIssue[] = r.error.issues.map((i) => ({
    path: ['body', ...i.path.map(String)].join('.'),
    message: i.message,
  }));
  throw validationFailed(issues);
}

/**
 * The presigned POST of one attachment: its key under the caller's folder, and the signed form fields whose
 * policy holds `uploadConditions`. Computed locally from the client's credentials; sends nothing.
 */
export async function presignUpload(
  s3: S3Client,
  bucket: string,
  p: Principal,
  req: Pick<AttachmentUploadRequest, 'purpose' | 'fileName' | 'contentType'>,
  attachmentId: string,
): Promise<{ key: string; url: string; fields: Record<string, string> }> {
  const owner = ownerOf(p);
  const prefix = keyPrefixOf(owner, req.purpose, attachmentId);
  const key = objectKeyOf(owner, req.purpose, attachmentId, req.fileName);
  const post = await createPresignedPost(s3, {
    Bucket: bucket,
    Key: key,
    Conditions: uploadConditions({ bucket, prefix, key, contentType: req.contentType }),
    Fields: { 'Content-Type': req.contentType },
    Expires: UPLOAD_EXPIRES_SECONDS,
  });
  return { key, url: post.url, fields: post.fields };
}

export async function issueUpload(
  deps: AttachmentDeps,
  p: Principal,
  input: AttachmentUploadRequest,
  ctx: RequestContext,
  now = Date.now(),
): Promise<AttachmentUpload> {
  const req = checked(input);
  const attachmentId = newAttachmentId();
  // Signing is local (no request to S3): done before the write, so a failure leaves nothing behind.
  const post = await presignUpload(deps.s3, deps.bucket, p, req, attachmentId);
  const { key } = post;

  const items = itemsOf(
    createWriteTransaction({ attachments: deps.store.attachments }, ({ attachments }) => [
      attachments
        .create({
          attachmentId,
          key,
          purpose: req.purpose,
          fileName: req.fileName,
          contentType: req.contentType,
          status: 'pending',
          uploadedBy: p.accountId,
          ...(p.kind === 'enterprise' ? { ownerEnterpriseId: p.enterpriseId } : {}),
          createdAt: new Date(now).toISOString(),
          expiresAt: Math.floor(now / 1000) + PENDING_TTL_SECONDS,
        })
        .commit(),
    ]),
  );

  await transactWithAudit(
    deps.store,
    {
      actor: actorOf(p),
      action: 'attachment.issue',
      object: { type: 'attachment', id: attachmentId, label: req.fileName },
      outcome: 'success',
      sourceIp: ctx.sourceIp,
      requestId: ctx.requestId,
      details: { purpose: req.purpose, contentType: req.contentType, declaredSize: req.size, key },
    },
    items,
  );

  return {
    attachmentId,
    url: post.url,
    fields: post.fields,
    expiresAt: new Date(now + UPLOAD_EXPIRES_SECONDS * 1000).toISOString(),
  };
}
