/**
 * Who may read an attachment — one rule, used by the view, the download and `complete`:
 * - its uploader, always (they chose the file; before it is linked nobody else has a reason to see it);
 * - once linked to an enterprise (enterpriseId + regionCode + categories set by the change request that uses
 *   it), whoever may see that enterprise: `canSee` of the register, the one place that decides it;
 * - once linked to an inspection task as evidence (登记), the task's team (copied onto it when linked: the team
 *   is fixed when the task is created); once the 不满足 item it shows becomes the enterprise's hazard, it is
 *   linked to the enterprise as well (`shareEvidenceItems`), like the hazard's own files.
 * Anything else reads as "not found", so nobody learns which attachments exist.
 */
import type { EntityItem } from 'electrodb';
import type { AttachmentView } from '../../../shared/api/attachments';
import type { Principal } from '../auth/principal';
import { notFound } from '../http/errors';
import { canSee } from '../register/scope';
import type { Store } from '../../store';

export type AttachmentRecord = EntityItem<Store['attachments']>;

export const NOT_FOUND_MESSAGE = '附件不存在';

export function canRead(p: Principal, a: AttachmentRecord): boolean {
  if (a.uploadedBy === p.accountId) return true;
  if (a.taskId && p.kind === 'regulator' && (a.taskTeam ?? []).includes(p.accountId)) return true;
  if (!a.enterpriseId || !a.regionCode || !a.categories?.length) return false;
  return canSee(p, { enterpriseId: a.enterpriseId, regionCode: a.regionCode, categories: a.categories });
}

/** A pending attachment past its TTL is gone, even if DynamoDB has not deleted it yet (TTL deletes late). */
export function isExpired(a: AttachmentRecord, now = Date.now()): boolean {
  return a.status === 'pending' && a.expiresAt !== undefined && a.expiresAt * 1000 <= now;
}

/** One consistent GetItem; missing, expired and out of scope all answer 404 「附件不存在」. */
export async function loadReadable(
  store: Store,
  p: Principal,
  attachmentId: string,
  now = Date.now(),
): Promise<AttachmentRecord> {
  const { data } = await store.attachments.get({ attachmentId }).go({ consistent: true });
  if (!data || isExpired(data as AttachmentRecord, now) || !canRead(p, data as AttachmentRecord)) {
    throw notFound(NOT_FOUND_MESSAGE);
  }
  return data as AttachmentRecord;
}

export function attachmentView(a: AttachmentRecord): AttachmentView {
  return {
    attachmentId: a.attachmentId,
    purpose: a.purpose as AttachmentView['purpose'],
    fileName: a.fileName,
    contentType: a.contentType,
    ...(a.size !== undefined ? { size: a.size } : {}),
    status: a.status,
    createdAt: a.createdAt,
  };
}
