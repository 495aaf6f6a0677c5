/**
 * The integrity check the 审计管理员 runs: every shard's chain recomputed from its first retained record
 * to its head (functions/lib/audit/verify.ts), then checked against the heads anchored outside the table
 * (functions/audit/anchors.ts) — which is what catches a rewritten tail — reported shard by shard.
 */
import type { AuditVerifyQuery, AuditVerifyResponse } from '../../shared/api/audit';
import { AUDIT_SHARDS, verifyChains, type AuditStore } from '../lib/audit';
import { checkAnchors, readAnchors, type AnchorBucket } from './anchors';

export async function checkIntegrity(
  store: AuditStore,
  anchorBucket: AnchorBucket,
  query: AuditVerifyQuery,
  now: () => Date = () => new Date(),
): Promise<AuditVerifyResponse> {
  const shards = query.shard === undefined ? Array.from({ length: AUDIT_SHARDS }, (_, i) => i) : [query.shard];
  const [chains, anchors] = await Promise.all([verifyChains(store, shards, { now }), readAnchors(anchorBucket)]);
  const results = await Promise.all(
    chains.map(async (r) => {
      if (!r.ok) return r;
      const brokenAt = await checkAnchors(store, r.shard, anchors, now());
      return brokenAt ? { ...r, ok: false, brokenAt } : r;
    }),
  );
  return {
    ok: results.every((r) => r.ok),
    checkedAt: now().toISOString(),
    shards: results,
  };
}
