/**
 * 上传完成: the browser says the POST went through; the object is checked (HeadObject) before the attachment
 * counts as uploaded. On AWS the POST policy has refused a wrong type or size already; the check repeats it
 * because the emulator doesn't enforce policies and because an attachment must never be linked to something
 * it isn't. Only then the item is marked uploaded (size kept, TTL removed), with its audit record, in one
 * transaction. Completing twice answers the same.
 */
import { itemsOf } from '../lib/transactions';
import { createWriteTransaction } from 'electrodb';
import { HeadObjectCommand, type HeadObjectCommandOutput } from '@aws-sdk/client-s3';
import { ATTACHMENT_MAX_BYTES, type AttachmentView } from '../../shared/api/attachments';
import { actorOf, transactWithAudit } from '../lib/audit';
import type { Principal } from '../lib/auth/principal';
import { badRequest, forbidden } from '../lib/http/errors';
import { attachmentView, loadReadable, type AttachmentRecord } from '../lib/attachments/access';
import type { AttachmentDeps, RequestContext } from './presign';

/** The object's size and type, or null when there is none. */
async function headObject(deps: AttachmentDeps, key: string): Promise<HeadObjectCommandOutput | null> {
  try {
    return await deps.s3.send(new HeadObjectCommand({ Bucket: deps.bucket, Key: key }));
  } catch (err) {
    // Without s3:ListBucket (we grant only Get/PutObject), S3 answers a missing key with 403, not 404.
    const status = (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    if (status === 404 || status === 403) return null;
    throw err;
  }
}

/** Why the stored object can't be accepted, or null. */
function objectProblem(a: AttachmentRecord, head: HeadObjectCommandOutput | null): string | null {
  if (!head) return '文件尚未上传成功，请重新上传';
  const size = head.ContentLength ?? 0;
  if (size < 1) return '文件内容为空，请重新上传';
  if (size > ATTACHMENT_MAX_BYTES) return '文件不能超过 20 MB，请重新上传';
  // S3 keeps the Content-Type of the form field, which the policy pinned to the declared one.
  if ((head.ContentType ?? '').split(';')[0]!.trim().toLowerCase() !== a.contentType) {
    return '文件类型与所选文件不一致，请重新上传';
  }
  return null;
}

export async function completeUpload(
  deps: AttachmentDeps,
  p: Principal,
  attachmentId: string,
  ctx: RequestContext,
  now = Date.now(),
): Promise<AttachmentView> {
  const a = await loadReadable(deps.store, p, attachmentId, now);
  if (a.uploadedBy !== p.accountId) throw forbidden('只有上传人可以确认上传');
  if (a.status === 'uploaded') return attachmentView(a);

  const head = await headObject(deps, a.key);
  const problem = objectProblem(a, head);
  if (problem) throw badRequest(problem);
  const size = head!.ContentLength!;

  const items = itemsOf(
    createWriteTransaction({ attachments: deps.store.attachments }, ({ attachments }) => [
      attachments
        .patch({ attachmentId })
        .set({ status: 'uploaded', size })
        .remove(['expiresAt'])
        .where((x, op) => `${op.eq(x.uploadedBy, p.accountId)} AND ${op.eq(x.status, 'pending')}`)
        .commit(),
    ]),
  );

  try {
    await transactWithAudit(
      deps.store,
      {
        actor: actorOf(p),
        action: 'attachment.complete',
        object: { type: 'attachment', id: attachmentId, label: a.fileName },
        outcome: 'success',
        sourceIp: ctx.sourceIp,
        requestId: ctx.requestId,
        details: { size, contentType: a.contentType, before: { status: 'pending' }, after: { status: 'uploaded' } },
      },
      items,
    );
  } catch (err) {
    // Completed meanwhile (a double click, a retry): the same answer as the first completion.
    if ((err as { name?: string }).name !== 'TransactionCanceledException') throw err;
    const again = await loadReadable(deps.store, p, attachmentId, now);
    if (again.status !== 'uploaded') throw err;
    return attachmentView(again);
  }
  return attachmentView({ ...a, status: 'uploaded', size, expiresAt: undefined });
}
