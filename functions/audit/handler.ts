/**
 * The audit context's Lambda: the 审计管理员's query of the audit trail and its integrity check, and the daily
 * job that anchors the chain heads outside the table. Read only on the table — every other context appends
 * its own records (functions/lib/audit) in the transactions of its writes.
 */
import { s3 } from '../lib/clients/s3';
import { config } from '../lib/config';
import { defineHandler } from '../lib/handler';
import { anchorHeads } from './anchors';
import { checkIntegrity } from './integrity';
import { listAuditLogs } from './logs';
import { auditManifest } from './manifest';

const anchorBucket = () => ({ s3, bucket: config.auditAnchorBucket });

export const handler = defineHandler(auditManifest, ({ store }) => ({
  routes: {
    listAuditLogs: async ({ query }) => listAuditLogs(store, query),
    verifyAuditChains: async ({ query }) => checkIntegrity(store, anchorBucket(), query),
  },
  jobs: {
    anchorAuditHeads: async (tick, log) => {
      const anchor = await anchorHeads(store, anchorBucket(), new Date(tick.time));
      log.info('audit heads anchored', { anchoredAt: anchor.anchoredAt, shards: anchor.heads.length });
    },
  },
}));
