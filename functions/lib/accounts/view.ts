import type { EntityItem } from 'electrodb';
import type { AccountView } from '../../../shared/api/accounts';
import { CATEGORY_CODES } from '../../../shared/reference/categories';
import { findRegion } from '../../../shared/reference/regions';
import { ROLE_CODES } from '../../../shared/reference/roles';
import type { Store } from '../../store';

export type Account = EntityItem<Store['accounts']>;

/** '福建省（省直）' for 35, else the full name ('福建省泉州市晋江市'). */
export function regionLabel(code: string | undefined): string | undefined {
  if (!code) return undefined;
  if (code === '35') return '福建省（省直）';
  return findRegion(code)?.fullName;
}

/** What an administrator may see of an account: no password hash, no second-factor secret. */
export function accountView(a: Account): AccountView {
  const regionName = regionLabel(a.regionCode);
  return {
    accountId: a.accountId,
    kind: a.kind,
    login: a.login,
    name: a.name,
    ...(a.mobile ? { mobile: a.mobile } : {}),
    ...(a.department ? { department: a.department as AccountView['department'] } : {}),
    ...(a.regionCode ? { regionCode: a.regionCode } : {}),
    ...(regionName ? { regionName } : {}),
    // In the reference order (监管入口's order of categories; roles from inspector up), not storage order.
    categories: CATEGORY_CODES.filter((c) => a.categories?.includes(c)),
    roles: ROLE_CODES.filter((r) => a.roles?.includes(r)),
    ...(a.enterpriseId ? { enterpriseId: a.enterpriseId } : {}),
    status: a.disabled ? 'disabled' : 'enabled',
    mustChangePassword: a.mustChangePassword,
    totpEnrolled: Boolean(a.totpSecret),
    createdAt: a.createdAt,
    version: a.version,
  };
}
