/**
 * The audit context's Lambda: the 审计管理员's query of the audit trail and its integrity check. Read only —
 * every other context appends its own records (functions/lib/audit) in the transactions of its writes.
 */
import { documents } from '../lib/clients/dynamodb';
import { s3 } from '../lib/clients/s3';
import { config } from '../lib/config';
import { contextHandler } from '../lib/dispatch';
import { httpRoute } from '../lib/http/route';
import { createLogger } from '../lib/logger';
import { createStore, type Store } from '../store';
import { anchorHeads } from './anchors';
import { checkIntegrity } from './integrity';
import { listAuditLogs } from './logs';
import { auditManifest, listAuditLogs as listRoute, verifyAuditChains as verifyRoute } from './manifest';

const logger = createLogger('audit');

let store: Store | undefined;
/** Built on first use: the table name is known only once the environment is set. */
const storeOf = (): Store => (store ??= createStore(documents, config.tableName));
const anchorBucket = () => ({ s3, bucket: config.auditAnchorBucket });

export const handler = contextHandler(
  auditManifest,
  {
    routes: {
      listAuditLogs: httpRoute(listRoute, async ({ query }) => listAuditLogs(storeOf(), query), logger),
      verifyAuditChains: httpRoute(
        verifyRoute,
        async ({ query }) => checkIntegrity(storeOf(), anchorBucket(), query),
        logger,
      ),
    },
    jobs: {
      anchorAuditHeads: async (tick, log) => {
        const anchor = await anchorHeads(storeOf(), anchorBucket(), new Date(tick.time));
        log.info('audit heads anchored', { anchoredAt: anchor.anchoredAt, shards: anchor.heads.length });
      },
    },
  },
  logger,
);
