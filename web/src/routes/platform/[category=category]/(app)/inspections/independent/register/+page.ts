import { regulatorPageTrail } from '$lib/nav/menu-route';
import type { PageLoad } from './$types';

/** 检查通报管理 › 独立检查任务 › 登记独立检查任务. */
export const load: PageLoad = async ({ params, parent }) => ({
  trail: regulatorPageTrail((await parent()).menu, params.category, ['inspections', 'independent', 'register']),
});
