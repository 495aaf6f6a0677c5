/**
 * 下载附件: a presigned GET, issued only after the scope check (`loadReadable`), valid for 5 minutes, that
 * makes the browser save the file under its real name. The bucket stays private; the URL is the only way in.
 */
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { AttachmentDownload } from '../../shared/api/attachments';
import type { Principal } from '../lib/auth/principal';
import { conflict } from '../lib/http/errors';
import { loadReadable } from '../lib/attachments/access';
import { contentDisposition, DOWNLOAD_EXPIRES_SECONDS } from './policy';
import type { AttachmentDeps } from './presign';

export async function issueDownload(
  deps: AttachmentDeps,
  p: Principal,
  attachmentId: string,
  now = Date.now(),
): Promise<AttachmentDownload> {
  const a = await loadReadable(deps.store, p, attachmentId, now);
  if (a.status !== 'uploaded') throw conflict('附件尚未上传完成，暂不能下载');
  const url = await getSignedUrl(
    deps.s3,
    new GetObjectCommand({
      Bucket: deps.bucket,
      Key: a.key,
      ResponseContentDisposition: contentDisposition(a.fileName),
      ResponseContentType: a.contentType,
    }),
    { expiresIn: DOWNLOAD_EXPIRES_SECONDS },
  );
  return { url, expiresAt: new Date(now + DOWNLOAD_EXPIRES_SECONDS * 1000).toISOString() };
}
