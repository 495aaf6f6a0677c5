import { InspectionTaskView, TaskIdParams } from '../../shared/api/inspections';
import { defineContext, defineRoute } from '../lib/wiring';

/**
 * Inspections (检查通报管理, issue 10): tasks — 独立 / 双随机 / 联合 — their draws and the public draw record
 * (H3), and their registration, completion, 一公开 and 待办事项 (H4).
 */
/** Inspection business is done by 检查人员 holding no admin role (三员分立, interfaces.md). */
export const INSPECTORS = { kind: 'regulator', roles: ['inspector'], business: true } as const;

export const getInspectionTask = defineRoute({
  operationId: 'getInspectionTask',
  method: 'GET',
  path: '/api/inspections/tasks/{taskId}',
  public: false,
  access: INSPECTORS,
  readOnly: true,
  summary: '检查任务：查看（检查对象、检查组、检查清单、联合检查各部门答复）',
  tags: ['inspections'],
  params: TaskIdParams,
  response: InspectionTaskView,
});

export const inspectionsManifest = defineContext({
  context: 'inspections',
  entry: 'functions/inspections/handler.ts',
  description: 'inspection tasks (独立 / 双随机 / 联合), draws and their public record, registration and 一公开',
  routes: [getInspectionTask],
  subscriptions: [],
  schedules: [],
  grants: {
    table: {
      write: [
        'inspectionTasks',
        'inspectionTaskMembers',
        'inspectionJointDepartments',
        'inspectionDraws',
        'inspectionBurdens',
        'attachments',
        'audit',
      ],
      read: ['enterprises', 'enterpriseListings', 'enterpriseCounters', 'accounts', 'sessions'],
    },
  },
});
