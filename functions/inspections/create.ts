/**
 * 创建独立检查任务 (issue 10 §3) and 联合检查 (§6): one task per 检查对象, all of one 创建 in ONE transaction with
 * their team's rows, burden counts, attachments' links and the audit record — written whole or not at all.
 */
import type { CreateIndependentInput, CreateJointInput } from '../../shared/api/inspections';
import { actorOf, transactWithAudit, type AuditJson, type TransactItem } from '../lib/audit';
import type { Regulator } from '../lib/auth/principal';
import { badRequest } from '../lib/http/errors';
import type { Store } from '../store';
import { categoriesOfDepartment } from '../../shared/reference/categories';
import { department } from '../../shared/reference/departments';
import {
  assertNoConflicts,
  checkDates,
  chooseChecklist,
  chooseExperts,
  chooseTeam,
  loadEnterprises,
  type PlannedEnterprise,
} from './plan';
import type { TaskRecord } from './task-scope';
import { assertFits, newBatchId, newTaskId, taskWriteItems } from './task-writes';

export interface RequestCtx {
  requestId: string;
  sourceIp: string;
}

/** Links a task's uploaded attachments to it (functions/lib/attachments/link.ts, supplied by the handler). */
export type LinkAttachments = (
  p: Regulator,
  ids: readonly string[],
  link: { enterpriseId: string; regionCode: string; categories: readonly string[]; requestId: string },
) => Promise<TransactItem[]>;

export async function createIndependent(
  store: Store,
  p: Regulator,
  input: CreateIndependentInput,
  ctx: RequestCtx,
  link: LinkAttachments,
  now = new Date(),
) {
  return createTasks(store, p, { ...input, kind: 'independent' }, ctx, link, now);
}

export async function createJoint(
  store: Store,
  p: Regulator,
  input: CreateJointInput,
  ctx: RequestCtx,
  link: LinkAttachments,
  now = new Date(),
) {
  const departments = [...new Set(input.departments)];
  if (departments.includes(p.department)) throw badRequest('参检部门应为本部门以外的部门');
  const outside = departments.find((d) => !categoriesOfDepartment(d).includes(p.category));
  if (outside) throw badRequest(`${department(outside).short}部门不监管本类物品，不能作为参检部门`);
  return createTasks(store, p, { ...input, departments, kind: 'joint' }, ctx, link, now);
}

type Input = CreateIndependentInput & ({ kind: 'independent' } | { kind: 'joint'; departments: string[] });

async function createTasks(
  store: Store,
  p: Regulator,
  input: Input,
  ctx: RequestCtx,
  link: LinkAttachments,
  now: Date,
) {
  checkDates(input.plannedStart, input.plannedEnd);
  if (input.attachmentIds.length && input.enterpriseIds.length > 1) {
    throw badRequest('选择多个检查对象时不能添加附件：附件属于一个检查任务，请只选择一家企业');
  }
  const [enterprises, checklist, officers, experts] = await Promise.all([
    loadEnterprises(store, p, input.enterpriseIds),
    chooseChecklist(store, p, input.kind, input),
    chooseTeam(store, p, input.officerIds),
    chooseExperts(store, p, input.expertIds),
  ]);
  await assertNoConflicts(store, officers, experts, enterprises);

  const batchId = newBatchId();
  const createdAt = now.toISOString();
  const tasks: TaskRecord[] = enterprises.map((e) =>
    newTask(p, {
      batchId,
      createdAt,
      kind: input.kind,
      title: input.title,
      enterprise: e,
      plannedStart: input.plannedStart,
      plannedEnd: input.plannedEnd,
      inspectionType: input.inspectionType,
      form: input.form,
      checklist,
      officers,
      experts,
      remark: input.remark,
      attachmentIds: input.attachmentIds,
      ...(input.kind === 'joint' ? { departments: input.departments } : {}),
    }),
  );
  const own = taskWriteItems(store, tasks);
  const linked = input.attachmentIds.length
    ? await link(p, input.attachmentIds, {
        enterpriseId: tasks[0]!.enterpriseId,
        regionCode: tasks[0]!.enterpriseRegionCode,
        categories: [tasks[0]!.category],
        requestId: tasks[0]!.taskId,
      })
    : [];
  assertFits(own.length + linked.length, tasks.length);
  await transactWithAudit(
    store,
    {
      actor: actorOf(p),
      action: input.kind === 'joint' ? 'inspection.joint.create' : 'inspection.task.create',
      object: { type: 'inspectionBatch', id: batchId, label: input.title },
      outcome: 'success',
      sourceIp: ctx.sourceIp,
      requestId: ctx.requestId,
      details: auditDetails(tasks),
    },
    [...own, ...linked],
  );
  return { batchId, taskIds: tasks.map((t) => t.taskId) };
}

export function auditDetails(tasks: readonly TaskRecord[]): AuditJson {
  return {
    tasks: tasks.map((t) => ({ taskId: t.taskId, enterpriseId: t.enterpriseId })),
    officers: (tasks[0]?.officers ?? []).map((o) => o.officerId),
    ...(tasks[0]?.drawId ? { drawId: tasks[0].drawId } : {}),
  };
}

export interface NewTaskSpec {
  batchId: string;
  createdAt: string;
  kind: TaskRecord['kind'];
  title: string;
  enterprise: PlannedEnterprise;
  plannedStart: string;
  plannedEnd: string;
  inspectionType: 'full' | 'special';
  form: 'open' | 'covert';
  checklist: {
    ref: { checklistId: string; version: number; name: string; revision?: string };
    itemSeqs?: number[];
    itemCount: number;
  };
  officers: { officerId: string; name: string }[];
  experts: { expertId: string; name: string }[];
  remark?: string | undefined;
  attachmentIds: string[];
  drawId?: string;
  departments?: string[];
}

/** A task record as every creation writes it. */
export function newTask(
  p: Pick<Regulator, 'accountId' | 'name' | 'category' | 'department' | 'regionCode'>,
  s: NewTaskSpec,
): TaskRecord {
  return {
    taskId: newTaskId(),
    batchId: s.batchId,
    kind: s.kind,
    title: s.title,
    category: p.category,
    department: p.department,
    regionCode: p.regionCode,
    enterpriseId: s.enterprise.enterpriseId,
    enterpriseName: s.enterprise.name,
    ...(s.enterprise.uscc ? { uscc: s.enterprise.uscc } : {}),
    enterpriseRegionCode: s.enterprise.regionCode,
    plannedStart: s.plannedStart,
    plannedEnd: s.plannedEnd,
    inspectionType: s.inspectionType,
    form: s.form,
    checklist: {
      checklistId: s.checklist.ref.checklistId,
      version: s.checklist.ref.version,
      name: s.checklist.ref.name,
      itemCount: s.checklist.itemCount,
      ...(s.checklist.ref.revision ? { revision: s.checklist.ref.revision } : {}),
    },
    ...(s.checklist.itemSeqs ? { itemSeqs: s.checklist.itemSeqs } : {}),
    officers: s.officers,
    experts: s.experts,
    ...(s.remark ? { remark: s.remark } : {}),
    attachmentIds: s.attachmentIds,
    ...(s.drawId ? { drawId: s.drawId } : {}),
    ...(s.departments
      ? { joint: { departments: s.departments.map((department) => ({ department, answer: 'pending' as const })) } }
      : {}),
    status: s.departments ? 'awaiting-answers' : 'open',
    answeredCount: 0,
    unsatisfiedCount: 0,
    createdBy: { accountId: p.accountId, name: p.name },
    createdAt: s.createdAt,
    version: 1,
  };
}
