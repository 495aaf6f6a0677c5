import {
  CreateFromDrawInput,
  CreateIndependentInput,
  CreateJointInput,
  DrawIdParams,
  DrawInputBody,
  DrawView,
  EnterprisePickerPage,
  EnterprisePickerQuery,
  InspectionTaskView,
  JointAnswerInput,
  JointCancelInput,
  JointDropInput,
  JointListPage,
  JointListQuery,
  OfficerChoices,
  PublicDraw,
  TaskIdParams,
  TasksCreated,
} from '../../shared/api/inspections';
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
import {
  InspectionAssigned,
  InspectionCompleted,
  JointInspectionAnswered,
  JointInspectionInvited,
} from '../../shared/events/inspections';

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

export const pickInspectionEnterprises = defineRoute({
  operationId: 'pickInspectionEnterprises',
  method: 'GET',
  path: '/api/inspections/enterprise-picker',
  public: false,
  access: INSPECTORS,
  readOnly: true,
  summary: '选择企业：本辖区、本类物品某环节的企业（可搜索），含近 12 个月受检次数与"您账号所在辖区内共有企业 N 家"',
  tags: ['inspections'],
  query: EnterprisePickerQuery,
  response: EnterprisePickerPage,
});

export const listInspectionTeamChoices = defineRoute({
  operationId: 'listInspectionTeamChoices',
  method: 'GET',
  path: '/api/inspections/team-choices',
  public: false,
  access: INSPECTORS,
  readOnly: true,
  summary: '检查组可选人员：本部门、本辖区的执法人员与专家库专家',
  tags: ['inspections'],
  response: OfficerChoices,
});

export const createIndependentInspection = defineRoute({
  operationId: 'createIndependentInspection',
  method: 'POST',
  path: '/api/inspections/independent-tasks',
  public: false,
  access: INSPECTORS,
  summary: '创建独立检查任务：每个检查对象一个任务，检查组为创建人与所选执法人员（不少于 2 人），一次事务写入',
  tags: ['inspections'],
  body: CreateIndependentInput,
  response: TasksCreated,
  successStatus: 201,
});

const DRAW_ALGORITHM_TEXT =
  '算法 hmac-sha256-lowest-k/v1：候选企业 id 与候选执法人员 id 各按 UTF-8 字节升序排列，snapshotHash = SHA-256(企业 id 以 "\n" 连接 + "\n--\n" + 执法人员 id 以 "\n" 连接) 的十六进制；' +
  '抽取前服务器生成 32 字节随机 seed，并将 commitment = SHA-256(seed) 与 snapshotHash 写入审计日志，seed 在抽取记录中公开；' +
  'key(label, id) = HMAC-SHA256(密钥 = seed 字节, 消息 = label + ":" + id) 的十六进制，label 为 enterprise、officer 或 expert；' +
  '按顺序对每个配额 {regionPrefix, count}（不按区域时为一个 {"", n}），在尚未选中且 regionCode 以 regionPrefix 开头的候选中取 key 最小（相同时比较 id）的 count 个；按比例抽取时先向上取整为数量并按数量记录；' +
  '分组：按 key 升序依次为每家抽中企业分配 teamSize 名与其无回避关系、已分配次数最少的抽中执法人员（相同时 key 小者优先，再比较 id）；' +
  '专家：整个抽取取 key 最小的 expertCount 名。不能满足配额或分组时整次抽取失败，不产生部分结果。';

export const drawInspection = defineRoute({
  operationId: 'drawInspection',
  method: 'POST',
  path: '/api/inspections/draws',
  public: false,
  access: INSPECTORS,
  summary: `双随机选择（开始随机 / 再次随机）：抽取企业、执法人员与专家，并分组。${DRAW_ALGORITHM_TEXT}`,
  tags: ['inspections'],
  body: DrawInputBody,
  response: DrawView,
  successStatus: 201,
});

export const getInspectionDraw = defineRoute({
  operationId: 'getInspectionDraw',
  method: 'GET',
  path: '/api/inspections/draws/{drawId}',
  public: false,
  access: INSPECTORS,
  readOnly: true,
  summary: '双随机：一次抽取的结果（抽中企业、检查组、专家，及此前各次抽取的编号）',
  tags: ['inspections'],
  params: DrawIdParams,
  response: DrawView,
});

