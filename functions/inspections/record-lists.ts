/**
 * The lists of 登记 (issue 10 §7) and 待办事项 (§9), each page two requests at most: one Query of the caller's
 * member rows (gsi1: officer × state, newest 计划开始 first; 任务类型 and 检查对象 filters inside that key range) and one
 * BatchGet of those tasks for the live columns (检查结果 "共7项,已完成2项", title, 检查对象, 检查部门).
 *
 * - 登记独立检查任务: open tasks of kind 普通 / 双随机 the caller is on; 已完成的独立检查任务: the completed ones.
 * - The joint equivalents: the same lists of kind 联合检查.
 * - 待办事项: the open tasks to register, and the joint tasks the caller's department has not answered yet
 *   (H3's per-department rows, within the caller's jurisdiction), with 计划开始/结束时间.
 */
import { doesBusiness } from '../../shared/reference/roles';
import type { RecordListItem, RecordListQuery, TodoItem, TodoList } from '../../shared/api/inspection-records';
import type { Regulator } from '../lib/auth/principal';
import { withCursor } from '../lib/paging';
import { jurisdictionPrefix, worksIn } from '../lib/scope';
import type { Store } from '../store';
import { mayDelete } from './registration';
import type { TaskRecord } from './task-scope';

/** Rows read per row wanted while a filter (任务类型, 检查对象) thins the key range out. */
const FILTER_READ_AHEAD = 3;

async function tasksOf(store: Store, ids: readonly string[]): Promise<Map<string, TaskRecord>> {
  if (!ids.length) return new Map();
  const { data } = await store.inspectionTasks.get(ids.map((taskId) => ({ taskId }))).go();
  return new Map(data.map((t) => [t.taskId, t as TaskRecord]));
}

function listItem(p: Regulator, t: TaskRecord): RecordListItem {
  return {
    taskId: t.taskId,
    kind: t.kind,
    title: t.title,
    enterpriseId: t.enterpriseId,
    enterpriseName: t.enterpriseName,
    itemCount: t.checklist.itemCount,
    answeredCount: t.answeredCount,
    unsatisfiedCount: t.unsatisfiedCount,
    plannedStart: t.plannedStart,
    plannedEnd: t.plannedEnd,
    department: t.department,
    status: t.status,
    ...(t.completedAt ? { completedAt: t.completedAt } : {}),
    ...(t.publishedAt ? { publishedAt: t.publishedAt } : {}),
    deletable: mayDelete(p, t),
  };
}

export async function recordList(
  store: Store,
  p: Regulator,
  q: RecordListQuery,
): Promise<{ items: RecordListItem[]; cursor: string | null }> {
  const kinds = q.scope === 'joint' ? ['joint'] : q.kind && q.kind !== 'joint' ? [q.kind] : ['independent', 'random'];
  if (q.scope === 'independent' && q.kind === 'joint') return { items: [], cursor: null };
  const page = await withCursor(q.cursor, () =>
    store.inspectionTaskMembers.query
      .byOfficer({ officerId: p.accountId })
      .begins({ state: q.status })
      .where((a, op) => {
        const kind =
          kinds.length === 1
            ? op.eq(a.kind, kinds[0]!)
            : `(${op.eq(a.kind, kinds[0]!)} OR ${op.eq(a.kind, kinds[1]!)})`;
        // 检查对象: a part of the enterprise's name, on the member row itself (one Query still).
        return q.enterprise ? `${kind} AND ${op.contains(a.enterpriseName, q.enterprise)}` : kind;
      })
      .go({ count: q.limit, limit: q.limit * FILTER_READ_AHEAD, cursor: q.cursor ?? null, order: 'desc' }),
  );
  const tasks = await tasksOf(
    store,
    page.data.map((m) => m.taskId),
  );
  return {
    items: page.data.flatMap((m) => {
      const t = tasks.get(m.taskId);
      // A row whose task moved on meanwhile (the copy is written in the same transaction, so only a page read
      // between the two index updates) is left out rather than shown in the wrong list.
      return t && t.status === q.status ? [listItem(p, t)] : [];
    }),
    cursor: page.cursor ?? null,
  };
}

/** Rows the 首页 panel shows of each kind. */
const TODO_LIMIT = 10;

/**
 * 待办事项. Admin roles do no inspection business (三员分立): their list is empty. Three requests: the two
 * Queries at once, then one BatchGet of the tasks they name.
 */
export async function todoList(store: Store, p: Regulator): Promise<TodoList> {
  if (!doesBusiness(p.roles) || !(p.roles as string[]).includes('inspector')) {
    return { items: [], toRegister: 0, toAnswer: 0, more: false };
  }
  const [mine, joint] = await Promise.all([
    store.inspectionTaskMembers.query
      .byOfficer({ officerId: p.accountId })
      .begins({ state: 'open' })
      .go({ limit: TODO_LIMIT + 1, order: 'asc' }),
    store.inspectionJointDepartments.query
      .byDepartment({ department: p.department })
      .begins({ enterpriseRegionCode: jurisdictionPrefix(p) })
      .where(
        (a, op) =>
          `${op.eq(a.answer, 'pending')} AND ${op.eq(a.state, 'awaiting-answers')} AND ${op.eq(a.role, 'participant')}`,
      )
      .go({ count: TODO_LIMIT + 1, limit: 200, order: 'desc' }),
  ]);
  const register = mine.data.slice(0, TODO_LIMIT);
  const answer = joint.data.slice(0, TODO_LIMIT);
  const tasks = await tasksOf(store, [...new Set([...register, ...answer].map((r) => r.taskId))]);
  const row = (kind: TodoItem['kind'], t: TaskRecord): TodoItem => ({
    kind,
    taskId: t.taskId,
    taskKind: t.kind,
    title: t.title,
    enterpriseName: t.enterpriseName,
    plannedStart: t.plannedStart,
    plannedEnd: t.plannedEnd,
    department: t.department,
    ...(kind === 'register' ? { itemCount: t.checklist.itemCount, answeredCount: t.answeredCount } : {}),
  });
  const items: TodoItem[] = [
    ...register.flatMap((m) => {
      const t = tasks.get(m.taskId);
      return t?.status === 'open' ? [row('register', t)] : [];
    }),
    ...answer.flatMap((r) => {
      const t = tasks.get(r.taskId);
      // A participant answers for the category it supervises: the task's category must be one of the account's.
      return t?.status === 'awaiting-answers' && worksIn(p, t.category) ? [row('answer', t)] : [];
    }),
  ];
  return {
    items,
    toRegister: items.filter((i) => i.kind === 'register').length,
    toAnswer: items.filter((i) => i.kind === 'answer').length,
    more: mine.data.length > TODO_LIMIT || joint.data.length > TODO_LIMIT,
  };
}
