import { ENTERPRISE_MENU } from '$lib/nav/enterprise-menus';
import { enterprisePageTrail } from '$lib/nav/menu-route';
import type { PageLoad } from './$types';

/** 物品流向登记 › 电子托运单 › one waybill. */
export const load: PageLoad = ({ params }) => ({
  trail: enterprisePageTrail(ENTERPRISE_MENU, ['flow', 'waybills']),
  waybillId: params.waybillId,
});
