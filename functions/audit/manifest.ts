import { AuditLogQuery, AuditLogsResponse, AuditVerifyQuery, AuditVerifyResponse } from '../../shared/api/audit';
import { defineContext, defineRoute } from '../lib/wiring';

/** Only the 审计管理员 reads the audit trail (三员分立: neither 系统管理员 nor 安全管理员 may). */
const AUDITORS = { kind: 'regulator', roles: ['audit-admin'] } as const;

export const listAuditLogs = defineRoute({
  operationId: 'listAuditLogs',
  method: 'GET',
  path: '/api/audit/logs',
  public: false,
  access: AUDITORS,
  readOnly: true,
  summary: '审计日志查询：按日期、操作类型、账号、结果、对象筛选，按时间从新到旧分页',
  tags: ['audit'],
  query: AuditLogQuery,
  response: AuditLogsResponse,
});

export const verifyAuditChains = defineRoute({
  operationId: 'verifyAuditChains',
  method: 'GET',
  path: '/api/audit/verify',
  public: false,
  access: AUDITORS,
  readOnly: true,
  summary: '审计日志完整性校验：逐条重算哈希链，报告第一处被篡改或缺失的记录',
  tags: ['audit'],
  query: AuditVerifyQuery,
  response: AuditVerifyResponse,
});

export const auditManifest = defineContext({
  context: 'audit',
  entry: 'functions/audit/handler.ts',
  description: 'the audit trail: query and hash-chain verification (read only; every context appends its own)',
  routes: [listAuditLogs, verifyAuditChains],
  subscriptions: [],
  schedules: [
    {
      name: 'anchorAuditHeads',
      description:
        'write the heads of the audit shards to the Object Lock bucket (verify checks the table against them)',
      hour: 0,
      minute: 30,
      timeZone: 'Asia/Shanghai',
    },
  ],
  // Reads the table only: records are appended by the contexts whose writes they record (functions/lib/audit).
  // Writes (and reads) the anchors of the chain heads, which no one can change or delete (Object Lock).
  grants: { table: { read: ['audit', 'accounts'], write: ['sessions'] }, auditAnchors: 'readwrite' },
});
