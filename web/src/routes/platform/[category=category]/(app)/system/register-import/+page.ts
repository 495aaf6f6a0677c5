import { regulatorPageTrail } from '$lib/nav/menu-route';
import type { PageLoad } from './$types';

/** 系统管理 › 企业信息导入: its own chunk, loaded when opened (few accounts ever see it). */
export const load: PageLoad = async ({ params, parent }) => ({
  trail: regulatorPageTrail((await parent()).menu, params.category, ['system', 'register-import']),
});
