import { HealthResponse, OpenApiDocument } from '../../shared/api/platform';
import { defineContext, defineRoute } from '../lib/wiring';

/** The platform context: what the platform says about itself, and its housekeeping schedule. */
export const getHealth = defineRoute({
  operationId: 'getHealth',
  method: 'GET',
  path: '/api/health',
  public: true,
  summary: '健康检查：版本、数据存储是否可达',
  tags: ['platform'],
  response: HealthResponse,
});

export const getOpenApi = defineRoute({
  operationId: 'getOpenApi',
  method: 'GET',
  path: '/api/openapi.json',
  public: true,
  summary: 'API 说明文档（OpenAPI 3.1，由 shared/ 中的 zod 模式生成）',
  tags: ['platform'],
  response: OpenApiDocument,
});

export const platformManifest = defineContext({
  context: 'platform',
  entry: 'functions/platform/handler.ts',
  description: 'health, API description, daily housekeeping',
  routes: [getHealth, getOpenApi],
  subscriptions: [],
  schedules: [
    {
      name: 'daily',
      description: '每日 01:00 例行任务：记录调度心跳（预警扫描等任务随各业务上线加入）',
      hour: 1,
      minute: 0,
      timeZone: 'Asia/Shanghai',
    },
  ],
  grants: { table: { write: ['scheduleRuns'] } },
});
