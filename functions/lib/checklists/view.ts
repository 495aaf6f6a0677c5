/**
 * A checklist as the list and the detail page show it (the seed's columns: 清单名称, 检查环节, 清单级别, 创建用户,
 * 创建人所在部门, 创建时间, 检查项目数, 操作 编辑/删除).
 */
import type { ChecklistSummary } from '../../../shared/api/checklists';
import type { DepartmentCode } from '../../../shared/reference/departments';
import type { CategoryCode } from '../../../shared/reference/categories';
import { region } from '../../../shared/reference/regions';
import type { Regulator } from '../auth/principal';
import type { ChecklistHeader } from './read';
import { checklistEditableBy } from './scope';
import { departmentLabel } from './write';

export function summaryOf(p: Regulator, h: ChecklistHeader): ChecklistSummary {
  // The creating unit's own name (福建省, 泉州市, 晋江市): with the department it names 创建人所在部门.
  const where = region(h.regionCode).name;
  return {
    checklistId: h.checklistId,
    version: h.currentVersion,
    kind: h.kind,
    name: h.name,
    category: h.category as CategoryCode,
    stages: h.stages,
    level: h.level,
    regionCode: h.regionCode,
    regionName: where,
    department: h.department as DepartmentCode,
    departmentName: departmentLabel(where, h.department),
    createdBy: h.createdBy,
    createdAt: h.createdAt,
    updatedAt: h.updatedAt,
    itemCount: h.itemCount,
    canEdit: checklistEditableBy(p, h),
  };
}
