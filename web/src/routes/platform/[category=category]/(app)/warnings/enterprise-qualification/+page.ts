import { regulatorPageTrail } from '$lib/nav/menu-route';
import type { PageLoad } from './$types';

/** 大数据预警 › the list of its name. */
export const load: PageLoad = async ({ params, parent }) => ({
  trail: regulatorPageTrail((await parent()).menu, params.category, ['warnings', 'enterprise-qualification']),
});
