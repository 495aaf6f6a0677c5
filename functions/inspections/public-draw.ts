/**
 * The public record of a draw (issue 10 §5), for anyone to re-run: only once the draw's tasks are published
 * (一公开: every task created from it, not deleted, has publishedAt); before that — or for a draw never used —
 * 404, as for one that doesn't exist. Officer and expert ids are the draw's pseudonyms; the salt, the
 * pseudonym map, names and who drew stay private.
 */
import type { PublicDraw } from '../../shared/api/inspections';
import type { DrawResult } from '../../shared/inspections/draw';
import { notFound } from '../lib/http/errors';
import type { Store } from '../store';

const unpublished = () => notFound('抽取记录不存在或尚未公开');

export async function drawPublished(store: Store, batchId: string): Promise<boolean> {
  const { data } = await store.inspectionTasks.query.byBatch({ batchId }).go({ pages: 'all' });
  const live = data.filter((t) => t.status !== 'deleted');
  return live.length > 0 && live.every((t) => Boolean(t.publishedAt));
}

export async function publicDraw(store: Store, drawId: string): Promise<PublicDraw> {
  const { data: d } = await store.inspectionDraws.get({ drawId }).go();
  if (!d?.batchId || !(await drawPublished(store, d.batchId))) throw unpublished();
  const result = d.result as DrawResult;
  return {
    algorithm: d.algorithm,
    seed: d.seed,
    commitment: d.commitment,
    snapshotHash: d.snapshotHash,
    enterprises: d.enterprises.map((e) => ({ id: e.id, regionCode: e.regionCode })),
    officers: d.officers.map((o) => ({ id: o.id, regionCode: o.regionCode })),
    experts: d.experts.map((x) => ({ id: x.id })),
    conflicts: d.conflicts.map((c) => ({ officerId: c.officerId, enterpriseId: c.enterpriseId })),
    params: {
      enterpriseQuotas: d.enterpriseQuotas.map((q) => ({ regionPrefix: q.regionPrefix, count: q.count })),
      officerQuotas: d.officerQuotas.map((q) => ({ regionPrefix: q.regionPrefix, count: q.count })),
      teamSize: d.teamSize,
      expertCount: d.expertCount,
    },
    result: {
      enterprises: result.enterprises.map((e) => ({ id: e.id, officers: [...e.officers] })),
      experts: [...result.experts],
    },
    attempt: d.attempt,
    previousDrawIds: [...d.previousDrawIds],
  };
}
