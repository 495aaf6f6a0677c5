/**
 * 检查清单管理's reads and writes. The list is one Query on gsi1 (partition = category × kind × owning
 * department, or `joint`), sort key starting with the region code: the whole province's lists of that
 * partition are one key range, and the caller's line of regions (their ancestors, and everything within their
 * jurisdiction) plus the screen's filters narrow it inside DynamoDB — never a Scan.
 */
import type { ChecklistDetail, ChecklistPage, ListChecklistsQuery } from '../../shared/api/checklists';
import type { ChecklistItemInput } from '../../shared/api/checklists';
import type { Regulator } from '../lib/auth/principal';
import { readChecklistHeader, readChecklistVersion, type ChecklistHeader } from '../lib/checklists/read';
import { ancestorsOf, checklistEditableBy, checklistVisibleTo } from '../lib/checklists/scope';
import { deleteChecklist as softDelete, saveChecklistVersion, type WriteContext } from '../lib/checklists/write';
import { forbidden, notFound } from '../lib/http/errors';
import { withCursor } from '../lib/paging';
import { requireCategory } from '../lib/scope';
import type { Store } from '../store';
import { summaryOf } from '../lib/checklists/view';

/** Rows read per request, per row wanted, while looking for a page of filtered matches. */
const FILTER_READ_AHEAD = 3;

export async function listChecklists(store: Store, p: Regulator, q: ListChecklistsQuery): Promise<ChecklistPage> {
  requireCategory(p, q.category);
  const owner = q.kind === 'joint' ? 'joint' : p.department;
  const page = await withCursor(q.cursor, () =>
    store.checklists.query
      .byOwner({ category: q.category, kind: q.kind, owner })
      .begins({ regionCode: '35' })
      .where((a, op) => {
        // Only what is used may be named: ElectroDB registers an attribute name as soon as `op` touches it.
        const line = () =>
          `(${[...ancestorsOf(p.regionCode).map((r) => op.eq(a.regionCode, r)), op.begins(a.regionCode, p.regionCode)].join(' OR ')})`;
        return [
          op.eq(a.deleted, false),
          p.regionCode === '35' ? '' : line(),
          q.name ? op.contains(a.name, q.name) : '',
          q.stage ? op.contains(a.stages, q.stage) : '',
          q.level ? op.eq(a.level, q.level) : '',
          q.department ? op.eq(a.department, q.department as string) : '',
          q.region ? op.eq(a.regionCode, q.region) : '',
        ]
          .filter(Boolean)
          .join(' AND ');
      })
      .go({ count: q.limit, limit: q.limit * FILTER_READ_AHEAD, cursor: q.cursor ?? null }),
  );
  return {
    // The filter is the rule's image in DynamoDB; the rule itself decides (one decision, functions/lib/checklists/scope.ts).
    items: page.data.filter((h) => checklistVisibleTo(p, h)).map((h) => summaryOf(p, h)),
    cursor: page.cursor ?? null,
  };
}

/** The header, if the caller may see it; else 404 (existence is never revealed). */
export async function visibleChecklist(store: Store, p: Regulator, checklistId: string): Promise<ChecklistHeader> {
  const h = await readChecklistHeader(store, checklistId);
  if (!h || h.deleted || !checklistVisibleTo(p, h)) throw notFound('清单不存在或已删除');
  return h;
}

async function editableChecklist(store: Store, p: Regulator, checklistId: string): Promise<ChecklistHeader> {
  const h = await visibleChecklist(store, p, checklistId);
  if (!checklistEditableBy(p, h)) throw forbidden('只能编辑、删除本部门在本辖区内创建的清单');
  return h;
}

export async function checklistDetail(store: Store, p: Regulator, checklistId: string): Promise<ChecklistDetail> {
  const h = await visibleChecklist(store, p, checklistId);
  const v = await readChecklistVersion(store, checklistId, h.currentVersion);
  if (!v) throw notFound('清单不存在或已删除');
  return { ...summaryOf(p, h), items: v.items };
}

export async function updateItems(
  store: Store,
  p: Regulator,
  checklistId: string,
  input: { version: number; name?: string | undefined; items: ChecklistItemInput[] },
  ctx: WriteContext,
): Promise<ChecklistDetail> {
  const h = await editableChecklist(store, p, checklistId);
  const next = await saveChecklistVersion(
    store,
    p,
    h,
    { expectedVersion: input.version, name: input.name, items: input.items },
    ctx,
  );
  const v = await readChecklistVersion(store, checklistId, next.currentVersion);
  return { ...summaryOf(p, next), items: v?.items ?? [] };
}

export async function removeChecklist(
  store: Store,
  p: Regulator,
  checklistId: string,
  version: number,
  ctx: WriteContext,
) {
  const h = await editableChecklist(store, p, checklistId);
  return softDelete(store, p, h, version, ctx);
}
