/**
 * A task's status is copied on its team's member rows (the 登记 lists read them by state) and on its joint
 * departments' rows: whoever moves the task's status moves these in the same transaction — these are the items.
 */
import { createWriteTransaction } from 'electrodb';
import type { InspectionStatus } from '../store/entities/inspection-task';
import { itemsOf, type TransactItem } from '../lib/transactions';
import type { Store } from '../store';
import type { TaskPartition } from './task-partition';

export function statusCopyItems(store: Store, part: TaskPartition, status: InspectionStatus): TransactItem[] {
  if (!part.members.length && !part.jointRows.length) return [];
  return itemsOf(
    createWriteTransaction(
      { members: store.inspectionTaskMembers, joint: store.inspectionJointDepartments },
      ({ members, joint }) => [
        // The state is part of the member row's index key: the whole row is written again.
        ...part.members.map((m) => members.put({ ...m, state: status }).commit()),
        ...part.jointRows.map((r) =>
          joint.patch({ taskId: r.taskId, department: r.department }).set({ state: status }).commit(),
        ),
      ],
    ),
  );
}
