import { ENTERPRISE_MENU } from '$lib/nav/enterprise-menus';
import { enterprisePageTrail } from '$lib/nav/menu-route';
import type { PageLoad } from './$types';

/** 隐患管理 › 监管部门下发隐患. */
export const load: PageLoad = () => ({ trail: enterprisePageTrail(ENTERPRISE_MENU, ['hazards', 'issued']) });
