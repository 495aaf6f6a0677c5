/**
 * Regulator roles (README: Demo data and accounts). Codes are ascii slugs stored on accounts; names are what the screens show.
 * `admin` roles need a second factor (TOTP) at login. 系统管理员, 安全管理员 and 审计管理员 are the three
 * separated administrators (三员分立) of 等保2.0: one account never holds two of them, so no single admin
 * can both act and erase the trace of acting.
 */
export const ROLES = [
  { code: 'inspector', name: '检查人员', admin: false, separated: false },
  { code: 'reviewer', name: '审核人员', admin: false, separated: false },
  { code: 'dept-admin', name: '部门管理员', admin: true, separated: false },
  { code: 'sys-admin', name: '系统管理员', admin: true, separated: true },
  { code: 'sec-admin', name: '安全管理员', admin: true, separated: true },
  { code: 'audit-admin', name: '审计管理员', admin: true, separated: true },
] as const;

export type RoleCode = (typeof ROLES)[number]['code'];
export type Role = (typeof ROLES)[number];

export const ROLE_CODES = ROLES.map((r) => r.code) as [RoleCode, ...RoleCode[]];

const byCode = new Map<string, Role>(ROLES.map((r) => [r.code, r]));

export function isRoleCode(code: string): code is RoleCode {
  return byCode.has(code);
}

export function role(code: RoleCode): Role {
  const r = byCode.get(code);
  if (!r) throw new Error(`unknown role ${code}`);
  return r;
}

/** True when the roles need a second factor at login. */
export function requiresSecondFactor(roles: readonly RoleCode[]): boolean {
  return roles.some((r) => role(r).admin);
}

/**
 * Whether an account may do the register's business — file 新增企业 / 删除企业 / 企业信息纠错, review change
 * requests and self-registrations: a 检查人员 or 审核人员 that holds no admin role. The admin roles (三员 and
 * 部门管理员) administer the platform; they do not act on what they administer (三员分立), even if an
 * account was also given a business role. The API checks it (route `access.business`); the web hides the
 * actions by the same rule.
 */
export function doesBusiness(roles: readonly string[]): boolean {
  const known = roles.filter(isRoleCode).map(role);
  return known.some((r) => !r.admin) && !known.some((r) => r.admin);
}

/** True when the roles break 三员分立: two or more of the separated admin roles on one account. */
export function violatesSeparationOfDuties(roles: readonly RoleCode[]): boolean {
  return new Set(roles.filter((r) => role(r).separated)).size > 1;
}
