import { error } from '@sveltejs/kit';
import { ENTERPRISE_MENU } from '$lib/nav/enterprise-menus';
import { findTrail, pathSegments } from '$lib/nav/menu';
import type { PageLoad } from './$types';

/** Every menu entry of the 企业服务平台 has a page here; a path that names none is a 404 inside the shell. */
export const load: PageLoad = ({ params }) => {
  const trail = findTrail(ENTERPRISE_MENU, pathSegments(params.path));
  if (!trail) error(404, '没有这个菜单页面。');
  return { trail };
};
