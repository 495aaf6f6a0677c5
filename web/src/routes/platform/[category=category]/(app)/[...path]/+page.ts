import { error } from '@sveltejs/kit';
import { findTrail, pathSegments } from '$lib/nav/menu';
import { regulatorMenu } from '$lib/nav/regulator-menus';
import type { PageLoad } from './$types';

/** Every menu entry of the sub-platform has a page here; a path that names none is a 404 inside the shell. */
export const load: PageLoad = ({ params }) => {
  const trail = findTrail(regulatorMenu(params.category), pathSegments(params.path));
  if (!trail) error(404, '没有这个菜单页面。');
  return { trail };
};
