/**
 * The 专家库's rules, in the kernel because two contexts write experts: `officers` (the form) and
 * `inspection-sheets` (the Excel import). Who may manage a department's 专家库, what one may see, how a
 * new expert is checked and stored, and what the API shows of one.
 */
import { randomUUID } from 'node:crypto';
import { createWriteTransaction, type EntityItem } from 'electrodb';
import { expertProblems, type ExpertInput, type ExpertView } from '../../../shared/api/officers';
import type { CategoryCode } from '../../../shared/reference/categories';
import type { DepartmentCode } from '../../../shared/reference/departments';
import { regionName } from '../../../shared/reference/regions';
import { doesBusiness } from '../../../shared/reference/roles';
import type { Store } from '../../store';
import { actorOf, transactWithAudit, type AuditJson } from '../audit';
import { itemsOf } from '../transactions';
import type { Regulator } from '../auth/principal';
import type { FieldIssue } from '../../../shared/api/errors';
import { badRequest, forbidden } from '../http/errors';
import { regulatorSees, withinJurisdiction } from '../scope';

export type ExpertRecord = EntityItem<Store['experts']>;

const where = (r: string) => (r === '35' ? '福建省' : regionName(r));

/**
 * 专家库 is managed by the department's 检查人员 (who do business: no admin role) and by its 部门管理员
 * (interfaces.md). The route admits both roles; an inspector who also holds a platform admin role is
 * refused here, as the register refuses them (三员分立).
 */
export function assertManagesExperts(p: Regulator): void {
  if (p.roles.includes('dept-admin') || doesBusiness(p.roles)) return;
  throw forbidden('管理员账号只做系统管理，不办理专家库（三员分立）');
}

/** An expert is the department's: seen by its regulators whose jurisdiction and categories cover it. */
export function seesExpert(p: Regulator, x: Pick<ExpertRecord, 'regionCode' | 'categories' | 'department'>): boolean {
  return regulatorSees(p, { regionCode: x.regionCode, categories: x.categories, department: x.department });
}

/**
 * What an expert's fields must satisfy for this caller, beyond their shape: the region inside the caller's
 * jurisdiction, 专业 within the categories the caller supervises. `path` names each field as the request
 * or the spreadsheet does.
 */
export function expertInputIssues(
  p: Regulator,
  e: Pick<ExpertInput, 'categories' | 'segments' | 'regionCode'>,
  path: (field: string) => string,
  /** Categories the expert already has: an edit may keep them (a colleague with more categories added them). */
  held: readonly string[] = [],
): FieldIssue[] {
  const issues: FieldIssue[] = expertProblems(e, [...p.categories, ...held]).map((x) => ({
    path: path(x.field),
    message: x.message,
  }));
  if (!withinJurisdiction(p, e.regionCode)) {
    issues.push({ path: path('regionCode'), message: `行政区划应在您的辖区（${where(p.regionCode)}）内` });
  }
  return issues;
}

export function assertExpertInput(
  p: Regulator,
  e: Pick<ExpertInput, 'categories' | 'segments' | 'regionCode'>,
  held: readonly string[] = [],
) {
  const issues = expertInputIssues(p, e, (f) => `body.${f}`, held);
  if (issues.length) throw badRequest(issues[0]!.message, issues);
}

export const newExpertId = (): string => `exp-${randomUUID().replaceAll('-', '')}`;

/** A new expert of the caller's department, enabled, version 1. */
export function newExpertRecord(p: Regulator, input: ExpertInput, at: Date, expertId = newExpertId()): ExpertRecord {
  const now = at.toISOString();
  return {
    expertId,
    department: p.department,
    regionCode: input.regionCode,
    name: input.name,
    categories: [...input.categories],
    segments: [...input.segments],
    employer: input.employer,
    phone: input.phone,
    disabled: false,
    conflictCount: 0,
    createdById: p.accountId,
    createdByName: p.name,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
}

export function expertView(x: ExpertRecord): ExpertView {
  return {
    expertId: x.expertId,
    name: x.name,
    categories: [...x.categories] as CategoryCode[],
    segments: [...x.segments],
    employer: x.employer,
    phone: x.phone,
    regionCode: x.regionCode,
    regionName: where(x.regionCode),
    department: x.department as DepartmentCode,
    status: x.disabled ? 'disabled' : 'enabled',
    conflictCount: x.conflictCount,
    createdByName: x.createdByName,
    createdAt: x.createdAt,
    updatedAt: x.updatedAt,
    version: x.version,
  };
}

/** The fields an audit record keeps of an expert (before/after), keys in a fixed order. */
export function auditedExpert(x: ExpertRecord): AuditJson {
  return {
    name: x.name,
    categories: [...x.categories],
    segments: [...x.segments],
    employer: x.employer,
    phone: x.phone,
    regionCode: x.regionCode,
    disabled: x.disabled,
  };
}

/** The phone numbers already in a department's 专家库 (one Query on its index, all pages): import de-duplication. */
export async function departmentPhones(store: Store, department: string): Promise<Set<string>> {
  const { data } = await store.experts.query
    .byDepartment({ department })
    .begins({ regionCode: '35' })
    .go({ pages: 'all', attributes: ['phone'] });
  return new Set(data.map((x) => x.phone));
}

/**
 * 导入: every expert of a checked file, and one audit record naming them, in ONE transaction — all of them or
 * none (EXPERT_IMPORT_MAX_ROWS keeps a file within DynamoDB's 100 items).
 */
export async function importExperts(
  store: Store,
  p: Regulator,
  inputs: readonly ExpertInput[],
  ctx: { sourceIp: string; requestId: string; filename: string },
  at: Date,
): Promise<ExpertRecord[]> {
  const records = inputs.map((input) => newExpertRecord(p, input, at));
  await transactWithAudit(
    store,
    {
      actor: actorOf(p),
      action: 'officers.expert.import',
      object: { type: 'expert-import', label: ctx.filename.slice(0, 100) },
      outcome: 'success',
      sourceIp: ctx.sourceIp,
      requestId: ctx.requestId,
      details: { department: p.department, count: records.length, expertIds: records.map((x) => x.expertId) },
    },
    itemsOf(
      createWriteTransaction({ experts: store.experts }, ({ experts }) =>
        records.map((x) => experts.create(x).commit()),
      ),
    ),
  );
  return records;
}
