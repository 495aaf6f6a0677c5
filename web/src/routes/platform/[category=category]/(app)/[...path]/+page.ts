import { error, redirect } from '@sveltejs/kit';
import { resolve } from '$app/paths';
import { findTrail, firstLeaf, menuPath, pathSegments } from '$lib/nav/menu';
import { REGULATOR_MENUS } from '$lib/nav/regulator-menus';
import type { PageLoad } from './$types';

/**
 * Every menu entry the session may see has a page here. A path that names none is a 404 inside the shell; one
 * that names an entry for other roles (系统管理 for a non-admin) is a 403.
 */
export const load: PageLoad = async ({ params, parent }) => {
  const { menu } = await parent();
  const segments = pathSegments(params.path);
  const trail = findTrail(menu, segments);
  if (!trail) {
    if (findTrail(REGULATOR_MENUS[params.category], segments)) error(403, '您的账号没有使用该功能的权限。');
    error(404, '没有这个菜单页面。');
  }
  // A menu entry with a left menu has no page of its own: it opens its first entry (as the seed's header
  // menus do — 经营监管 opens 经营单位信息管理, 系统管理 the first page the account may use).
  const leaf = firstLeaf(trail);
  if (leaf !== trail) {
    redirect(
      307,
      resolve('/platform/[category=category]/(app)/[...path]', { category: params.category, path: menuPath(leaf) }),
    );
  }
  return { trail };
};
