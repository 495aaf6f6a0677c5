import {
  ConflictInput,
  ConflictPage,
  ConflictPageQuery,
  ConflictView,
  ConflictWithdrawn,
  ExpertConflictParams,
  ExpertIdParams,
  ExpertInput,
  ExpertPage,
  ExpertUpdate,
  ExpertVersion,
  ExpertView,
  ListExpertsQuery,
  ListOfficersQuery,
  OfficerConflictParams,
  OfficerIdParams,
  OfficerPage,
} from '../../shared/api/officers';
import { defineContext, defineRoute } from '../lib/wiring';

/**
 * 执法人员 and 专家库 (issue 10 §2): the department's inspectors and their 回避, the department's experts and
 * theirs. What a task or a draw reads of them is the kernel's (functions/lib/officers/read.ts); the Excel
 * import of experts is the `inspection-sheets` context's (ExcelJS stays out of this function).
 */
/** Inspection business: 检查人员 with no admin role (interfaces.md, "Who may do what"). */
const INSPECTORS = { kind: 'regulator', roles: ['inspector'], business: true } as const;
/**
 * 专家库 is also managed by the department's 部门管理员 (interfaces.md); an inspector holding an admin role
 * is refused by the domain (`assertManagesExperts`), as business routes refuse them.
 */
const EXPERT_MANAGERS = { kind: 'regulator', roles: ['inspector', 'dept-admin'] } as const;

export const listOfficers = defineRoute({
  operationId: 'listOfficers',
  method: 'GET',
  path: '/api/officers',
  public: false,
  access: INSPECTORS,
  readOnly: true,
  summary: '执法人员管理：本部门、本辖区的检查人员（分页，含回避企业数）',
  tags: ['officers'],
  query: ListOfficersQuery,
  response: OfficerPage,
});

export const listOfficerConflicts = defineRoute({
  operationId: 'listOfficerConflicts',
  method: 'GET',
  path: '/api/officers/{officerId}/conflicts',
  public: false,
  access: INSPECTORS,
  readOnly: true,
  summary: '执法人员的回避企业（分页）',
  tags: ['officers'],
  params: OfficerIdParams,
  query: ConflictPageQuery,
  response: ConflictPage,
});

export const declareOfficerConflict = defineRoute({
  operationId: 'declareOfficerConflict',
  method: 'POST',
  path: '/api/officers/{officerId}/conflicts',
  public: false,
  access: INSPECTORS,
  summary: '新增回避：本人申报不应检查的企业及原因（只能为本人申报）',
  tags: ['officers'],
  params: OfficerIdParams,
  body: ConflictInput,
  response: ConflictView,
  successStatus: 201,
});

export const withdrawOfficerConflict = defineRoute({
  operationId: 'withdrawOfficerConflict',
  method: 'DELETE',
  path: '/api/officers/{officerId}/conflicts/{enterpriseId}',
  public: false,
  access: INSPECTORS,
  summary: '撤销本人的回避申报',
  tags: ['officers'],
  params: OfficerConflictParams,
  response: ConflictWithdrawn,
});

export const listExperts = defineRoute({
  operationId: 'listExperts',
  method: 'GET',
  path: '/api/experts',
  public: false,
  access: EXPERT_MANAGERS,
  readOnly: true,
  summary: '专家库管理：本部门、本辖区的专家（按姓名、专业、行政区划、状态查询，分页）',
  tags: ['officers'],
  query: ListExpertsQuery,
  response: ExpertPage,
});

export const getExpert = defineRoute({
  operationId: 'getExpert',
  method: 'GET',
  path: '/api/experts/{expertId}',
  public: false,
  access: EXPERT_MANAGERS,
  readOnly: true,
  summary: '专家信息',
  tags: ['officers'],
  params: ExpertIdParams,
  response: ExpertView,
});

export const createExpert = defineRoute({
  operationId: 'createExpert',
  method: 'POST',
  path: '/api/experts',
  public: false,
  access: EXPERT_MANAGERS,
  summary: '新增专家（本部门专家库）',
  tags: ['officers'],
  body: ExpertInput,
  response: ExpertView,
  successStatus: 201,
});

export const updateExpert = defineRoute({
  operationId: 'updateExpert',
  method: 'PUT',
  path: '/api/experts/{expertId}',
  public: false,
  access: EXPERT_MANAGERS,
  summary: '编辑专家（带版本号；已被他人修改时 409）',
  tags: ['officers'],
  params: ExpertIdParams,
  body: ExpertUpdate,
  response: ExpertView,
});

export const disableExpert = defineRoute({
  operationId: 'disableExpert',
  method: 'POST',
  path: '/api/experts/{expertId}/disable',
  public: false,
  access: EXPERT_MANAGERS,
  summary: '停用专家（不再被选择或抽取）',
  tags: ['officers'],
  params: ExpertIdParams,
  body: ExpertVersion,
  response: ExpertView,
});

export const enableExpert = defineRoute({
  operationId: 'enableExpert',
  method: 'POST',
  path: '/api/experts/{expertId}/enable',
  public: false,
  access: EXPERT_MANAGERS,
  summary: '启用专家',
  tags: ['officers'],
  params: ExpertIdParams,
  body: ExpertVersion,
  response: ExpertView,
});

export const listExpertConflicts = defineRoute({
  operationId: 'listExpertConflicts',
  method: 'GET',
  path: '/api/experts/{expertId}/conflicts',
  public: false,
  access: EXPERT_MANAGERS,
  readOnly: true,
  summary: '专家的回避企业（分页）',
  tags: ['officers'],
  params: ExpertIdParams,
  query: ConflictPageQuery,
  response: ConflictPage,
});

export const declareExpertConflict = defineRoute({
  operationId: 'declareExpertConflict',
  method: 'POST',
  path: '/api/experts/{expertId}/conflicts',
  public: false,
  access: EXPERT_MANAGERS,
  summary: '新增专家回避企业及原因',
  tags: ['officers'],
  params: ExpertIdParams,
  body: ConflictInput,
  response: ConflictView,
  successStatus: 201,
});

export const withdrawExpertConflict = defineRoute({
  operationId: 'withdrawExpertConflict',
  method: 'DELETE',
  path: '/api/experts/{expertId}/conflicts/{enterpriseId}',
  public: false,
  access: EXPERT_MANAGERS,
  summary: '撤销专家的回避企业',
  tags: ['officers'],
  params: ExpertConflictParams,
  response: ConflictWithdrawn,
});

export const officersManifest = defineContext({
  context: 'officers',
  entry: 'functions/officers/handler.ts',
  description: "执法人员 and their 回避; the department 专家库 and the experts' 回避",
  routes: [
    listOfficers,
    listOfficerConflicts,
    declareOfficerConflict,
    withdrawOfficerConflict,
    listExperts,
    getExpert,
    createExpert,
    updateExpert,
    disableExpert,
    enableExpert,
    listExpertConflicts,
    declareExpertConflict,
    withdrawExpertConflict,
  ],
  subscriptions: [],
  schedules: [],
  grants: {
    table: {
      read: ['accounts', 'enterprises'],
      write: ['officerConflicts', 'officerConflictTallies', 'experts', 'expertConflicts', 'sessions', 'audit'],
    },
  },
});
