import { regulatorPageTrail } from '$lib/nav/menu-route';
import type { PageLoad } from './$types';

/** 检查通报管理 › 隐患管理 › 登记隐患问题. */
export const load: PageLoad = async ({ params, parent }) => ({
  trail: regulatorPageTrail((await parent()).menu, params.category, ['inspections', 'hazards', 'register']),
});
