import { Dashboard, DashboardQuery, EnterpriseDashboard } from '../../shared/api/dashboard';
import { defineContext, defineRoute } from '../lib/wiring';

/**
 * 首页 dashboards (issue 12 §4): read-only, built from counters and the caller's own partitions. Any regulator may
 * read the figures of their jurisdiction and categories (scope in regulator.ts); an enterprise only its own.
 */
export const getDashboard = defineRoute({
  operationId: 'getDashboard',
  method: 'GET',
  path: '/api/dashboard',
  public: false,
  access: { kind: 'regulator' },
  readOnly: true,
  summary: '首页：统计数据（各环节从业单位、本年度检查与隐患）与预警信息，按辖区逐级（省 → 市 → 县）查看',
  tags: ['dashboard'],
  query: DashboardQuery,
  response: Dashboard,
});

export const getEnterpriseDashboard = defineRoute({
  operationId: 'getEnterpriseDashboard',
  method: 'GET',
  path: '/api/dashboard/enterprise',
  public: false,
  access: { kind: 'enterprise' },
  readOnly: true,
  summary: '企业首页：待整改隐患（整改期限）、临期或过期的许可证与人员证书、未读消息',
  tags: ['dashboard'],
  response: EnterpriseDashboard,
});

export const dashboardManifest = defineContext({
  context: 'dashboard',
  entry: 'functions/dashboard/handler.ts',
  description: "首页: the regulators' 统计数据 and 预警信息 by jurisdiction, the enterprise's 待办 — from counters",
  routes: [getDashboard, getEnterpriseDashboard],
  subscriptions: [],
  schedules: [],
  publishes: [],
  grants: {
    table: {
      write: [],
      read: [
        'sessions',
        'enterpriseCounters',
        'statsCounters',
        'hazards',
        'licences',
        'personnel',
        'inboxCounters',
        'warningCounters',
        // Only warningCounts is called; `warnings` is in the same kernel module (readWarning), which the grants
        // test counts as reached.
        'warnings',
      ],
    },
  },
});
