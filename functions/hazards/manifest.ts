import {
  HazardConfirmInput,
  HazardDeadlineInput,
  HazardDetail,
  HazardIdParams,
  HazardInput,
  HazardListQuery,
  HazardPage,
  HazardReturnInput,
  HazardStepPage,
  HazardStepQuery,
  OwnHazardQuery,
  RectificationInput,
} from '../../shared/api/hazards';
import { HazardConfirmed, HazardIssued, HazardReturned, RectificationSubmitted } from '../../shared/events/hazards';
import { InspectionCompleted } from '../../shared/events/inspections';
import { defineContext, defineRoute } from '../lib/wiring';

/**
 * 隐患管理 (issue 11 §1–§5): hazards from inspections and 登记隐患问题, the department's lists, the enterprise's
 * 监管部门下发隐患, and the loop 整改 → 确认 / 退回. Inspection business is the 检查人员's (no admin role);
 * which hazards a regulator sees is decided in functions/hazards/record.ts.
 */
const INSPECTORS = { kind: 'regulator', roles: ['inspector'], business: true } as const;

export const registerHazard = defineRoute({
  operationId: 'registerHazard',
  method: 'POST',
  path: '/api/hazards',
  public: false,
  access: INSPECTORS,
  summary: '隐患管理 › 登记隐患问题：下发给本辖区、本物品类别的企业（隐患发送单位为本部门）',
  tags: ['hazards'],
  body: HazardInput,
  response: HazardDetail,
  successStatus: 201,
});

export const listHazards = defineRoute({
  operationId: 'listHazards',
  method: 'GET',
  path: '/api/hazards',
  public: false,
  access: INSPECTORS,
  readOnly: true,
  summary: '隐患管理：待整改 / 待确认 / 已整改隐患信息（本部门发送或督促整改的，本辖区）',
  tags: ['hazards'],
  query: HazardListQuery,
  response: HazardPage,
});

export const listOwnHazards = defineRoute({
  operationId: 'listOwnHazards',
  method: 'GET',
  path: '/api/hazards/own',
  public: false,
  access: { kind: 'enterprise' },
  readOnly: true,
  summary: '企业隐患管理 › 监管部门下发隐患：本企业的隐患，从新到旧',
  tags: ['hazards'],
  query: OwnHazardQuery,
  response: HazardPage,
});

export const getHazard = defineRoute({
  operationId: 'getHazard',
  method: 'GET',
  path: '/api/hazards/{hazardId}',
  public: false,
  access: { kind: 'any' },
  readOnly: true,
  summary: '隐患：详情、整改情况、退回原因',
  tags: ['hazards'],
  params: HazardIdParams,
  response: HazardDetail,
});

export const listHazardSteps = defineRoute({
  operationId: 'listHazardSteps',
  method: 'GET',
  path: '/api/hazards/{hazardId}/records',
  public: false,
  access: { kind: 'any' },
  readOnly: true,
  summary: '隐患：整改记录（谁在何时做了什么）',
  tags: ['hazards'],
  params: HazardIdParams,
  query: HazardStepQuery,
  response: HazardStepPage,
});

export const submitRectification = defineRoute({
  operationId: 'submitRectification',
  method: 'POST',
  path: '/api/hazards/{hazardId}/rectification',
  public: false,
  access: { kind: 'enterprise' },
  summary: '监管部门下发隐患 › 整改：提交整改情况（说明及至少一个照片或文件），隐患变为待确认',
  tags: ['hazards'],
  params: HazardIdParams,
  body: RectificationInput,
  response: HazardDetail,
});

export const confirmHazard = defineRoute({
  operationId: 'confirmHazard',
  method: 'POST',
  path: '/api/hazards/{hazardId}/confirm',
  public: false,
  access: INSPECTORS,
  summary: '待确认隐患信息 › 确认：隐患已整改',
  tags: ['hazards'],
  params: HazardIdParams,
  body: HazardConfirmInput,
  response: HazardDetail,
});

export const returnHazard = defineRoute({
  operationId: 'returnHazard',
  method: 'POST',
  path: '/api/hazards/{hazardId}/return',
  public: false,
  access: INSPECTORS,
  summary: '待确认隐患信息 › 退回：填写原因和新的整改时限，隐患回到待整改',
  tags: ['hazards'],
  params: HazardIdParams,
  body: HazardReturnInput,
  response: HazardDetail,
});

export const rescheduleHazard = defineRoute({
  operationId: 'rescheduleHazard',
  method: 'POST',
  path: '/api/hazards/{hazardId}/deadline',
  public: false,
  access: INSPECTORS,
  summary: '待整改隐患信息 › 修改整改时限（仅待整改的隐患）',
  tags: ['hazards'],
  params: HazardIdParams,
  body: HazardDeadlineInput,
  response: HazardDetail,
});

export const hazardsManifest = defineContext({
  context: 'hazards',
  entry: 'functions/hazards/handler.ts',
  description:
    'hazards (隐患管理): issued from inspections or by hand, rectified by the enterprise, confirmed or returned',
  routes: [
    registerHazard,
    listHazards,
    listOwnHazards,
    getHazard,
    listHazardSteps,
    submitRectification,
    confirmHazard,
    returnHazard,
    rescheduleHazard,
  ],
  subscriptions: [
    {
      name: 'inspectionCompleted',
      events: [InspectionCompleted],
      description: '检查完成：每个不满足项生成一条隐患（已下发），重复或迟到的事件不重复生成',
    },
  ],
  schedules: [],
  publishes: [HazardIssued, RectificationSubmitted, HazardReturned, HazardConfirmed],
  grants: {
    table: {
      write: ['hazards', 'hazardListings', 'hazardSteps', 'attachments', 'outboxEvents', 'audit', 'statsCounters'],
      read: ['enterprises', 'sessions'],
    },
  },
});
