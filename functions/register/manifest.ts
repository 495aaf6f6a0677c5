import { UnitListPage, UnitListParams, UnitListQuery } from '../../shared/api/register';
import { defineContext, defineRoute } from '../lib/wiring';

/** The register of enterprises (单位信息管理). This first route lists; the change workflow follows. */
export const listUnits = defineRoute({
  operationId: 'listUnits',
  method: 'GET',
  path: '/api/register/units/{category}/{segment}',
  public: false,
  access: { kind: 'regulator' },
  summary: '单位信息管理：某物品类别某环节的从业单位列表（本辖区）',
  tags: ['register'],
  params: UnitListParams,
  query: UnitListQuery,
  response: UnitListPage,
});

export const registerManifest = defineContext({
  context: 'register',
  entry: 'functions/register/handler.ts',
  description: 'the enterprise register: unit lists (change requests to follow)',
  routes: [listUnits],
  subscriptions: [],
  schedules: [],
  grants: { table: 'read' },
});
