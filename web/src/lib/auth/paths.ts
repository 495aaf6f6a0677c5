/**
 * Where signing in leads: the login page, the step pages and the home of each signed-in shell, and the one
 * function that navigates to them. A regulator's pages belong to the category platform in the URL, so the
 * same account signs in to 民爆物品 and returns to 民爆物品.
 */
import { goto } from '$app/navigation';
import { resolve } from '$app/paths';
import type { ResolvedPathname } from '$app/types';
import type { SessionStage } from '$shared/api/identity';
import { isCategoryCode, type CategoryCode } from '$shared/reference/categories';
import type { ShellRef } from '$lib/shell/shell';

export function loginPath(shell: ShellRef): ResolvedPathname {
  return shell.kind === 'platform'
    ? resolve('/platform/[category=category]/login', { category: shell.category })
    : resolve('/enterprise/login');
}

export function homePath(shell: ShellRef): ResolvedPathname {
  return shell.kind === 'platform'
    ? resolve('/platform/[category=category]/(app)', { category: shell.category })
    : resolve('/enterprise/(app)');
}

/** 修改密码: the forced change of a new session and the voluntary one from the header. */
export function passwordPath(shell: ShellRef): ResolvedPathname {
  return shell.kind === 'platform'
    ? resolve('/platform/[category=category]/(app)/password', { category: shell.category })
    : resolve('/enterprise/(app)/password');
}

/** 动态口令验证 / 绑定动态口令 (regulators only). */
export function totpPath(category: CategoryCode): ResolvedPathname {
  return resolve('/platform/[category=category]/(app)/totp', { category });
}

/** The seed's 账号没有配置该物品类别的权限 page. */
export function noPermissionPath(category: CategoryCode): ResolvedPathname {
  return resolve('/platform/[category=category]/no-permission', { category });
}

/** The page a session at `stage` has to finish; `null` once it is active. */
export function stepPath(shell: ShellRef, stage: SessionStage): ResolvedPathname | null {
  if (stage === 'password-change') return passwordPath(shell);
  if ((stage === 'totp' || stage === 'totp-enrolment') && shell.kind === 'platform') return totpPath(shell.category);
  return null;
}

/** The signed-in shell a path belongs to (`/platform/explosives/…`, `/enterprise/…`), if any. */
export function shellOfPath(pathname: string): ShellRef | null {
  const m = /^\/platform\/([^/]+)(?:\/|$)/.exec(pathname);
  if (m) return m[1] && isCategoryCode(m[1]) ? { kind: 'platform', category: m[1] } : null;
  if (pathname === '/enterprise' || pathname.startsWith('/enterprise/')) return { kind: 'enterprise' };
  return null;
}

/** Pages of a shell that are not the signed-in area itself: going back to them after a new login is pointless. */
const NOT_A_RETURN: readonly string[] = ['login', 'register', 'no-permission', 'password', 'totp'];

/**
 * Whether `path` (pathname + search, from our own sessionStorage) is a page of `shell` worth returning to
 * after signing in again. Only same-origin absolute paths inside the shell qualify.
 */
export function isReturnPath(path: string, shell: ShellRef): boolean {
  if (!path.startsWith('/') || path.startsWith('//') || path.includes('\\')) return false;
  const pathname = path.split(/[?#]/)[0] ?? '';
  const s = shellOfPath(pathname);
  if (
    !s ||
    s.kind !== shell.kind ||
    (s.kind === 'platform' && shell.kind === 'platform' && s.category !== shell.category)
  )
    return false;
  const base = shell.kind === 'platform' ? `/platform/${shell.category}` : '/enterprise';
  const first = pathname.slice(base.length).split('/').filter(Boolean)[0];
  return first === undefined || !NOT_A_RETURN.includes(first);
}

/**
 * Client-side navigation to one of our pages. Callers pass a path from `resolve()` (the type says so), which is
 * what the `no-navigation-without-resolve` rule wants; it can't follow the value through a parameter.
 */
export function navigate(to: ResolvedPathname, options: { replaceState?: boolean } = {}): Promise<void> {
  // eslint-disable-next-line svelte/no-navigation-without-resolve -- `to` is a ResolvedPathname, see above
  return goto(to, options);
}
