/** A task as the API shows it (shared/api/inspections.ts InspectionTaskView): keys and defaults filled in. */
import type { InspectionTaskView } from '../../shared/api/inspections';
import type { TaskRecord } from './task-scope';

export function taskView(t: TaskRecord): InspectionTaskView {
  return {
    taskId: t.taskId,
    batchId: t.batchId,
    kind: t.kind,
    title: t.title,
    category: t.category as InspectionTaskView['category'],
    department: t.department as InspectionTaskView['department'],
    regionCode: t.regionCode,
    enterpriseId: t.enterpriseId,
    enterpriseName: t.enterpriseName,
    ...(t.uscc ? { uscc: t.uscc } : {}),
    enterpriseRegionCode: t.enterpriseRegionCode,
    plannedStart: t.plannedStart,
    plannedEnd: t.plannedEnd,
    inspectionType: t.inspectionType,
    form: t.form,
    checklist: t.checklist,
    ...(t.itemSeqs ? { itemSeqs: t.itemSeqs } : {}),
    officers: t.officers ?? [],
    experts: t.experts ?? [],
    ...(t.remark ? { remark: t.remark } : {}),
    attachmentIds: t.attachmentIds ?? [],
    ...(t.drawId ? { drawId: t.drawId } : {}),
    ...(t.joint
      ? {
          joint: {
            departments: (t.joint.departments ?? []).map((d) => ({
              ...d,
              department: d.department as InspectionTaskView['department'],
            })),
          },
        }
      : {}),
    status: t.status,
    answeredCount: t.answeredCount,
    unsatisfiedCount: t.unsatisfiedCount,
    createdBy: t.createdBy,
    createdAt: t.createdAt,
    ...(t.completedAt ? { completedAt: t.completedAt } : {}),
    ...(t.publishedAt ? { publishedAt: t.publishedAt } : {}),
    version: t.version,
  };
}
