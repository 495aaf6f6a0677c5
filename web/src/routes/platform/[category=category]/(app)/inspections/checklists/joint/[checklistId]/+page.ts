import { regulatorPageTrail } from '$lib/nav/menu-route';
import type { PageLoad } from './$types';

/** 编辑 (or 查看) one checklist of 联合检查清单管理; its scope is the API's to check. */
export const load: PageLoad = async ({ params, parent }) => ({
  checklistId: params.checklistId,
  trail: regulatorPageTrail((await parent()).menu, params.category, ['inspections', 'checklists', 'joint']),
});
