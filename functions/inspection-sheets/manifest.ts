import { ChecklistSummary, ImportChecklistRequest, SpreadsheetFile } from '../../shared/api/checklists';
import { ImportExpertsRequest, ImportExpertsResponse } from '../../shared/api/officers';
import { defineContext, defineRoute } from '../lib/wiring';

/**
 * The inspection sheets context: the Excel side of inspections — 导出清单模板 and 导入清单文件 of 检查清单管理
 * (and, as they land, the other inspection spreadsheets). Its own function so that ExcelJS, the bulk of any
 * bundle that carries it, stays out of the checklists and inspections contexts. A new sheet is a route here, a
 * module beside checklist-sheet.ts, and one line in the handler's `routes`.
 */
const INSPECTORS = { kind: 'regulator', roles: ['inspector'], business: true } as const;

export const getChecklistTemplate = defineRoute({
  operationId: 'getChecklistTemplate',
  method: 'GET',
  path: '/api/checklists/import-template',
  public: false,
  access: INSPECTORS,
  summary: '导出清单模板（.xlsx，base64 编码于 JSON 中）：检查环节*、检查内容及标准*、检查依据、检查方式',
  tags: ['checklists'],
  response: SpreadsheetFile,
});

export const importChecklist = defineRoute({
  operationId: 'importChecklist',
  method: 'POST',
  path: '/api/checklists/import',
  public: false,
  access: INSPECTORS,
  summary:
    '导入清单文件：清单名称为文件名；必填列 检查环节、检查内容及标准；任一行有误则不导入，按行号列出错误；最多 2000 行',
  tags: ['checklists'],
  body: ImportChecklistRequest,
  response: ChecklistSummary,
  successStatus: 201,
});

/** 专家库 is managed by the department's inspectors and its 部门管理员 (functions/officers/manifest.ts). */
const EXPERT_MANAGERS = { kind: 'regulator', roles: ['inspector', 'dept-admin'] } as const;

export const getExpertTemplate = defineRoute({
  operationId: 'getExpertTemplate',
  method: 'GET',
  path: '/api/experts/import-template',
  public: false,
  access: EXPERT_MANAGERS,
  summary:
    '专家库导出模板（.xlsx，base64 编码于 JSON 中）：姓名*、专业类别*、专业环节、单位*、联系电话*、行政区划代码*',
  tags: ['officers'],
  response: SpreadsheetFile,
});

export const importExperts = defineRoute({
  operationId: 'importExperts',
  method: 'POST',
  path: '/api/experts/import',
  public: false,
  access: EXPERT_MANAGERS,
  summary: '专家库导入：导入到本部门专家库；任一行有误则不导入，按行号列出错误；每个文件最多 50 名专家',
  tags: ['officers'],
  body: ImportExpertsRequest,
  response: ImportExpertsResponse,
  successStatus: 201,
});

export const inspectionSheetsManifest = defineContext({
  context: 'inspection-sheets',
  entry: 'functions/inspection-sheets/handler.ts',
  description: 'inspection spreadsheets: the checklist template and the all-or-nothing checklist import',
  routes: [getChecklistTemplate, importChecklist, getExpertTemplate, importExperts],
  subscriptions: [],
  schedules: [],
  grants: { table: { write: ['checklists', 'checklistVersions', 'checklistItems', 'experts', 'sessions', 'audit'] } },
  // Reading a 2,000-row workbook and writing its items: more CPU than the default gives.
  memoryMb: 1024,
});
