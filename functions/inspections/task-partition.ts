/**
 * Everything of one inspection task in ONE Query: the task, its team's member rows, its joint departments' rows
 * and its answers share the task's partition (pk = the task's id), so the 登记 page and every write of 登记
 * read the whole state they decide on in one request — consistent when a write depends on it.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { EntityItem } from 'electrodb';
import type { Store } from '../store';
import type { TaskRecord } from './task-scope';

export type AnswerRecord = EntityItem<Store['inspectionAnswers']>;
export type MemberRecord = EntityItem<Store['inspectionTaskMembers']>;
export type JointRowRecord = EntityItem<Store['inspectionJointDepartments']>;

export interface TaskPartition {
  task: TaskRecord | undefined;
  members: MemberRecord[];
  jointRows: JointRowRecord[];
  /** By seq, ascending. */
  answers: AnswerRecord[];
  published: boolean;
}

type Parsable<T> = { parse(r: { Items: Record<string, unknown>[] }): { data: T[] } };

export async function readTaskPartition(
  store: Store,
  taskId: string,
  { consistent }: { consistent: boolean },
): Promise<TaskPartition> {
  const pk = (store.inspectionTasks.get({ taskId }).params() as { Key: { pk: string } }).Key.pk;
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await store.client.send(
      new QueryCommand({
        TableName: store.table,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': 'pk' },
        ExpressionAttributeValues: { ':pk': pk },
        ConsistentRead: consistent,
        ExclusiveStartKey: startKey,
      }),
    );
    items.push(...((page.Items ?? []) as Record<string, unknown>[]));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  // Each entity keeps only its own items (ElectroDB checks the entity marker written with each).
  const of = <T>(entity: unknown) => (entity as Parsable<T>).parse({ Items: items }).data;
  const answers = of<AnswerRecord>(store.inspectionAnswers).sort((a, b) => a.seq - b.seq);
  return {
    task: of<TaskRecord>(store.inspectionTasks)[0],
    members: of<MemberRecord>(store.inspectionTaskMembers),
    jointRows: of<JointRowRecord>(store.inspectionJointDepartments),
    answers,
    published: of<unknown>(store.inspectionResults).length > 0,
  };
}
