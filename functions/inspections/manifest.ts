import { InspectionTaskView, TaskIdParams } from '../../shared/api/inspections';
import { defineContext, defineRoute } from '../lib/wiring';
import {
  AnswerInput,
  AnswerParams,
  AnswerSaved,
  CompletionResult,
  DeleteTaskInput,
  InspectionRecord,
  PublicResultsPage,
  PublicResultsQuery,
  Published,
  RecordListPage,
  RecordListQuery,
  TaskDeleted,
  TodoList,
} from '../../shared/api/inspection-records';
import { InspectionCompleted } from '../../shared/events/inspections';

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

// ── 登记, 完成, 删除, 一公开, 待办事项 (H4) ─────────────────────────────────────────────────────────────────────

export const listInspectionRecords = defineRoute({
  operationId: 'listInspectionRecords',
  method: 'GET',
  path: '/api/inspections/records',
  public: false,
  access: INSPECTORS,
  readOnly: true,
  summary: '登记独立检查任务 / 已完成的独立检查任务（及联合检查任务的登记）：本人所在检查组的任务',
  tags: ['inspections'],
  query: RecordListQuery,
  response: RecordListPage,
});

export const getInspectionRecord = defineRoute({
  operationId: 'getInspectionRecord',
  method: 'GET',
  path: '/api/inspections/tasks/{taskId}/record',
  public: false,
  access: INSPECTORS,
  readOnly: true,
  summary: '登记页：任务的检查清单（专项检查为所选项目）、各项检查结果与检查结果汇总',
  tags: ['inspections'],
  params: TaskIdParams,
  response: InspectionRecord,
});

export const saveInspectionAnswer = defineRoute({
  operationId: 'saveInspectionAnswer',
  method: 'PUT',
  path: '/api/inspections/tasks/{taskId}/answers/{seq}',
  public: false,
  access: INSPECTORS,
  summary: '登记一项检查结果：满足 / 不满足（须填写描述并上传照片或文件）/ 不涉及，逐项保存',
  tags: ['inspections'],
  params: AnswerParams,
  body: AnswerInput,
  response: AnswerSaved,
});

export const completeInspection = defineRoute({
  operationId: 'completeInspection',
  method: 'POST',
  path: '/api/inspections/tasks/{taskId}/complete',
  public: false,
  access: INSPECTORS,
  summary: '完成：全部检查项目登记后完成任务，发出 InspectionCompleted（含不满足项）',
  tags: ['inspections'],
  params: TaskIdParams,
  response: CompletionResult,
});

export const deleteInspectionTask = defineRoute({
  operationId: 'deleteInspectionTask',
  method: 'POST',
  path: '/api/inspections/tasks/{taskId}/delete',
  public: false,
  access: INSPECTORS,
  summary: '删除：尚未登记任何检查结果的任务，须填写删除原因',
  tags: ['inspections'],
  params: TaskIdParams,
  body: DeleteTaskInput,
  response: TaskDeleted,
});

export const publishInspectionResult = defineRoute({
  operationId: 'publishInspectionResult',
  method: 'POST',
  path: '/api/inspections/tasks/{taskId}/publish',
  public: false,
  access: INSPECTORS,
  summary: '公开：提前公开已完成任务的检查结果（否则在完成后 20 个工作日内自动公开）',
  tags: ['inspections'],
  params: TaskIdParams,
  response: Published,
});

export const listPublicInspectionResults = defineRoute({
  operationId: 'listPublicInspectionResults',
  method: 'GET',
  path: '/api/public/inspection-results',
  public: true,
  readOnly: true,
  summary:
    '一公开：已公开的检查结果（检查对象、统一社会信用代码、检查事项、检查部门、检查日期、检查结果），按企业名称、信用代码、检查部门查询',
  tags: ['inspections'],
  query: PublicResultsQuery,
  response: PublicResultsPage,
});

export const getInspectionTodo = defineRoute({
  operationId: 'getInspectionTodo',
  method: 'GET',
  path: '/api/inspections/todo',
  public: false,
  access: { kind: 'regulator' },
  readOnly: true,
  summary: '待办事项：待登记的检查任务与待答复的联合检查任务（含计划开始/结束时间）',
  tags: ['inspections'],
  response: TodoList,
});

/** H4's routes, listed once in the manifest below. */
const RECORD_ROUTES = [
  listInspectionRecords,
  getInspectionRecord,
  saveInspectionAnswer,
  completeInspection,
  deleteInspectionTask,
  publishInspectionResult,
  listPublicInspectionResults,
  getInspectionTodo,
] as const;

export const inspectionsManifest = defineContext({
  context: 'inspections',
  entry: 'functions/inspections/handler.ts',
  description: 'inspection tasks (独立 / 双随机 / 联合), draws and their public record, registration and 一公开',
  routes: [getInspectionTask, ...RECORD_ROUTES],
  subscriptions: [],
  schedules: [
    {
      name: 'publishInspectionResults',
      description: '每日 02:00 一公开：公开完成满 20 个工作日仍未公开的检查结果',
      hour: 2,
      minute: 0,
      timeZone: 'Asia/Shanghai',
    },
  ],
  publishes: [InspectionCompleted],
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
        'inspectionAnswers',
        'inspectionResults',
        'inspectionResultNames',
        'inspectionPublicationDue',
        'outboxEvents',
      ],
      read: ['enterprises', 'enterpriseListings', 'enterpriseCounters', 'accounts', 'sessions'],
    },
  },
});
