/**
 * The audit context's Lambda: the 审计管理员's query of the audit trail and its integrity check. Read only —
 * every other context appends its own records (functions/lib/audit) in the transactions of its writes.
 */
import { defineHandler } from '../lib/handler';
import { checkIntegrity } from './integrity';
import { listAuditLogs } from './logs';
import { auditManifest } from './manifest';

export const handler = defineHandler(auditManifest, ({ store }) => ({
  routes: {
    listAuditLogs: async ({ query }) => listAuditLogs(store, query),
    verifyAuditChains: async ({ query }) => checkIntegrity(store, query),
  },
}));
