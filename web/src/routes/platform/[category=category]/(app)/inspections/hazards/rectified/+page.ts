import { regulatorPageTrail } from '$lib/nav/menu-route';
import type { PageLoad } from './$types';

/** 检查通报管理 › 隐患管理 › the list of its name. */
export const load: PageLoad = async ({ params, parent }) => ({
  trail: regulatorPageTrail((await parent()).menu, params.category, ['inspections', 'hazards', 'rectified']),
});
