/**
 * Linking uploaded attachments to what they belong to — a change request about an enterprise (or the
 * enterprise a 新增 request will create). The link copies the enterprise's scope onto each attachment, so
 * that from then on whoever may see the enterprise may download the file (`canRead`).
 *
 * The caller (the change-request submission) puts the returned items into its own transaction: the request
 * and its attachments are written together or not at all. Each item's condition holds the rules at the
 * moment of writing — still the caller's upload, uploaded, not linked to another request — so a concurrent
 * link of the same file makes the whole transaction fail instead of stealing it.
 */
import { itemsOf } from '../transactions';
import { createWriteTransaction } from 'electrodb';
import type { TransactItem } from '../audit';
import type { Principal } from '../auth/principal';
import { badRequest } from '../http/errors';
import type { Store } from '../../store';
import { isExpired, type AttachmentRecord } from './access';

export interface AttachmentLink {
  enterpriseId: string;
  regionCode: string;
  categories: readonly string[];
  requestId: string;
}

export const LINK_PROBLEM_MESSAGE = '附件不存在或未上传完成';

/**
 * Loads each attachment (one consistent BatchGet) and refuses with 400 unless every one exists, is uploaded
 * and was uploaded by `p`; returns one UpdateItem per attachment. Linking the same attachment twice in one
 * list is refused too (a transaction may touch an item once).
 */
export async function linkAttachmentItems(
  store: Store,
  p: Principal,
  attachmentIds: readonly string[],
  link: AttachmentLink,
  now = Date.now(),
): Promise<TransactItem[]> {
  if (attachmentIds.length === 0) return [];
  await requireOwnUploads(store, p, attachmentIds, (a) => Boolean(a.requestId || a.taskId), now);
  return itemsOf(
    createWriteTransaction({ attachments: store.attachments }, ({ attachments }) =>
      attachmentIds.map((attachmentId) =>
        attachments
          .patch({ attachmentId })
          .set({
            enterpriseId: link.enterpriseId,
            regionCode: link.regionCode,
            categories: [...link.categories],
            requestId: link.requestId,
          })
          .where(
            (a, op) =>
              `${op.eq(a.uploadedBy, p.accountId)} AND ${op.eq(a.status, 'uploaded')} AND ${op.notExists(a.requestId)} AND ${op.notExists(a.taskId)}`,
          )
          .commit(),
      ),
    ),
  );
}

/**
 * Refuses with 400 unless every attachment exists, is uploaded, was uploaded by `p` and is not `taken` (linked
 * elsewhere already); one consistent BatchGet. Listing the same attachment twice is refused too (a
 * transaction may touch an item once). Returns the attachments read.
 */
export async function requireOwnUploads(
  store: Store,
  p: Principal,
  attachmentIds: readonly string[],
  taken: (a: AttachmentRecord) => boolean,
  now = Date.now(),
): Promise<AttachmentRecord[]> {
  if (new Set(attachmentIds).size !== attachmentIds.length) throw badRequest('同一附件不能重复添加');
  const { data, unprocessed } = await store.attachments
    .get(attachmentIds.map((attachmentId) => ({ attachmentId })))
    .go({ consistent: true });
  const found = data as AttachmentRecord[];
  // BatchGet may leave keys unread under load; those are read one by one rather than taken for missing.
  for (const key of unprocessed) {
    const { data: one } = await store.attachments.get(key).go({ consistent: true });
    if (one) found.push(one as AttachmentRecord);
  }
  const byId = new Map(found.map((a) => [a.attachmentId, a]));
  const bad = attachmentIds.filter((id) => {
    const a = byId.get(id);
    return !a || isExpired(a, now) || a.status !== 'uploaded' || a.uploadedBy !== p.accountId || taken(a);
  });
  if (bad.length) {
    throw badRequest(
      LINK_PROBLEM_MESSAGE,
      bad.map((id) => ({ path: `body.attachmentIds.${attachmentIds.indexOf(id)}`, message: LINK_PROBLEM_MESSAGE })),
    );
  }
  return attachmentIds.map((id) => byId.get(id)!);
}

/**
 * Linking an inspection's evidence (登记 of a 不满足 item): the attachments become the task's, readable by its
 * team (`canRead`). Only the uploader's own `inspection-evidence` uploads, not linked to anything yet; the
 * condition holds that at the moment of writing, so a concurrent link of the same file fails the transaction.
 */
export async function linkEvidenceItems(
  store: Store,
  p: Principal,
  attachmentIds: readonly string[],
  link: { taskId: string; team: readonly string[] },
  now = Date.now(),
): Promise<{ items: TransactItem[]; attachments: AttachmentRecord[] }> {
  if (attachmentIds.length === 0) return { items: [], attachments: [] };
  const attachments = await requireOwnUploads(
    store,
    p,
    attachmentIds,
    (a) => Boolean(a.requestId || a.taskId) || a.purpose !== 'inspection-evidence',
    now,
  );
  const items = itemsOf(
    createWriteTransaction({ attachments: store.attachments }, ({ attachments: entity }) =>
      attachmentIds.map((attachmentId) =>
        entity
          .patch({ attachmentId })
          .set({ taskId: link.taskId, taskTeam: [...link.team] })
          .where(
            (a, op) =>
              `${op.eq(a.uploadedBy, p.accountId)} AND ${op.eq(a.status, 'uploaded')} AND ${op.eq(a.purpose, 'inspection-evidence')} AND ${op.notExists(a.requestId)} AND ${op.notExists(a.taskId)}`,
          )
          .commit(),
      ),
    ),
  );
  return { items, attachments };
}

/**
 * An inspection's evidence shown on the hazard its 不满足 item became: linked to the enterprise too, so the
 * enterprise that must rectify — and whoever may see the enterprise, who may confirm — can open the photo, not
 * only the inspecting team. For the hazard's own transaction. Only files that are that task's evidence (read
 * first: an id the event names that is not — none should be — is left out rather than failing the hazard).
 */
export async function shareEvidenceItems(
  store: Store,
  attachmentIds: readonly string[],
  link: { taskId: string; enterpriseId: string; regionCode: string; categories: readonly string[] },
): Promise<TransactItem[]> {
  if (attachmentIds.length === 0) return [];
  const { data } = await store.attachments
    .get([...new Set(attachmentIds)].map((attachmentId) => ({ attachmentId })))
    .go({ consistent: true });
  const evidence = (data as AttachmentRecord[]).filter((a) => a.taskId === link.taskId).map((a) => a.attachmentId);
  if (evidence.length === 0) return [];
  return itemsOf(
    createWriteTransaction({ attachments: store.attachments }, ({ attachments }) =>
      evidence.map((attachmentId) =>
        attachments
          .patch({ attachmentId })
          .set({ enterpriseId: link.enterpriseId, regionCode: link.regionCode, categories: [...link.categories] })
          .where((a, op) => op.eq(a.taskId, link.taskId))
          .commit(),
      ),
    ),
  );
}
