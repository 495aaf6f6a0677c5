import { error, redirect } from '@sveltejs/kit';
import { resolve } from '$app/paths';
import { ENTERPRISE_MENU } from '$lib/nav/enterprise-menus';
import { findTrail, firstLeaf, menuPath, pathSegments } from '$lib/nav/menu';
import type { PageLoad } from './$types';

/** Every menu entry of the 企业服务平台 has a page here; a path that names none is a 404 inside the shell. */
export const load: PageLoad = ({ params }) => {
  const trail = findTrail(ENTERPRISE_MENU, pathSegments(params.path));
  if (!trail) error(404, '没有这个菜单页面。');
  // An entry with a left menu opens its first entry (企业信息管理 → 企业基本信息).
  const leaf = firstLeaf(trail);
  if (leaf !== trail) redirect(307, resolve('/enterprise/(app)/[...path]', { path: menuPath(leaf) }));
  return { trail };
};
