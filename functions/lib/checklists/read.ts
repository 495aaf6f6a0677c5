/**
 * Reading checklists for the contexts that use them (inspection tasks keep `{ checklistId, version }` and read
 * that version's items forever; the 登记 page shows them). The contract is fixed in the briefs' interfaces:
 * `readChecklistVersion` (no scope check: the caller already holds a task that names the version) and
 * `usableChecklist` (the current version a regulator may pick for a task of a kind).
 */
import type { CategoryCode } from '../../../shared/reference/categories';
import type { DepartmentCode } from '../../../shared/reference/departments';
import type { Regulator } from '../auth/principal';
import type { Store } from '../../store';
import { checklistVisibleTo } from './scope';

export type ChecklistKind = 'independent' | 'joint';

export interface ChecklistItem {
  seq: number;
  /** 检查环节 */
  stage: string;
  /** 检查内容及标准 */
  content: string;
  /** 检查依据 */
  basis?: string;
  /** 检查方式 */
  method?: string;
}

export interface ChecklistVersionRef {
  checklistId: string;
  version: number;
  name: string;
  kind: ChecklistKind;
  category: CategoryCode;
  department: DepartmentCode;
  regionCode: string;
  itemCount: number;
  /**
   * Where the version's items are (their partition): a task keeps it with {checklistId, version}, so its 登记 page
   * reads the items with one Query (`readRevisionItems`) instead of the header, the version, then the items.
   */
  revision: string;
}

/** The header, read consistently (a version just written is current at once). */
export async function readChecklistHeader(store: Store, checklistId: string) {
  const { data } = await store.checklists.get({ checklistId }).go({ consistent: true });
  return data;
}

export type ChecklistHeader = NonNullable<Awaited<ReturnType<typeof readChecklistHeader>>>;

/** The items staged under a revision, in 序号 order. */
export async function readRevisionItems(store: Store, checklistId: string, revision: string): Promise<ChecklistItem[]> {
  const { data } = await store.checklistItems.query.byRevision({ checklistId, revision }).go({ pages: 'all' });
  return data
    .map((i) => ({
      seq: i.seq,
      stage: i.stage,
      content: i.content,
      ...(i.basis ? { basis: i.basis } : {}),
      ...(i.method ? { method: i.method } : {}),
    }))
    .sort((a, b) => a.seq - b.seq);
}

/**
 * One IMMUTABLE version's items (editing a checklist writes version n+1; old versions stay readable forever,
 * so a task that keeps {checklistId, version} keeps its copy — even after the list is deleted).
 * undefined when it does not exist. No scope check.
 */
export async function readChecklistVersion(
  store: Store,
  checklistId: string,
  version: number,
): Promise<{ ref: ChecklistVersionRef; items: ChecklistItem[] } | undefined> {
  if (!checklistId.startsWith('ckl-') || !Number.isInteger(version) || version < 1) return undefined;
  const [header, v] = await Promise.all([
    readChecklistHeader(store, checklistId),
    store.checklistVersions.get({ checklistId, version }).go({ consistent: true }),
  ]);
  if (!header || !v.data) return undefined;
  const items = await readRevisionItems(store, checklistId, v.data.revision);
  return {
    ref: {
      checklistId,
      version,
      name: v.data.name,
      kind: header.kind,
      category: header.category as CategoryCode,
      department: header.department as DepartmentCode,
      regionCode: header.regionCode,
      itemCount: v.data.itemCount,
      revision: v.data.revision,
    },
    items,
  };
}

/** The current version of a checklist `p` may use for a task of `kind` (scope-checked); undefined otherwise. */
export async function usableChecklist(
  store: Store,
  p: Regulator,
  checklistId: string,
  kind: ChecklistKind,
): Promise<{ ref: ChecklistVersionRef; items: ChecklistItem[] } | undefined> {
  if (!checklistId.startsWith('ckl-')) return undefined;
  const header = await readChecklistHeader(store, checklistId);
  if (!header || header.deleted || header.kind !== kind || !checklistVisibleTo(p, header)) return undefined;
  return readChecklistVersion(store, checklistId, header.currentVersion);
}
