import { regulatorPageTrail } from '$lib/nav/menu-route';
import type { PageLoad } from './$types';

/** The 登记 page of one task, under 登记独立检查任务 (joint tasks too: the seed's steps are the same). */
export const load: PageLoad = async ({ params, parent }) => ({
  trail: regulatorPageTrail((await parent()).menu, params.category, ['inspections', 'independent', 'register']),
  taskId: params.taskId,
});
