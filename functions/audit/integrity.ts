/**
 * The integrity check the 审计管理员 runs: every shard's chain recomputed from its first retained record
 * to its head (functions/lib/audit/verify.ts), reported shard by shard.
 */
import type { AuditVerifyQuery, AuditVerifyResponse } from '../../shared/api/audit';
import { AUDIT_SHARDS, verifyChains, type AuditStore } from '../lib/audit';

export async function checkIntegrity(
  store: AuditStore,
  query: AuditVerifyQuery,
  now: () => Date = () => new Date(),
): Promise<AuditVerifyResponse> {
  const shards = query.shard === undefined ? Array.from({ length: AUDIT_SHARDS }, (_, i) => i) : [query.shard];
  const results = await verifyChains(store, shards, { now });
  return {
    ok: results.every((r) => r.ok),
    checkedAt: now().toISOString(),
    shards: results,
  };
}
