/**
 * Writing checklists: a new list (an import), a new version of its items (editing in the browser), a soft
 * delete. Used by the `checklists` context (edit, delete) and the `inspection-sheets` context (import), and
 * by the demo seed — one writer, so the versioning rule holds however a list is made.
 *
 * A version is written in two steps, so it is never seen half-written:
 *   1. its items are put under a fresh random `revision` (batch writes: a version may hold 2,000 items, far
 *      beyond one transaction) — nothing points to them yet;
 *   2. one transaction makes it current: the version item (attribute_not_exists) naming that revision, the
 *      header moved to it (conditioned on the version the editor read, and on not being deleted), and the
 *      audit record. A stale edit fails here (409) and leaves only unreferenced rows behind.
 */
import { randomBytes } from 'node:crypto';
import { createWriteTransaction } from 'electrodb';
import { CHECKLIST_MAX_ITEMS, type ChecklistItemInput, type ChecklistKind } from '../../../shared/api/checklists';
import { department as departmentOf, type DepartmentCode } from '../../../shared/reference/departments';
import { regionLevel } from '../../../shared/reference/regions';
import { actorOf, transactWithAudit, type AuditEntryInput } from '../audit';
import type { Regulator } from '../auth/principal';
import { badRequest, conflict, notFound } from '../http/errors';
import { isConditionFailure, itemsOf } from '../transactions';
import type { Store } from '../../store';
import { readChecklistHeader, type ChecklistHeader } from './read';

export interface WriteContext {
  sourceIp: string;
  requestId: string;
  now: Date;
}

/** Distinct 检查环节 a list may have (they are the list's filter and column, kept on its header). */
export const MAX_STAGES = 100;
const BATCH_ATTEMPTS = 8;

const randomId = (bytes: number) => randomBytes(bytes).toString('base64url');
export const newChecklistId = () => `ckl-${randomId(12)}`;

/** Distinct stages in the order they first appear. */
export function stagesOf(items: readonly { stage: string }[]): string[] {
  return [...new Set(items.map((i) => i.stage))];
}

const clean = (s: string | undefined) => {
  const t = s?.trim();
  return t ? t : undefined;
};

/** Put the items under a new revision; returns the revision. Retries what DynamoDB leaves unprocessed. */
async function stageItems(store: Store, checklistId: string, items: readonly ChecklistItemInput[]): Promise<string> {
  if (items.length === 0) throw badRequest('清单至少要有一个检查项目');
  if (items.length > CHECKLIST_MAX_ITEMS) throw badRequest(`清单最多 ${CHECKLIST_MAX_ITEMS} 个检查项目`);
  if (stagesOf(items).length > MAX_STAGES) throw badRequest(`一个清单最多 ${MAX_STAGES} 个不同的检查环节`);
  const revision = randomId(9);
  let pending = items.map((i, n) => ({
    checklistId,
    revision,
    seq: n + 1,
    stage: i.stage.trim(),
    content: i.content.trim(),
    ...(clean(i.basis) ? { basis: clean(i.basis) } : {}),
    ...(clean(i.method) ? { method: clean(i.method) } : {}),
  }));
  for (let attempt = 1; pending.length; attempt++) {
    const { unprocessed } = await store.checklistItems.put(pending).go({ concurrency: 8 });
    if (!unprocessed.length) break;
    if (attempt >= BATCH_ATTEMPTS) throw new Error(`checklist ${checklistId}: ${unprocessed.length} items unwritten`);
    const left = new Set(unprocessed.map((u) => Number((u as { seq: unknown }).seq)));
    pending = pending.filter((i) => left.has(i.seq));
    await new Promise((r) => setTimeout(r, 20 * 2 ** attempt));
  }
  return revision;
}

const levelOf = (regionCode: string) => regionLevel(regionCode);

function entry(
  p: Regulator,
  ctx: WriteContext,
  action: 'create' | 'update' | 'delete',
  c: { checklistId: string; name: string; kind: string; category: string },
  details: Record<string, string | number | boolean>,
): AuditEntryInput {
  return {
    actor: actorOf(p),
    action: `checklist.${action}`,
    object: { type: 'checklist', id: c.checklistId, label: c.name },
    outcome: 'success',
    sourceIp: ctx.sourceIp,
    requestId: ctx.requestId,
    details: { kind: c.kind, category: c.category, ...details },
  };
}

export interface NewChecklist {
  kind: ChecklistKind;
  category: string;
  name: string;
  items: readonly ChecklistItemInput[];
  /** Set by the seed for stable ids; otherwise random. */
  checklistId?: string;
}

