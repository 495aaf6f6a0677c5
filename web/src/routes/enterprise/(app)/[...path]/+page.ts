import { redirect } from '@sveltejs/kit';
import { resolve } from '$app/paths';
import { ENTERPRISE_MENU } from '$lib/nav/enterprise-menus';
import { firstLeaf, menuPath, pathSegments } from '$lib/nav/menu';
import { enterprisePageTrail } from '$lib/nav/menu-route';
import type { PageLoad } from './$types';

/**
 * The menu entries of the 企业服务平台 that are not built yet (建设中); the built screens have their own route
 * files beside this one (profile/…, messages). A path that names no entry is a 404 inside the shell.
 */
export const load: PageLoad = ({ params }) => {
  const trail = enterprisePageTrail(ENTERPRISE_MENU, pathSegments(params.path));
  // An entry with a left menu opens its first entry (企业信息管理 → 企业基本信息).
  const leaf = firstLeaf(trail);
  if (leaf !== trail) redirect(307, resolve('/enterprise/(app)/[...path]', { path: menuPath(leaf) }));
  return { trail };
};
