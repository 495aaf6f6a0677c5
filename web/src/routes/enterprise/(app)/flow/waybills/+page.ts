import { ENTERPRISE_MENU } from '$lib/nav/enterprise-menus';
import { enterprisePageTrail } from '$lib/nav/menu-route';
import type { PageLoad } from './$types';

/** 物品流向登记 › 电子托运单. */
export const load: PageLoad = () => ({ trail: enterprisePageTrail(ENTERPRISE_MENU, ['flow', 'waybills']) });
