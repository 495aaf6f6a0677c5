// STUB until h-checklists merges: the interface of functions/lib/checklists/read.ts (interfaces.md), answering
// a fixed 12-item checklist for any id and version so 登记 can be built and tested before H1's kernel lands.
import type { Regulator } from '../auth/principal';
import type { Store } from '../../store';
import type { CategoryCode } from '../../../shared/reference/categories';
import type { DepartmentCode } from '../../../shared/reference/departments';

export type ChecklistKind = 'independent' | 'joint';
export interface ChecklistItem {
  seq: number;
  stage: string /*检查环节*/;
  content: string /*检查内容及标准*/;
  basis?: string /*检查依据*/;
  method?: string /*检查方式*/;
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
}

export const STUB_ITEM_COUNT = 12;

function stub(checklistId: string, version: number): { ref: ChecklistVersionRef; items: ChecklistItem[] } {
  const items = Array.from({ length: STUB_ITEM_COUNT }, (_, i) => ({
    seq: i + 1,
    stage: i < 6 ? '储存' : '经营',
    content: `检查项目${i + 1}：安全管理制度和操作规程是否健全并落实`,
    basis: `《危险化学品安全管理条例》第${20 + i}条`,
    method: '查阅资料、现场检查',
  }));
  return {
    ref: {
      checklistId,
      version,
      name: '危险化学品经营单位检查清单',
      kind: 'independent',
      category: 'hazchem',
      department: 'anjian',
      regionCode: '35',
      itemCount: items.length,
    },
    items,
  };
}

export async function readChecklistVersion(
  _store: Store,
  checklistId: string,
  version: number,
): Promise<{ ref: ChecklistVersionRef; items: ChecklistItem[] } | undefined> {
  return stub(checklistId, version);
}

export async function usableChecklist(
  _store: Store,
  _p: Regulator,
  checklistId: string,
  kind: ChecklistKind,
): Promise<{ ref: ChecklistVersionRef; items: ChecklistItem[] } | undefined> {
  const s = stub(checklistId, 1);
  return { ...s, ref: { ...s.ref, kind } };
}