export const createInspectionsFromDraw = defineRoute({
  operationId: 'createInspectionsFromDraw',
  method: 'POST',
  path: '/api/inspections/draws/{drawId}/tasks',
  public: false,
  access: INSPECTORS,
  summary: '双随机：开始检查——按本次抽取结果与各企业的检查信息创建检查任务',
  tags: ['inspections'],
  params: DrawIdParams,
  body: CreateFromDrawInput,
  response: TasksCreated,
  successStatus: 201,
});

export const getPublicDraw = defineRoute({
  operationId: 'getPublicDraw',
  method: 'GET',
  path: '/api/public/draws/{drawId}',
  public: true,

  summary: `双随机抽取的公开记录（检查结果公开后可查），任何人可据此重新计算并核对结果；执法人员与专家以本次抽取的匿名编号表示。${DRAW_ALGORITHM_TEXT}`,
  tags: ['inspections'],
  params: DrawIdParams,
  response: PublicDraw,
});

export const createJointInspection = defineRoute({
  operationId: 'createJointInspection',
  method: 'POST',
  path: '/api/inspections/joint-tasks',
  public: false,
  access: INSPECTORS,
  summary: '创建联合检查任务（牵头检查部门）：选择参检部门，各参检部门答复同意后方可登记',
  tags: ['inspections'],
  body: CreateJointInput,
  response: TasksCreated,
  successStatus: 201,
});

export const listJointInspections = defineRoute({
  operationId: 'listJointInspections',
  method: 'GET',
  path: '/api/inspections/joint-tasks',
  public: false,
  access: INSPECTORS,
  readOnly: true,
  summary: '联合检查任务：本部门牵头或参加、检查对象在本辖区的联合检查（未答复 / 同意 / 拒绝）',
  tags: ['inspections'],
  query: JointListQuery,
  response: JointListPage,
});

export const answerJointInspection = defineRoute({
  operationId: 'answerJointInspection',
  method: 'POST',
  path: '/api/inspections/joint-tasks/{taskId}/answer',
  public: false,
  access: INSPECTORS,
  summary: '联合检查任务：参检部门答复同意（加入检查组）或拒绝（须填写原因）',
  tags: ['inspections'],
  params: TaskIdParams,
  body: JointAnswerInput,
  response: InspectionTaskView,
});

export const dropJointDepartment = defineRoute({
  operationId: 'dropJointDepartment',
  method: 'POST',
  path: '/api/inspections/joint-tasks/{taskId}/drop',
  public: false,
  access: INSPECTORS,
  summary: '联合检查任务：牵头检查部门移除已拒绝的参检部门',
  tags: ['inspections'],
  params: TaskIdParams,
  body: JointDropInput,
  response: InspectionTaskView,
});

export const cancelJointInspection = defineRoute({
  operationId: 'cancelJointInspection',
  method: 'POST',
  path: '/api/inspections/joint-tasks/{taskId}/cancel',
  public: false,
  access: INSPECTORS,
  summary: '联合检查任务：牵头检查部门取消（须填写原因）',
  tags: ['inspections'],
  params: TaskIdParams,
  body: JointCancelInput,
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
  routes: [
    getInspectionTask,
    pickInspectionEnterprises,
    listInspectionTeamChoices,
    createIndependentInspection,
    drawInspection,
    getInspectionDraw,
    createInspectionsFromDraw,
    getPublicDraw,
    createJointInspection,
    listJointInspections,
    answerJointInspection,
    dropJointDepartment,
    cancelJointInspection,
    ...RECORD_ROUTES,
  ],
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
  publishes: [InspectionCompleted, InspectionAssigned, JointInspectionInvited, JointInspectionAnswered],
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
        'statsCounters',
      ],
      read: [
        'enterprises',
        'enterpriseListings',
        'enterpriseCounters',
        'accounts',
        'sessions',
        'checklists',
        'checklistVersions',
        'checklistItems',
        'officerConflicts',
        'officerConflictTallies',
        'experts',
        'expertConflicts',
      ],
    },
  },
});
