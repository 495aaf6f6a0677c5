/**
 * Who sees an inspection task — the one rule of the `inspections` context, on top of functions/lib/scope.ts:
 * - its team (the officers on it) always;
 * - regulators of its department whose jurisdiction covers the task's region (`regulatorSees`);
 * - for a joint task, inspectors of a participating department (not dropped) whose jurisdiction covers the
 *   enterprise, in the task's category.
 * Anyone else gets 404, so nobody learns what exists outside their scope.
 */
import type { Regulator } from '../lib/auth/principal';
import { notFound } from '../lib/http/errors';
import { regulatorSees, withinJurisdiction, worksIn } from '../lib/scope';
import type { Store } from '../store';
import type { EntityItem } from 'electrodb';
import type { inspectionTaskModel } from '../store/entities/inspection-task';

export type TaskRecord = EntityItem<ReturnType<typeof inspectionTaskModel>>;

export function taskVisibleTo(p: Regulator, t: TaskRecord): boolean {
  if (t.officers?.some((o) => o.officerId === p.accountId)) return true;
  if (regulatorSees(p, { regionCode: t.regionCode, categories: [t.category], department: t.department })) return true;
  return (
    t.kind === 'joint' &&
    (t.joint?.departments ?? []).some((d) => d.department === p.department) &&
    worksIn(p, t.category) &&
    withinJurisdiction(p, t.enterpriseRegionCode)
  );
}

export const taskNotFound = () => notFound('检查任务不存在或不在您的监管范围内');

/** The task, 404 when missing, deleted or out of the caller's scope. */
export async function visibleTask(store: Store, p: Regulator, taskId: string): Promise<TaskRecord> {
  const { data } = await store.inspectionTasks.get({ taskId }).go();
  if (!data || data.status === 'deleted' || !taskVisibleTo(p, data)) throw taskNotFound();
  return data;
}
