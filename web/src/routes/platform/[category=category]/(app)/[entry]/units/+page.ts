import { error } from '@sveltejs/kit';
import { regulatorPageTrail } from '$lib/nav/menu-route';
import { unitListSegment } from '$lib/register/unit-menus';
import type { PageLoad } from './$types';

/** A segment's unit list (单位信息管理): `<segment's menu entry>/units`. */
export const load: PageLoad = async ({ params, parent }) => {
  const trail = regulatorPageTrail((await parent()).menu, params.category, [params.entry, 'units']);
  const segment = unitListSegment(params.category, trail) ?? error(404, '没有这个菜单页面。');
  return { trail, segment };
};
