import {
  EnterpriseSelfInspectionEntryParams,
  EnterpriseSelfInspectionParams,
  SelfInspectionIdParams,
  SelfInspectionInput,
  SelfInspectionPage,
  SelfInspectionQuery,
  SelfInspectionRectifyInput,
  SelfInspectionUpdateInput,
  SelfInspectionView,
} from '../../shared/api/self-inspections';
import { defineContext, defineRoute } from '../lib/wiring';

/**
 * 企业自查自纠: the enterprise's own hazard register (企业服务平台 › 隐患管理 › 企业自纠自查隐患), kept by the
 * enterprise on its own entry (the session names it), and read — never changed — by the regulators who see the
 * enterprise (统一监管平台 › 检查通报管理 › 企业自查自纠管理).
 */
const ENTERPRISE = { kind: 'enterprise' } as const;
const REGULATOR = { kind: 'regulator' } as const;

export const listOwnSelfInspections = defineRoute({
  operationId: 'listOwnSelfInspections',
  method: 'GET',
  path: '/api/self-inspections',
  public: false,
  access: ENTERPRISE,
  readOnly: true,
  summary: '企业自纠自查隐患：本企业的隐患，从新到旧（按整改时限、整改难易度、隐患分类、整改状态查询）',
  tags: ['self-inspections'],
  query: SelfInspectionQuery,
  response: SelfInspectionPage,
});

export const addSelfInspection = defineRoute({
  operationId: 'addSelfInspection',
  method: 'POST',
  path: '/api/self-inspections',
  public: false,
  access: ENTERPRISE,
  summary: '企业自纠自查隐患：新增',
  tags: ['self-inspections'],
  body: SelfInspectionInput,
  response: SelfInspectionView,
  successStatus: 201,
});

export const getOwnSelfInspection = defineRoute({
  operationId: 'getOwnSelfInspection',
  method: 'GET',
  path: '/api/self-inspections/{entryId}',
  public: false,
  access: ENTERPRISE,
  readOnly: true,
  summary: '企业自纠自查隐患：查看',
  tags: ['self-inspections'],
  params: SelfInspectionIdParams,
  response: SelfInspectionView,
});

export const updateSelfInspection = defineRoute({
  operationId: 'updateSelfInspection',
  method: 'PUT',
  path: '/api/self-inspections/{entryId}',
  public: false,
  access: ENTERPRISE,
  summary: '企业自纠自查隐患：编辑（按打开时的版本；已整改的不能编辑）',
  tags: ['self-inspections'],
  params: SelfInspectionIdParams,
  body: SelfInspectionUpdateInput,
  response: SelfInspectionView,
});

export const completeSelfInspection = defineRoute({
  operationId: 'completeSelfInspection',
  method: 'POST',
  path: '/api/self-inspections/{entryId}/complete',
  public: false,
  access: ENTERPRISE,
  summary: '企业自纠自查隐患：整改完成（整改情况及至少一个附件）',
  tags: ['self-inspections'],
  params: SelfInspectionIdParams,
  body: SelfInspectionRectifyInput,
  response: SelfInspectionView,
});

export const listEnterpriseSelfInspections = defineRoute({
  operationId: 'listEnterpriseSelfInspections',
  method: 'GET',
  path: '/api/self-inspection-registers/{enterpriseId}',
  public: false,
  access: REGULATOR,
  readOnly: true,
  summary: '企业自查自纠管理：某企业的自纠自查隐患（只读，本辖区本类别的企业）',
  tags: ['self-inspections'],
  params: EnterpriseSelfInspectionParams,
  query: SelfInspectionQuery,
  response: SelfInspectionPage,
});

export const getEnterpriseSelfInspection = defineRoute({
  operationId: 'getEnterpriseSelfInspection',
  method: 'GET',
  path: '/api/self-inspection-registers/{enterpriseId}/{entryId}',
  public: false,
  access: REGULATOR,
  readOnly: true,
  summary: '企业自查自纠管理：查看（只读）',
  tags: ['self-inspections'],
  params: EnterpriseSelfInspectionEntryParams,
  response: SelfInspectionView,
});

export const selfInspectionsManifest = defineContext({
  context: 'self-inspections',
  entry: 'functions/self-inspections/handler.ts',
  description: "企业自查自纠: the enterprise's own hazard register, read-only for its regulators",
  routes: [
    listOwnSelfInspections,
    addSelfInspection,
    getOwnSelfInspection,
    updateSelfInspection,
    completeSelfInspection,
    listEnterpriseSelfInspections,
    getEnterpriseSelfInspection,
  ],
  subscriptions: [],
  schedules: [],
  grants: {
    table: {
      write: ['selfInspections', 'attachments', 'sessions', 'audit'],
      read: ['enterprises', 'accounts'],
    },
  },
});