/** A new checklist, version 1, created by `p` in their department and jurisdiction. */
export async function createChecklist(store: Store, p: Regulator, input: NewChecklist, ctx: WriteContext) {
  const checklistId = input.checklistId ?? newChecklistId();
  const revision = await stageItems(store, checklistId, input.items);
  const at = ctx.now.toISOString();
  const createdBy = { accountId: p.accountId, name: p.name };
  const header = {
    checklistId,
    kind: input.kind,
    owner: input.kind === 'joint' ? 'joint' : p.department,
    name: input.name,
    category: input.category,
    department: p.department,
    regionCode: p.regionCode,
    level: levelOf(p.regionCode),
    stages: stagesOf(input.items.map((i) => ({ stage: i.stage.trim() }))),
    itemCount: input.items.length,
    currentVersion: 1,
    createdBy,
    createdAt: at,
    updatedAt: at,
    deleted: false,
  };
  const items = itemsOf(
    createWriteTransaction(
      { checklists: store.checklists, checklistVersions: store.checklistVersions },
      ({ checklists, checklistVersions }) => [
        checklists.create(header).commit(),
        checklistVersions
          .create({
            checklistId,
            version: 1,
            revision,
            name: input.name,
            itemCount: input.items.length,
            createdBy,
            createdAt: at,
          })
          .commit(),
      ],
    ),
  );
  try {
    await transactWithAudit(
      store,
      entry(p, ctx, 'create', header, { version: 1, itemCount: header.itemCount, regionCode: p.regionCode }),
      items,
    );
  } catch (err) {
    if (isConditionFailure(err)) throw conflict('该清单已存在');
    throw err;
  }
  return header;
}

/** Why a conditional write on a header failed: gone (404) or moved on (409). */
async function staleOrGone(store: Store, checklistId: string): Promise<never> {
  const now = await readChecklistHeader(store, checklistId);
  if (!now || now.deleted) throw notFound('清单不存在或已删除');
  throw conflict(`清单已被他人修改（当前为第 ${now.currentVersion} 版），请刷新后重新编辑`);
}

/**
 * A new version of an existing checklist's items (and optionally its name). `header` was read and
 * scope-checked by the caller; `expectedVersion` is the version the editor saw.
 */
export async function saveChecklistVersion(
  store: Store,
  p: Regulator,
  header: ChecklistHeader,
  input: { expectedVersion: number; name?: string | undefined; items: readonly ChecklistItemInput[] },
  ctx: WriteContext,
) {
  if (header.deleted) throw notFound('清单不存在或已删除');
  if (header.currentVersion !== input.expectedVersion) await staleOrGone(store, header.checklistId);
  const { checklistId } = header;
  const revision = await stageItems(store, checklistId, input.items);
  const version = input.expectedVersion + 1;
  const at = ctx.now.toISOString();
  const name = input.name ?? header.name;
  const stages = stagesOf(input.items.map((i) => ({ stage: i.stage.trim() })));
  const itemCount = input.items.length;
  const items = itemsOf(
    createWriteTransaction(
      { checklists: store.checklists, checklistVersions: store.checklistVersions },
      ({ checklists, checklistVersions }) => [
        checklists
          .patch({ checklistId })
          .set({ currentVersion: version, name, stages, itemCount, updatedAt: at })
          .where((a, op) => `${op.eq(a.currentVersion, input.expectedVersion)} AND ${op.eq(a.deleted, false)}`)
          .commit(),
        checklistVersions
          .create({
            checklistId,
            version,
            revision,
            name,
            itemCount,
            createdBy: { accountId: p.accountId, name: p.name },
            createdAt: at,
          })
          .commit(),
      ],
    ),
  );
  try {
    await transactWithAudit(
      store,
      entry(p, ctx, 'update', { ...header, name }, { version, itemCount, previousItemCount: header.itemCount }),
      items,
    );
  } catch (err) {
    if (isConditionFailure(err)) await staleOrGone(store, checklistId);
    throw err;
  }
  return { ...header, name, stages, itemCount, currentVersion: version, updatedAt: at };
}

/** Soft delete: off the lists and the pickers; every version stays readable for the tasks that keep one. */
export async function deleteChecklist(
  store: Store,
  p: Regulator,
  header: ChecklistHeader,
  expectedVersion: number,
  ctx: WriteContext,
) {
  if (header.deleted) throw notFound('清单不存在或已删除');
  const { checklistId } = header;
  const at = ctx.now.toISOString();
  const items = itemsOf(
    createWriteTransaction({ checklists: store.checklists }, ({ checklists }) => [
      checklists
        .patch({ checklistId })
        .set({ deleted: true, deletedAt: at, updatedAt: at })
        .where((a, op) => `${op.eq(a.currentVersion, expectedVersion)} AND ${op.eq(a.deleted, false)}`)
        .commit(),
    ]),
  );
  try {
    await transactWithAudit(store, entry(p, ctx, 'delete', header, { version: header.currentVersion }), items);
  } catch (err) {
    if (isConditionFailure(err)) await staleOrGone(store, checklistId);
    throw err;
  }
  return { checklistId, deleted: true as const };
}

/** 创建人所在部门 as the list shows it: the region and the department, e.g. 泉州市 安监. */
export function departmentLabel(regionName: string, dept: string): string {
  return `${regionName} ${departmentOf(dept as DepartmentCode).short}`;
}
