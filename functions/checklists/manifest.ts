import {
  ChecklistDetail,
  ChecklistIdParams,
  ChecklistPage,
  DeleteChecklistRequest,
  DeletedChecklist,
  ListChecklistsQuery,
  UpdateChecklistItemsRequest,
} from '../../shared/api/checklists';
import { defineContext, defineRoute } from '../lib/wiring';

/**
 * The checklists context (检查清单管理: 独立检查清单管理, 联合检查清单管理): the list, one checklist with its items,
 * editing the items in the browser (each save a new version; tasks keep theirs) and deleting. Inspection
 * business: 检查人员 holding no admin role. Importing from Excel is the `inspection-sheets` context's.
 */
const INSPECTORS = { kind: 'regulator', roles: ['inspector'], business: true } as const;

export const listChecklists = defineRoute({
  operationId: 'listChecklists',
  method: 'GET',
  path: '/api/checklists',
  public: false,
  access: INSPECTORS,
  readOnly: true,
  summary:
    '检查清单管理：本部门（联合清单：各部门）在本辖区及上级创建的检查清单（分页），可按清单名称、检查环节、清单级别、清单创建单位查询',
  tags: ['checklists'],
  query: ListChecklistsQuery,
  response: ChecklistPage,
});

export const getChecklist = defineRoute({
  operationId: 'getChecklist',
  method: 'GET',
  path: '/api/checklists/{checklistId}',
  public: false,
  access: INSPECTORS,
  readOnly: true,
  summary: '查看检查清单：当前版本及其全部检查项目',
  tags: ['checklists'],
  params: ChecklistIdParams,
  response: ChecklistDetail,
});

export const updateChecklistItems = defineRoute({
  operationId: 'updateChecklistItems',
  method: 'PUT',
  path: '/api/checklists/{checklistId}/items',
  public: false,
  access: INSPECTORS,
  summary: '编辑检查清单的检查项目：保存为新版本（已创建的检查任务保留原版本）；版本已变 → 409',
  tags: ['checklists'],
  params: ChecklistIdParams,
  body: UpdateChecklistItemsRequest,
  response: ChecklistDetail,
});

export const deleteChecklist = defineRoute({
  operationId: 'deleteChecklist',
  method: 'POST',
  path: '/api/checklists/{checklistId}/delete',
  public: false,
  access: INSPECTORS,
  summary: '删除检查清单（不再可选；已创建的检查任务保留其清单）',
  tags: ['checklists'],
  params: ChecklistIdParams,
  body: DeleteChecklistRequest,
  response: DeletedChecklist,
});

export const checklistsManifest = defineContext({
  context: 'checklists',
  entry: 'functions/checklists/handler.ts',
  description: 'inspection checklists: list, items, edit (versioned), delete',
  routes: [listChecklists, getChecklist, updateChecklistItems, deleteChecklist],
  subscriptions: [],
  schedules: [],
  grants: { table: { write: ['checklists', 'checklistVersions', 'checklistItems', 'sessions', 'audit'] } },
});
