/**
 * Who may administer which accounts. The route lets in 系统管理员 and 部门管理员 (manifest `access`); this
 * module decides, against the account touched, what each may do:
 * - 系统管理员 (sys-admin) and the platform itself (the seed, the registration review): every account;
 * - 部门管理员 (dept-admin): regulator accounts of their own department within their own region prefix,
 *   and never an account of the three separated administrators (三员), nor grant one of those roles.
 * Anything else is a 403 with a message that says why.
 */
import { isPlatformAdmin } from '../../../shared/api/accounts';
import { department, type DepartmentCode } from '../../../shared/reference/departments';
import { regionName, regionPrefixMatches } from '../../../shared/reference/regions';
import type { RoleCode } from '../../../shared/reference/roles';
import type { Principal } from '../auth/principal';
import { forbidden } from '../http/errors';

/** The platform acting on its own behalf: the demo seed, an approved enterprise registration. */
export interface SystemActor {
  kind: 'system';
  /** What is acting, for logs and the audit trail: 'seed', 'registration-review' … */
  label: string;
}

/** A regulator acting through the API (a session's principal fits). */
export interface RegulatorActor {
  kind: 'regulator';
  accountId: string;
  department: string;
  regionCode: string;
  roles: readonly string[];
}

export type AccountsActor = SystemActor | RegulatorActor | Pick<Extract<Principal, { kind: 'enterprise' }>, 'kind'>;

/** Who may administer accounts (a route's `access`); which accounts each may touch is `adminScope`'s decision. */
export const ACCOUNT_ADMINS = { kind: 'regulator', roles: ['sys-admin', 'dept-admin'] } as const;

export const systemActor = (label: string): SystemActor => ({ kind: 'system', label });

export type AdminScope = { all: true } | { all: false; department: DepartmentCode; regionPrefix: string };

/** The accounts an actor may administer; 403 for anyone who may administer none. */
export function adminScope(actor: AccountsActor): AdminScope {
  if (actor.kind === 'system') return { all: true };
  if (actor.kind === 'regulator') {
    if (actor.roles.includes('sys-admin')) return { all: true };
    if (actor.roles.includes('dept-admin')) {
      return { all: false, department: actor.department as DepartmentCode, regionPrefix: actor.regionCode };
    }
  }
  return forbiddenFor('只有系统管理员或部门管理员可以管理账号');
}

function forbiddenFor(message: string): never {
  throw forbidden(message);
}

/** Why `scope` may not hold (create, or act on) this account; null when it may. */
export function scopeProblem(
  scope: AdminScope,
  target: { kind: 'regulator' | 'enterprise'; department?: string; regionCode?: string; roles?: readonly string[] },
): string | null {
  if (scope.all) return null;
  if (target.kind !== 'regulator') return '部门管理员只能管理监管人员账号';
  if (target.department !== scope.department) {
    return `部门管理员只能管理本部门（${department(scope.department).short}）的账号`;
  }
  if (!target.regionCode || !regionPrefixMatches(scope.regionPrefix, target.regionCode)) {
    return `部门管理员只能管理本辖区（${scope.regionPrefix === '35' ? '福建省' : regionName(scope.regionPrefix)}）内的账号`;
  }
  if (isPlatformAdmin((target.roles ?? []) as RoleCode[])) {
    return '系统管理员、安全管理员、审计管理员的账号只能由系统管理员开通和管理';
  }
  return null;
}

/** 403 unless `scope` covers the account. */
export function assertInScope(scope: AdminScope, target: Parameters<typeof scopeProblem>[1]): void {
  const problem = scopeProblem(scope, target);
  if (problem) throw forbidden(problem);
}
