/**
 * The loads of the shells' menu pages: each built screen has its own route file, which names its menu path;
 * this decides, in one place, what a path the session may not open answers.
 */
import { error } from '@sveltejs/kit';
import type { CategoryCode } from '$shared/reference/categories';
import { findTrail, type MenuItem } from './menu';
import { REGULATOR_MENUS } from './regulator-menus';

/**
 * The trail of the regulators' menu page at `segments` in `menu` (the session's menu). A path the menu lacks
 * is a 404 inside the shell; one that names an entry for other roles (系统管理 for a non-admin) is a 403.
 */
export function regulatorPageTrail(
  menu: readonly MenuItem[],
  category: CategoryCode,
  segments: readonly string[],
): MenuItem[] {
  const trail = findTrail(menu, segments);
  if (trail) return trail;
  if (findTrail(REGULATOR_MENUS[category], segments)) error(403, '您的账号没有使用该功能的权限。');
  error(404, '没有这个菜单页面。');
}

/** The trail of the enterprises' menu page at `segments`; a 404 when the menu lacks it. */
export function enterprisePageTrail(menu: readonly MenuItem[], segments: readonly string[]): MenuItem[] {
  return findTrail(menu, segments) ?? error(404, '没有这个菜单页面。');
}
