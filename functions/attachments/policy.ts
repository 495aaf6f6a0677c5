/**
 * The pure part of an upload: where the object goes and what the presigned POST's policy allows. No clients
 * here, so the unit test can read every rule without a bucket.
 *
 * Key layout: `attachments/<enterprise|regulator>/<enterpriseId|accountId>/<purpose>/<attachmentId>/<name>`.
 * The owner comes first so that S3 access logs and a bucket listing group an enterprise's files together, and
 * the attachment id pins one upload to one key: a policy issued for one attachment can't write another's.
 */
import { randomUUID } from 'node:crypto';
import { ATTACHMENT_MAX_BYTES, type AttachmentPurpose } from '../../shared/api/attachments';
import type { Principal } from '../lib/auth/principal';

/** How long a presigned POST is accepted: long enough for 20 MB on a slow line, short enough not to leak. */
export const UPLOAD_EXPIRES_SECONDS = 10 * 60;
/** How long a presigned GET works: the browser follows it at once. */
export const DOWNLOAD_EXPIRES_SECONDS = 5 * 60;
/** A pending attachment never completed disappears (DynamoDB TTL) after a day. */
export const PENDING_TTL_SECONDS = 24 * 60 * 60;

export interface Owner {
  kind: 'enterprise' | 'regulator';
  /** The enterprise for an enterprise account (its staff share its files), else the regulator's account. */
  id: string;
}

export function ownerOf(p: Principal): Owner {
  return p.kind === 'enterprise' ? { kind: 'enterprise', id: p.enterpriseId } : { kind: 'regulator', id: p.accountId };
}

export const newAttachmentId = (): string => `att-${randomUUID().replaceAll('-', '')}`;

/**
 * The file name as the last segment of the key: letters (any script), digits, `.`, `-`, `_`; every other run
 * of characters becomes `_`. The real name stays in the item and goes out in Content-Disposition; the key
 * only has to be safe in URLs, logs and the console.
 */
export function sanitiseFileName(name: string): string {
  const cleaned = name
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}._-]+/gu, '_')
    .replace(/^[._]+/, '')
    .slice(-80);
  return cleaned || 'file';
}

export function keyPrefixOf(owner: Owner, purpose: AttachmentPurpose, attachmentId: string): string {
  return `attachments/${owner.kind}/${owner.id}/${purpose}/${attachmentId}/`;
}

export function objectKeyOf(owner: Owner, purpose: AttachmentPurpose, attachmentId: string, fileName: string): string {
  return keyPrefixOf(owner, purpose, attachmentId) + sanitiseFileName(fileName);
}

/** A condition of an S3 POST policy, as `createPresignedPost` takes it. */
export type PolicyCondition =
  | Record<string, string>
  | ['eq', string, string]
  | ['starts-with', string, string]
  | ['content-length-range', number, number];

/**
 * The policy's conditions: this bucket, this key (and its owner/purpose/attachment prefix, so even a policy
 * edited to another key stays inside the owner's folder), exactly the declared content type, 1 byte to 20 MiB.
 * S3 refuses a POST that breaks any of them; s3rver does not check them (README, "emulators' limits").
 */
export function uploadConditions(o: {
  bucket: string;
  prefix: string;
  key: string;
  contentType: string;
}): PolicyCondition[] {
  return [
    { bucket: o.bucket },
    ['starts-with', '$key', o.prefix],
    { key: o.key },
    ['eq', '$Content-Type', o.contentType],
    ['content-length-range', 1, ATTACHMENT_MAX_BYTES],
  ];
}

/**
 * `attachment; filename*=UTF-8''…` (RFC 6266/5987): the browser saves the file under its real, Chinese name.
 * encodeURIComponent leaves `'()*` alone, which RFC 5987 does not allow in the value, so they are encoded too.
 */
export function contentDisposition(fileName: string): string {
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename*=UTF-8''${encoded}`;
}
