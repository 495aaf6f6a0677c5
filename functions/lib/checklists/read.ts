// STUB until h-checklists merges: the two functions of interfaces.md over two fixed demo checklists, so the
// inspections context can be built and tested before the checklists context lands. The lead keeps H1's version.
import type { Regulator } from '../auth/principal';
import type { Store } from '../../store';
import type { CategoryCode } from '../../../shared/reference/categories';
import type { DepartmentCode } from '../../../shared/reference/departments';

export type ChecklistKind = 'independent' | 'joint';
export interface ChecklistItem {
  seq: number;
  stage: string;
  content: string;
  basis?: string;
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
}

const ITEMS: ChecklistItem[] = [
  { seq: 1, stage: '储存', content: '危险化学品储存在专用仓库内，并由专人负责管理', basis: '《危险化学品安全管理条例》第二十四条' },
  { seq: 2, stage: '储存', content: '剧毒化学品实行双人收发、双人保管制度', basis: '《危险化学品安全管理条例》第二十四条' },
  { seq: 3, stage: '经营', content: '不得向未取得许可证件的单位销售剧毒化学品', basis: '《危险化学品安全管理条例》第三十八条' },
  { seq: 4, stage: '经营', content: '如实记录购买单位、品种、数量、用途，销售记录保存 1 年以上', basis: '《危险化学品安全管理条例》第四十二条' },
  { seq: 5, stage: '使用', content: '从业人员经安全教育和岗位技术培训合格', basis: '《危险化学品安全管理条例》第四条' },
];

function stubOf(checklistId: string, version: number): { ref: ChecklistVersionRef; items: ChecklistItem[] } | undefined {
  const kind: ChecklistKind | undefined =
    checklistId === 'stub-independent' ? 'independent' : checklistId === 'stub-joint' ? 'joint' : undefined;
  if (!kind || version !== 1) return undefined;
  return {
    ref: {
      checklistId,
      version,
      name: kind === 'joint' ? '危险化学品联合检查清单' : '危险化学品经营储存检查清单',
      kind,
      category: 'hazchem' as CategoryCode,
      department: 'anjian' as DepartmentCode,
      regionCode: '35',
      itemCount: ITEMS.length,
    },
    items: ITEMS.map((i) => ({ ...i })),
  };
}

export async function readChecklistVersion(
  _store: Store,
  checklistId: string,
  version: number,
): Promise<{ ref: ChecklistVersionRef; items: ChecklistItem[] } | undefined> {
  return stubOf(checklistId, version);
}

export async function usableChecklist(
  _store: Store,
  _p: Regulator,
  checklistId: string,
  kind: ChecklistKind,
): Promise<{ ref: ChecklistVersionRef; items: ChecklistItem[] } | undefined> {
  const c = stubOf(checklistId, 1);
  return c && c.ref.kind === kind ? c : undefined;
}
