/**
 * What the signed-in administrator may choose on the account screens, mirroring the API's rules
 * (functions/accounts/scope.ts) so the forms offer only what will be accepted: 系统管理员 every department,
 * region and role; 部门管理员 their own department, within their own jurisdiction, and none of the three
 * separated administrator roles (三员). The API decides again on every request.
 */
import type { SessionAccount } from '$shared/api/identity';
import { CATEGORIES, categoriesOfDepartment, type CategoryCode } from '$shared/reference/categories';
import { DEPARTMENTS, isDepartmentCode, type DepartmentCode } from '$shared/reference/departments';
import { CITIES, countiesOf, findRegion, PROVINCE } from '$shared/reference/regions';
import { ROLES, isRoleCode, role, type RoleCode } from '$shared/reference/roles';
import type { Option } from '$lib/ui/options';

export interface AdminScope {
  /** 系统管理员: every account. */
  all: boolean;
  /** The administrator's own department: the list's default, and a 部门管理员's only one. */
  department: DepartmentCode;
  /** '35', a city '3505' or a county '350583': a 部门管理员's jurisdiction ('35' for a 系统管理员). */
  regionPrefix: string;
  /** The administrator's own account, which they may neither disable nor reset. */
  accountId: string;
}

export function adminScopeOf(account: SessionAccount): AdminScope {
  const all = (account.roles ?? []).includes('sys-admin');
  const department = account.department && isDepartmentCode(account.department) ? account.department : 'anjian';
  return {
    all,
    department,
    regionPrefix: all ? PROVINCE.code : (account.regionCode ?? PROVINCE.code),
    accountId: account.accountId,
  };
}

/** True for the three separated administrator roles (三员). */
export const isSeparated = (r: string): boolean => isRoleCode(r) && role(r).separated;

export function departmentOptions(scope: AdminScope): Option[] {
  return DEPARTMENTS.filter((d) => scope.all || d.code === scope.department).map((d) => ({
    value: d.code,
    label: d.short,
  }));
}

/** The city part of a region code ('35' for the province itself). */
export function cityPart(code: string): string {
  return code.length >= 4 ? code.slice(0, 4) : PROVINCE.code;
}

/**
 * The first level of the region picker, inside the scope: for an account's own region (`anyLabel` absent)
 * 福建省（省直） and the nine cities; for the list's filter, '' (`anyLabel`: the whole scope) and the cities — not
 * 省直, since the API filters by prefix and '35' is every account of the province.
 */
export function cityOptions(scope: AdminScope, anyLabel?: string): Option[] {
  const prefix = scope.regionPrefix;
  const options: Option[] = [];
  if (anyLabel) options.push({ value: '', label: anyLabel });
  else if (prefix === PROVINCE.code) options.push({ value: PROVINCE.code, label: '福建省（省直）' });
  for (const c of CITIES) {
    if (prefix === PROVINCE.code || cityPart(prefix) === c.code) options.push({ value: c.code, label: c.name });
  }
  return options;
}

/** The second level: the counties of `city` inside the scope, after '' (the city itself, 市本级 / 全市). */
export function countyOptions(scope: AdminScope, city: string, wholeLabel: string): Option[] {
  if (city === '' || city === PROVINCE.code) return [];
  const counties = countiesOf(city).filter((c) => c.code.startsWith(scope.regionPrefix));
  const whole = scope.regionPrefix.length <= 4 ? [{ value: '', label: wholeLabel }] : [];
  return [...whole, ...counties.map((c) => ({ value: c.code, label: c.name }))];
}

/** '福建省（省直）' for 35, else the full name ('福建省泉州市南安市'); the code itself when unknown. */
export function regionLabel(code: string | undefined): string {
  if (!code) return '';
  if (code === PROVINCE.code) return '福建省（省直）';
  return findRegion(code)?.fullName ?? code;
}

/** Roles the administrator may grant (and filter by): a 部门管理员 never the three separated ones. */
export function roleOptions(scope: AdminScope): Option[] {
  return ROLES.filter((r) => scope.all || !r.separated).map((r) => ({ value: r.code, label: r.name }));
}

/**
 * The categories an account of `department` with `roles` may hold (shared/api/accounts.ts,
 * regulatorAccountProblems): the department's own, except that the three separated administrators administer
 * every sub-platform and so may hold any.
 */
export function allowedCategories(department: string, roles: readonly string[]): CategoryCode[] {
  if (roles.some(isSeparated)) return CATEGORIES.map((c) => c.code);
  return isDepartmentCode(department) ? categoriesOfDepartment(department) : [];
}

export function categoryOptions(department: string, roles: readonly string[]): Option[] {
  const allowed = allowedCategories(department, roles);
  return CATEGORIES.filter((c) => allowed.includes(c.code)).map((c) => ({ value: c.code, label: c.name }));
}

/** Whether the row's 停用/启用/重置密码 are offered: not one's own account, and inside the scope. */
export function mayAdminister(
  scope: AdminScope,
  a: { accountId: string; department?: string | undefined; regionCode?: string | undefined; roles: readonly string[] },
): boolean {
  if (a.accountId === scope.accountId) return false;
  if (scope.all) return true;
  return (
    a.department === scope.department &&
    (a.regionCode ?? '').startsWith(scope.regionPrefix) &&
    !a.roles.some((r) => isSeparated(r as RoleCode))
  );
}
