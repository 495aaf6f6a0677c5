import { findTrail, item, pathSegments } from '$lib/nav/menu';
import { regulatorPageTrail } from '$lib/nav/menu-route';
import type { PageLoad } from './$types';

/**
 * One notice, under 归口通报管理. `?from=<menu path>` names the list it was opened from (发出的通报 / 收到的通报),
 * for the breadcrumb and the menus (README: the web's conventions); the API says how the caller stands to it.
 */
export const load: PageLoad = async ({ params, parent, url }) => {
  const { menu } = await parent();
  const from = findTrail(menu, pathSegments(url.searchParams.get('from') ?? ''));
  const list = from ?? regulatorPageTrail(menu, params.category, ['inspections', 'notices']);
  return {
    noticeId: params.noticeId,
    justSent: url.searchParams.get('sent') === '1',
    trail: [...list, item(params.noticeId, '通报详情')],
  };
};
