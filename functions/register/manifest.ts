import { EnterpriseAccountNotice } from '../../shared/api/accounts';
import {
  ChangeDecision,
  ChangeDecisionInput,
  ChangeRejectInput,
  ChangeRequestIdParams,
  ChangeRequestInput,
  ChangeRequestPage,
  ChangeRequestQueueQuery,
  ChangeRequestSubmitted,
  ChangeRequestView,
  EnterpriseDetail,
  EnterpriseIdParams,
  PageQuery,
  PersonPage,
  UnitListPage,
  UnitListParams,
  UnitListQuery,
} from '../../shared/api/register';
import { defineContext, defineRoute } from '../lib/wiring';
import { ChangeRequestDecided } from '../../shared/events/register';

/**
 * The register of enterprises (单位信息管理): regulators' lists and 查看, change requests (新增企业, 删除企业,
 * 企业信息纠错, and the enterprise's own 纠正) and their review by the category's 审核人员.
 */
/** Business routes: no admin role (三员分立, functions/lib/wiring.ts `business`). */
const REVIEWERS = { kind: 'regulator', roles: ['reviewer'], business: true } as const;
/** Enterprises correct their own entry; regulators who do business file for their jurisdiction. */
const FILERS = { kind: 'any', business: true } as const;

export const listUnits = defineRoute({
  operationId: 'listUnits',
  method: 'GET',
  path: '/api/register/units/{category}/{segment}',
  public: false,
  access: { kind: 'regulator' },
  readOnly: true,
  summary: '单位信息管理：某物品类别某环节的从业单位列表（本辖区）',
  tags: ['register'],
  params: UnitListParams,
  query: UnitListQuery,
  response: UnitListPage,
});

export const getEnterprise = defineRoute({
  operationId: 'getEnterprise',
  method: 'GET',
  path: '/api/register/enterprises/{enterpriseId}',
  public: false,
  access: { kind: 'any' },
  readOnly: true,
  summary: '查看：企业基本信息、企业证书、产品种类',
  tags: ['register'],
  params: EnterpriseIdParams,
  response: EnterpriseDetail,
});

export const getEnterpriseAccountNotice = defineRoute({
  operationId: 'getEnterpriseAccountNotice',
  method: 'GET',
  path: '/api/register/enterprises/{enterpriseId}/account-notice',
  public: false,
  access: { kind: 'regulator' },
  summary: '开通通知：新增企业的登录账号与一次性密码（只能查看一次，72 小时内有效）',
  tags: ['register'],
  params: EnterpriseIdParams,
  response: EnterpriseAccountNotice,
});

export const listEnterprisePersonnel = defineRoute({
  operationId: 'listEnterprisePersonnel',
  method: 'GET',
  path: '/api/register/enterprises/{enterpriseId}/personnel',
  public: false,
  access: { kind: 'any' },
  readOnly: true,
  summary: '查看：从业人员（分页）',
  tags: ['register'],
  params: EnterpriseIdParams,
  query: PageQuery,
  response: PersonPage,
});

export const listEnterpriseHistory = defineRoute({
  operationId: 'listEnterpriseHistory',
  method: 'GET',
  path: '/api/register/enterprises/{enterpriseId}/history',
  public: false,
  access: { kind: 'any' },
  readOnly: true,
  summary: '查看：变更记录（新增、删除、纠错申请及审核结果）',
  tags: ['register'],
  params: EnterpriseIdParams,
  query: PageQuery,
  response: ChangeRequestPage,
});

export const submitChangeRequest = defineRoute({
  operationId: 'submitChangeRequest',
  method: 'POST',
  path: '/api/register/change-requests',
  public: false,
  access: FILERS,
  summary: '新增企业 / 删除企业 / 企业信息纠错 / 证书信息纠正：提交审核',
  tags: ['register'],
  body: ChangeRequestInput,
  response: ChangeRequestSubmitted,
  successStatus: 201,
});

export const listChangeRequests = defineRoute({
  operationId: 'listChangeRequests',
  method: 'GET',
  path: '/api/register/change-requests',
  public: false,
  access: REVIEWERS,
  readOnly: true,
  summary: '企业信息审核：本类别、本辖区的变更申请',
  tags: ['register'],
  query: ChangeRequestQueueQuery,
  response: ChangeRequestPage,
});

export const getChangeRequest = defineRoute({
  operationId: 'getChangeRequest',
  method: 'GET',
  path: '/api/register/change-requests/{requestId}',
  public: false,
  access: { kind: 'any' },
  readOnly: true,
  summary: '变更申请：修改前后对照',
  tags: ['register'],
  params: ChangeRequestIdParams,
  response: ChangeRequestView,
});

export const approveChangeRequest = defineRoute({
  operationId: 'approveChangeRequest',
  method: 'POST',
  path: '/api/register/change-requests/{requestId}/approve',
  public: false,
  access: REVIEWERS,
  summary: '企业信息审核：同意（变更在同一事务中生效）',
  tags: ['register'],
  params: ChangeRequestIdParams,
  body: ChangeDecisionInput,
  response: ChangeDecision,
});

export const rejectChangeRequest = defineRoute({
  operationId: 'rejectChangeRequest',
  method: 'POST',
  path: '/api/register/change-requests/{requestId}/reject',
  public: false,
  access: REVIEWERS,
  summary: '企业信息审核：拒绝（须填写原因）',
  tags: ['register'],
  params: ChangeRequestIdParams,
  body: ChangeRejectInput,
  response: ChangeDecision,
});

export const registerManifest = defineContext({
  context: 'register',
  entry: 'functions/register/handler.ts',
  description: 'the enterprise register: lists, detail, change requests and their review',
  routes: [
    listUnits,
    getEnterprise,
    getEnterpriseAccountNotice,
    listEnterprisePersonnel,
    listEnterpriseHistory,
    submitChangeRequest,
    listChangeRequests,
    getChangeRequest,
    approveChangeRequest,
    rejectChangeRequest,
  ],
  subscriptions: [],
  schedules: [],
  publishes: [ChangeRequestDecided],
  grants: {
    table: {
      write: [
        'changeRequests',
        'changeRequestTasks',
        'enterprises',
        'enterpriseListings',
        'licences',
        'creditCodeClaims',
        'enterpriseCounters',
        'attachments',
        'sessions',
        'audit',
        'outboxEvents',
        // A unit the register adds gets its login (account, login claim) and 开通通知 in the same transaction.
        'accounts',
        'loginClaims',
        'accountNotices',
      ],
      read: ['personnel', 'products'],
    },
  },
});
