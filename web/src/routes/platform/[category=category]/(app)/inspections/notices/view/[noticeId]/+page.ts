import { item } from '$lib/nav/menu';
import { regulatorPageTrail } from '$lib/nav/menu-route';
import type { PageLoad } from './$types';

/** One notice, under 归口通报管理 (sent or received: the API says which the caller is). */
export const load: PageLoad = async ({ params, parent, url }) => ({
  noticeId: params.noticeId,
  justSent: url.searchParams.get('sent') === '1',
  trail: [
    ...regulatorPageTrail((await parent()).menu, params.category, ['inspections', 'notices']),
    item(params.noticeId, '通报详情'),
  ],
});
